/**
 * Settled figures (src/reports/settled): figures as of an instant whose history is final are kept
 * in PostgreSQL once computed. These tests check, on the demo data, that what is kept is what the
 * events give, for 200 random periods, instants and groupings, across a restart; that nothing is
 * kept as of an instant a transaction may still write before; and that regrouping an enterprise
 * forgets the figures grouped by district or industry.
 */
import { DateTime } from 'luxon';
import { Client } from 'pg';
import { RATE_BY_DEPARTMENT } from '../bench/hand-sql';
import { COUNTS_BY } from '../src/reports/resolution-rate.sql';
import { quickAddJob } from 'graphile-worker';
import { crontab, WARM_UP_TASK } from '../src/notifications/notification-worker';
import { SettledFigures } from '../src/reports/settled/settled-figures';
import { SettledQueries } from '../src/reports/settled/settled-queries';
import { sleep } from './factories/more';
import { createTestApp, demoBearer, openTestApp, type TestApp } from './support/test-app';

const ZONE = 'Asia/Shanghai';
const GROUP_BYS = [undefined, 'department', 'district', 'category', 'industry'] as const;

/** A small deterministic generator (mulberry32), so a failing case can be found again. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

interface Case {
  query: Record<string, string>;
  from: DateTime;
  to: DateTime;
  asOf: DateTime;
}

/** A quarter, month or ISO week of 2025 or 2026 that has ended, and an instant from its start to a day before now. */
function randomCase(next: () => number): Case {
  const now = DateTime.now().setZone(ZONE);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  for (;;) {
    const start = DateTime.fromObject({ year: 2025, month: 1, day: 1 }, { zone: ZONE }).plus({
      days: Math.floor(next() * 700),
    });
    const unit = pick(['quarter', 'month', 'week'] as const);
    const from = start.startOf(unit);
    const to = from.plus({ [`${unit}s`]: 1 });
    const latest = now.minus({ days: 1 });
    if (to > latest) continue;
    const label =
      unit === 'quarter'
        ? `${from.year}-Q${from.quarter}`
        : unit === 'month'
          ? from.toFormat('yyyy-MM')
          : from.toFormat("kkkk-'W'WW");
    // Half as of the period's end (what a dashboard asks), half at any instant from its start on.
    const asOf =
      next() < 0.5 ? to : from.plus({ milliseconds: Math.floor(next() * (latest.toMillis() - from.toMillis())) });
    const groupBy = pick(GROUP_BYS);
    const query: Record<string, string> = { period: label, asOf: asOf.toISO()! };
    if (groupBy) query.groupBy = groupBy;
    return { query, from, to, asOf };
  }
}

/** `work` over every item, four at a time, the results in the items' order. */
async function inBatches<T, R>(items: T[], work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += 4) {
    results.push(...(await Promise.all(items.slice(i, i + 4).map((item, j) => work(item, i + j)))));
  }
  return results;
}

