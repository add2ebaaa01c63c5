import { INestApplication, Logger } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { createApp } from '../src/app';
import type { AuthUser } from '../src/access/auth-user';
import { loadConfig } from '../src/config/app-config';
import { ADVISORY_LOCKS } from '../src/database/locks';
import { SCAN_JOB, WarningsService } from '../src/warnings/warnings.service';
import { Factory, inDays, TestUser } from './factories';
import { countRows, sleep } from './factories/more';
import { createTestApp, TestApp } from './support/test-app';

/*
 * Due dates in the past cannot be set through the API (assign refuses a deadline that is not in
 * the future), so the tests assign with a future deadline and then move it back with
 * `UPDATE problems SET due_at = …`. Likewise `updated_at` (the last action) and an enterprise's
 * `created_at` are backdated directly to make stale problems and long-unvisited enterprises.
 */

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const JWT_SECRET = 'test-secret-that-is-long-enough-0123456789';

/** The calendar day of an instant in Asia/Shanghai (UTC+8, no daylight saving). */
const shanghaiDay = (at: Date) => new Date(at.getTime() + 8 * HOUR).toISOString().slice(0, 10);
const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + DAY).toISOString().slice(0, 10);

/**
 * Working days after the day of `from` up to and including the day of `to`, counted here in
 * plain TypeScript: Monday to Friday, except the holidays and make-up days of calendar_days.
 */
async function workingDaysBetween(t: TestApp, from: Date, to: Date): Promise<number> {
  const rows: { day: string; working: boolean }[] = await t.db.query(
    `SELECT to_char(day, 'YYYY-MM-DD') AS day, working FROM calendar_days`,
  );
  const exceptions = new Map(rows.map((row) => [row.day, row.working]));
  let count = 0;
  for (let day = nextDay(shanghaiDay(from)); day <= shanghaiDay(to); day = nextDay(day)) {
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    if (exceptions.get(day) ?? (weekday !== 0 && weekday !== 6)) count += 1;
  }
  return count;
}

const asAuthUser = (user: TestUser): AuthUser => ({
  id: user.id,
  username: user.username,
  displayName: user.username,
  role: user.role,
  departmentId: user.departmentId,
});

/** Another instance of the whole application on the same database (migrations already applied). */
async function anotherInstance(databaseUrl: string, env: Record<string, string> = {}): Promise<INestApplication> {
  const config = loadConfig({
    DATABASE_URL: databaseUrl,
    JWT_SECRET,
    LOG_LEVEL: 'silent',
    WARNING_SCAN_INTERVAL_SECONDS: '0',
    ...env,
  });
  return createApp({ config, databaseUrl, jwtSecret: config.jwtSecret! });
}

