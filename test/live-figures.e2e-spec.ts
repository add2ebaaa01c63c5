import { DateTime } from 'luxon';
import { assessmentCounts } from '../src/reports/assessment/assessment.sql';
import { AssessmentRepository } from '../src/reports/assessment/assessment.repository';
import {
  GROUP_KEYS,
  redoFigures,
  resolvedFigures,
  returnFigures,
  signForFigures,
  verifiedFigures,
} from '../src/reports/figures.sql';
import { rows } from '../src/common/sql';
import { ReportReader } from '../src/database/report-reader';
import { ResolutionCounts } from '../src/reports/resolution-counts';
import { COUNTS_BY, TOTAL, type GroupBy } from '../src/reports/resolution-rate.sql';
import { LiveBases } from '../src/reports/settled/live-bases';
import { LiveDelta } from '../src/reports/settled/live-delta';
import { SettledQueries } from '../src/reports/settled/settled-queries';
import { WindowFigures } from '../src/reports/window-figures';
import { Factory, inDays, TestUser } from './factories';
import { sleep } from './factories/more';
import { history } from './factories/history';
import { createTestApp, TestApp } from './support/test-app';

const ZONE = 'Asia/Shanghai';
/** How far ahead of the first figures the deadlines that pass with no event lie. */
const DEADLINE_MS = 8_000;

/**
 * The window figures and the assessment as of now are moved forward from a base by the problems
 * changed since (src/reports/settled/live-delta.ts): here they are compared, row by row, with the
 * same SQL run over the whole period at the answer's instant, before and after changes of every
 * kind, and after deadlines pass with no event at all.
 */
