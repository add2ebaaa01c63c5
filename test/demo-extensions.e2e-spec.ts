/**
 * The demo data's extension requests (延期申请, src/demo/demo-extensions.ts), loaded as a start with
 * DEMO_DATA=true loads them: requests and decisions whose requestEventId names a request of the same
 * problem, approved dates on the problems, one request pending in the current week, and the
 * published 2025-Q1 figure untouched.
 */
import { beijing } from '../src/demo/demo-time';
import { createTestApp, demoBearer, type TestApp } from './support/test-app';

interface EventRow {
  id: string;
  problem_id: string;
  type: string;
  at: Date;
  data: Record<string, string>;
}

describe('the demo data’s extension requests', () => {
  let t: TestApp;
  let now: Date;
  let auth: string;
  let events: EventRow[];

  beforeAll(async () => {
    t = await createTestApp({
      ADMIN_USERNAME: '',
      ADMIN_PASSWORD: '',
      DEMO_DATA: 'true',
      WARNING_SCAN_INTERVAL_SECONDS: '0',
    });
    now = new Date();
    auth = await demoBearer(t);
    events = await t.db.query(
      `SELECT id::text, problem_id, type, at, data FROM problem_events
       WHERE type IN ('request_extension', 'approve_extension', 'refuse_extension') ORDER BY at, id`,
    );
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  const of = (type: string) => events.filter((e) => e.type === type);

  it('has eight requests, five approved, two refused and one pending', () => {
    expect(of('request_extension')).toHaveLength(8);
    expect(of('approve_extension')).toHaveLength(5);
    expect(of('refuse_extension')).toHaveLength(2);
    expect(events.every((e) => e.at.getTime() < now.getTime())).toBe(true);
  });

  it('names in every decision a request of the same problem made before it, decided once', () => {
    const requests = new Map(of('request_extension').map((r) => [r.id, r]));
    const decisions = events.filter((e) => e.type !== 'request_extension');
    for (const d of decisions) {
      const r = requests.get(d.data.requestEventId!);
      expect(r).toBeDefined();
      expect(r!.problem_id).toBe(d.problem_id);
      expect(r!.at.getTime()).toBeLessThan(d.at.getTime());
      if (d.type === 'approve_extension') expect(d.data.dueAt).toBe(r!.data.dueAt);
    }
    expect(new Set(decisions.map((d) => d.data.requestEventId)).size).toBe(decisions.length);
  });

  it('asks each time for a date after the deadline then in force, on open problems of after 2025-Q1', async () => {
    const rows: { n: number }[] = await t.db.query(
      `SELECT count(*)::int AS n FROM problem_events r JOIN problems p ON p.id = r.problem_id
       WHERE r.type = 'request_extension'
         AND ((r.data->>'dueAt')::timestamptz <= (r.data->>'previousDueAt')::timestamptz
              OR p.status NOT IN ('assigned', 'in_progress') OR p.reported_at < $1
              OR r.at < (SELECT max(e.at) FROM problem_events e WHERE e.problem_id = p.id
                         AND e.type NOT IN ('request_extension', 'approve_extension', 'refuse_extension')))`,
      [new Date(beijing(2025, 4, 1))],
    );
    expect(rows[0]!.n).toBe(0);
  });

  it('gives each approved problem the latest approved date, and the others their version', async () => {
    const rows: { due_at: Date; approved: string; version: number; events: number; last_type: string }[] =
      await t.db.query(
        `SELECT p.due_at, p.version, p.last_event_type AS last_type,
                (SELECT count(*) FROM problem_events e WHERE e.problem_id = p.id)::int AS events,
                (SELECT a.data->>'dueAt' FROM problem_events a WHERE a.problem_id = p.id AND a.type = 'approve_extension'
                 ORDER BY a.at DESC LIMIT 1) AS approved
         FROM problems p
         WHERE EXISTS (SELECT 1 FROM problem_events r WHERE r.problem_id = p.id AND r.type = 'request_extension')`,
      );
    expect(rows.length).toBeGreaterThanOrEqual(6);
    for (const row of rows) {
      if (row.approved) expect(row.due_at.toISOString()).toBe(row.approved);
      expect(['request_extension', 'approve_extension', 'refuse_extension']).toContain(row.last_type);
    }
  });

  it('shows exactly the undecided request as pending, on the problem and in the list, made this week', async () => {
    const decided = new Set(events.filter((e) => e.type !== 'request_extension').map((e) => e.data.requestEventId));
    const undecided = of('request_extension').filter((r) => !decided.has(r.id));
    expect(undecided).toHaveLength(1);
    expect(now.getTime() - undecided[0]!.at.getTime()).toBeLessThan(7 * 86_400_000);
    for (const problemId of new Set(events.map((e) => e.problem_id))) {
      const res = await t.http().get(`/api/v1/problems/${problemId}`).set('Authorization', auth).expect(200);
      const pending = undecided.find((r) => r.problem_id === problemId);
      if (pending) expect(res.body.pendingExtension).toMatchObject({ requestEventId: pending.id });
      else expect(res.body.pendingExtension ?? null).toBeNull();
    }
    const list = await t.http().get('/api/v1/extensions').set('Authorization', auth).expect(200);
    expect(list.body.items.map((i: { requestEventId: string }) => i.requestEventId)).toEqual([undecided[0]!.id]);
  });

  it('keeps 2025-Q1 as published and counts approvals in the on-time-with-extension rate', async () => {
    const q1 = await t
      .http()
      .get('/api/v1/reports/resolution-rate')
      .query({ period: '2025-Q1', asOf: new Date(beijing(2025, 4, 1)).toISOString() })
      .set('Authorization', auth)
      .expect(200);
    expect(q1.body).toMatchObject({ recorded: 127, resolved: 116, ratePercent: 91.3 });

    const approval = of('approve_extension')[0]!.at;
    const beijingDate = new Date(approval.getTime() + 8 * 3_600_000);
    const period = `${beijingDate.getUTCFullYear()}-Q${Math.floor(beijingDate.getUTCMonth() / 3) + 1}`;
    const res = await t.http().get('/api/v1/reports/figures').query({ period }).set('Authorization', auth).expect(200);
    const { onTimeRate, onTimeWithExtensionRate } = res.body as {
      onTimeRate: { onTime: number; resolved: number };
      onTimeWithExtensionRate: { onTimeWithExtension: number; resolved: number };
    };
    expect(onTimeWithExtensionRate.resolved).toBe(onTimeRate.resolved);
    expect(onTimeWithExtensionRate.onTimeWithExtension).toBeGreaterThanOrEqual(onTimeRate.onTime);
  });
});
