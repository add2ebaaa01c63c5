import ExcelJS from 'exceljs';
import type { Response } from 'supertest';
import { Factory, TestUser } from './factories';
import { bj, history } from './factories/history';
import { createTestApp, TestApp } from './support/test-app';

/*
 * The weekly report's projects and enterprises sections for ISO week 2025-W14 (Monday 2025-03-31
 * to Monday 2025-04-07, Beijing time), over projects, stage events, investment entries and
 * production status events written at chosen instants. Expected values are worked out by hand in
 * the comments.
 */

const binary = (res: Response, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('weekly report: projects and enterprises under watch', () => {
  let t: TestApp;
  let f: Factory;
  let manager: TestUser;
  let official: TestUser;
  const projects: Record<string, string> = {};
  const ents: Record<string, { id: string; name: string }> = {};

  async function project(key: string, plannedStart: string, annualPlan: number) {
    const [row] = await t.db.query(
      `INSERT INTO projects (code, plan_year, name, district_code, kind, planned_start_date,
                             planned_annual_investment_yuan, created_at)
       VALUES ($1, 2025, $2, 'suzhou', 'new', $3, $4, '2025-01-05T00:00:00+08:00') RETURNING id`,
      [`XM-2025-${key}`, `周报项目${key}`, plannedStart, annualPlan],
    );
    projects[key] = row.id;
  }

  async function stage(key: string, stageCode: string, effective: string, recorded: string) {
    await t.db.query(
      `INSERT INTO project_stage_events (project_id, stage, effective_at, recorded_at) VALUES ($1, $2, $3, $4)`,
      [projects[key], stageCode, bj(effective), bj(recorded)],
    );
  }

  async function investment(key: string, month: string, revision: number, amount: number, recorded: string) {
    await t.db.query(
      `INSERT INTO project_investments (project_id, month, revision, amount_yuan, reason, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [projects[key], month, revision, amount, revision > 1 ? '更正' : null, bj(recorded)],
    );
  }

  async function status(name: string, code: string, effective: string, recorded: string) {
    const res = await t
      .http()
      .post(`/api/v1/enterprises/${ents[name]!.id}/production-status`)
      .set(manager.auth)
      .send({ status: code, effectiveAt: bj(effective) })
      .expect(201);
    await t.db.query(`UPDATE production_status_events SET recorded_at = $2 WHERE id = $1::bigint`, [
      res.body.event.id,
      bj(recorded),
    ]);
  }

  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
    manager = await f.user('manager');
    official = await f.user('official');
    const dept = await f.department();

    // A: planned 04-01, started Wed 04-02 → started this week.
    await project('A', '2025-04-01', 100_000_000);
    await stage('A', 'started', '2025-04-02 09:00', '2025-04-02 18:00');
    // B: planned 03-15, never started → not started, 23 days late at Monday 04-07.
    await project('B', '2025-03-15', 50_000_000);
    // C: planned 03-01, started 03-10 → neither; held up by an overdue problem.
    await project('C', '2025-03-01', 30_000_000);
    await stage('C', 'started', '2025-03-10 09:00', '2025-03-10 12:00');
    // D: planned 04-01, started 04-03 but recorded 04-08 → not started as of the week's end, 6 days late.
    await project('D', '2025-04-01', 20_000_000);
    await stage('D', 'started', '2025-04-03 09:00', '2025-04-08 09:00');
    // E: planned 04-10 → not late.
    await project('E', '2025-04-10', 0);

    // Investment: March 2025 holds no day of the week's end month (April); April: A 5 M, C 3 M then
    // amended to 4 M on 04-05 (counts), D 2 M recorded 04-09 (after the week: does not count).
    // Year to date: January C 10 M, April 5 + 4 = 9 M → 19 M of a plan of 200 M = 9.5 %.
    await investment('C', '2025-01-01', 1, 10_000_000, '2025-02-03 10:00');
    await investment('A', '2025-04-01', 1, 5_000_000, '2025-04-03 10:00');
    await investment('C', '2025-04-01', 1, 3_000_000, '2025-04-02 10:00');
    await investment('C', '2025-04-01', 2, 4_000_000, '2025-04-05 10:00');
    await investment('D', '2025-04-01', 1, 2_000_000, '2025-04-09 10:00');

    // A problem of project C, assigned 03-20 with a deadline of 03-28, still in progress: overdue at the end.
    const owner = await f.enterprise(manager);
    const problem = await history(t)
      .problem({
        reportedAt: bj('2025-03-20 09:00'),
        enterpriseId: owner.id,
        createdBy: official.id,
        managerId: manager.id,
      })
      .assign(bj('2025-03-20 10:00'), dept.id, bj('2025-03-28 18:00'))
      .insert();
    await t.db.query(`UPDATE problems SET project_id = $1 WHERE id = $2`, [projects.C, problem.id]);

    // Enterprises.
    for (const name of ['newIdle', 'newReduced', 'resumed', 'longIdle', 'stillIdle', 'lateNews']) {
      ents[name] = await f.enterprise(manager, { name: `周报企业${name}` });
    }
    await status('newIdle', 'idle', '2025-04-01 08:00', '2025-04-01 12:00'); // newly idle
    await status('newReduced', 'reduced', '2025-04-03 08:00', '2025-04-03 12:00'); // newly reduced
    await status('resumed', 'idle', '2025-03-01 08:00', '2025-03-01 12:00');
    await status('resumed', 'normal', '2025-04-02 08:00', '2025-04-02 12:00'); // resumed this week
    await status('longIdle', 'idle', '2025-02-01 08:00', '2025-02-01 12:00'); // idle since 02-01 08:00: 64 whole days at 04-07 00:00
    await status('longIdle', 'idle', '2025-03-15 08:00', '2025-03-15 12:00'); // a repeat: still since 02-01
    await status('stillIdle', 'idle', '2025-03-20 08:00', '2025-03-20 12:00'); // idle, 18 days: not > 30
    await status('lateNews', 'idle', '2025-04-02 08:00', '2025-04-09 08:00'); // recorded after the week: nothing
  });

  afterAll(async () => {
    await t?.close();
  });

  const weekly = async () =>
    (await t.http().get('/api/v1/reports/weekly?week=2025-W14').set(manager.auth).expect(200)).body;

  it('gives the projects section as of the end of the week', async () => {
    const { projects: section } = await weekly();
    expect(section).toMatchObject({
      startedThisWeek: 1,
      notStartedPastPlan: 2,
      heldUpByOverdueProblems: 1,
      investment: {
        month: '2025-04',
        planYear: 2025,
        monthYuan: 9_000_000,
        yearToDateYuan: 19_000_000,
        annualPlanYuan: 200_000_000,
        percentOfPlan: 9.5,
      },
    });
    expect(section.lists.started).toEqual([
      expect.objectContaining({ code: 'XM-2025-A', startedAt: '2025-04-02T01:00:00.000Z', districtName: '肃州区' }),
    ]);
    expect(section.lists.notStarted.map((p: { code: string; daysLate: number }) => [p.code, p.daysLate])).toEqual([
      ['XM-2025-B', 23],
      ['XM-2025-D', 6],
    ]);
    expect(section.lists.heldUp).toEqual([expect.objectContaining({ code: 'XM-2025-C', overdueProblems: 1 })]);
  });

  it('gives the enterprises section as of the end of the week', async () => {
    const { enterprises: section } = await weekly();
    expect(section).toMatchObject({
      idleAtEnd: 3, // newIdle, longIdle, stillIdle
      reducedAtEnd: 1,
      newlyIdleOrReduced: 2,
      resumedThisWeek: 1,
      idleOver30Days: 1,
    });
    const names = (list: { name: string }[]) => list.map((e) => e.name);
    expect(names(section.lists.newlyIdleOrReduced)).toEqual(['周报企业newIdle', '周报企业newReduced']);
    expect(section.lists.resumed).toEqual([
      expect.objectContaining({
        name: '周报企业resumed',
        previousStatus: 'idle',
        status: 'normal',
        statusLabel: '正常',
      }),
    ]);
    expect(section.lists.idleOver30Days).toEqual([
      expect.objectContaining({ name: '周报企业longIdle', since: '2025-02-01T00:00:00.000Z', days: 64 }),
    ]);
  });

  it('carries both sections into the spreadsheet, the CSV and the printable page', async () => {
    const download = (format: string) =>
      t
        .http()
        .get('/api/v1/reports/weekly')
        .query({ week: '2025-W14', format })
        .set(manager.auth)
        .buffer(true)
        .parse(binary)
        .expect(200);

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array((await download('xlsx')).body).buffer);
    const sheet = book.getWorksheet('重点项目')!;
    const cells = sheet.getSheetValues().flatMap((row) => (Array.isArray(row) ? row : []));
    expect(cells).toEqual(expect.arrayContaining(['本周开工项目', 1, '逾期未开工项目', 2, 'XM-2025-B', 23]));
    const enterprises = book.getWorksheet('停产减产企业')!;
    const enterpriseCells = enterprises.getSheetValues().flatMap((row) => (Array.isArray(row) ? row : []));
    expect(enterpriseCells).toEqual(expect.arrayContaining(['停产超过 30 天', '周报企业longIdle', 64]));

    const csv = (await download('csv')).body.toString('utf8');
    expect(csv).toContain('本周开工项目,1');
    expect(csv).toContain('XM-2025-D,周报项目D,肃州区');
    expect(csv).toContain('本周恢复正常,1');

    const html = (await download('html')).body.toString('utf8');
    expect(html).toContain('<h2>重点项目</h2>');
    expect(html).toContain('<h2>停产减产企业</h2>');
    expect(html).toContain('周报企业newReduced');
  });
});