describe('figures as of now, moved forward from a base', () => {
  let t: TestApp;
  let f: Factory;
  let manager: TestUser;
  let handler: TestUser;
  let enterpriseId: string;
  let period: { from: Date; to: Date };
  const ids: Record<string, string> = {};
  let deadline: Date;
  let officialId: string;
  let departmentId: string;

  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
    manager = await f.user('manager');
    const official = await f.user('official');
    const department = await f.department('实时考核局');
    handler = await f.user('handler', department.id);
    enterpriseId = (await f.enterprise(official, { name: '酒泉实时数据有限公司', district: 'suzhou' })).id;
    const now = DateTime.now().setZone(ZONE);
    period = { from: now.startOf('quarter').toJSDate(), to: now.startOf('quarter').plus({ months: 3 }).toJSDate() };
    deadline = new Date(Date.now() + DEADLINE_MS + 2_000);

    // Reported some days ago, acted on earlier in the quarter (a minute after it began, or from an
    // hour ago), all before any figure is asked for: the service never writes the past.
    const start = DateTime.max(now.startOf('quarter').plus({ minutes: 1 }), now.minus({ hours: 1 }));
    const at = (step: number) => start.plus({ seconds: step * 20 }).toISO()!;
    const reported = (days: number) => (days === 0 ? at(0) : now.minus({ days }).toISO()!);
    const earlier = (category: string, days = 0) =>
      history(t).problem({ reportedAt: reported(days), enterpriseId, category, createdBy: official.id });
    const assigned = (category: string, days = 0) =>
      earlier(category, days).assign(
        days === 0 ? at(1) : now.minus({ days, minutes: -1 }).toISO()!,
        department.id,
        at(8),
      );
    ids.unsigned = (
      await earlier('labour').assign(at(1), department.id, inDays(10), undefined, { signForDueAt: deadline }).insert()
    ).id;
    ids.toVerify = (await assigned('financing', 4).accept(at(2)).resolve(at(4)).insert()).id;
    ids.toReopen = (await assigned('labour', 5).accept(at(2)).resolve(at(5)).insert()).id;
    ids.toReturn = (
      await earlier('labour')
        .assign(at(1), department.id, inDays(10), undefined, { signForDueAt: at(3) })
        .accept(at(2))
        .insert()
    ).id;
    ids.supervised = (
      await earlier('financing')
        .assign(at(1), department.id, inDays(10))
        .accept(at(2))
        .escalate(at(3), '请加快办理')
        .with({ level: 'reminder', answerBy: deadline.toISOString() })
        .insert()
    ).id;
    // Days to resolve of 3, 4, 5, 6, 7 and 11 days, less an hour at most: a median of 5.5 days.
    for (const days of [3, 6, 7, 11]) await assigned('labour', days).accept(at(2)).resolve(at(6)).insert();
    officialId = official.id;
    departmentId = department.id;
  });
  afterAll(() => t.close());

  /** The window figures computed over the whole period with the SQL alone, as the settled path runs it. */
  async function direct(asOf: Date, groupBy?: GroupBy) {
    const key = GROUP_KEYS[groupBy ?? 'total'];
    const run = (sql: string, types: string[]) => t.db.query(sql, [period.from, period.to, asOf, types]);
    const [resolved, verified, returns, signFor, redos] = await Promise.all([
      run(resolvedFigures(key), ['resolve']),
      run(verifiedFigures(key), ['verify']),
      run(returnFigures(key), ['return']),
      run(signForFigures(key), ['assign']),
      run(redoFigures(key), ['reopen', 'verify']),
    ]);
    return { resolved, verified, returns, signFor, redos };
  }

  const sorted = <T>(rows: T[]) => [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

  /** Every figure as of now, each equal to the whole period's SQL at the same instant. */
  async function expectExact(window = t.app.get(WindowFigures)): Promise<Record<string, unknown>> {
    const asOf = new Date();
    const figures: Record<string, unknown> = {};
    for (const groupBy of [undefined, 'department', 'category', 'district', 'industry'] as const) {
      const live = await window.of(period.from, period.to, asOf, groupBy);
      const fresh = await direct(asOf, groupBy);
      for (const name of Object.keys(fresh) as (keyof typeof fresh)[]) {
        const rows: unknown[] = live[name];
        expect({ name, groupBy, rows: sorted(rows) }).toEqual({ name, groupBy, rows: sorted(fresh[name]) });
      }
      figures[groupBy ?? 'total'] = live;
    }
    const counts = await t.app.get(AssessmentRepository).counts(period.from, period.to, asOf, ZONE);
    const freshCounts = await t.db.query(assessmentCounts(), [period.from, period.to, asOf, ZONE]);
    expect(sorted(counts.map(({ name: _name, ...row }) => row))).toEqual(sorted(freshCounts));
    figures.assessment = counts;
    return figures;
  }

  it('starts equal to the SQL over the whole period', async () => {
    const first = (await expectExact()) as { total: { resolved: { median_days: number }[] } };
    expect(first.total.resolved[0]).toMatchObject({ resolved: 6 });
    expect(first.total.resolved[0]!.median_days).toBeGreaterThan(5);
  });

  it('follows every kind of change, the median of the days to resolve included', async () => {
    expect((await f.act(manager, ids.toVerify!, 'verify', { satisfaction: 'satisfied' })).status).toBe(200);
    expect((await f.act(manager, ids.toReopen!, 'reopen', { reason: '企业反映未解决', dueAt: inDays(3) })).status).toBe(
      200,
    );
    expect((await f.act(handler, ids.toReturn!, 'return', { reason: '不属本单位职责' })).status).toBe(200);
    type Totals = {
      total: {
        resolved: { resolved: number; median_days: number }[];
        verified: { verified: number }[];
        returns: { returns: number }[];
        redos: { redos: number }[];
      };
    };
    const before = (await expectExact()) as Totals;
    expect(before.total.verified[0]).toMatchObject({ verified: 1 });
    expect(before.total.returns[0]).toMatchObject({ returns: 1 });
    expect(before.total.redos[0]).toMatchObject({ redos: 1 });

    // Resolved again now, and one reported 30 days ago resolved now: the median moves to 6 days.
    // (Its actions are stamped now, as the service stamps them; only its report lies in the past.)
    expect((await f.act(handler, ids.toReopen!, 'resolve', { resolution: '再次办结' })).status).toBe(200);
    const now = DateTime.now().setZone(ZONE);
    await history(t)
      .problem({
        reportedAt: now.minus({ days: 30 }).toISO()!,
        enterpriseId,
        category: 'labour',
        createdBy: officialId,
      })
      .assign(now.minus({ milliseconds: 20 }).toISO()!, departmentId, inDays(3))
      .accept(now.minus({ milliseconds: 10 }).toISO()!)
      .resolve(now.toISO()!)
      .insert();
    const after = (await expectExact()) as Totals;
    expect(after.total.resolved[0]!.resolved).toBe(7);
    expect(before.total.resolved[0]!.median_days).toBeLessThan(after.total.resolved[0]!.median_days);
  });

  it('counts an assignment due for sign-for and a supervision overdue once their deadlines pass, with no event', async () => {
    const before = (await expectExact()) as {
      total: { signFor: { due: number }[] };
      assessment: { component: string; ok: boolean; count: number }[];
    };
    await sleep(Math.max(0, deadline.getTime() - Date.now()) + 1_500);
    const after = (await expectExact()) as typeof before;
    expect(after.total.signFor[0]!.due).toBe(before.total.signFor[0]!.due + 1);
    const overdue = (figures: typeof before) =>
      figures.assessment.find((row) => row.component === 'supervision' && !row.ok)?.count ?? 0;
    expect(overdue(after)).toBe(overdue(before) + 1);
  });

  it('starts again from the bases kept in PostgreSQL after a restart, and checks them against the events', async () => {
    expect((await f.act(handler, ids.unsigned!, 'accept', {})).status).toBe(200);
    await expectExact();
    const reader = t.app.get(ReportReader);
    const settled = t.app.get(SettledQueries);
    const bases = t.app.get(LiveBases);
    // A new process: nothing in memory, the bases in PostgreSQL.
    const restarted = () => {
      const delta = new LiveDelta(reader, settled, bases);
      return {
        window: new WindowFigures(reader, settled, delta),
        counts: new ResolutionCounts(reader, settled, bases),
      };
    };
    const first = restarted();
    await expectExact(first.window);
    const asOf = new Date();
    const [total] = (await t.db.query(TOTAL, [period.from, period.to, asOf])) as {
      recorded: number;
      resolved: number;
    }[];
    expect(await first.counts.total(period.from, period.to, asOf)).toEqual({
      recorded: total!.recorded,
      resolved: total!.resolved,
    });

    // The kept base of the resolved figure, made wrong on purpose: a new process answers from it,
    // and the check finds it.
    const resolvedSql = resolvedFigures(GROUP_KEYS.total, { durations: true });
    const [{ family }] = await rows<{ family: string }>(
      t.db,
      `UPDATE live_bases SET rows = jsonb_set(rows, '{0,resolved}', to_jsonb((rows->0->>'resolved')::int + 100))
       WHERE statement = $1 AND parameters->>0 = $2 RETURNING family`,
      [resolvedSql, period.from.toISOString()],
    );
    const tampered = await restarted().window.of(period.from, period.to, new Date());
    const honest = (await direct(new Date())).resolved[0] as { resolved: number };
    expect(tampered.resolved[0]!.resolved).toBe(honest.resolved + 100);

    // Every other kept base (moved forward many times, its days to resolve gathered) is exact.
    const check = await bases.check(t.db, false);
    expect(check.checked).toBeGreaterThan(10);
    expect(check.differing.map((entry) => entry.key)).toEqual([family]);
    expect((await bases.check(t.db, true)).differing.map((entry) => entry.key)).toEqual([family]);
    expect((await bases.check(t.db, false)).differing).toEqual([]);
    await expectExact(restarted().window);
  });

  it('counts by district and industry from a base too, and regroups at once when an enterprise moves', async () => {
    await expectExact();
    // Their bases are kept in PostgreSQL too, marked: a restart starts from them.
    const keptByEnterprise = async () =>
      (await t.db.query(`SELECT count(*)::int AS n FROM live_bases WHERE by_enterprise`))[0].n as number;
    expect(await keptByEnterprise()).toBeGreaterThan(0);
    const counts = t.app.get(ResolutionCounts);
    const byGroup = async (groupBy: 'district' | 'industry') => {
      const asOf = new Date();
      const live = (await counts.byGroup(groupBy, period.from, period.to, asOf))
        .filter((g) => g.recorded > 0)
        .map(({ key, recorded, resolved }) => ({ key, recorded, resolved }));
      const whole = await rows<{ key: string | null; recorded: number; resolved: number }>(t.db, COUNTS_BY[groupBy], [
        period.from,
        period.to,
        asOf,
      ]);
      expect(sorted(live)).toEqual(sorted(whole));
      return live;
    };
    for (const groupBy of ['district', 'industry'] as const) await byGroup(groupBy);
    // A problem entered after the base is added to it.
    const counted = (list: { key: string | null; recorded: number }[], key: string) =>
      list.find((g) => g.key === key)?.recorded ?? 0;
    const first = await byGroup('district');
    await history(t)
      .problem({ reportedAt: DateTime.now().toISO()!, enterpriseId, category: 'labour', createdBy: officialId })
      .insert();
    const before = await byGroup('district');
    expect(counted(before, 'suzhou')).toBe(counted(first, 'suzhou') + 1);

    // The enterprise moves: its problems are counted under its new district and industry at once.
    await t.db.query(`UPDATE enterprises SET district_code = 'jinta', industry = '实时测试业' WHERE id = $1`, [
      enterpriseId,
    ]);
    // The regrouping forgets the kept bases by enterprise; one counted before it is not kept again.
    expect(await keptByEnterprise()).toBe(0);
    const [{ generation }] = await t.db.query(`SELECT generation::text AS generation FROM settled_generation`);
    const family = [period.from, period.to];
    const stale = { at: new Date(Date.now() - 60_000), rows: [], deadlines: [] };
    const bases = t.app.get(LiveBases);
    await bases.save({ statement: COUNTS_BY.district }, family, stale, {
      now: true,
      generation: String(generation - 1),
    });
    expect(await keptByEnterprise()).toBe(0);
    const after = await byGroup('district');
    const moved = counted(before, 'suzhou') - counted(after, 'suzhou');
    expect(moved).toBeGreaterThan(0);
    expect(counted(after, 'jinta') - counted(before, 'jinta')).toBe(moved);
    expect(counted(await byGroup('industry'), '实时测试业')).toBe(moved);
    // The window figures by district and industry move from bases of the new grouping too.
    const figures = (await expectExact()) as Record<string, { resolved: { key: string | null }[] }>;
    expect(figures.district!.resolved.map((row) => row.key)).toContain('jinta');
    expect(figures.district!.resolved.map((row) => row.key)).not.toContain('suzhou');
    expect(await keptByEnterprise()).toBeGreaterThan(0);
    expect((await bases.check(t.db, false)).differing).toEqual([]);
  });

  it('keeps a base moved past a burst of changes at once, not only every five minutes', async () => {
    // A family of its own: the total over the period and one more day.
    const family = [period.from, DateTime.fromJSDate(period.to).plus({ days: 1 }).toJSDate()];
    const statements = { statement: TOTAL };
    const bases = t.app.get(LiveBases);
    const baseAt = async (msAgo: number) => {
      const at = new Date(Date.now() - msAgo);
      return { at, rows: await rows(t.db, TOTAL, [...family, at]), deadlines: [] };
    };
    const keptAt = async () => (await bases.load(statements, family, new Date()))?.at;
    const first = await baseAt(60_000);
    await bases.save(statements, family, first);
    expect(await keptAt()).toEqual(first.at);
    // Moved 30 seconds on: not kept again so soon, unless the move read a burst.
    const moved = await baseAt(30_000);
    await bases.save(statements, family, moved);
    expect(await keptAt()).toEqual(first.at);
    await bases.save(statements, family, moved, { now: true });
    expect(await keptAt()).toEqual(moved.at);
    expect((await bases.check(t.db, false)).differing).toEqual([]);
  });
});
