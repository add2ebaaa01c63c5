/**
 * The demo data's outreach (包联走访), loaded as a start with DEMO_DATA=true loads it: who answers
 * for each enterprise, visits up to the day of loading that keep each tier's interval (a few
 * enterprises due this week, a few overdue, most visited on schedule), amended and withdrawn visits,
 * and the published 2025-Q1 figure untouched. "Due" is the service's one rule, visitDueSql.
 */
import { buildDemoData } from '../src/demo/demo-data';
import { beijing } from '../src/demo/demo-time';
import { visitDueSql } from '../src/responsibilities/visit-due.sql';
import { createTestApp, demoBearer, type TestApp } from './support/test-app';

describe('the demo data’s outreach', () => {
  let t: TestApp;
  /** The instant the checks look from: just after the load. */
  let now: Date;

  beforeAll(async () => {
    t = await createTestApp({
      ADMIN_USERNAME: '',
      ADMIN_PASSWORD: '',
      DEMO_DATA: 'true',
      WARNING_SCAN_INTERVAL_SECONDS: '0',
    });
    now = new Date();
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  const query = <T>(sql: string, params: unknown[] = []): Promise<T[]> => t.db.query(sql, params);

  /** visitDueSql as of the check's instant, with each enterprise's state. */
  const dueStates = () =>
    query<{ enterprise_id: string; state: 'overdue' | 'due_this_week' | 'later' }>(
      `SELECT enterprise_id,
              CASE WHEN next_visit_due_at <= $1 THEN 'overdue'
                   WHEN next_visit_due_at <= $1::timestamptz + interval '7 days' THEN 'due_this_week'
                   ELSE 'later' END AS state
       FROM (${visitDueSql('$1::timestamptz')}) due`,
      [now],
    );

  it('gives every enterprise a tier and an open responsible official, and every key enterprise one leader', async () => {
    const rows = await query<{ tier: string | null; officials: number; leaders: number; is_key: boolean }>(
      `SELECT e.tier, e.is_key,
              (SELECT count(*) FROM responsibilities r
                 WHERE r.enterprise_id = e.id AND r.kind = 'official' AND r.ends_at IS NULL)::int AS officials,
              (SELECT count(*) FROM responsibilities r
                 WHERE r.enterprise_id = e.id AND r.kind = 'leader' AND r.ends_at IS NULL)::int AS leaders
       FROM enterprises e`,
    );
    expect(rows).toHaveLength(300);
    expect(rows.every((r) => ['key', 'above_scale', 'other'].includes(r.tier!))).toBe(true);
    expect(rows.filter((r) => r.officials < 1)).toEqual([]);
    expect(rows.filter((r) => r.leaders > 1)).toEqual([]);
    expect(rows.filter((r) => r.is_key && r.leaders !== 1)).toEqual([]);
    expect(rows.filter((r) => r.tier === 'key').length).toBe(rows.filter((r) => r.is_key).length);
  });

  it('records each responsibility by a manager at its start, gives officials tens of enterprises, and ends only at handovers', async () => {
    const recorders = await query<{ role: string }>(
      `SELECT DISTINCT u.role FROM responsibilities r JOIN users u ON u.id = r.recorded_by`,
    );
    expect(recorders.map((r) => r.role).every((role) => role === 'manager' || role === 'admin')).toBe(true);
    const [odd] = await query<{ n: number }>(
      `SELECT count(*)::int AS n FROM responsibilities
       WHERE recorded_at <> starts_at OR starts_at > $1 OR (ends_at IS NOT NULL AND ended_recorded_at <> ends_at)`,
      [now],
    );
    expect(odd!.n).toBe(0);

    const loads = await query<{ username: string; enterprises: number }>(
      `SELECT u.username, count(*)::int AS enterprises FROM responsibilities r JOIN users u ON u.id = r.user_id
       WHERE r.kind = 'official' AND r.ends_at IS NULL GROUP BY u.username`,
    );
    expect(loads.length).toBeGreaterThanOrEqual(12);
    for (const load of loads) {
      expect(load.enterprises).toBeGreaterThanOrEqual(10);
      expect(load.enterprises).toBeLessThanOrEqual(60);
    }

    // Handovers: every ended row has a reason and a successor starting when it ended; those who
    // left can no longer sign in and answer for nothing now.
    const ended = await query<{ reason: string | null; successors: number; disabled: boolean }>(
      `SELECT r.end_reason AS reason, u.disabled,
              (SELECT count(*) FROM responsibilities n
                 WHERE n.enterprise_id = r.enterprise_id AND n.kind = r.kind AND n.starts_at = r.ends_at
                   AND n.user_id <> r.user_id)::int AS successors
       FROM responsibilities r JOIN users u ON u.id = r.user_id WHERE r.ends_at IS NOT NULL`,
    );
    expect(ended.length).toBeGreaterThan(10);
    expect(ended.every((r) => r.reason && r.successors === 1 && r.disabled)).toBe(true);
    const [leftHolding] = await query<{ n: number }>(
      `SELECT count(*)::int AS n FROM responsibilities r JOIN users u ON u.id = r.user_id
       WHERE u.disabled AND r.ends_at IS NULL`,
    );
    expect(leftHolding!.n).toBe(0);
  });

  it('has visits up to the day of loading: some enterprises due this week, a few overdue, most not', async () => {
    const states = await dueStates();
    expect(states).toHaveLength(300);
    const count = (state: string) => states.filter((s) => s.state === state).length;
    expect(count('due_this_week')).toBeGreaterThan(0);
    expect(count('overdue')).toBeGreaterThan(0);
    expect(count('overdue') / states.length).toBeLessThan(0.15);

    const [recent] = await query<{ last_week: number; last_quarter: number }>(
      `SELECT count(*) FILTER (WHERE visited_at > $1::timestamptz - interval '7 days')::int AS last_week,
              count(DISTINCT enterprise_id) FILTER (WHERE visited_at > $1::timestamptz - interval '90 days')::int
                AS last_quarter
       FROM visits WHERE withdrawn_at IS NULL AND visited_at <= $1`,
      [now],
    );
    expect(recent!.last_week).toBeGreaterThan(0);
    expect(recent!.last_quarter).toBeGreaterThan(250);
    const [future] = await query<{ n: number }>(
      `SELECT count(*)::int AS n FROM visits WHERE visited_at > $1 OR created_at > $1`,
      [now],
    );
    expect(future!.n).toBe(0);
  });

  it('gives the tour officials enterprises due this week, overdue ones and ones just visited', async () => {
    for (const username of ['official', 'official2']) {
      const rows = await query<{ state: string; recent: boolean }>(
        `SELECT CASE WHEN d.next_visit_due_at <= $1 THEN 'overdue'
                     WHEN d.next_visit_due_at <= $1::timestamptz + interval '7 days' THEN 'due_this_week'
                     ELSE 'later' END AS state,
                d.last_visit_at > $1::timestamptz - interval '7 days' AS recent
         FROM (${visitDueSql('$1::timestamptz')}) d
         JOIN responsibilities r ON r.enterprise_id = d.enterprise_id AND r.ends_at IS NULL AND r.kind = 'official'
         JOIN users u ON u.id = r.user_id
         WHERE u.username = $2`,
        [now, username],
      );
      expect(rows.length).toBeGreaterThanOrEqual(15);
      expect(rows.some((r) => r.state === 'overdue')).toBe(true);
      expect(rows.some((r) => r.state === 'due_this_week')).toBe(true);
      expect(rows.some((r) => r.recent)).toBe(true);
      expect(rows.filter((r) => r.state === 'overdue').length).toBeLessThan(rows.length / 2);
    }
  });

  it('has every visit made by an official who answered for the enterprise then, with purpose and policies', async () => {
    const [counts] = await query<{ visits: number; unanswered: number; bare: number }>(
      `SELECT count(*)::int AS visits,
              count(*) FILTER (WHERE NOT EXISTS (
                SELECT 1 FROM visit_officials vo JOIN responsibilities r
                  ON r.user_id = vo.user_id AND r.enterprise_id = v.enterprise_id
                WHERE vo.visit_id = v.id AND r.starts_at <= v.visited_at
                  AND (r.ends_at IS NULL OR r.ends_at > v.visited_at)))::int AS unanswered,
              count(*) FILTER (WHERE v.purpose IS NULL OR cardinality(v.policies_promoted) = 0
                                 OR v.notes IS NULL)::int AS bare
       FROM visits v`,
    );
    expect(counts!.visits).toBeGreaterThan(3000);
    expect(counts!.unanswered).toBe(0);
    expect(counts!.bare).toBe(0);
    // Nobody visits after leaving.
    const [afterLeaving] = await query<{ n: number }>(
      `SELECT count(*)::int AS n FROM visits v JOIN visit_officials vo ON vo.visit_id = v.id
       JOIN users u ON u.id = vo.user_id
       WHERE u.disabled AND v.visited_at >= (SELECT max(r.ends_at) FROM responsibilities r WHERE r.user_id = u.id)`,
    );
    expect(afterLeaving!.n).toBe(0);
    // A problem raised on a visit was logged by the visit's recorder; problems stay linked.
    const [problems] = await query<{ linked: number; mismatched: number }>(
      `SELECT count(*)::int AS linked, count(*) FILTER (WHERE p.created_by <> v.created_by)::int AS mismatched
       FROM problems p JOIN visits v ON v.id = p.visit_id`,
    );
    expect(problems!.linked).toBeGreaterThan(300);
    expect(problems!.mismatched).toBe(0);
  });

  it('keeps revision 1 of every visit, and has amended visits and a withdrawn one with their reasons', async () => {
    const [revisions] = await query<{ visits: number; first: number; mismatched: number }>(
      `SELECT (SELECT count(*) FROM visits)::int AS visits,
              (SELECT count(*) FROM visit_revisions WHERE revision = 1)::int AS first,
              (SELECT count(*) FROM visits v JOIN visit_revisions r ON r.visit_id = v.id AND r.revision = v.revision
                WHERE r.visited_at <> v.visited_at OR r.notes IS DISTINCT FROM v.notes
                   OR r.policies_promoted <> v.policies_promoted)::int AS mismatched`,
    );
    expect(revisions!.first).toBe(revisions!.visits);
    expect(revisions!.mismatched).toBe(0);

    const amended = await query<{ reason: string; changed: boolean; later: boolean }>(
      `SELECT r2.reason,
              (r1.visited_at, r1.notes, r1.policies_promoted) IS DISTINCT FROM (r2.visited_at, r2.notes, r2.policies_promoted)
                AS changed,
              r2.recorded_at > r1.recorded_at AS later
       FROM visits v
       JOIN visit_revisions r1 ON r1.visit_id = v.id AND r1.revision = 1
       JOIN visit_revisions r2 ON r2.visit_id = v.id AND r2.revision = 2
       WHERE v.revision = 2`,
    );
    expect(amended.length).toBeGreaterThanOrEqual(2);
    expect(amended.every((a) => a.reason.length > 0 && a.changed && a.later)).toBe(true);

    const withdrawn = await query<{ reason: string | null; by_official: boolean; after: boolean }>(
      `SELECT v.withdraw_reason AS reason, u.role = 'official' AS by_official, v.withdrawn_at > v.created_at AS after
       FROM visits v JOIN users u ON u.id = v.withdrawn_by WHERE v.withdrawn_at IS NOT NULL`,
    );
    expect(withdrawn.length).toBeGreaterThanOrEqual(1);
    expect(withdrawn.every((w) => w.reason && w.by_official && w.after)).toBe(true);
  });

  it('still gives 2025-Q1 as published: 127 recorded, 116 resolved, 91.3 % as of the quarter’s end', async () => {
    const res = await t
      .http()
      .get('/api/v1/reports/resolution-rate')
      .query({ period: '2025-Q1', asOf: new Date(beijing(2025, 4, 1)).toISOString() })
      .set('Authorization', await demoBearer(t))
      .expect(200);
    expect(res.body).toMatchObject({ recorded: 127, resolved: 116, ratePercent: 91.3 });
  });

  it('builds the same rows from the same instant, and the same history whatever the day of loading', () => {
    const at = beijing(2026, 11, 18, 15, 20);
    const a = buildDemoData(at);
    const b = buildDemoData(at);
    expect(JSON.stringify(b.responsibilities)).toBe(JSON.stringify(a.responsibilities));
    expect(JSON.stringify(b.visits)).toBe(JSON.stringify(a.visits));
    expect(Math.max(...a.visits.map((v) => v.createdAt))).toBeLessThan(at);
    // Loaded a month later: more visits, but 2025's are the same ones (its figures do not move).
    const later = buildDemoData(at + 30 * 24 * 3600_000);
    const of2025 = (visits: typeof a.visits) => JSON.stringify(visits.filter((v) => v.createdAt < beijing(2025, 7, 1)));
    expect(later.visits.length).toBeGreaterThan(a.visits.length);
    expect(of2025(later.visits)).toBe(of2025(a.visits));
    expect(JSON.stringify(later.responsibilities)).toBe(JSON.stringify(a.responsibilities));
  });
});
