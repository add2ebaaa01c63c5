import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import type { AuthUser } from '../../access/auth-user';
import { DomainError } from '../../common/domain-error';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { DEFINITION_IDS } from '../drill-down/definitions';
import { parseInstant, type Period, readPeriod } from '../periods';
import { ReportsService } from '../reports.service';
import {
  apportion,
  COMPONENTS,
  type Component,
  DEFAULT_WEIGHTS,
  emptyTally,
  Fraction,
  rank,
  score,
  SUPERVISION_POINTS,
  supervisionLevel,
  type Tally,
  type Weights,
} from './assessment-score';
import type { AssessmentQuery, DeductionsQuery, WeightsBody } from './assessment.dto';
import { AssessmentRepository, type WeightsRow } from './assessment.repository';
import type {
  AssessmentDepartment,
  AssessmentReport,
  DeductionItem,
  DeductionsReport,
  WeightsChange,
  WeightsReport,
} from './assessment.response';
import type { AssessmentItemRow } from './assessment.sql';

/** A month (2025-03) or a quarter (2025-Q1): the periods a department is assessed over. */
const ASSESSMENT_PERIOD = /^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/;

type Counted = Pick<AssessmentItemRow, 'component' | 'ok' | 'level'> & { count: number };

/** The department assessment (考核): weights, the ranking and the drill-down (docs/domain.md). */
@Injectable()
export class AssessmentService {
  constructor(
    private readonly repository: AssessmentRepository,
    private readonly reports: ReportsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The ranking of a month or a quarter as of an instant; a handler gets their own department's row only. */
  async ranking(user: AuthUser, query: Pick<AssessmentQuery, 'period' | 'asOf'>): Promise<AssessmentReport> {
    const { period, asOf } = this.resolve(query);
    return this.rankingOf(period, asOf, user);
  }

  /** The ranking of a period as of an instant, for every department (the weekly report's too). */
  async rankingOf(period: Period, asOf: DateTime, user?: AuthUser): Promise<AssessmentReport> {
    const [from, to, at] = [period.from.toJSDate(), period.to.toJSDate(), asOf.toJSDate()];
    const [weights, counts] = await Promise.all([
      this.weightsAt(at),
      this.repository.counts(from, to, at, this.config.reportTimezone),
    ]);
    const departments = new Map<string, { name: string; rows: Counted[] }>();
    for (const row of counts) {
      const entry = departments.get(row.departmentId) ?? { name: row.name, rows: [] };
      entry.rows.push(row);
      departments.set(row.departmentId, entry);
    }
    const scored = [...departments].map(([departmentId, { name, rows }]) => {
      const result = score(tallyOf(rows), weights.weights);
      return { departmentId, name, score: result.score, components: result.components };
    });
    let ranked: AssessmentDepartment[] = rank(scored);
    if (user?.role === 'handler') ranked = ranked.filter((d) => d.departmentId === user.departmentId);
    return { ...this.reports.describe(period, asOf), definitions: scoreDefinitions(), ...weights, departments: ranked };
  }

  /** The problems behind every point a department lost in the period, as of the instant. */
  async deductions(user: AuthUser, departmentId: string, query: DeductionsQuery): Promise<DeductionsReport> {
    if (user.role === 'handler' && user.departmentId !== departmentId) throw DomainError.notFound('department');
    const department = await this.repository.department(departmentId);
    if (!department) throw DomainError.notFound('department');
    const { period, asOf } = this.resolve(query);
    const at = asOf.toJSDate();
    const [weights, items] = await Promise.all([
      this.weightsAt(at),
      this.repository.departmentItems(
        period.from.toJSDate(),
        period.to.toJSDate(),
        at,
        this.config.reportTimezone,
        departmentId,
      ),
    ]);
    const result = score(tallyOf(items.map((i) => ({ ...i, count: 1 }))), weights.weights);

    const deductions: DeductionItem[] = [];
    const charge = (
      component: Exclude<Component, 'supervision'>,
      failing: typeof items,
      kind: (i: (typeof items)[number]) => DeductionItem['kind'],
    ) => {
      const per = result.perItem[component];
      if (per.n === 0n) return;
      const shares = apportion(per.times(Fraction.of(failing.length)), failing.length);
      failing.forEach((item, i) => deductions.push(deduction(component, kind(item), item, shares[i]!)));
    };
    const failing = (component: AssessmentItemRow['component']) =>
      items.filter((i) => i.component === component && !i.ok);
    charge('signFor', failing('signFor'), (i) => (i.done ? 'signed_for_late' : 'not_signed_for'));
    charge('onTime', failing('onTime'), () => 'resolved_late');
    charge('returns', failing('return'), () => 'returned');
    charge('redos', failing('redo'), () => 'redo');
    charge('satisfaction', failing('satisfaction'), () => 'not_satisfied');
    for (const item of items.filter((i) => i.component === 'supervision')) {
      const level = supervisionLevel(item.level);
      const points = SUPERVISION_POINTS[level] * (item.ok ? 1 : 2);
      deductions.push(deduction('supervision', item.ok ? 'supervised' : 'supervised_overdue', item, points));
    }
    const order = (c: Component) => COMPONENTS.indexOf(c);
    deductions.sort((a, b) => order(a.component) - order(b.component) || a.at.localeCompare(b.at));
    return {
      ...this.reports.describe(period, asOf),
      definitions: scoreDefinitions(),
      ...weights,
      departmentId,
      name: department.name,
      score: result.score,
      components: result.components,
      items: query.component ? deductions.filter((d) => d.component === query.component) : deductions,
    };
  }

  /** The weights in force now, the defaults and every change recorded. */
  async weights(): Promise<WeightsReport> {
    const now = await this.repository.now();
    const [current, history] = await Promise.all([
      this.repository.weightsAt(new Date(now.getTime() + 1)),
      this.repository.weightsHistory(),
    ]);
    return {
      weights: current?.weights ?? DEFAULT_WEIGHTS,
      weightsSince: current?.effectiveFrom.toISOString() ?? null,
      defaults: DEFAULT_WEIGHTS,
      history: history.map(change),
    };
  }

  /** Records new weights (all six, integers 0–100 adding up to 100), from now or from a later instant. */
  async setWeights(user: AuthUser, body: WeightsBody): Promise<WeightsReport> {
    const weights = Object.fromEntries(COMPONENTS.map((c) => [c, body[c]])) as Weights;
    const sum = COMPONENTS.reduce((total, c) => total + weights[c], 0);
    if (sum !== 100) throw DomainError.invalidField('weights', `the six weights must add up to 100, not ${sum}`);
    let effectiveFrom: Date | null = null;
    if (body.effectiveFrom !== undefined) {
      const text = body.effectiveFrom;
      effectiveFrom = readPeriod(() => parseInstant(text, this.config.reportTimezone, 'effectiveFrom')).toJSDate();
      if (effectiveFrom < (await this.repository.now())) {
        throw DomainError.invalidField(
          'effectiveFrom',
          'weights cannot apply to the past: a published score keeps its weights',
        );
      }
    }
    await this.repository.insertWeights(weights, user.id, body.note ?? null, effectiveFrom);
    return this.weights();
  }

  private async weightsAt(at: Date): Promise<{ weights: Weights; weightsSince: string | null }> {
    const row = await this.repository.weightsAt(at);
    return { weights: row?.weights ?? DEFAULT_WEIGHTS, weightsSince: row?.effectiveFrom.toISOString() ?? null };
  }

  private resolve(query: Pick<AssessmentQuery, 'period' | 'asOf'>): { period: Period; asOf: DateTime } {
    if (!ASSESSMENT_PERIOD.test(query.period)) {
      throw DomainError.invalidField('period', 'expected a month (2025-03) or a quarter (2025-Q1)');
    }
    const { period, asOf } = this.reports.resolve({ period: query.period, asOf: query.asOf });
    return { period, asOf };
  }
}

/** The definition the score and its deductions are computed under. */
function scoreDefinitions(): { score: string } {
  return { score: DEFINITION_IDS['assessment-score'] };
}

/** Counted items (one row per item, or rows with a count) added up per component. */
function tallyOf(rows: Counted[]): Tally {
  const tally = emptyTally();
  for (const { component, ok, level, count } of rows) {
    switch (component) {
      case 'signFor':
      case 'onTime':
      case 'satisfaction':
        tally[component].total += count;
        if (ok) tally[component].ok += count;
        if (component === 'onTime') tally.redos.resolutions += count;
        break;
      case 'assignment':
        tally.returns.assignments += count;
        break;
      case 'return':
        tally.returns.returns += count;
        break;
      case 'redo':
        tally.redos.redos += count;
        break;
      case 'supervision':
        tally.supervisions.push({ level: supervisionLevel(level), overdue: !ok, count });
        break;
    }
  }
  return tally;
}

function deduction(
  component: Component,
  kind: DeductionItem['kind'],
  item: AssessmentItemRow & { code: string; title: string },
  points: number,
): DeductionItem {
  return {
    component,
    kind,
    problemId: item.problemId,
    code: item.code,
    title: item.title,
    at: item.at.toISOString(),
    due: item.due?.toISOString() ?? null,
    done: item.done?.toISOString() ?? null,
    level: component === 'supervision' ? supervisionLevel(item.level) : null,
    points,
  };
}

function change(row: WeightsRow): WeightsChange {
  return {
    id: row.id,
    effectiveFrom: row.effectiveFrom.toISOString(),
    weights: row.weights,
    recordedBy: row.recordedBy,
    recordedByName: row.recordedByName,
    recordedAt: row.recordedAt.toISOString(),
    note: row.note,
  };
}
