import { randomBytes } from 'node:crypto';
import { Factory, TestUser } from './factories';
import { countRows } from './factories/more';
import { createTestApp, TestApp } from './support/test-app';

/*
 * The two warnings of key projects and enterprises under watch. Projects are inserted directly
 * (their ledger has its own routes and tests); an enterprise's idleness is recorded through the
 * API with a past effectiveAt, visits are inserted with the visit date wanted.
 */

const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();
/** The calendar day `days` from today in Asia/Shanghai. */
const shanghaiDay = (days: number) => new Date(Date.now() + 8 * 3600_000 + days * DAY).toISOString().slice(0, 10);

describe('warnings: project_not_started and idle_not_visited', () => {
  let t: TestApp;
  let f: Factory;
  let manager: TestUser;
  let admin: TestUser;
  let official: TestUser;
  let handlerA: TestUser;
  let handlerB: TestUser;
  let depA: { id: string; name: string };
  const projects: Record<string, string> = {};
  const ents: Record<string, { id: string; name: string }> = {};

  async function project(name: string, plannedStart: string, stage: string, departmentId: string, owner?: string) {
    const [row] = await t.db.query(
      `INSERT INTO projects (code, plan_year, name, district_code, kind, planned_start_date, department_id, stage,
                             owner_enterprise_id)
       VALUES ($1, 2026, $2, 'suzhou', 'new', $3, $4, $5, $6) RETURNING id`,
      [`XM-${randomBytes(3).toString('hex')}`, name, plannedStart, departmentId, stage, owner ?? null],
    );
    return row.id as string;
  }

  async function idleSince(enterpriseId: string, days: number) {
    await t
      .http()
      .post(`/api/v1/enterprises/${enterpriseId}/production-status`)
      .set(manager.auth)
      .send({ status: 'idle', effectiveAt: daysAgo(days) })
      .expect(201);
  }

  async function visit(enterpriseId: string, days: number) {
    await t.db.query(
      `INSERT INTO visits (enterprise_id, visited_at, purpose, created_by) VALUES ($1, $2, '走访', $3)`,
      [enterpriseId, daysAgo(days), official.id],
    );
  }

  const warnings = (as: TestUser, query = '') => t.http().get(`/api/v1/warnings${query}`).set(as.auth);

  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
    depA = await f.department();
    const depB = await f.department();
    manager = await f.user('manager');
    admin = await f.user('admin');
    official = await f.user('official');
    handlerA = await f.user('handler', depA.id);
    handlerB = await f.user('handler', depB.id);

    for (const name of ['idleLong', 'idleRecent', 'idleVisited', 'idleVisitedLongAgo', 'normal', 'owner']) {
      ents[name] = await f.enterprise(manager);
    }
    // Visits keep the plain not_visited warning out of the way for every enterprise.
    for (const e of Object.values(ents)) await visit(e.id, 1000);

    projects.late = await project('逾期未开工项目', shanghaiDay(-10), 'preparation', depA.id, ents.owner!.id);
    projects.started = await project('已开工项目', shanghaiDay(-10), 'started', depA.id);
    projects.today = await project('今日计划开工项目', shanghaiDay(0), 'preparation', depA.id);
    projects.future = await project('未到开工期项目', shanghaiDay(5), 'preparation', depB.id);
    projects.noDate = await project('无计划开工日期项目', shanghaiDay(-3), 'preparation', depB.id);
    await t.db.query(`UPDATE projects SET planned_start_date = NULL WHERE id = $1`, [projects.noDate]);

    await idleSince(ents.idleLong!.id, 20); // idle 20 days, last visit long before: warned
    await idleSince(ents.idleRecent!.id, 3); // idle 3 days: not yet
    await idleSince(ents.idleVisited!.id, 30);
    await visit(ents.idleVisited!.id, 2); // visited 2 days ago: not warned
    await idleSince(ents.idleVisitedLongAgo!.id, 40);
    await visit(ents.idleVisitedLongAgo!.id, 15); // visited while idle, 15 days ago: warned
  });

  afterAll(async () => {
    await t?.close();
  });

  it('warns of a project past its planned start day and still in preparation', async () => {
    const res = await warnings(manager, '?level=project_not_started').expect(200);
    expect(res.body.counts.project_not_started).toBe(1);
    expect(res.body.items).toEqual([
      expect.objectContaining({
        level: 'project_not_started',
        projectId: projects.late,
        projectName: '逾期未开工项目',
        plannedStartDate: shanghaiDay(-10),
        daysLate: 10,
        enterpriseId: ents.owner!.id,
        enterpriseName: ents.owner!.name,
        departmentId: depA.id,
        departmentName: depA.name,
      }),
    ]);
  });

  it('warns of an idle enterprise not visited for 14 days since it became idle', async () => {
    const res = await warnings(manager, '?level=idle_not_visited').expect(200);
    expect(res.body.counts.idle_not_visited).toBe(2);
    const ids = res.body.items.map((i: { enterpriseId: string }) => i.enterpriseId);
    // Longest without attention first.
    expect(ids).toEqual([ents.idleLong!.id, ents.idleVisitedLongAgo!.id]);
    const long = res.body.items.find((i: { enterpriseId: string }) => i.enterpriseId === ents.idleLong!.id);
    expect(long.level).toBe('idle_not_visited');
    expect(Math.abs(Date.parse(long.idleSince) - Date.parse(daysAgo(20)))).toBeLessThan(60_000);
    expect(Math.abs(Date.parse(long.lastVisitAt) - Date.parse(daysAgo(1000)))).toBeLessThan(60_000);
  });

  it('stops warning once the project starts or the enterprise is visited or back to normal', async () => {
    await t.db.query(`UPDATE projects SET stage = 'started' WHERE id = $1`, [projects.late]);
    await visit(ents.idleLong!.id, 0.5);
    await t
      .http()
      .post(`/api/v1/enterprises/${ents.idleVisitedLongAgo!.id}/production-status`)
      .set(manager.auth)
      .send({ status: 'normal' })
      .expect(201);
    const res = await warnings(manager).expect(200);
    expect(res.body.counts).toMatchObject({ project_not_started: 0, idle_not_visited: 0 });
    await t.db.query(`UPDATE projects SET stage = 'preparation' WHERE id = $1`, [projects.late]);
    await t.db.query(`DELETE FROM visits WHERE enterprise_id = $1 AND visited_at > now() - interval '1 day'`, [
      ents.idleLong!.id,
    ]);
  });

  it('shows a department the late projects it answers for, and no enterprise warnings', async () => {
    const a = await warnings(handlerA).expect(200);
    expect(a.body.counts).toMatchObject({ project_not_started: 1, idle_not_visited: 0 });
    expect(a.body.items.filter((i: { level: string }) => i.level === 'project_not_started')).toHaveLength(1);
    const b = await warnings(handlerB).expect(200);
    expect(b.body.counts).toMatchObject({ project_not_started: 0, idle_not_visited: 0 });
    expect(b.body.items).toEqual([]);
    // An official sees the warnings of the enterprises he answers for: none here.
    const o = await warnings(official).expect(200);
    expect(o.body.counts).toMatchObject({ project_not_started: 0, idle_not_visited: 0 });
  });

  it('records each once in the scan, naming the project or the enterprise', async () => {
    const first = await t.http().post('/api/v1/warnings/scan').set(admin.auth).expect(200);
    expect(first.body.recorded).toMatchObject({ project_not_started: 1, idle_not_visited: 1 });
    const [project] = await t.db.query(
      `SELECT project_id, enterprise_id, problem_id, department_id, details FROM warnings WHERE level = 'project_not_started'`,
    );
    expect(project).toMatchObject({
      project_id: projects.late,
      enterprise_id: null,
      problem_id: null,
      department_id: depA.id,
    });
    expect(project.details).toMatchObject({ plannedStartDate: shanghaiDay(-10), daysLate: 10 });
    expect(
      await countRows(t, 'warnings', `level = 'idle_not_visited' AND enterprise_id = $1`, [ents.idleLong!.id]),
    ).toBe(1);
    // No problem events for warnings that name no problem.
    expect(await countRows(t, 'problem_events', `type = 'warning'`)).toBe(0);

    const second = await t.http().post('/api/v1/warnings/scan').set(admin.auth).expect(200);
    expect(second.body.recorded).toMatchObject({ project_not_started: 0, idle_not_visited: 0 });
    const listed = await warnings(manager, '?level=project_not_started').expect(200);
    expect(listed.body.items[0].detectedAt).toBeDefined();
  });
});