describe('early warnings (预警)', () => {
  let t: TestApp;
  let f: Factory;
  let official: TestUser;
  let manager: TestUser;
  let admin: TestUser;
  let handlerA: TestUser;
  let handlerB: TestUser;
  let depA: { id: string; name: string };
  let depB: { id: string; name: string };
  let ent: { id: string; name: string };
  let entNever: { id: string; name: string };
  let entLongAgo: { id: string; name: string };
  let entRecent: { id: string; name: string };
  const problems: Record<string, { id: string; code: string }> = {};
  let longAgoVisitAt: string;
  let dueSoonAt: string;
  const extraApps: INestApplication[] = [];

  const setDue = (id: string, dueAt: string) =>
    t.db.query(`UPDATE problems SET due_at = $2 WHERE id = $1`, [id, dueAt]);
  const backdateActivity = (id: string, days: number) =>
    t.db.query(`UPDATE problems SET updated_at = now() - make_interval(days => $2) WHERE id = $1`, [id, days]);
  const backdateEnterprise = (id: string, days: number) =>
    t.db.query(`UPDATE enterprises SET created_at = now() - make_interval(days => $2) WHERE id = $1`, [id, days]);
  /** `official` answers for the enterprise since `days` ago (written as the responsibility routes write it). */
  const responsible = (id: string, days: number, userId = official.id) =>
    t.db.query(
      `INSERT INTO responsibilities (enterprise_id, user_id, kind, starts_at, recorded_by)
       VALUES ($1, $2, 'official', now() - make_interval(days => $3), $2)`,
      [id, userId, days],
    );

  async function assigned(key: string, department: { id: string }, dueAt: string, title = key) {
    const created = await f.problem(official, ent.id, { title });
    const res = await f.act(manager, created.id, 'assign', { departmentId: department.id, dueAt });
    expect(res.status).toBe(200);
    problems[key] = created;
    return created;
  }

  async function visit(enterpriseId: string, visitedAt: string) {
    await t
      .http()
      .post('/api/v1/visits')
      .set(official.auth)
      .send({ enterpriseId, visitedAt, purpose: '走访' })
      .expect(201);
  }

  const warnings = (user: TestUser, query = '') => t.http().get(`/api/v1/warnings${query}`).set(user.auth);
  const scan = (user: TestUser) => t.http().post('/api/v1/warnings/scan').set(user.auth);
  const warningEvents = (problemId: string) =>
    t.db.query(
      `SELECT type, from_status AS "fromStatus", to_status AS "toStatus", department_id AS "departmentId",
              actor_id AS "actorId", note, data
       FROM problem_events WHERE problem_id = $1 AND type = 'warning' ORDER BY id`,
      [problemId],
    );
  const problemRows = () =>
    t.db.query(`SELECT id, version, updated_at::text AS "updatedAt", last_event_type AS "lastEventType"
                FROM problems ORDER BY id`);

  beforeAll(async () => {
    t = await createTestApp({ WARNING_SCAN_INTERVAL_SECONDS: '0' });
    f = new Factory(t);
    depA = await f.department('市工信局');
    depB = await f.department('市人社局');
    official = await f.user('official');
    manager = await f.user('manager');
    admin = await f.user('admin');
    handlerA = await f.user('handler', depA.id);
    handlerB = await f.user('handler', depB.id);

    // Enterprises, all of tier "other" (a visit every 90 days), all in `official`'s charge: one
    // since yesterday (not due), one since 200 days and never visited (due 110 days ago), one last
    // visited 120 days ago (due 30 days ago), one visited 150 and 10 days ago (due in 80 days).
    ent = await f.enterprise(official, { name: '酒泉风电装备有限公司' });
    await responsible(ent.id, 1);
    entNever = await f.enterprise(official, { name: '瓜州光热发电有限公司' });
    await backdateEnterprise(entNever.id, 200);
    await responsible(entNever.id, 200);
    entLongAgo = await f.enterprise(official, { name: '玉门石化有限公司' });
    await backdateEnterprise(entLongAgo.id, 300);
    await responsible(entLongAgo.id, 300);
    longAgoVisitAt = new Date(Date.now() - 120 * DAY).toISOString();
    await visit(entLongAgo.id, longAgoVisitAt);
    entRecent = await f.enterprise(official, { name: '金塔农产品加工有限公司' });
    await backdateEnterprise(entRecent.id, 300);
    await responsible(entRecent.id, 300);
    await visit(entRecent.id, new Date(Date.now() - 150 * DAY).toISOString());
    await visit(entRecent.id, new Date(Date.now() - 10 * DAY).toISOString());

    // Overdue: deadlines moved into the past (see the note at the top).
    await assigned('overdueA', depA, inDays(10), '变电站扩容审批慢');
    await setDue(problems.overdueA!.id, '2025-09-26T17:00:00+08:00');
    await assigned('overdueB', depB, inDays(10), '稳岗返还未到账');
    await setDue(problems.overdueB!.id, '2025-10-09T12:00:00+08:00');
    // Due soon: two hours from now is at most one working day away.
    dueSoonAt = new Date(Date.now() + 2 * HOUR).toISOString();
    await assigned('dueSoon', depA, dueSoonAt, '用电报装进度慢');
    // A deadline 30 days out is not due soon.
    await assigned('later', depB, inDays(30), '招工难');
    // Stale: assigned, no action for 10 days; reported, no action for 8 days.
    await assigned('stale', depB, inDays(30), '社保补贴申请无回音');
    await backdateActivity(problems.stale!.id, 10);
    problems.staleReported = await f.problem(official, ent.id, { title: '道路破损' });
    await backdateActivity(problems.staleReported.id, 8);
    // Resolved with a past deadline and old activity: no warning at all.
    await assigned('resolved', depA, inDays(10), '已办结的问题');
    const resolved = await f.act(handlerA, problems.resolved!.id, 'resolve', { resolution: '已协调解决' });
    expect(resolved.status).toBe(200);
    await setDue(problems.resolved!.id, '2025-09-01T17:00:00+08:00');
    await backdateActivity(problems.resolved!.id, 30);
  });

  afterAll(async () => {
    for (const app of extraApps) await app.close();
    await t.close();
  });

  it('counts overdue and due-soon deadlines in working days of the holiday calendar (hand-computed)', async () => {
    const service = t.app.get(WarningsService);

    // At Monday 2025-10-13 10:00 (+08:00):
    // - overdueA, due Friday 2025-09-26: the working days after the 26th up to the 13th are
    //   Sun 28 Sep (调休 make-up day), Mon 29, Tue 30 Sep, then 1–8 Oct is the National Day and
    //   Mid-Autumn holiday, then Thu 9, Fri 10, Sat 11 Oct (调休), Mon 13 Oct: 7 (17 calendar days).
    // - overdueB, due Thursday 2025-10-09 noon: Fri 10, Sat 11 (调休), Mon 13: 3.
    const october = await service.current(asAuthUser(admin), undefined, new Date('2025-10-13T10:00:00+08:00'));
    expect(october.counts).toEqual({
      overdue: 2,
      due_soon: 0,
      stale: 0,
      not_visited: 0,
      unassigned: 0,
      project_not_started: 0,
      idle_not_visited: 0,
      sign_for_overdue: 0,
      supervision_overdue: 0,
    });
    expect(october.items.map((i) => [i.level, i.problemId, i.daysOverdue])).toEqual([
      ['overdue', problems.overdueA!.id, 7],
      ['overdue', problems.overdueB!.id, 3],
    ]);

    // At Tuesday 2025-09-30 10:00 (+08:00):
    // - overdueA: Sun 28 (调休), Mon 29, Tue 30: 3 working days overdue;
    // - overdueB, due Thursday 9 October: 1–8 October are holidays, so the only working day
    //   after the 30th up to the 9th is the 9th itself: 1 working day left, although 9 calendar
    //   days away, so it is due soon (limit 3).
    const september = await service.current(asAuthUser(admin), undefined, new Date('2025-09-30T10:00:00+08:00'));
    expect(september.counts).toEqual({
      overdue: 1,
      due_soon: 1,
      stale: 0,
      not_visited: 0,
      unassigned: 0,
      project_not_started: 0,
      idle_not_visited: 0,
      sign_for_overdue: 0,
      supervision_overdue: 0,
    });
    expect(september.items).toEqual([
      expect.objectContaining({ level: 'overdue', problemId: problems.overdueA!.id, daysOverdue: 3 }),
      expect.objectContaining({
        level: 'due_soon',
        problemId: problems.overdueB!.id,
        workingDaysLeft: 1,
        dueAt: '2025-10-09T04:00:00.000Z',
      }),
    ]);
  });

  it('lists every current warning for a manager or an admin, overdue first', async () => {
    const before = new Date();
    const res = await warnings(manager).expect(200);
    const after = new Date();

    expect(res.body.counts).toEqual({
      overdue: 2,
      due_soon: 1,
      stale: 2,
      not_visited: 2,
      unassigned: 0,
      project_not_started: 0,
      idle_not_visited: 0,
      sign_for_overdue: 0,
      supervision_overdue: 0,
    });
    expect(res.body.truncated).toBe(false);
    expect(res.body.items.map((i: { level: string; problemId?: string; enterpriseId: string }) => i.level)).toEqual([
      'overdue',
      'overdue',
      'due_soon',
      'stale',
      'stale',
      'not_visited',
      'not_visited',
    ]);
    const [overdueA, overdueB, dueSoon, stale, staleReported, never, longAgo] = res.body.items;

    // Most working days overdue first: overdueA's deadline is the earlier one.
    const daysA = [await workingDaysBetween(t, new Date('2025-09-26T17:00:00+08:00'), before)];
    daysA.push(await workingDaysBetween(t, new Date('2025-09-26T17:00:00+08:00'), after));
    expect(overdueA).toEqual({
      level: 'overdue',
      problemId: problems.overdueA!.id,
      code: problems.overdueA!.code,
      title: '变电站扩容审批慢',
      status: 'assigned',
      enterpriseId: ent.id,
      enterpriseName: '酒泉风电装备有限公司',
      departmentId: depA.id,
      departmentName: '市工信局',
      dueAt: '2025-09-26T09:00:00.000Z',
      daysOverdue: expect.any(Number),
    });
    expect(daysA).toContain(overdueA.daysOverdue);
    const daysB = await workingDaysBetween(t, new Date('2025-10-09T12:00:00+08:00'), after);
    expect(overdueB).toMatchObject({ problemId: problems.overdueB!.id, departmentName: '市人社局' });
    expect([daysB, daysB - 1]).toContain(overdueB.daysOverdue);
    expect(overdueA.daysOverdue).toBeGreaterThan(overdueB.daysOverdue);

    expect(dueSoon).toEqual({
      level: 'due_soon',
      problemId: problems.dueSoon!.id,
      code: problems.dueSoon!.code,
      title: '用电报装进度慢',
      status: 'assigned',
      enterpriseId: ent.id,
      enterpriseName: '酒泉风电装备有限公司',
      departmentId: depA.id,
      departmentName: '市工信局',
      dueAt: dueSoonAt,
      workingDaysLeft: await workingDaysBetween(t, after, new Date(dueSoonAt)),
    });

    // Longest idle first: 10 days, then 8 days (the reported one has no department yet).
    expect(stale).toMatchObject({
      level: 'stale',
      problemId: problems.stale!.id,
      departmentId: depB.id,
      idleDays: 10,
    });
    expect(Date.parse(stale.lastActivityAt)).toBeLessThan(before.getTime() - 10 * DAY + 60_000);
    expect(staleReported).toMatchObject({
      level: 'stale',
      problemId: problems.staleReported!.id,
      status: 'reported',
      departmentId: null,
      departmentName: null,
      idleDays: 8,
    });

    // Earliest due first: in charge since 200 days and never visited (due 90 days after the start
    // of responsibility), then visited 120 days ago (due 90 days after that visit); each names
    // its responsible officials.
    const officials = [{ id: official.id, name: `official ${official.username}` }];
    expect(never).toEqual({
      level: 'not_visited',
      enterpriseId: entNever.id,
      enterpriseName: '瓜州光热发电有限公司',
      lastVisitAt: null,
      nextVisitDueAt: expect.any(String),
      tier: 'other',
      officials,
    });
    expect(Math.abs(Date.parse(never.nextVisitDueAt) - (before.getTime() - 110 * DAY))).toBeLessThan(5 * 60_000);
    expect(longAgo).toEqual({
      level: 'not_visited',
      enterpriseId: entLongAgo.id,
      enterpriseName: '玉门石化有限公司',
      lastVisitAt: longAgoVisitAt,
      nextVisitDueAt: new Date(Date.parse(longAgoVisitAt) + 90 * DAY).toISOString(),
      tier: 'other',
      officials,
    });

    const asAdmin = await warnings(admin).expect(200);
    expect(asAdmin.body).toEqual(res.body);
  });

  it("shows a handler only their department's problems and no enterprise warnings", async () => {
    const a = await warnings(handlerA).expect(200);
    expect(a.body.counts).toEqual({
      overdue: 1,
      due_soon: 1,
      stale: 0,
      not_visited: 0,
      unassigned: 0,
      project_not_started: 0,
      idle_not_visited: 0,
      sign_for_overdue: 0,
      supervision_overdue: 0,
    });
    expect(a.body.items.map((i: { level: string; problemId: string }) => [i.level, i.problemId])).toEqual([
      ['overdue', problems.overdueA!.id],
      ['due_soon', problems.dueSoon!.id],
    ]);

    const b = await warnings(handlerB).expect(200);
    expect(b.body.counts).toEqual({
      overdue: 1,
      due_soon: 0,
      stale: 1,
      not_visited: 0,
      unassigned: 0,
      project_not_started: 0,
      idle_not_visited: 0,
      sign_for_overdue: 0,
      supervision_overdue: 0,
    });
    expect(b.body.items.map((i: { level: string; problemId: string }) => [i.level, i.problemId])).toEqual([
      ['overdue', problems.overdueB!.id],
      ['stale', problems.stale!.id],
    ]);

    const notVisited = await warnings(handlerA, '?level=not_visited').expect(200);
    expect(notVisited.body).toEqual({
      items: [],
      counts: {
        overdue: 1,
        due_soon: 1,
        stale: 0,
        not_visited: 0,
        unassigned: 0,
        project_not_started: 0,
        idle_not_visited: 0,
        sign_for_overdue: 0,
        supervision_overdue: 0,
      },
      truncated: false,
    });
  });

  it('shows an official the not_visited warnings of their own enterprises only, and refuses anonymous callers', async () => {
    const own = await warnings(official).expect(200);
    expect(own.body.counts).toEqual({
      overdue: 0,
      due_soon: 0,
      stale: 0,
      not_visited: 2,
      unassigned: 0,
      project_not_started: 0,
      idle_not_visited: 0,
      sign_for_overdue: 0,
      supervision_overdue: 0,
    });
    expect(own.body.items.map((i: { level: string; enterpriseId: string }) => [i.level, i.enterpriseId])).toEqual([
      ['not_visited', entNever.id],
      ['not_visited', entLongAgo.id],
    ]);
    const stranger = await f.user('official');
    const none = await warnings(stranger).expect(200);
    expect(none.body).toEqual({
      items: [],
      counts: {
        overdue: 0,
        due_soon: 0,
        stale: 0,
        not_visited: 0,
        unassigned: 0,
        project_not_started: 0,
        idle_not_visited: 0,
        sign_for_overdue: 0,
        supervision_overdue: 0,
      },
      truncated: false,
    });
    await t.http().get('/api/v1/warnings').expect(401);
  });

  it('filters by level and keeps the counts of every level', async () => {
    const stale = await warnings(manager, '?level=stale').expect(200);
    expect(stale.body.counts).toEqual({
      overdue: 2,
      due_soon: 1,
      stale: 2,
      not_visited: 2,
      unassigned: 0,
      project_not_started: 0,
      idle_not_visited: 0,
      sign_for_overdue: 0,
      supervision_overdue: 0,
    });
    expect(stale.body.items.map((i: { problemId: string }) => i.problemId)).toEqual([
      problems.stale!.id,
      problems.staleReported!.id,
    ]);

    const notVisited = await warnings(manager, '?level=not_visited').expect(200);
    expect(notVisited.body.items.map((i: { enterpriseId: string }) => i.enterpriseId)).toEqual([
      entNever.id,
      entLongAgo.id,
    ]);
    expect(notVisited.body.items.map((i: { enterpriseId: string }) => i.enterpriseId)).not.toContain(entRecent.id);

    const overdue = await warnings(handlerB, '?level=overdue').expect(200);
    expect(overdue.body.items.map((i: { problemId: string }) => i.problemId)).toEqual([problems.overdueB!.id]);

    const bad = await warnings(manager, '?level=urgent').expect(400);
    expect(bad.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'level' }] });
  });

  it('lists the first items of the whole list under any limit, across the levels', async () => {
    // Each level is read on its own up to what the levels before it leave of the limit: every
    // limit must give the same first items as the whole list, whichever level it ends in.
    const all = (await warnings(manager).expect(200)).body;
    const levels = new Set(all.items.map((i: { level: string }) => i.level));
    expect(levels.size).toBeGreaterThanOrEqual(4);
    for (let limit = 1; limit <= all.items.length; limit++) {
      const page = (await warnings(manager, `?limit=${limit}`).expect(200)).body;
      expect(page.items).toEqual(all.items.slice(0, limit));
      expect(page.counts).toEqual(all.counts);
      expect(page.truncated).toBe(limit < all.items.length);
    }
    const stale = (await warnings(manager, '?level=stale').expect(200)).body;
    const firstStale = (await warnings(manager, '?level=stale&limit=1').expect(200)).body;
    expect(firstStale).toEqual({ items: stale.items.slice(0, 1), counts: all.counts, truncated: true });

    for (const limit of ['0', '501', 'ten', '2.5']) {
      const bad = await warnings(manager, `?limit=${limit}`).expect(400);
      expect(bad.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'limit' }] });
    }
  });

  it('records each warning once, with one warning event per problem warning, without touching the problem', async () => {
    const problemsBefore = await problemRows();
    const versionBefore = (await t.http().get(`/api/v1/problems/${problems.dueSoon!.id}`).set(manager.auth)).body
      .version;

    expect((await scan(manager)).status).toBe(403);
    const first = await scan(admin);
    const scannedAt = new Date();
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      ran: true,
      recorded: {
        overdue: 2,
        due_soon: 1,
        stale: 2,
        not_visited: 2,
        unassigned: 0,
        project_not_started: 0,
        idle_not_visited: 0,
        sign_for_overdue: 0,
        supervision_overdue: 0,
      },
    });
    expect(await countRows(t, 'warnings')).toBe(7);
    expect(await countRows(t, 'problem_events', `type = 'warning'`)).toBe(5);
    expect(await countRows(t, 'warnings', 'enterprise_id IS NOT NULL AND problem_id IS NULL')).toBe(2);

    // The problem rows are exactly as they were: version, updated_at, last_event_type.
    expect(await problemRows()).toEqual(problemsBefore);

    const daysA = await workingDaysBetween(t, new Date('2025-09-26T17:00:00+08:00'), scannedAt);
    const [overdueEvent] = await warningEvents(problems.overdueA!.id);
    expect(await warningEvents(problems.overdueA!.id)).toHaveLength(1);
    expect(overdueEvent).toEqual({
      type: 'warning',
      fromStatus: 'assigned',
      toStatus: 'assigned',
      departmentId: depA.id,
      actorId: null,
      note: `超期预警：已超期 ${daysA} 个工作日`,
      data: { level: 'overdue', warningId: expect.any(Number) },
    });
    const left = await workingDaysBetween(t, scannedAt, new Date(dueSoonAt));
    expect(await warningEvents(problems.dueSoon!.id)).toEqual([
      expect.objectContaining({
        fromStatus: 'assigned',
        toStatus: 'assigned',
        actorId: null,
        note: left === 0 ? '临期预警：今日到期' : `临期预警：距办理时限还有 ${left} 个工作日`,
        data: expect.objectContaining({ level: 'due_soon' }),
      }),
    ]);
    expect(await warningEvents(problems.stale!.id)).toEqual([
      expect.objectContaining({ departmentId: depB.id, note: '久未办理预警：已 10 天无办理记录' }),
    ]);
    expect(await warningEvents(problems.staleReported!.id)).toEqual([
      expect.objectContaining({
        fromStatus: 'reported',
        toStatus: 'reported',
        departmentId: null,
        note: '久未办理预警：已 8 天无办理记录',
        data: expect.objectContaining({ level: 'stale' }),
      }),
    ]);
    expect(await warningEvents(problems.later!.id)).toEqual([]);
    expect(await warningEvents(problems.resolved!.id)).toEqual([]);

    // An enterprise warning keeps its responsible officials, ids and names, as they were.
    const [visitRow] = await t.db.query(`SELECT details FROM warnings WHERE enterprise_id = $1`, [entNever.id]);
    expect(visitRow.details).toEqual({
      neverVisited: true,
      nextVisitDueAt: expect.any(String),
      tier: 'other',
      officials: [{ id: official.id, name: `official ${official.username}` }],
    });

    // The warning row keeps what was detected.
    const [row] = await t.db.query(
      `SELECT level, department_id AS "departmentId", enterprise_id AS "enterpriseId", details, dedupe_key AS "dedupeKey"
       FROM warnings WHERE problem_id = $1`,
      [problems.overdueA!.id],
    );
    expect(row).toEqual({
      level: 'overdue',
      departmentId: depA.id,
      enterpriseId: null,
      details: { dueAt: '2025-09-26T09:00:00.000Z', daysOverdue: daysA },
      dedupeKey: `overdue:${problems.overdueA!.id}:2025-09-26T09:00:00.000000Z`,
    });
    const [{ id: warningId }] = await t.db.query(`SELECT id::int FROM warnings WHERE problem_id = $1`, [
      problems.overdueA!.id,
    ]);
    expect(overdueEvent.data.warningId).toBe(warningId);

    // Again: nothing new (the stale ones stay stale: a warning event is not an action).
    const second = await scan(admin).expect(200);
    expect(second.body).toEqual({
      ran: true,
      recorded: {
        overdue: 0,
        due_soon: 0,
        stale: 0,
        not_visited: 0,
        unassigned: 0,
        project_not_started: 0,
        idle_not_visited: 0,
        sign_for_overdue: 0,
        supervision_overdue: 0,
      },
    });
    expect(await countRows(t, 'warnings')).toBe(7);
    expect(await countRows(t, 'problem_events', `type = 'warning'`)).toBe(5);

    // The list now says when each warning was recorded.
    const listed = await warnings(admin).expect(200);
    expect(listed.body.items).toHaveLength(7);
    for (const item of listed.body.items) {
      expect(Date.parse(item.detectedAt)).toBeGreaterThan(scannedAt.getTime() - 60_000);
      expect(Date.parse(item.detectedAt)).toBeLessThanOrEqual(scannedAt.getTime());
    }

    // The problem shows the event; the version read before the scan is still the one to send.
    const read = await t.http().get(`/api/v1/problems/${problems.dueSoon!.id}`).set(handlerA.auth).expect(200);
    expect(read.body.version).toBe(versionBefore);
    expect(read.body.lastEventType).toBe('assign');
    expect(read.body.events.map((e: { type: string; actorId: string | null }) => [e.type, e.actorId])).toEqual([
      ['created', official.id],
      ['assign', manager.id],
      ['warning', null],
    ]);
    const accepted = await f.act(handlerA, problems.dueSoon!.id, 'accept', {}, versionBefore);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'in_progress', version: versionBefore + 1 });
  });

  it('records a new warning when the problem gets a new deadline', async () => {
    // A deadline moves only through an approved extension (issue 15; a same-department reassignment keeps it).
    const requested = await f.act(handlerA, problems.overdueA!.id, 'request-extension', {
      dueAt: inDays(5),
      reason: '申请延期至新时限',
    });
    expect(requested.status).toBe(200);
    const approved = await f.act(manager, problems.overdueA!.id, 'approve-extension', {});
    expect(approved.status).toBe(200);
    await setDue(problems.overdueA!.id, '2025-11-03T17:00:00+08:00');

    const res = await scan(admin).expect(200);
    expect(res.body).toEqual({
      ran: true,
      recorded: {
        overdue: 1,
        due_soon: 0,
        stale: 0,
        not_visited: 0,
        unassigned: 0,
        project_not_started: 0,
        idle_not_visited: 0,
        sign_for_overdue: 0,
        supervision_overdue: 0,
      },
    });
    const rows = await t.db.query(`SELECT dedupe_key AS "dedupeKey" FROM warnings WHERE problem_id = $1 ORDER BY id`, [
      problems.overdueA!.id,
    ]);
    expect(rows.map((r: { dedupeKey: string }) => r.dedupeKey)).toEqual([
      `overdue:${problems.overdueA!.id}:2025-09-26T09:00:00.000000Z`,
      `overdue:${problems.overdueA!.id}:2025-11-03T09:00:00.000000Z`,
    ]);
    expect((await warningEvents(problems.overdueA!.id)).map((e: { data: { level: string } }) => e.data.level)).toEqual([
      'overdue',
      'overdue',
    ]);
    expect(await countRows(t, 'problem_events', `type = 'warning'`)).toBe(6);
    expect((await scan(admin).expect(200)).body.recorded).toEqual({
      overdue: 0,
      due_soon: 0,
      stale: 0,
      not_visited: 0,
      unassigned: 0,
      project_not_started: 0,
      idle_not_visited: 0,
      sign_for_overdue: 0,
      supervision_overdue: 0,
    });
  });

  it('does nothing while another scan holds the lock', async () => {
    const runner = t.db.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      await runner.query(`SELECT pg_advisory_xact_lock($1::bigint)`, [ADVISORY_LOCKS.warningScan]);
      await backdateActivity(problems.later!.id, 9);
      expect(await t.app.get(WarningsService).scan()).toEqual({ ran: false });
      expect(await countRows(t, 'warnings', 'problem_id = $1', [problems.later!.id])).toBe(0);
      await runner.commitTransaction();
    } finally {
      await runner.release();
    }
    expect(await t.app.get(WarningsService).scan()).toEqual({
      ran: true,
      recorded: {
        overdue: 0,
        due_soon: 0,
        stale: 1,
        not_visited: 0,
        unassigned: 0,
        project_not_started: 0,
        idle_not_visited: 0,
        sign_for_overdue: 0,
        supervision_overdue: 0,
      },
    });
    expect(await warningEvents(problems.later!.id)).toEqual([
      expect.objectContaining({ note: '久未办理预警：已 9 天无办理记录' }),
    ]);
  });

  it('records each warning exactly once when two instances scan the same database at the same time', async () => {
    const second = await anotherInstance(t.databaseUrl);
    extraApps.push(second);

    await assigned('overdue2', depA, inDays(10), '土地指标未落实');
    await setDue(problems.overdue2!.id, '2026-03-02T09:00:00+08:00');
    problems.stale2 = await f.problem(official, ent.id, { title: '融资担保难' });
    await backdateActivity(problems.stale2.id, 9);
    const entNever2 = await f.enterprise(official, { name: '敦煌文旅有限公司' });
    await backdateEnterprise(entNever2.id, 100);
    await responsible(entNever2.id, 100);
    const warningsBefore = await countRows(t, 'warnings');
    const eventsBefore = await countRows(t, 'problem_events', `type = 'warning'`);

    const one = t.app.get(WarningsService);
    const two = second.get(WarningsService);
    const results = await Promise.all([one.scan(), two.scan(), one.scan(), two.scan(), one.scan(), two.scan()]);

    const total = {
      overdue: 0,
      due_soon: 0,
      stale: 0,
      not_visited: 0,
      unassigned: 0,
      project_not_started: 0,
      idle_not_visited: 0,
      sign_for_overdue: 0,
      supervision_overdue: 0,
    };
    for (const result of results) {
      if (!result.ran) continue;
      for (const level of Object.keys(total) as (keyof typeof total)[]) total[level] += result.recorded[level];
    }
    expect(results.some((r) => r.ran)).toBe(true);
    expect(total).toEqual({
      overdue: 1,
      due_soon: 0,
      stale: 1,
      not_visited: 1,
      unassigned: 0,
      project_not_started: 0,
      idle_not_visited: 0,
      sign_for_overdue: 0,
      supervision_overdue: 0,
    });
    expect(await countRows(t, 'warnings')).toBe(warningsBefore + 3);
    expect(await countRows(t, 'problem_events', `type = 'warning'`)).toBe(eventsBefore + 2);
    expect(await warningEvents(problems.overdue2!.id)).toHaveLength(1);
    expect(await warningEvents(problems.stale2.id)).toHaveLength(1);
    expect(await countRows(t, 'warnings', 'enterprise_id = $1', [entNever2.id])).toBe(1);
  });

  it('runs the scan periodically when configured, and stops it on shutdown', async () => {
    expect(t.app.get(SchedulerRegistry).getIntervals()).not.toContain(SCAN_JOB);

    await assigned('overdue3', depB, inDays(10), '排污许可续期慢');
    await setDue(problems.overdue3!.id, '2026-04-01T09:00:00+08:00');
    const timed = await anotherInstance(t.databaseUrl, { WARNING_SCAN_INTERVAL_SECONDS: '1' });
    const registry = timed.get(SchedulerRegistry);
    expect(registry.getIntervals()).toContain(SCAN_JOB);

    let recorded = 0;
    for (let waited = 0; waited < 10_000 && recorded === 0; waited += 200) {
      await sleep(200);
      recorded = await countRows(t, 'warnings', 'problem_id = $1', [problems.overdue3!.id]);
    }
    expect(recorded).toBe(1);
    await sleep(1500); // at least one more run
    expect(await warningEvents(problems.overdue3!.id)).toHaveLength(1);

    // A failing run is logged and the job goes on.
    const service = timed.get(WarningsService);
    const failing = jest.spyOn(service, 'scan').mockRejectedValue(new Error('database went away'));
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    try {
      await sleep(2500);
      expect(failing.mock.calls.length).toBeGreaterThanOrEqual(2);
      expect(logged).toHaveBeenCalledWith('warning scan failed: database went away', expect.any(String));
      expect(registry.getIntervals()).toContain(SCAN_JOB);
    } finally {
      failing.mockRestore();
      logged.mockRestore();
    }

    await timed.close();
    expect(registry.doesExist('interval', SCAN_JOB)).toBe(false);
  });

  it('warns managers of an enterprise nobody answers for, once, and not officials', async () => {
    const orphan = await f.enterprise(manager, { name: '无人包联测试企业有限公司' });
    const listed = await warnings(manager, '?level=unassigned').expect(200);
    expect(listed.body.counts.unassigned).toBe(1);
    expect(listed.body.items).toEqual([
      {
        level: 'unassigned',
        enterpriseId: orphan.id,
        enterpriseName: '无人包联测试企业有限公司',
        unassignedSince: expect.any(String),
      },
    ]);
    expect((await warnings(official)).body.counts.unassigned).toBe(0);
    expect((await warnings(handlerA)).body.counts.unassigned).toBe(0);
    expect((await scan(admin).expect(200)).body.recorded).toMatchObject({ unassigned: 1 });
    expect((await scan(admin).expect(200)).body.recorded).toMatchObject({ unassigned: 0 });
    expect(await countRows(t, 'warnings', `level = 'unassigned' AND enterprise_id = $1`, [orphan.id])).toBe(1);

    // Once someone answers for it, the warning goes.
    await responsible(orphan.id, 0);
    expect((await warnings(manager, '?level=unassigned').expect(200)).body.items).toEqual([]);
  });

  it('lists at most 500 items and says so, with exact counts', async () => {
    // 520 enterprises in an official's charge for a year and never visited (inserted directly: a bulk of rows).
    await t.db.query(
      `WITH e AS (
         INSERT INTO enterprises (name, district_code, created_at)
         SELECT '长期未走访企业' || n, 'suzhou', now() - interval '365 days' FROM generate_series(1, 520) AS n
         RETURNING id
       )
       INSERT INTO responsibilities (enterprise_id, user_id, kind, starts_at, recorded_by)
       SELECT id, $1, 'official', now() - interval '365 days', $1 FROM e`,
      [official.id],
    );
    const all = await warnings(admin).expect(200);
    expect(all.body.truncated).toBe(true);
    expect(all.body.items).toHaveLength(500);
    // 2 + 1 (entNever2) before, plus 520.
    expect(all.body.counts.not_visited).toBe(523);
    expect(all.body.items.slice(0, 4).map((i: { level: string }) => i.level)).toEqual([
      'overdue',
      'overdue',
      'overdue',
      'overdue',
    ]);

    const notVisited = await warnings(manager, '?level=not_visited').expect(200);
    expect(notVisited.body).toMatchObject({ truncated: true, counts: { not_visited: 523, unassigned: 0 } });
    expect(notVisited.body.items).toHaveLength(500);

    const handler = await warnings(handlerA).expect(200);
    expect(handler.body.truncated).toBe(false);
    expect(handler.body.counts.not_visited).toBe(0);
  });
});
