import { Factory, TestUser } from './factories';
import { countRows } from './factories/more';
import { createTestApp, TestApp } from './support/test-app';

/*
 * Production status (生产状态): who may record it, what the enterprise row carries, the history,
 * and the figures as of an instant. Events for the figures are backdated: effectiveAt through the
 * API (a past date is allowed), recorded_at directly in the database, since the service stamps the
 * recording time itself.
 */

describe('production status (daily monitoring)', () => {
  let t: TestApp;
  let f: Factory;
  let manager: TestUser;
  let admin: TestUser;
  let responsible: TestUser;
  let otherOfficial: TestUser;
  let handler: TestUser;
  let ent: { id: string; name: string };

  const path = (id: string) => `/api/v1/enterprises/${id}/production-status`;
  const record = (as: TestUser, id: string, body: Record<string, unknown>) =>
    t.http().post(path(id)).set(as.auth).send(body);

  async function answerFor(user: TestUser, enterpriseId: string): Promise<void> {
    await t.db.query(
      `INSERT INTO responsibilities (enterprise_id, user_id, kind, starts_at, recorded_by)
       VALUES ($1, $2, 'official', now() - interval '30 days', $3)`,
      [enterpriseId, user.id, manager.id],
    );
  }

  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
    const dept = await f.department();
    manager = await f.user('manager');
    admin = await f.user('admin');
    responsible = await f.user('official');
    otherOfficial = await f.user('official');
    handler = await f.user('handler', dept.id);
    ent = await f.enterprise(manager);
    await answerFor(responsible, ent.id);
  });

  afterAll(async () => {
    await t?.close();
  });

  describe('recording', () => {
    it('lets the responsible official record a status, and the enterprise row carries it', async () => {
      const res = await record(responsible, ent.id, {
        status: 'idle',
        effectiveAt: '2026-11-02T08:00:00+08:00',
        outputMonth: '2026-10',
        outputValueYuan: 1_250_000,
        note: '订单不足，停产检修',
      }).expect(201);
      expect(res.body.event).toMatchObject({
        status: 'idle',
        effectiveAt: '2026-11-02T00:00:00.000Z',
        outputMonth: '2026-10',
        outputValueYuan: 1_250_000,
        note: '订单不足，停产检修',
        recordedById: responsible.id,
      });
      expect(res.body.current).toEqual({ status: 'idle', since: '2026-11-02T00:00:00.000Z' });
      const [row] = await t.db.query(
        `SELECT production_status, production_status_since FROM enterprises WHERE id = $1`,
        [ent.id],
      );
      expect(row.production_status).toBe('idle');
      expect(new Date(row.production_status_since).toISOString()).toBe('2026-11-02T00:00:00.000Z');
    });

    it('keeps the latest status when an earlier one is recorded later, and keeps "since" over a repeated status', async () => {
      // Earlier than the idle event: history only.
      const earlier = await record(manager, ent.id, { status: 'reduced', effectiveAt: '2026-10-01' }).expect(201);
      expect(earlier.body.current).toEqual({ status: 'idle', since: '2026-11-02T00:00:00.000Z' });
      // Still idle a week later: the idleness began on 2 November.
      const again = await record(admin, ent.id, { status: 'idle', effectiveAt: '2026-11-09' }).expect(201);
      expect(again.body.current).toEqual({ status: 'idle', since: '2026-11-02T00:00:00.000Z' });
      // Back to normal.
      const back = await record(responsible, ent.id, { status: 'normal', effectiveAt: '2026-11-20' }).expect(201);
      expect(back.body.current).toEqual({ status: 'normal', since: '2026-11-19T16:00:00.000Z' });
    });

    it('defaults effectiveAt to now', async () => {
      const other = await f.enterprise(manager);
      const before = Date.now();
      const res = await record(manager, other.id, { status: 'reduced' }).expect(201);
      const at = Date.parse(res.body.event.effectiveAt);
      expect(at).toBeGreaterThanOrEqual(before - 1000);
      expect(at).toBeLessThanOrEqual(Date.now() + 1000);
      expect(res.body.event.outputMonth).toBeNull();
    });

    it('refuses officials who do not answer for the enterprise (403), handlers (403), and unknown ids (404)', async () => {
      const events = await countRows(t, 'production_status_events');
      const notMine = await record(otherOfficial, ent.id, { status: 'idle' }).expect(403);
      expect(notMine.body.code).toBe('FORBIDDEN');
      await record(handler, ent.id, { status: 'idle' }).expect(403);
      const missing = await record(manager, '00000000-0000-4000-8000-000000000000', { status: 'idle' }).expect(404);
      expect(missing.body.code).toBe('NOT_FOUND');
      await record(manager, 'not-an-id', { status: 'idle' }).expect(404);
      await t.http().post(path(ent.id)).send({ status: 'idle' }).expect(401);
      expect(await countRows(t, 'production_status_events')).toBe(events);
    });

    it('refuses a responsibility that has ended', async () => {
      const other = await f.enterprise(manager);
      await t.db.query(
        `INSERT INTO responsibilities (enterprise_id, user_id, kind, starts_at, ends_at, recorded_by, ended_recorded_at)
         VALUES ($1, $2, 'official', now() - interval '60 days', now() - interval '1 day', $3, now())`,
        [other.id, otherOfficial.id, manager.id],
      );
      await record(otherOfficial, other.id, { status: 'idle' }).expect(403);
    });

    it.each([
      [{ status: 'closed' }, 'status'],
      [{}, 'status'],
      [{ status: 'idle', effectiveAt: '2026-13-40' }, 'effectiveAt'],
      [{ status: 'idle', effectiveAt: '2026-11-01T08:00:00' }, 'effectiveAt'],
      [{ status: 'idle', effectiveAt: '2099-01-01' }, 'effectiveAt'],
      [{ status: 'idle', outputMonth: '2026-10' }, 'outputValueYuan'],
      [{ status: 'idle', outputValueYuan: 10 }, 'outputMonth'],
      [{ status: 'idle', outputMonth: '2026-13', outputValueYuan: 10 }, 'outputMonth'],
      [{ status: 'idle', outputMonth: '2026-10', outputValueYuan: -1 }, 'outputValueYuan'],
      [{ status: 'idle', outputMonth: '2026-10', outputValueYuan: 1.5 }, 'outputValueYuan'],
      [{ status: 'idle', note: 'x'.repeat(501) }, 'note'],
      [{ status: 'idle', colour: 'red' }, 'colour'],
    ])('answers 400 naming the field for %j', async (body, field) => {
      const events = await countRows(t, 'production_status_events');
      const res = await record(manager, ent.id, body).expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(await countRows(t, 'production_status_events')).toBe(events);
    });
  });

  describe('history', () => {
    it('lists the events newest first, with the current status, for officials and managers', async () => {
      const res = await t.http().get(path(ent.id)).set(otherOfficial.auth).expect(200);
      expect(res.body.enterpriseId).toBe(ent.id);
      expect(res.body.current).toEqual({ status: 'normal', since: '2026-11-19T16:00:00.000Z' });
      expect(res.body.canRecord).toBe(false);
      expect(res.body.items.map((e: { status: string }) => e.status)).toEqual(['normal', 'idle', 'idle', 'reduced']);
      const times = res.body.items.map((e: { effectiveAt: string }) => Date.parse(e.effectiveAt));
      expect([...times].sort((a, b) => b - a)).toEqual(times);
      expect(res.body.items[0].recordedByName).toContain(responsible.username);

      const mine = await t.http().get(path(ent.id)).set(responsible.auth).expect(200);
      expect(mine.body.canRecord).toBe(true);
      const managers = await t.http().get(path(ent.id)).set(manager.auth).expect(200);
      expect(managers.body.canRecord).toBe(true);
      expect(managers.body.items).toEqual(res.body.items);
    });

    it('answers 404 for an unknown enterprise, and for a handler one that no problem of their department concerns', async () => {
      await t.http().get(path('00000000-0000-4000-8000-000000000000')).set(manager.auth).expect(404);
      const hidden = await t.http().get(path(ent.id)).set(handler.auth).expect(404);
      expect(hidden.body.code).toBe('NOT_FOUND');
      const problem = await f.problem(manager, ent.id);
      const assigned = await f.act(manager, problem.id, 'assign', { departmentId: handler.departmentId });
      expect(assigned.status).toBe(200);
      const seen = await t.http().get(path(ent.id)).set(handler.auth).expect(200);
      expect(seen.body.canRecord).toBe(false);
    });
  });

  describe('figures as of an instant', () => {
    /*
     * The first quarter of 2025 (Asia/Shanghai), five enterprises:
     * A (suzhou)   idle 2024-12-15, normal 2025-02-10             → idle at the start, resumed
     * B (suzhou)   idle 2024-12-20, reduced 2025-03-01            → idle at the start, reduced at the end
     * C (yumen)    idle 2025-01-10                                → idle at the end only
     * D (yumen)    reduced 2025-02-01                             → reduced
     * E (dunhuang) idle 2024-11-01, normal 2025-03-20 but recorded 2025-04-05 → resumed only as of a
     *              later instant
     * Each event is recorded a day after it took effect, except E's return to normal.
     */
    const ents: Record<string, { id: string }> = {};

    beforeAll(async () => {
      const districts = { A: 'suzhou', B: 'suzhou', C: 'yumen', D: 'yumen', E: 'dunhuang' } as const;
      for (const [name, district] of Object.entries(districts)) {
        ents[name] = await f.enterprise(manager, { district, industry: name === 'E' ? 'new_materials' : 'metallurgy' });
      }
      const events: [string, string, string][] = [
        ['A', 'idle', '2024-12-15'],
        ['A', 'normal', '2025-02-10'],
        ['B', 'idle', '2024-12-20'],
        ['B', 'reduced', '2025-03-01'],
        ['C', 'idle', '2025-01-10'],
        ['D', 'reduced', '2025-02-01'],
        ['E', 'idle', '2024-11-01'],
        ['E', 'normal', '2025-03-20'],
      ];
      for (const [name, status, day] of events) {
        const res = await record(manager, ents[name]!.id, { status, effectiveAt: day }).expect(201);
        const recordedAt = name === 'E' && status === 'normal' ? '2025-04-05T10:00:00+08:00' : null;
        await t.db.query(
          `UPDATE production_status_events SET recorded_at = COALESCE($2::timestamptz, effective_at + interval '1 day')
           WHERE id = $1::bigint`,
          [res.body.event.id, recordedAt],
        );
      }
    });

    const figures = (query: string) =>
      t.http().get(`/api/v1/reports/production?${query}`).set(manager.auth).expect(200);

    it('counts idle and reduced enterprises at the end of the period and the resumption rate', async () => {
      const res = await figures('period=2025-Q1');
      expect(res.body.asOf).toBe('2025-04-01T00:00:00.000+08:00');
      expect(res.body).toMatchObject({
        idle: 2, // C, and E whose return was not recorded yet
        reduced: 2, // B, D
        resumptionRate: { resumed: 1, idleAtStart: 3, ratePercent: 33.3 },
      });
    });

    it('takes a later recording into account only as of an instant after it', async () => {
      const later = await figures('period=2025-Q1&asOf=2025-04-10T00:00:00%2B08:00');
      expect(later.body).toMatchObject({
        idle: 1,
        reduced: 2,
        resumptionRate: { resumed: 2, idleAtStart: 3, ratePercent: 66.7 },
      });
      // Mid-period: the rate runs up to the instant. On 15 February A has resumed, B and E not yet.
      const mid = await figures('period=2025-Q1&asOf=2025-02-15T00:00:00%2B08:00');
      expect(mid.body).toMatchObject({
        idle: 3, // B, C, E
        reduced: 1, // D
        resumptionRate: { resumed: 1, idleAtStart: 3, ratePercent: 33.3 },
      });
    });

    it('ignores events recorded after the instant, so a figure once taken stays what it was', async () => {
      const before = await figures('period=2025-Q1');
      // Recorded now: C back to normal in March 2025 (a late report).
      await record(manager, ents.C!.id, { status: 'normal', effectiveAt: '2025-03-15' }).expect(201);
      const after = await figures('period=2025-Q1');
      expect(after.body).toEqual(before.body);
      const now = await figures('period=2025-Q1&asOf=now');
      // Now: nothing idle (C's late report counts), reduced B, D and the enterprise of "defaults effectiveAt".
      expect(now.body).toMatchObject({ idle: 0, reduced: 3 });
      expect(now.body.resumptionRate).toEqual({ resumed: 2, idleAtStart: 3, ratePercent: 66.7 });
    });

    it('answers null for a period with nobody idle at its start', async () => {
      const res = await figures('period=2024-Q3');
      expect(res.body.resumptionRate).toEqual({ resumed: 0, idleAtStart: 0, ratePercent: null });
      expect(res.body).toMatchObject({ idle: 0, reduced: 0 });
    });

    it('groups by district (every district listed) and by industry, adding up to the total', async () => {
      const total = await figures('period=2025-Q1');
      const byDistrict = await figures('period=2025-Q1&groupBy=district');
      expect(byDistrict.body.groupBy).toBe('district');
      const districts: { key: string; label: string; idle: number; reduced: number; resumptionRate: unknown }[] =
        byDistrict.body.groups;
      expect(districts.find((g) => g.key === 'suzhou')).toMatchObject({
        label: '肃州区',
        idle: 0,
        reduced: 1,
        resumptionRate: { resumed: 1, idleAtStart: 2, ratePercent: 50 },
      });
      expect(districts.find((g) => g.key === 'yumen')).toMatchObject({ idle: 1, reduced: 1 });
      expect(districts.find((g) => g.key === 'dunhuang')).toMatchObject({
        idle: 1,
        resumptionRate: { resumed: 0, idleAtStart: 1, ratePercent: 0 },
      });
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM districts`);
      expect(districts.length).toBe(n);
      expect(districts.reduce((sum, g) => sum + g.idle, 0)).toBe(total.body.idle);

      const byIndustry = await figures('period=2025-Q1&groupBy=industry');
      const industries: { key: string; idle: number; reduced: number }[] = byIndustry.body.groups;
      expect(industries.find((g) => g.key === 'new_materials')).toMatchObject({ idle: 1, reduced: 0 });
      expect(industries.reduce((sum, g) => sum + g.reduced, 0)).toBe(total.body.reduced);
    });

    it('answers 400 for a bad period, asOf or groupBy, and 403 for officials', async () => {
      for (const [query, field] of [
        ['period=2025-Q5', 'period'],
        ['period=2025-Q1&asOf=yesterday', 'asOf'],
        ['period=2025-Q1&groupBy=category', 'groupBy'],
        ['', 'period'],
      ]) {
        const res = await t.http().get(`/api/v1/reports/production?${query}`).set(manager.auth).expect(400);
        expect(res.body.errors[0].field).toBe(field);
      }
      await t.http().get('/api/v1/reports/production?period=2025-Q1').set(responsible.auth).expect(403);
    });
  });
});