describe('settled figures (demo data)', () => {
  let t: TestApp;
  let auth: string;
  const cases = Array.from(
    { length: 200 },
    (
      (next) => () =>
        randomCase(next)
    )(random(22)),
  );

  const figures = async (app: TestApp, query: Record<string, string>) =>
    (await app.http().get('/api/v1/reports/figures').query(query).set('Authorization', auth).expect(200)).body;
  // Every fifth case asks for all the figures, the others for the resolution rate alone.
  const figureOf = async (app: TestApp, index: number, query: Record<string, string>) =>
    index % 5 === 0
      ? figures(app, query)
      : (await app.http().get('/api/v1/reports/resolution-rate').query(query).set('Authorization', auth).expect(200))
          .body;
  const kept = async (db: TestApp['db']) => Number((await db.query(`SELECT count(*) AS n FROM settled_figures`))[0].n);

  beforeAll(async () => {
    t = await createTestApp({ ADMIN_USERNAME: '', ADMIN_PASSWORD: '', WARNING_SCAN_INTERVAL_SECONDS: '0' }, 'demo');
    auth = await demoBearer(t);
  });
  afterAll(() => t.close());

  it('readies the last closed quarter through a job of the queue, as the schedule does', async () => {
    expect(crontab(10)).toContain(`*/10 * * * * ${WARM_UP_TASK}`);
    expect(crontab(0)).not.toContain(WARM_UP_TASK);
    expect(await kept(t.db)).toBe(0);
    await quickAddJob({ connectionString: t.databaseUrl }, WARM_UP_TASK, { quarters: 1 });
    // The application's own worker runs it; a job done leaves the queue.
    const waiting = async () =>
      Number(
        (
          await t.db.query(`SELECT count(*) AS n FROM graphile_worker.jobs WHERE task_identifier = $1`, [WARM_UP_TASK])
        )[0].n,
      );
    for (let waited = 0; (await waiting()) > 0 && waited < 30_000; waited += 200) await sleep(200);
    expect(await waiting()).toBe(0);
    const quarter = DateTime.now().setZone(ZONE).startOf('quarter').minus({ days: 1 });
    const period = `${quarter.year}-Q${quarter.quarter}`;
    const byEnterprise = await t.db.query(`SELECT count(*)::int AS n FROM settled_figures WHERE by_enterprise`);
    expect(byEnterprise[0].n).toBeGreaterThan(0);
    // What the dashboard asks of that quarter is now read, not computed: nothing new is kept.
    const ready = await kept(t.db);
    for (const groupBy of [undefined, 'department', 'district', 'category', 'industry']) {
      await figures(t, groupBy ? { period, groupBy } : { period });
    }
    expect(await kept(t.db)).toBe(ready);
  });

  it('keeps 200 random figures as the events give them, and reads the same after a restart', async () => {
    const started = Date.now();
    const first = await inBatches(cases, (c, i) => figureOf(t, i, c.query));
    const computed = Date.now() - started;
    expect(await kept(t.db)).toBeGreaterThanOrEqual(200);

    // The resolution rate from the events alone (hand-written SQL), to the unit.
    for (const [i, c] of cases.entries()) {
      const hand: { recorded: number; resolved: number }[] = await t.db.query(RATE_BY_DEPARTMENT.distinctOn, [
        c.from.toJSDate(),
        c.to.toJSDate(),
        c.asOf.toJSDate(),
      ]);
      const sum = (key: 'recorded' | 'resolved') => hand.reduce((total, row) => total + row[key], 0);
      const { recorded, resolved } = first[i].resolutionRate ?? first[i];
      expect([c.query, recorded, resolved]).toEqual([c.query, sum('recorded'), sum('resolved')]);
    }

    // Every kept entry recomputed from the events: no difference.
    const check = await t.app.get(SettledFigures).check(t.db, false);
    expect(check.checked).toBe(await kept(t.db));
    expect(check.differing).toEqual([]);

    // A restart: nothing in memory, every figure read back from the table, to the unit.
    const count = await kept(t.db);
    const restarted = await openTestApp(t.databaseUrl, {
      ADMIN_USERNAME: '',
      ADMIN_PASSWORD: '',
      WARNING_SCAN_INTERVAL_SECONDS: '0',
    });
    try {
      const readStarted = Date.now();
      const again = await inBatches(cases, (c, i) => figureOf(restarted, i, c.query));
      const readBack = Date.now() - readStarted;
      for (const [i, c] of cases.entries()) expect([c.query, again[i]]).toEqual([c.query, first[i]]);
      expect(await kept(restarted.db)).toBe(count);
      console.log(`200 figures: computed in ${computed} ms, read back after a restart in ${readBack} ms`);
    } finally {
      await restarted.close();
    }
  }, 180_000);

  it('answers an instant off the hour from the hour before it, derived from an earlier hour kept', async () => {
    const from = DateTime.fromISO('2025-01-01T00:00:00+08:00');
    const to = DateTime.fromISO('2025-04-01T00:00:00+08:00');
    const hour = DateTime.fromISO('2025-03-05T15:00:00+08:00');
    const statement = COUNTS_BY.department;
    type Group = { key: string | null; recorded: number; resolved: number };
    const rate = async (app: TestApp, asOf: DateTime) =>
      (
        await app
          .http()
          .get('/api/v1/reports/resolution-rate')
          .query({ period: '2025-Q1', groupBy: 'department', asOf: asOf.toISO()! })
          .set('Authorization', auth)
          .expect(200)
      ).body as { groups: Group[] };
    const fromEvents = async (asOf: DateTime) =>
      Object.fromEntries(
        (
          (await t.db.query(RATE_BY_DEPARTMENT.distinctOn, [from.toJSDate(), to.toJSDate(), asOf.toJSDate()])) as {
            department_id: string | null;
            recorded: number;
          }[]
        ).map((row) => [row.department_id ?? 'null', row.recorded]),
      );
    const recordedOf = (body: { groups: Group[] }) =>
      Object.fromEntries(body.groups.filter((g) => g.recorded > 0).map((g) => [g.key ?? 'null', g.recorded]));
    const keptAt = async (at: DateTime) =>
      (await t.db.query(`SELECT key, rows FROM settled_figures WHERE statement = $1 AND parameters->>2 = $2`, [
        statement,
        at.toJSDate().toISOString(),
      ])) as { key: string; rows: Group[] }[];

    // 15:40 is the hour's counts plus the changes of the 40 minutes; the hour is kept, not 15:40.
    const first = DateTime.fromISO('2025-03-05T15:40:00+08:00');
    expect(recordedOf(await rate(t, first))).toEqual(await fromEvents(first));
    const [kept] = await keptAt(hour);
    expect(kept).toBeDefined();
    expect(await keptAt(first)).toEqual([]);

    // The kept hour made wrong on purpose: five problems more in its first group.
    const wrong = kept!.rows.map((row, i) => (i === 0 ? { ...row, recorded: row.recorded + 5 } : row));
    await t.db.query(`UPDATE settled_figures SET rows = $2 WHERE key = $1`, [kept!.key, JSON.stringify(wrong)]);
    const restartEnv = { ADMIN_USERNAME: '', ADMIN_PASSWORD: '', WARNING_SCAN_INTERVAL_SECONDS: '0' };
    const later = hour.plus({ hours: 2, minutes: 20 });
    const second = await openTestApp(t.databaseUrl, restartEnv);
    try {
      // A new process: 17:20 comes from 17:00, which comes from 15:00 (the latest hour kept in the
      // week before) plus the changes since, so the tampering shows, in that group alone.
      const expected = await fromEvents(later);
      const wrongKey = kept!.rows[0]!.key ?? 'null';
      expect(recordedOf(await rate(second, later))).toEqual({ ...expected, [wrongKey]: expected[wrongKey]! + 5 });
    } finally {
      await second.close();
    }

    // The check recomputes each kept hour from the events: it finds 15:00 and 17:00, and repairs them.
    const check = await t.app.get(SettledFigures).check(t.db, true);
    expect(check.differing.map((d) => d.asOf).sort()).toEqual(
      [hour, hour.plus({ hours: 2 })].map((at) => at.toJSDate().toISOString()),
    );
    const third = await openTestApp(t.databaseUrl, restartEnv);
    try {
      expect(recordedOf(await rate(third, later.plus({ minutes: 1 })))).toEqual(
        await fromEvents(later.plus({ minutes: 1 })),
      );
    } finally {
      await third.close();
    }
  });

  it('keeps Q1 2025 at 127 / 116 / 91.3 % as of its end, before and after it is kept', async () => {
    for (let i = 0; i < 2; i++) {
      const body = await figures(t, { period: '2025-Q1' });
      expect(body.resolutionRate).toEqual({ recorded: 127, resolved: 116, ratePercent: 91.3 });
    }
  });

  it('keeps nothing as of an instant a transaction still open may write before, and counts its write once committed', async () => {
    const [problem] = await t.db.query(
      `SELECT id, status FROM problems WHERE status IN ('assigned', 'in_progress') ORDER BY reported_at DESC LIMIT 1`,
    );
    const reportedAt = DateTime.fromJSDate(
      (await t.db.query(`SELECT reported_at FROM problems WHERE id = $1`, [problem.id]))[0].reported_at,
    ).setZone(ZONE);
    const period = `${reportedAt.year}-Q${reportedAt.quarter}`;
    const writer = new Client({ connectionString: t.databaseUrl });
    await writer.connect();
    try {
      await writer.query('BEGIN');
      // The event is stamped now, inside a transaction that commits only later.
      await writer.query(
        `INSERT INTO problem_events (problem_id, type, from_status, to_status, actor_id, department_id, at)
         SELECT id, 'resolve', status, 'resolved', (SELECT id FROM users WHERE username = 'manager'), department_id, clock_timestamp()
         FROM problems WHERE id = $1`,
        [problem.id],
      );
      await writer.query(`UPDATE problems SET status = 'resolved', updated_at = clock_timestamp() WHERE id = $1`, [
        problem.id,
      ]);
      const asOf = DateTime.now().setZone(ZONE).plus({ milliseconds: 200 });
      await new Promise((resolve) => setTimeout(resolve, 400));
      const before = await kept(t.db);
      const open = await figures(t, { period, asOf: asOf.toISO()! });
      expect(await kept(t.db)).toBe(before);
      await writer.query('COMMIT');
      const committed = await figures(t, { period, asOf: asOf.toISO()! });
      expect(committed.resolutionRate.resolved).toBe(open.resolutionRate.resolved + 1);
      expect(await kept(t.db)).toBe(before);
    } finally {
      await writer.end();
    }
  });

  it('forgets the figures grouped by district when an enterprise moves, and keeps the others', async () => {
    const query = { period: '2025-Q1', groupBy: 'district' };
    const before = await figures(t, query);
    const byDepartment = await figures(t, { period: '2025-Q1', groupBy: 'department' });
    const keptByEnterprise = async () =>
      Number((await t.db.query(`SELECT count(*) AS n FROM settled_figures WHERE by_enterprise`))[0].n);
    expect(await keptByEnterprise()).toBeGreaterThan(0);

    // An enterprise with Q1 problems moves to another district.
    const [moved] = await t.db.query(
      `SELECT e.id, e.district_code, (SELECT code FROM districts WHERE code <> e.district_code ORDER BY code LIMIT 1) AS other,
              count(*)::int AS problems
       FROM enterprises e JOIN problems p ON p.enterprise_id = e.id
       WHERE p.reported_at >= '2025-01-01T00:00:00+08:00' AND p.reported_at < '2025-04-01T00:00:00+08:00'
       GROUP BY e.id ORDER BY count(*) DESC, e.id LIMIT 1`,
    );
    await t.db.query(`UPDATE enterprises SET district_code = $2 WHERE id = $1`, [moved.id, moved.other]);
    expect(await keptByEnterprise()).toBe(0);

    const after = await figures(t, query);
    const recorded = (body: typeof before, key: string) =>
      (body.groups as { key: string; resolutionRate: { recorded: number } }[]).find((g) => g.key === key)
        ?.resolutionRate.recorded ?? 0;
    expect(recorded(after, moved.district_code)).toBeLessThan(recorded(before, moved.district_code));
    expect(recorded(after, moved.other)).toBeGreaterThan(recorded(before, moved.other));
    expect(after.resolutionRate).toEqual(before.resolutionRate);
    expect(await figures(t, { period: '2025-Q1', groupBy: 'department' })).toEqual(byDepartment);
  });

  it('keeps nothing grouped by district while an enterprise is being moved, and never waits for the move', async () => {
    const query = { period: '2025-Q2', groupBy: 'district' };
    const [enterprise] = await t.db.query(
      `SELECT e.id, e.district_code, (SELECT code FROM districts WHERE code <> e.district_code ORDER BY code LIMIT 1) AS other
       FROM enterprises e ORDER BY e.id LIMIT 1`,
    );
    const mover = new Client({ connectionString: t.databaseUrl });
    await mover.connect();
    try {
      await mover.query('BEGIN');
      await mover.query(`UPDATE enterprises SET district_code = $2 WHERE id = $1`, [enterprise.id, enterprise.other]);
      const before = await kept(t.db);
      // Computed from the rows as they were (the move is not committed): answered, not kept.
      await figures(t, query);
      expect(await kept(t.db)).toBe(before);
      await mover.query('COMMIT');
    } finally {
      await mover.end();
    }
    await figures(t, query);
    const stored = await t.db.query(`SELECT count(*)::int AS n FROM settled_figures WHERE by_enterprise`);
    expect(stored[0].n).toBeGreaterThan(0);
  });

  it('computes at most two figures at once, the others waiting their turn without a connection', async () => {
    const settled = t.app.get(SettledQueries);
    // A statement of its own that takes a while: six instants of it asked at once, none kept yet.
    const slow = `SELECT $1::timestamptz AS "from", $2::timestamptz AS "to", $3::timestamptz AS "asOf", pg_sleep(0.3) AS slept`;
    const running = async () =>
      (
        await t.db.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE query = $1 AND state = 'active'`, [
          slow,
        ])
      )[0].n as number;
    const asked = Array.from({ length: 6 }, (_, i) =>
      settled.query(slow, [new Date('2025-01-01'), new Date('2025-04-01'), new Date(Date.UTC(2025, 3, 1, i))]),
    );
    let most = 0;
    let done = false;
    const answered = Promise.all(asked).finally(() => (done = true));
    while (!done) {
      most = Math.max(most, await running());
      await sleep(50);
    }
    expect(await answered).toHaveLength(6);
    expect(most).toBe(2);
  });
});
