import fc from 'fast-check';
import { Client } from 'pg';
import { BENCH_MANAGER, BENCH_PASSWORD, generateDataset } from '../../bench/dataset';
import { Factory } from '../factories';
import { createTestApp, TestApp } from '../support/test-app';
import { printFigure } from './figures';
import { TEST_ENV } from './support-http';

/**
 * The service's resolution rate against a formulation that reads only events: a problem's state as
 * of T is its latest event before T, whatever its row says now (bench/hand-sql.ts times the same
 * idea for the department). The data set is the benchmark's generator (bench/dataset.ts) at a
 * small size: five years of problems, returns, reopenings, withdrawals and histories cut by now.
 * Cases are random (period, asOf, groupBy) triples from a fixed seed; every group the service
 * counts, and every group the events count, must agree.
 *
 * EVENTS_ONLY_PROBLEMS sets the size (default 3,000), EVENTS_ONLY_CASES the cases (default 120),
 * EVENTS_ONLY_SEED the seed.
 */
const PROBLEMS = Number(process.env.EVENTS_ONLY_PROBLEMS ?? 3_000);
const CASES = Number(process.env.EVENTS_ONLY_CASES ?? 120);
const SEED = Number(process.env.EVENTS_ONLY_SEED ?? 20_261_206);

type GroupBy = 'total' | 'department' | 'district' | 'category' | 'industry';

/** The key each grouping is counted by: the department as of T (from the event), the others from the problem now. */
const KEYS: Record<GroupBy, string> = {
  total: `''`,
  department: 'l.department_id::text',
  district: 'e.district_code',
  category: 'p.category_code',
  industry: 'e.industry',
};

const eventsOnly = (key: string) => `
  WITH latest AS (
    SELECT DISTINCT ON (ev.problem_id) ev.problem_id, ev.to_status, ev.department_id
    FROM problems p JOIN problem_events ev ON ev.problem_id = p.id
    WHERE p.reported_at >= $1 AND p.reported_at < $2 AND ev.at < $3
    ORDER BY ev.problem_id, ev.at DESC, ev.id DESC
  )
  SELECT ${key} AS key, count(*)::int AS recorded,
         count(*) FILTER (WHERE l.to_status IN ('resolved', 'closed'))::int AS resolved
  FROM latest l JOIN problems p ON p.id = l.problem_id JOIN enterprises e ON e.id = p.enterprise_id
  WHERE l.to_status <> 'withdrawn'
  GROUP BY 1`;

interface Case {
  period: string;
  /** Where in [period start, now] asOf falls, 0 to 1; null: the default (the end, or now). */
  asOf: number | null;
  groupBy: GroupBy;
}

describe('the resolution rate against an events-only formulation, on a generated data set', () => {
  let t: TestApp;
  let auth: { Authorization: string };
  let db: Client;

  beforeAll(async () => {
    t = await createTestApp(TEST_ENV);
    db = new Client({ connectionString: t.databaseUrl });
    await db.connect();
    await db.query(`CREATE TABLE bench_dataset (problems integer PRIMARY KEY, generated_at timestamptz NOT NULL)`);
    await generateDataset(db, PROBLEMS, () => undefined);
    auth = { Authorization: `Bearer ${await new Factory(t).login(BENCH_MANAGER, BENCH_PASSWORD)}` };
  }, 120_000);

  afterAll(async () => {
    await db?.end();
    await t?.close();
  });

  it(`agrees on ${CASES} random (period, asOf, groupBy) cases`, async () => {
    const thisYear = new Date().getUTCFullYear();
    const period = fc.oneof(
      fc
        .tuple(fc.integer({ min: thisYear - 5, max: thisYear }), fc.integer({ min: 1, max: 4 }))
        .map(([y, q]) => `${y}-Q${q}`),
      fc
        .tuple(fc.integer({ min: thisYear - 5, max: thisYear }), fc.integer({ min: 1, max: 12 }))
        .map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`),
      fc.integer({ min: thisYear - 5, max: thisYear }).map(String),
      fc
        .tuple(fc.integer({ min: thisYear - 5, max: thisYear - 1 }), fc.integer({ min: 1, max: 52 }))
        .map(([y, w]) => `${y}-W${String(w).padStart(2, '0')}`),
    );
    const cases: Case[] = fc.sample(
      fc.record({
        period,
        asOf: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { freq: 4 }),
        groupBy: fc.constantFrom<GroupBy>('total', 'department', 'district', 'category', 'industry'),
      }),
      { seed: SEED, numRuns: CASES },
    );

    const differences: string[] = [];
    let groupsCompared = 0;
    let recordedTotal = 0;
    for (const c of cases) {
      // The period's bounds as the service reads them (GET with the default asOf), then asOf in [from, now].
      const bounds = await t.http().get('/api/v1/reports/resolution-rate').query({ period: c.period }).set(auth);
      expect(bounds.status).toBe(200);
      const from = Date.parse(bounds.body.period.from);
      // A period that has not begun yet (early in January) keeps the default.
      const span = Date.now() - 60_000 - from;
      const asOf = c.asOf === null || span <= 0 ? undefined : new Date(from + Math.floor(span * c.asOf)).toISOString();
      const query: Record<string, string> = { period: c.period };
      if (asOf) query.asOf = asOf;
      if (c.groupBy !== 'total') query.groupBy = c.groupBy;
      const res = await t.http().get('/api/v1/reports/resolution-rate').query(query).set(auth);
      expect(res.status).toBe(200);
      const service = new Map<string, [number, number]>();
      if (c.groupBy === 'total') service.set('', [res.body.recorded, res.body.resolved]);
      else {
        for (const g of res.body.groups as { key: string | null; recorded: number; resolved: number }[]) {
          if (g.recorded > 0) service.set(String(g.key), [g.recorded, g.resolved]);
        }
      }
      const { rows } = await db.query<{ key: string | null; recorded: number; resolved: number }>(
        eventsOnly(KEYS[c.groupBy]),
        [res.body.period.from, res.body.period.to, res.body.asOf],
      );
      const events = new Map(rows.map((r) => [String(r.key), [r.recorded, r.resolved] as [number, number]]));
      if (c.groupBy === 'total' && !events.has('')) events.set('', [0, 0]);
      const label = `${c.period} asOf=${res.body.asOf} groupBy=${c.groupBy}`;
      for (const key of new Set([...service.keys(), ...events.keys()])) {
        groupsCompared += 1;
        const a = service.get(key);
        const b = events.get(key);
        if (JSON.stringify(a) !== JSON.stringify(b)) {
          differences.push(`${label} ${key}: service ${JSON.stringify(a)}, events ${JSON.stringify(b)}`);
        }
      }
      if (c.groupBy === 'total') recordedTotal += res.body.recorded;
    }
    printFigure('events-only-figures', {
      problems: PROBLEMS,
      cases: cases.length,
      groupsCompared,
      differences: differences.length,
      seed: SEED,
    });
    expect(differences).toEqual([]);
    expect(cases.length).toBeGreaterThanOrEqual(120);
    // The cases did count something: not 120 empty periods.
    expect(recordedTotal).toBeGreaterThan(0);
    expect(groupsCompared).toBeGreaterThan(cases.length);
  }, 240_000);
});
