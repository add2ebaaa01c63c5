import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import type { AuthUser } from '../access/auth-user';
import { DomainError } from '../common/domain-error';
import { visibleEnterprises } from '../enterprises/enterprise-access';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import {
  explicitPeriod,
  parseInstant,
  parsePeriod,
  type Period,
  PeriodError,
  ratePercent,
  readPeriod,
} from '../reports/periods';
import type { ProductionFiguresQuery, ProductionGroupBy, RecordProductionStatusDto } from './production-status.dto';
import type {
  CurrentStatusResponse,
  ProductionFigures,
  ProductionReport,
  RecordedStatusResponse,
  StatusEventResponse,
  StatusHistoryResponse,
} from './production-status.response';
import { ProductionRepository, type CurrentStatusRow, type StatusEventRow } from './production.repository';
import { productionFiguresSql } from './production.sql';
import { ReportReader } from '../database/report-reader';

/** Roles that may record a status for any enterprise; officials only for those they answer for. */
const RECORD_ANY = new Set<AuthUser['role']>(['manager', 'admin']);
/** A client's clock may run a little ahead of the server's. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

interface FigureRow {
  key: string | null;
  idle: number;
  reduced: number;
  idle_at_start: number;
  resumed: number;
}

@Injectable()
export class ProductionService {
  constructor(
    private readonly repo: ProductionRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly reader: ReportReader,
  ) {}

  /**
   * Records a status event and, in the same transaction, brings the enterprise row's latest status
   * up to date (it changes only when this event is the latest by effectiveAt).
   */
  async record(user: AuthUser, enterpriseId: string, body: RecordProductionStatusDto): Promise<RecordedStatusResponse> {
    const effectiveAt = body.effectiveAt === undefined ? null : this.effectiveAt(body.effectiveAt);
    if ((body.outputMonth === undefined) !== (body.outputValueYuan === undefined)) {
      const field = body.outputMonth === undefined ? 'outputMonth' : 'outputValueYuan';
      throw DomainError.invalidField(field, 'give outputMonth and outputValueYuan together');
    }
    return this.repo.db.transaction(async (em) => {
      if (!(await this.repo.lockEnterprise(em, enterpriseId))) throw DomainError.notFound('enterprise');
      if (!RECORD_ANY.has(user.role) && !(await this.repo.isResponsible(em, enterpriseId, user.id))) {
        throw DomainError.forbidden(
          'only the officials responsible for this enterprise, managers and admins may record its status',
        );
      }
      const event = await this.repo.insertEvent(em, {
        enterpriseId,
        status: body.status,
        effectiveAt,
        outputMonth: body.outputMonth ?? null,
        outputValueYuan: body.outputValueYuan ?? null,
        note: body.note?.trim() || null,
        recordedBy: user.id,
      });
      const current = await this.repo.refreshLatest(em, enterpriseId);
      return { event: toEvent(event), current: toCurrent(current) };
    });
  }

  async history(user: AuthUser, enterpriseId: string): Promise<StatusHistoryResponse> {
    const current = await this.repo.current(enterpriseId, (params) => visibleEnterprises(user, params));
    if (!current) throw DomainError.notFound('enterprise');
    const [items, canRecord] = await Promise.all([
      this.repo.history(enterpriseId),
      RECORD_ANY.has(user.role)
        ? true
        : user.role === 'official' && this.repo.isResponsible(this.repo.db, enterpriseId, user.id),
    ]);
    return { enterpriseId, current: toCurrent(current), items: items.map(toEvent), canRecord };
  }

  /** Idle and reduced enterprises at T and the resumption rate of the period, optionally per group. */
  async figures(query: ProductionFiguresQuery): Promise<ProductionReport> {
    const { period, asOf } = this.resolve(query);
    const params = [period.from.toJSDate(), period.to.toJSDate(), asOf.toJSDate()];
    const [total] = await this.repo.figures<FigureRow>(productionFiguresSql('total'), params);
    const report: ProductionReport = {
      period: { label: period.label, from: period.from.toISO()!, to: period.to.toISO()!, timezone: period.timezone },
      asOf: asOf.toISO()!,
      ...this.reader.readFrom(),
      ...figuresOf(total),
    };
    if (!query.groupBy) return report;
    const grouped = await this.repo.figures<FigureRow>(productionFiguresSql(query.groupBy), params);
    return { ...report, groupBy: query.groupBy, groups: await this.groups(query.groupBy, grouped) };
  }

  /** Every district (also those with nothing under watch); industries as the enterprises name them. */
  private async groups(groupBy: ProductionGroupBy, grouped: FigureRow[]) {
    const labels =
      groupBy === 'district'
        ? await this.repo.districtLabels()
        : grouped
            .map((row) => ({ key: row.key, label: row.key ?? '未填写' }))
            .sort((a, b) => (a.key === null ? 1 : b.key === null ? -1 : a.key.localeCompare(b.key)));
    const listed = labels.map((l) => ({ ...l, ...figuresOf(grouped.find((row) => row.key === l.key)) }));
    for (const row of grouped) {
      if (!labels.some((l) => l.key === row.key))
        listed.push({ key: row.key, label: row.key ?? '未填写', ...figuresOf(row) });
    }
    return listed;
  }

  private effectiveAt(text: string): Date {
    const zone = this.config.reportTimezone;
    const at = readPeriod(() => parseInstant(text, zone, 'effectiveAt'));
    if (at.toMillis() > Date.now() + FUTURE_TOLERANCE_MS) {
      throw DomainError.invalidField('effectiveAt', 'must not be in the future');
    }
    return at.toJSDate();
  }

  /** As the resolution rate: a period or from/to; asOf given, or the period's end, or now while it runs. */
  private resolve(query: ProductionFiguresQuery): { period: Period; asOf: DateTime } {
    const zone = this.config.reportTimezone;
    return readPeriod(() => {
      let period: Period;
      if (query.period !== undefined) {
        if (query.from !== undefined || query.to !== undefined) {
          throw new PeriodError('period', 'give either period or from and to, not both');
        }
        period = parsePeriod(query.period, zone);
      } else if (query.from !== undefined && query.to !== undefined) {
        period = explicitPeriod(query.from, query.to, zone);
      } else {
        throw new PeriodError(
          query.from === undefined ? 'period' : 'to',
          'give a period (2025-Q1) or both from and to',
        );
      }
      const now = this.reader.now(zone);
      if (query.asOf === 'now' || (query.asOf === undefined && now < period.to)) return { period, asOf: now };
      const asOf = query.asOf === undefined ? period.to : parseInstant(query.asOf, zone, 'asOf');
      this.reader.readAsOf(asOf);
      return { period, asOf };
    });
  }
}

function figuresOf(row: FigureRow | undefined): ProductionFigures {
  const idleAtStart = row?.idle_at_start ?? 0;
  const resumed = row?.resumed ?? 0;
  return {
    idle: row?.idle ?? 0,
    reduced: row?.reduced ?? 0,
    resumptionRate: { resumed, idleAtStart, ratePercent: ratePercent(resumed, idleAtStart) },
  };
}

function toEvent(row: StatusEventRow): StatusEventResponse {
  return {
    id: row.id,
    status: row.status,
    effectiveAt: row.effectiveAt.toISOString(),
    outputMonth: row.outputMonth,
    outputValueYuan: row.outputValueYuan === null ? null : Number(row.outputValueYuan),
    note: row.note,
    recordedById: row.recordedById,
    recordedByName: row.recordedByName,
    recordedAt: row.recordedAt.toISOString(),
  };
}

function toCurrent(row: CurrentStatusRow): CurrentStatusResponse {
  return { status: row.status, since: row.since?.toISOString() ?? null };
}
