import ExcelJS from 'exceljs';
import { DateTime } from 'luxon';
import type { Stream } from 'node:stream';
import type { Response } from 'supertest';
import { Factory, inDays, TestUser } from './factories';
import { bj, history, InsertedProblem, NewHistory } from './factories/history';
import { SettledFigures } from '../src/reports/settled/settled-figures';
import { WEEKLY_LIST_IDS, WEEKLY_SUMMARY } from '../src/reports/weekly/weekly.sql';
import { WEEKLY_BOUNCED_IDS } from '../src/reports/weekly/weekly-supervision.sql';
import { createTestApp, openTestApp, TestApp } from './support/test-app';

/** Every resolution rate of the weekly report names its definition (口径). */
const RESOLUTION_V1 = 'resolution-rate/v1';

/**
 * The weekly coordination report (周调度) for ISO week 2025-W14: Monday 2025-03-31 00:00 to Monday
 * 2025-04-07 00:00, Beijing time, over histories written at chosen instants
 * (test/factories/history.ts); and the list fields of GET /problems. Expected values are worked out
 * by hand in the comments. Instants are Beijing time.
 *
 * The calendar around the week: Mon 03-31, Tue 04-01, Wed 04-02, Thu 04-03 are working days;
 * Fri 04-04 is 清明节 (a holiday), Sat 04-05 and Sun 04-06 are the weekend (and 清明节); no make-up
 * working day in March or April 2025 before the 27th.
 *
 * The week's last day, Sunday 04-06, is in 2025-Q2: quarter-to-date is 2025-Q2 from 04-01 to the
 * end of the week; year-to-date is 2025 from 01-01.
 */

interface Item {
  id: string;
  code: string;
  title: string;
  enterpriseName: string;
  districtName: string;
  categoryName: string;
  districtNameEn: string;
  categoryNameEn: string;
  departmentName: string | null;
  status: string;
  statusLabel: string;
  reportedAt: string;
  dueAt: string | null;
  daysOverdue: number | null;
  note: string | null;
}

interface Rate {
  label: string;
  recorded: number;
  resolved: number;
  ratePercent: number | null;
}

interface Weekly {
  week: { label: string; from: string; to: string; timezone: string };
  asOf: string;
  summary: Record<string, number>;
  rates: { quarterToDate: Rate; yearToDate: Rate; previousQuarter?: Rate };
  departments: {
    departmentId: string;
    name: string;
    open: number;
    resolvedThisWeek: number;
    overdue: number;
    recorded: number;
    resolved: number;
    ratePercent: number | null;
  }[];
  trend: Rate[];
  lists: { new: Item[]; overdue: Item[]; escalated: Item[]; unsatisfied: Item[] };
}

const utc = (beijing: string) => new Date(bj(beijing)).toISOString();

/** Collects a binary body (the spreadsheet) into a Buffer. */
function binary(res: Stream, done: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

describe('GET /reports/weekly (2025-W14) and the list fields of /problems', () => {
  let t: TestApp;
  let f: Factory;
  let manager: TestUser;
  let official: TestUser;
  let handlerA: TestUser;
  let handlerB: TestUser;
  let deptA: { id: string; name: string };
  let deptB: { id: string; name: string };
  let deptC: { id: string; name: string };
  let enterprise: { id: string; name: string };
  const p: Record<string, InsertedProblem> = {};

  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
    deptA = await f.department('周调度甲局');
    deptB = await f.department('周调度乙局');
    deptC = await f.department('周调度丙局'); // never given a problem
    manager = await f.user('manager');
    official = await f.user('official');
    handlerA = await f.user('handler', deptA.id);
    handlerB = await f.user('handler', deptB.id);
    enterprise = await f.enterprise(official, { name: '酒泉周调度风电装备有限公司', district: 'suzhou' });

    const problem = (title: string, reportedAt: string, more: Partial<NewHistory> = {}) =>
      history(t).problem({
        title,
        reportedAt: bj(reportedAt),
        enterpriseId: enterprise.id,
        category: 'factor_supply',
        createdBy: official.id,
        managerId: manager.id,
        handlers: { [deptA.id]: handlerA.id, [deptB.id]: handlerB.id },
        ...more,
      });

    // Before the week
    // S  W07: reported 02-12 09:00; 甲 02-12 10:00 due 02-28 18:00; resolved 02-14 16:00.
    p.S = await problem('二月已办结问题', '2025-02-12 09:00')
      .assign(bj('2025-02-12 10:00'), deptA.id, bj('2025-02-28 18:00'))
      .resolve(bj('2025-02-14 16:00'))
      .insert();
    // T  W08: reported 02-19 09:00, withdrawn 02-20 09:00.
    p.T = await problem('二月撤回问题', '2025-02-19 09:00').withdraw(bj('2025-02-20 09:00')).insert();
    // U  W10: reported 03-05 09:00; 甲 03-05 10:00 due 03-25 18:00; resolved 03-20 09:00 (after its week).
    p.U = await problem('三月初问题', '2025-03-05 09:00')
      .assign(bj('2025-03-05 10:00'), deptA.id, bj('2025-03-25 18:00'))
      .resolve(bj('2025-03-20 09:00'))
      .insert();
    // A  W11: reported 03-10 09:00; 甲 03-10 10:00 due Tue 03-25 18:00; accepted 03-11; escalated in
    //    the week twice: 04-02 10:00 and 04-03 11:00 (the latest note is shown).
    p.A = await problem('变电站扩容审批滞后', '2025-03-10 09:00')
      .assign(bj('2025-03-10 10:00'), deptA.id, bj('2025-03-25 18:00'))
      .accept(bj('2025-03-11 09:00'))
      .escalate(bj('2025-04-02 10:00'), '请市工信局本周内办结')
      .escalate(bj('2025-04-03 11:00'), '第二次督办：限4月8日前办结')
      .insert();
    // E  W11: reported 03-12 09:00; 乙 03-12 10:00 due 03-31 18:00; resolved 03-28 10:00; verified
    //    satisfied in the week, 04-01 10:00 → closed.
    p.E = await problem('环评批复延迟', '2025-03-12 09:00')
      .assign(bj('2025-03-12 10:00'), deptB.id, bj('2025-03-31 18:00'))
      .resolve(bj('2025-03-28 10:00'))
      .verify(bj('2025-04-01 10:00'), 'satisfied')
      .insert();
    // D  W12: reported 03-17 09:00; 甲 03-17 10:00 due 04-10 18:00; accepted 03-18; resolved in the week 04-02 15:00.
    p.D = await problem('厂区道路破损', '2025-03-17 09:00')
      .assign(bj('2025-03-17 10:00'), deptA.id, bj('2025-04-10 18:00'))
      .accept(bj('2025-03-18 09:00'))
      .resolve(bj('2025-04-02 15:00'))
      .insert();
    // F  W12: reported 03-18 09:00; 甲 03-18 10:00 due 04-15 18:00; resolved 03-28 16:00; verified
    //    unsatisfied in the week, 04-03 09:00 → in progress with 甲 again.
    p.F = await problem('变压器增容', '2025-03-18 09:00')
      .assign(bj('2025-03-18 10:00'), deptA.id, bj('2025-04-15 18:00'))
      .resolve(bj('2025-03-28 16:00'))
      .verify(bj('2025-04-03 09:00'), 'unsatisfied', '企业反映变压器仍未通电')
      .insert();
    // B  W13: reported 03-24 09:00; 乙 03-24 10:00 due Tue 04-01 17:00, never accepted; escalated
    //    03-28 (the week before: not in this week's list).
    p.B = await problem('专项贷款贴息未到位', '2025-03-24 09:00')
      .assign(bj('2025-03-24 10:00'), deptB.id, bj('2025-04-01 17:00'))
      .escalate(bj('2025-03-28 10:00'), '请加快办理')
      .insert();
    // C  W13: reported 03-25 09:00; 甲 03-25 10:00 due Fri 04-04 12:00 (the holiday); accepted 03-26.
    p.C = await problem('用工招聘补贴申领', '2025-03-25 09:00')
      .assign(bj('2025-03-25 10:00'), deptA.id, bj('2025-04-04 12:00'))
      .accept(bj('2025-03-26 09:00'))
      .insert();
    // Q  W13: reported 03-26 09:00; 乙 03-26 10:00 due 03-31 12:00; 乙 returns it 04-01 09:00 →
    //    unassigned, no deadline (so not overdue although that deadline has passed).
    p.Q = await problem('错派的问题', '2025-03-26 09:00')
      .assign(bj('2025-03-26 10:00'), deptB.id, bj('2025-03-31 12:00'))
      .return(bj('2025-04-01 09:00'))
      .insert();
    // J  W13: reported Sun 03-30 23:30 (the evening before the week), left unassigned.
    p.J = await problem('上周日晚登记的问题', '2025-03-30 23:30').insert();

    // In the week
    // H  reported Mon 03-31 08:30, unassigned; escalated 04-01 15:00.
    p.H = await problem('园区供水管网老化', '2025-03-31 08:30').escalate(bj('2025-04-01 15:00'), '请尽快交办').insert();
    // G  reported 04-01 09:00, withdrawn 04-02 09:00.
    p.G = await problem('重复登记的问题', '2025-04-01 09:00').withdraw(bj('2025-04-02 09:00')).insert();
    // M  reported 04-01 10:00; 乙 04-01 11:00 due 04-15 18:00; resolved 04-03 16:00.
    p.M = await problem('出口退税办理', '2025-04-01 10:00')
      .assign(bj('2025-04-01 11:00'), deptB.id, bj('2025-04-15 18:00'))
      .resolve(bj('2025-04-03 16:00'))
      .insert();
    // R  reported 04-02 14:00; 甲 04-02 15:00 due 04-20 18:00; accepted 04-03 09:00.
    p.R = await problem('光伏项目并网', '2025-04-02 14:00')
      .assign(bj('2025-04-02 15:00'), deptA.id, bj('2025-04-20 18:00'))
      .accept(bj('2025-04-03 09:00'))
      .insert();
    // L  reported 04-02 10:00 but entered 04-08 09:00 (after the week): not in it.
    p.L = await problem('补录的问题', '2025-04-02 10:00', { enteredAt: bj('2025-04-08 09:00') }).insert();
    // I  reported Sun 04-06 23:30 (15:30 UTC), unassigned.
    p.I = await problem('周日晚登记的问题', '2025-04-06 23:30').insert();

    // After the week
    // K  reported Mon 04-07 00:30 (Sunday 16:30 in UTC), unassigned.
    p.K = await problem('下周一凌晨登记的问题', '2025-04-07 00:30').insert();
  });

  afterAll(() => t.close());

  async function weekly(query: Record<string, string> = { week: '2025-W14' }): Promise<Weekly> {
    const res = await t.http().get('/api/v1/reports/weekly').query(query).set(manager.auth);
    expect(res.status).toBe(200);
    return res.body;
  }

  /** A problem of the test enterprise (肃州区, 要素保障) as the lists show it. */
  const item = (
    problem: InsertedProblem,
    fields: Pick<Item, 'status' | 'statusLabel' | 'departmentName' | 'reportedAt' | 'dueAt'> &
      Partial<Pick<Item, 'daysOverdue' | 'note'>>,
  ): Item => ({
    id: problem.id,
    code: problem.code,
    title: problem.title,
    enterpriseName: '酒泉周调度风电装备有限公司',
    districtName: '肃州区',
    categoryName: '要素保障',
    districtNameEn: 'Suzhou District',
    categoryNameEn: 'Factor supply (power, land, water)',
    daysOverdue: null,
    note: null,
    ...fields,
  });

  describe('JSON', () => {
    it('gives the week, its summary and the quarter- and year-to-date rates', async () => {
      const report = await weekly();
      expect(report.week).toEqual({
        label: '2025-W14',
        from: '2025-03-31T00:00:00.000+08:00',
        to: '2025-04-07T00:00:00.000+08:00',
        timezone: 'Asia/Shanghai',
      });
      expect(report.asOf).toBe('2025-04-07T00:00:00.000+08:00');
      expect(report.summary).toEqual({
        // reported in the week, entered by its end and not withdrawn: H, M, R, I (G withdrawn,
        // L entered on 04-08, K reported on 04-07) → 4
        recordedThisWeek: 4,
        // resolve events in the week: D (04-02), M (04-03) → 2 (E and F were resolved on 03-28)
        resolvedThisWeek: 2,
        // verified satisfied in the week → closed: E → 1 (F's verification was unsatisfied)
        closedThisWeek: 1,
        // open at the end: A, C, F, R (甲), B (乙), H, I, J, Q (unassigned) → 9
        openAtEnd: 9,
        // open with a department and past its deadline at the end: A (03-25), B (04-01), C (04-04) → 3
        // (Q's old deadline went with the return; F, R are due later)
        overdueAtEnd: 3,
        // escalated in the week: A (twice), H → 2 (B's escalation was on 03-28)
        escalatedThisWeek: 2,
      });
      expect(report.rates).toEqual({
        // 2025-Q2 up to 04-07 00:00: reported M, R, I (G withdrawn; L, K not entered) → M resolved → 1 of 3 = 33.3
        quarterToDate: { label: '2025-Q2', definition: RESOLUTION_V1, recorded: 3, resolved: 1, ratePercent: 33.3 },
        // 2025 up to 04-07 00:00: S, U, A, E, D, F, B, C, Q, J, H, M, R, I = 14 (T, G withdrawn; L, K
        // not entered); resolved or closed: S, U, E, D, M = 5 → 5 / 14 = 35.714 → 35.7
        yearToDate: { label: '2025', definition: RESOLUTION_V1, recorded: 14, resolved: 5, ratePercent: 35.7 },
        // W14 starts the quarter: Q1's final figure stands beside it (checked below).
        previousQuarter: expect.objectContaining({ label: '2025-Q1' }),
      });
    });

    it('shows the previous quarter’s final figure early in a quarter: as published, as of its end', async () => {
      const report = await weekly();
      const published = await t
        .http()
        .get('/api/v1/reports/resolution-rate?period=2025-Q1')
        .set(manager.auth)
        .expect(200);
      const { recorded, resolved, ratePercent } = published.body as Rate;
      expect(report.rates.previousQuarter).toEqual({
        label: '2025-Q1',
        definition: RESOLUTION_V1,
        recorded,
        resolved,
        ratePercent,
      });
      // Five weeks into the quarter, only the quarter's own figure.
      expect((await weekly({ week: '2025-W19' })).rates).not.toHaveProperty('previousQuarter');
    });

    it('refuses a week that has not started, naming the field', async () => {
      const res = await t.http().get('/api/v1/reports/weekly').query({ week: '2099-W01' }).set(manager.auth);
      expect(res.status).toBe(400);
      expect(res.body.errors[0].field).toBe('week');
    });

    it('gives a row per department: open, resolved this week, overdue, and the quarter-to-date rate', async () => {
      const report = await weekly();
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM departments`);
      expect(report.departments).toHaveLength(n);
      const row = (id: string) => report.departments.find((d) => d.departmentId === id);
      // 甲: open A, C, F, R → 4; resolved D this week → 1; overdue A, C → 2;
      //     2025-Q2: R (in progress) → 0 of 1 = 0.0
      expect(row(deptA.id)).toEqual({
        departmentId: deptA.id,
        name: '周调度甲局',
        open: 4,
        resolvedThisWeek: 1,
        overdue: 2,
        recorded: 1,
        resolved: 0,
        ratePercent: 0,
        assistsOpen: 0,
        assistsDoneThisWeek: 0,
      });
      // 乙: open B → 1 (Q was returned); resolved M → 1; overdue B → 1; 2025-Q2: M → 1 of 1 = 100.0
      expect(row(deptB.id)).toEqual({
        departmentId: deptB.id,
        name: '周调度乙局',
        open: 1,
        resolvedThisWeek: 1,
        overdue: 1,
        recorded: 1,
        resolved: 1,
        ratePercent: 100,
        assistsOpen: 0,
        assistsDoneThisWeek: 0,
      });
      // 丙: nothing, and no rate rather than 0 %.
      expect(row(deptC.id)).toEqual({
        departmentId: deptC.id,
        name: '周调度丙局',
        open: 0,
        resolvedThisWeek: 0,
        overdue: 0,
        recorded: 0,
        resolved: 0,
        ratePercent: null,
        assistsOpen: 0,
        assistsDoneThisWeek: 0,
      });
    });

    it('gives the resolution rate of the eight weeks 2025-W07 to 2025-W14, each as of its own end', async () => {
      expect((await weekly()).trend).toEqual([
        // W07 (02-10 to 02-17): S, resolved 02-14 → 1 of 1
        { label: '2025-W07', definition: RESOLUTION_V1, recorded: 1, resolved: 1, ratePercent: 100 },
        // W08: T, withdrawn 02-20 → nothing recorded
        { label: '2025-W08', definition: RESOLUTION_V1, recorded: 0, resolved: 0, ratePercent: null },
        // W09: nothing
        { label: '2025-W09', definition: RESOLUTION_V1, recorded: 0, resolved: 0, ratePercent: null },
        // W10: U, resolved only on 03-20, after the week's end → 0 of 1
        { label: '2025-W10', definition: RESOLUTION_V1, recorded: 1, resolved: 0, ratePercent: 0 },
        // W11: A (in progress), E (assigned) at 03-17 00:00 → 0 of 2
        { label: '2025-W11', definition: RESOLUTION_V1, recorded: 2, resolved: 0, ratePercent: 0 },
        // W12: D (in progress), F (assigned) at 03-24 00:00 → 0 of 2
        { label: '2025-W12', definition: RESOLUTION_V1, recorded: 2, resolved: 0, ratePercent: 0 },
        // W13: B, C, Q, J (Sunday 23:30), none resolved at 03-31 00:00 → 0 of 4
        { label: '2025-W13', definition: RESOLUTION_V1, recorded: 4, resolved: 0, ratePercent: 0 },
        // W14: H, M, R, I → M resolved → 1 of 4 = 25.0
        { label: '2025-W14', definition: RESOLUTION_V1, recorded: 4, resolved: 1, ratePercent: 25 },
      ]);
    });

    it('lists the new problems of the week, in the order they were reported, with their state at its end', async () => {
      expect((await weekly()).lists.new).toEqual([
        item(p.H!, {
          status: 'reported',
          statusLabel: '待交办',
          departmentName: null,
          reportedAt: utc('2025-03-31 08:30'),
          dueAt: null,
        }),
        item(p.M!, {
          status: 'resolved',
          statusLabel: '已办结',
          departmentName: '周调度乙局',
          reportedAt: utc('2025-04-01 10:00'),
          dueAt: null,
        }),
        item(p.R!, {
          status: 'in_progress',
          statusLabel: '办理中',
          departmentName: '周调度甲局',
          reportedAt: utc('2025-04-02 14:00'),
          dueAt: utc('2025-04-20 18:00'),
        }),
        item(p.I!, {
          status: 'reported',
          statusLabel: '待交办',
          departmentName: null,
          reportedAt: utc('2025-04-06 23:30'),
          dueAt: null,
        }),
      ]);
    });

    it('lists the overdue problems, most overdue first', async () => {
      // Open with a department and past the deadline at 04-07 00:00, by deadline: A (03-25 18:00),
      // B (04-01 17:00), C (04-04 12:00). Q is not there: its deadline went with the return. The
      // days overdue are checked in the next test.
      const overdue = (await weekly()).lists.overdue;
      expect(overdue.map(({ daysOverdue: _days, ...rest }) => rest)).toEqual(
        [
          item(p.A!, {
            status: 'in_progress',
            statusLabel: '办理中',
            departmentName: '周调度甲局',
            reportedAt: utc('2025-03-10 09:00'),
            dueAt: utc('2025-03-25 18:00'),
          }),
          item(p.B!, {
            status: 'assigned',
            statusLabel: '已交办',
            departmentName: '周调度乙局',
            reportedAt: utc('2025-03-24 09:00'),
            dueAt: utc('2025-04-01 17:00'),
          }),
          item(p.C!, {
            status: 'in_progress',
            statusLabel: '办理中',
            departmentName: '周调度甲局',
            reportedAt: utc('2025-03-25 09:00'),
            dueAt: utc('2025-04-04 12:00'),
          }),
        ].map(({ daysOverdue: _days, ...rest }) => rest),
      );
    });

    it('counts the days overdue in working days up to the end of the week (Sunday 04-06)', async () => {
      // Working days after the deadline's day, up to and including the week's last day, Sunday 04-06:
      //   A due Tue 03-25: Wed 03-26, Thu 03-27, Fri 03-28, Mon 03-31, Tue 04-01, Wed 04-02, Thu 04-03 → 7
      //     (Sat 03-29, Sun 03-30 weekend; Fri 04-04 清明节; Sat 04-05, Sun 04-06 weekend)
      //   B due Tue 04-01: Wed 04-02, Thu 04-03 → 2
      //   C due Fri 04-04 (the holiday): Sat 04-05, Sun 04-06 → 0 working days, though overdue
      // Monday 04-07 belongs to the next week: at the end of W14 no part of it has passed.
      const overdue = (await weekly()).lists.overdue;
      expect(overdue.map((i) => [i.title, i.daysOverdue])).toEqual([
        ['变电站扩容审批滞后', 7],
        ['专项贷款贴息未到位', 2],
        ['用工招聘补贴申领', 0],
      ]);
    });

    it('lists the problems escalated in the week with the latest note, and the unsatisfied verifications with the feedback', async () => {
      const report = await weekly();
      const byTitle = (items: Item[]) => [...items].sort((a, b) => a.title.localeCompare(b.title));
      expect(byTitle(report.lists.escalated)).toEqual(
        byTitle([
          // A: escalated 04-02 and 04-03 → the note of 04-03
          item(p.A!, {
            status: 'in_progress',
            statusLabel: '办理中',
            departmentName: '周调度甲局',
            reportedAt: utc('2025-03-10 09:00'),
            dueAt: utc('2025-03-25 18:00'),
            note: '第二次督办：限4月8日前办结',
          }),
          // H: escalated while still unassigned
          item(p.H!, {
            status: 'reported',
            statusLabel: '待交办',
            departmentName: null,
            reportedAt: utc('2025-03-31 08:30'),
            dueAt: null,
            note: '请尽快交办',
          }),
        ]),
      );
      expect(report.lists.unsatisfied).toEqual([
        // F: verified unsatisfied 04-03 → in progress with 甲, due 04-15 18:00
        item(p.F!, {
          status: 'in_progress',
          statusLabel: '办理中',
          departmentName: '周调度甲局',
          reportedAt: utc('2025-03-18 09:00'),
          dueAt: utc('2025-04-15 18:00'),
          note: '企业反映变压器仍未通电',
        }),
      ]);
    });

    it('takes a week across the new year in the quarter and the year of its last day', async () => {
      // 2026-W01 runs from Monday 2025-12-29 to Monday 2026-01-05; its last day, Sunday 2026-01-04,
      // is in 2026-Q1 and 2026. Nothing was reported or happened that week.
      const report = await weekly({ week: '2026-W01' });
      expect(report.week).toEqual({
        label: '2026-W01',
        from: '2025-12-29T00:00:00.000+08:00',
        to: '2026-01-05T00:00:00.000+08:00',
        timezone: 'Asia/Shanghai',
      });
      expect(report.rates).toEqual({
        quarterToDate: { label: '2026-Q1', definition: RESOLUTION_V1, recorded: 0, resolved: 0, ratePercent: null },
        yearToDate: { label: '2026', definition: RESOLUTION_V1, recorded: 0, resolved: 0, ratePercent: null },
        previousQuarter: expect.objectContaining({ label: '2025-Q4' }),
      });
      // Eight weeks ending with it: 2025 has 52 ISO weeks.
      expect(report.trend.map((w) => w.label)).toEqual([
        '2025-W46',
        '2025-W47',
        '2025-W48',
        '2025-W49',
        '2025-W50',
        '2025-W51',
        '2025-W52',
        '2026-W01',
      ]);
      // Still open at 2026-01-05 00:00: the nine open at the end of W14 (A, B, C, F, H, I, J, Q, R),
      // plus K (reported 2025-04-07) and L (entered 2025-04-08) → 11. Past their deadlines:
      // A, B, C, and now F (04-15) and R (04-20) → 5.
      expect(report.summary).toEqual({
        recordedThisWeek: 0,
        resolvedThisWeek: 0,
        closedThisWeek: 0,
        openAtEnd: 11,
        overdueAtEnd: 5,
        escalatedThisWeek: 0,
      });
      expect(report.lists.overdue.map((i) => i.title)).toEqual([
        '变电站扩容审批滞后',
        '专项贷款贴息未到位',
        '用工招聘补贴申领',
        '变压器增容',
        '光伏项目并网',
      ]);
    });

    it('takes the week now running as of now, and says so on the page', async () => {
      const label = DateTime.now().setZone('Asia/Shanghai').toFormat("kkkk-'W'WW");
      const before = Date.now();
      const report = await weekly({ week: label });
      expect(report.week.label).toBe(label);
      expect(Date.parse(report.asOf)).toBeGreaterThanOrEqual(before - 1000);
      expect(Date.parse(report.asOf)).toBeLessThanOrEqual(Date.now() + 1000);
      expect(Date.parse(report.asOf)).toBeLessThan(Date.parse(report.week.to));
      const html = await t
        .http()
        .get('/api/v1/reports/weekly')
        .query({ week: label, format: 'html' })
        .set(manager.auth)
        .expect(200);
      expect(html.text).toContain('本周尚未结束');
    });

    it('is the same report when asked again: a past week is taken as of its end', async () => {
      const first = await weekly();
      const again = await weekly();
      expect(again).toEqual(first);
    });

    it('keeps the summary and the lists of events of a closed week, as the events give them, across a restart', async () => {
      const first = await weekly();
      // Kept under the week's start as first parameter; the overdue list's first is the week's end.
      const keptOf = async (sql: string, first = '2025-03-31 00:00') =>
        (
          await t.db.query(`SELECT rows FROM settled_figures WHERE statement = $1 AND parameters->>0 = $2`, [
            sql,
            new Date(bj(first)).toISOString(),
          ])
        ).map((row: { rows: unknown[] }) => row.rows);
      const [summary] = await keptOf(WEEKLY_SUMMARY);
      expect(summary).toEqual([expect.objectContaining({ openAtEnd: first.summary.openAtEnd })]);
      expect(await keptOf(WEEKLY_LIST_IDS.new)).toHaveLength(1);
      // The overdue list is kept with each deadline; the working days late are not (see below).
      const [overdue] = await keptOf(WEEKLY_LIST_IDS.overdue, '2025-04-07 00:00');
      expect(overdue).toEqual(first.lists.overdue.map((i) => ({ id: i.id, dueAt: expect.any(String), note: null })));
      expect(await keptOf(WEEKLY_BOUNCED_IDS)).toEqual([[]]);
      expect((await t.app.get(SettledFigures).check(t.db, false)).differing).toEqual([]);
      const restarted = await openTestApp(t.databaseUrl);
      try {
        const again = await restarted
          .http()
          .get('/api/v1/reports/weekly')
          .query({ week: '2025-W14' })
          .set(manager.auth)
          .expect(200);
        expect(again.body).toEqual(first);
      } finally {
        await restarted.close();
      }
    });

    it('counts the working days late of a kept overdue list by the calendar as it is now', async () => {
      const admin = await f.user('admin');
      const daysLate = async () => (await weekly()).lists.overdue.map((i) => [i.title, i.daysOverdue]);
      expect(await daysLate()).toEqual([
        ['变电站扩容审批滞后', 7],
        ['专项贷款贴息未到位', 2],
        ['用工招聘补贴申领', 0],
      ]);
      // Wed 04-02 made a holiday after the list was kept: A and B are a working day less late.
      await t
        .http()
        .put('/api/v1/calendar/days/2025-04-02')
        .set(admin.auth)
        .send({ working: false, name: '测试假日' })
        .expect(200);
      try {
        expect(await daysLate()).toEqual([
          ['变电站扩容审批滞后', 6],
          ['专项贷款贴息未到位', 1],
          ['用工招聘补贴申领', 0],
        ]);
      } finally {
        await t.http().delete('/api/v1/calendar/days/2025-04-02').set(admin.auth).expect(204);
      }
    });
  });

  describe('files', () => {
    async function download(format: string, lang?: string): Promise<Response> {
      const res = await t
        .http()
        .get('/api/v1/reports/weekly')
        .query({ week: '2025-W14', format, ...(lang ? { lang } : {}) })
        .set(manager.auth)
        .buffer(true)
        .parse(binary);
      expect(res.status).toBe(200);
      return res;
    }

    /** The spreadsheet read back (from a copy of its bytes in an ArrayBuffer of its own). */
    async function workbook(body: Buffer): Promise<ExcelJS.Workbook> {
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(new Uint8Array(body).buffer);
      return book;
    }

    const rowValues = (sheet: ExcelJS.Worksheet, n: number) => (sheet.getRow(n).values as unknown[]).slice(1);

    it('gives a spreadsheet with a sheet per section, Chinese headings and the figures of the JSON', async () => {
      const json = await weekly();
      const res = await download('xlsx');
      expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(res.headers['content-disposition']).toContain('attachment; filename="weekly-2025-W14.xlsx"');
      const book = await workbook(res.body);
      expect(book.worksheets.map((s) => s.name)).toEqual([
        '走访情况',
        '概况',
        '各责任单位',
        '趋势',
        '本周新增',
        '超期',
        '督办',
        '不满意回访',
        '重点项目',
        '停产减产企业',
        '时限管理',
        '督办与推诿',
        '部门考核',
        '口径',
      ]);
      const summary = book.getWorksheet('概况')!;
      expect(rowValues(summary, 1)).toEqual(['项目', '数值']);
      expect(rowValues(summary, 2)).toEqual(['本周登记', 4]);
      expect(rowValues(summary, 2)[1]).toBe(json.summary.recordedThisWeek);
      expect(rowValues(summary, 6)).toEqual(['周末超期', json.summary.overdueAtEnd]);
      // After a blank row, the rates: 2025-Q2 1 of 3 = 33.3, 2025 5 of 14 = 35.7.
      expect(rowValues(summary, 9)).toEqual(['项目', '统计期', '登记', '办结', '办结率（%）']);
      expect(rowValues(summary, 10)).toEqual(['季度累计办结率', '2025-Q2', 3, 1, 33.3]);
      expect(rowValues(summary, 11)).toEqual(['年度累计办结率', '2025', 14, 5, json.rates.yearToDate.ratePercent]);

      const departments = book.getWorksheet('各责任单位')!;
      expect(rowValues(departments, 1)).toEqual([
        '责任单位',
        '在办',
        '本周办结',
        '超期',
        '季度累计登记',
        '季度累计办结',
        '季度累计办结率（%）',
        '协办在办',
        '本周协办完成',
      ]);
      const rows = Array.from({ length: departments.rowCount - 1 }, (_, i) => rowValues(departments, i + 2));
      expect(rows).toContainEqual(['周调度甲局', 4, 1, 2, 1, 0, 0, 0, 0]);
      expect(rows).toContainEqual(['周调度乙局', 1, 1, 1, 1, 1, 100, 0, 0]);

      const trend = book.getWorksheet('趋势')!;
      expect(rowValues(trend, 1)).toEqual(['周次', '登记', '办结', '办结率（%）']);
      expect(rowValues(trend, 2)).toEqual(['2025-W07', 1, 1, 100]);
      expect(rowValues(trend, 9)).toEqual(['2025-W14', 4, 1, 25]);

      const overdue = book.getWorksheet('超期')!;
      expect(rowValues(overdue, 1)).toEqual([
        '编号',
        '标题',
        '企业',
        '县区',
        '类别',
        '责任单位',
        '状态',
        '登记时间',
        '办理时限',
        '超期工作日',
      ]);
      expect(rowValues(overdue, 2).slice(0, 9)).toEqual([
        p.A!.code,
        '变电站扩容审批滞后',
        '酒泉周调度风电装备有限公司',
        '肃州区',
        '要素保障',
        '周调度甲局',
        '办理中',
        // Date cells holding the Beijing wall time (a spreadsheet date has no zone).
        new Date('2025-03-10T09:00:00Z'),
        new Date('2025-03-25T18:00:00Z'),
      ]);
      expect(overdue.getCell('H2').numFmt).toBe('yyyy-mm-dd hh:mm');
      expect(rowValues(overdue, 2)[9]).toBe(json.lists.overdue[0]!.daysOverdue);
      expect(overdue.rowCount).toBe(4);
      expect(rowValues(book.getWorksheet('不满意回访')!, 2)).toContain('企业反映变压器仍未通电');
      expect(book.getWorksheet('督办')!.rowCount).toBe(3);
      expect(book.getWorksheet('本周新增')!.rowCount).toBe(5);
    });

    it('gives a CSV for Excel: byte-order mark, section titles and the figures of the JSON', async () => {
      const json = await weekly();
      const res = await download('csv');
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toContain('filename="weekly-2025-W14.csv"');
      const bytes = res.body as Buffer;
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = bytes.toString('utf8').slice(1);
      const lines = text.split('\r\n');
      expect(lines[0]).toBe('酒泉市涉企问题办理周调度报告 2025-W14（2025-03-31 至 2025-04-06）');
      for (const title of [
        '概况',
        '办结率',
        '各责任单位',
        '近八周趋势',
        '本周新增问题',
        '超期问题',
        '督办问题',
        '不满意回访',
      ]) {
        expect(lines).toContain(title);
      }
      expect(lines).toContain(`本周登记,${json.summary.recordedThisWeek}`);
      expect(lines).toContain('本周办结,2');
      expect(lines).toContain('周末在办,9');
      expect(lines).toContain('季度累计办结率,2025-Q2,3,1,33.3');
      expect(lines).toContain('年度累计办结率,2025,14,5,35.7');
      expect(lines).toContain('周调度甲局,4,1,2,1,0,0.0,0,0');
      expect(lines).toContain('2025-W08,0,0,');
      expect(lines).toContain('2025-W14,4,1,25.0');
      expect(text).toContain('第二次督办：限4月8日前办结');
    });

    it('gives a printable page: the Chinese title, three SVG charts, the figures of the JSON, no script', async () => {
      const json = await weekly();
      const res = await download('html');
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      const html = (res.body as Buffer).toString('utf8');
      expect(html).toContain('<html lang="zh-CN">');
      expect(html).toContain('<h1>酒泉市涉企问题办理周调度报告 2025-W14（2025-03-31 至 2025-04-06）</h1>');
      expect(html.match(/<svg/g)).toHaveLength(3);
      // What the charts draw: coverage by district (first, with the visits), each department with its
      // quarter-to-date rate, each week with its rate.
      const [, departments, trend] = html.match(/<svg[\s\S]*?<\/svg>/g)!;
      expect(departments).toContain('>周调度甲局</text>');
      expect(departments).toMatch(/>0\.0% \(0 \/ \d+\)<\/text>/);
      expect(trend).toContain('>2025-W14</text>');
      expect(trend).toContain('>25.0%</text>');
      expect(html).not.toMatch(/<script/i);
      expect(html).toContain(`<tr><td>本周登记</td><td class="number">${json.summary.recordedThisWeek}</td></tr>`);
      expect(html).toContain('<tr><td>周末超期</td><td class="number">3</td></tr>');
      expect(html).toContain(
        '<tr><td>季度累计办结率</td><td>2025-Q2</td><td class="number">3</td><td class="number">1</td><td class="number">33.3 %</td></tr>',
      );
      expect(html).toContain('<td class="number">35.7 %</td>');
      expect(html).toContain('变压器增容');
      expect(html).toContain('企业反映变压器仍未通电');
    });

    it('gives English headings with lang=en', async () => {
      const xlsx = await download('xlsx', 'en');
      const book = await workbook(xlsx.body);
      expect(book.worksheets.map((s) => s.name)).toEqual([
        'Visits',
        'Summary',
        'By department',
        'Trend',
        'New this week',
        'Overdue',
        'Escalated',
        'Unsatisfied feedback',
        'Key projects',
        'Idle and reduced enterprises',
        'Deadlines',
        'Supervision and bounced',
        'Assessment',
        'Definitions',
      ]);
      expect(rowValues(book.getWorksheet('Summary')!, 1)).toEqual(['Item', 'Value']);
      expect(rowValues(book.getWorksheet('Summary')!, 2)).toEqual(['Recorded this week', 4]);

      const csv = (await download('csv', 'en')).body.toString('utf8');
      expect(csv).toContain('Recorded this week,4');
      expect(csv).toContain('Quarter-to-date resolution rate,2025-Q2,3,1,33.3');
      expect(csv).not.toContain('本周登记');
      // The lists name districts and categories in English too.
      expect(csv).toContain('Suzhou District');
      expect(csv).toContain('Factor supply (power, land, water)');
      expect(csv).not.toContain('肃州区');

      const html = (await download('html', 'en')).body.toString('utf8');
      expect(html).toContain('<html lang="en">');
      expect(html).toContain('Jiuquan business problem resolution: weekly coordination report 2025-W14');
      expect(html).toContain('<tr><td>Overdue at end of week</td><td class="number">3</td></tr>');
      expect(html).not.toContain('本周登记');
    });
  });

  describe('the list fields of GET /problems/:id and GET /problems', () => {
    const DAY = 86_400_000;
    let other: { id: string };

    beforeAll(async () => {
      other = await f.enterprise(official, { name: '敦煌列表字段测试有限公司', district: 'dunhuang' });
    });

    const LIST_FIELDS = [
      'status',
      'statusLabel',
      'daysOpen',
      'daysOverdue',
      'overdue',
      'resolvedAt',
      'lastEventType',
      'lastEventAt',
    ] as const;
    type Read = Record<(typeof LIST_FIELDS)[number], unknown> & {
      id: string;
      events: { type: string; at: string }[];
    };
    const fields = (row: Record<string, unknown>) => Object.fromEntries(LIST_FIELDS.map((k) => [k, row[k]]));

    async function read(id: string): Promise<Read> {
      const res = await t.http().get(`/api/v1/problems/${id}`).set(manager.auth);
      expect(res.status).toBe(200);
      return res.body;
    }

    async function listed(query: Record<string, string> = {}): Promise<Record<string, unknown>[]> {
      const res = await t
        .http()
        .get('/api/v1/problems')
        .query({ enterpriseId: other.id, limit: '200', ...query })
        .set(manager.auth);
      expect(res.status).toBe(200);
      return res.body.items;
    }

    async function act(as: TestUser, id: string, action: string, body: Record<string, unknown> = {}) {
      const res = await f.act(as, id, action, body);
      expect(res.status).toBe(200);
    }

    const lastEvent = (problem: Read) => problem.events[problem.events.length - 1]!;

    /** The calendar date of an instant in Beijing, `YYYY-MM-DD`. */
    const beijingDay = (at: Date) =>
      new Intl.DateTimeFormat('en-CA', {
        timeZone: 'Asia/Shanghai',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      }).format(at);

    /**
     * The hand count, done day by day over the calendar: the working days after the deadline's
     * day up to and including `at`'s day, a day being a working day when the calendar says so
     * (holidays, 调休) and otherwise when it is Monday to Friday.
     */
    async function workingDaysPast(due: Date, at: Date): Promise<number> {
      const rows: { day: string; working: boolean }[] = await t.db.query(
        `SELECT day::text AS day, working FROM calendar_days`,
      );
      const exceptions = new Map(rows.map((r) => [r.day, r.working]));
      const next = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + DAY).toISOString().slice(0, 10);
      let count = 0;
      for (let day = next(beijingDay(due)); day <= beijingDay(at); day = next(day)) {
        const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
        if (exceptions.get(day) ?? (weekday !== 0 && weekday !== 6)) count += 1;
      }
      return count;
    }

    it('follows a problem through the workflow: status label, days open, resolvedAt, last event', async () => {
      // Reported 3 days and 1 second ago: 3 days open, whichever way a part day is taken.
      const reportedAt = new Date(Date.now() - 3 * DAY - 1000).toISOString();
      const { id } = await f.problem(official, other.id, { reportedAt });
      let problem = await read(id);
      expect(problem).toMatchObject({
        status: 'reported',
        statusLabel: '待交办',
        daysOpen: 3,
        daysOverdue: 0,
        resolvedAt: null,
        lastEventType: 'created',
      });
      expect(problem.lastEventAt).toBe(problem.events[0]!.at);

      await act(manager, id, 'assign', { departmentId: deptA.id, dueAt: inDays(10) });
      problem = await read(id);
      expect(problem).toMatchObject({ status: 'assigned', statusLabel: '已交办', lastEventType: 'assign' });

      await act(handlerA, id, 'accept');
      problem = await read(id);
      expect(problem).toMatchObject({
        status: 'in_progress',
        statusLabel: '办理中',
        daysOpen: 3,
        daysOverdue: 0, // due in ten days
        overdue: false,
        resolvedAt: null,
        lastEventType: 'accept',
      });
      expect(problem.lastEventAt).toBe(lastEvent(problem).at);

      // An escalation is the last event, and leaves the status alone.
      await act(manager, id, 'escalate', { note: '请加快办理' });
      problem = await read(id);
      expect(problem).toMatchObject({ statusLabel: '办理中', lastEventType: 'escalate' });
      expect(problem.lastEventAt).toBe(lastEvent(problem).at);

      await act(handlerA, id, 'resolve', { resolution: '已协调解决' });
      problem = await read(id);
      const resolveAt = lastEvent(problem).at;
      expect(lastEvent(problem).type).toBe('resolve');
      // Days open stop at the resolution: 3 days and a few seconds → 3.
      expect(problem).toMatchObject({
        status: 'resolved',
        statusLabel: '已办结',
        daysOpen: 3,
        daysOverdue: 0,
        resolvedAt: resolveAt,
        lastEventType: 'resolve',
        lastEventAt: resolveAt,
      });

      // Closing keeps the resolution's instant.
      await act(manager, id, 'verify', { satisfaction: 'satisfied' });
      problem = await read(id);
      expect(problem).toMatchObject({
        status: 'closed',
        statusLabel: '已销号',
        daysOpen: 3,
        resolvedAt: resolveAt,
        lastEventType: 'verify',
      });
      expect(problem.lastEventAt).toBe(lastEvent(problem).at);

      // The list row carries the same fields.
      const row = (await listed()).find((r) => r.id === id)!;
      expect(fields(row)).toEqual(fields(problem));
    });

    it('says overdue: false, not null, for an open problem that has no deadline yet', async () => {
      // Reported, never assigned: no deadline, so not overdue; the field is a boolean.
      const { id } = await f.problem(official, other.id);
      const problem = await read(id);
      expect(problem).toMatchObject({ status: 'reported', statusLabel: '待交办', daysOverdue: 0 });
      expect(problem.overdue).toBe(false);
      const row = (await listed()).find((r) => r.id === id)!;
      expect(row.overdue).toBe(false);
    });

    it('clears resolvedAt when a resolution is reopened', async () => {
      const { id } = await f.problem(official, other.id);
      await act(manager, id, 'assign', { departmentId: deptA.id, dueAt: inDays(5) });
      await act(handlerA, id, 'resolve', { resolution: '已处理' });
      expect((await read(id)).resolvedAt).not.toBeNull();
      await act(manager, id, 'reopen', { reason: '企业反映未解决' });
      const problem = await read(id);
      expect(problem).toMatchObject({
        status: 'in_progress',
        statusLabel: '办理中',
        resolvedAt: null,
        daysOpen: 0,
        lastEventType: 'reopen',
      });
      expect(problem.lastEventAt).toBe(lastEvent(problem).at);
    });

    it('counts the days overdue of an open problem past its deadline in working days', async () => {
      // Reported 20 days and 1 second ago, assigned to 甲 an hour later with a deadline 12 days
      // ago (at this time of day), accepted an hour after that.
      // E.g. on Wednesday 2026-11-25 the deadline was Friday 2026-11-13, and the working days past
      // it are Mon 16 … Fri 20 and Mon 23 … Wed 25 → 8; the count below does the same over the
      // calendar (holidays and 调休 included) for whatever day the test runs on.
      const now = Date.now();
      const reported = new Date(now - 20 * DAY - 1000);
      const due = new Date(now - 12 * DAY);
      const o = await history(t)
        .problem({ reportedAt: reported, enterpriseId: other.id, createdBy: official.id, managerId: manager.id })
        .assign(new Date(reported.getTime() + 3_600_000), deptA.id, due)
        .by(handlerA.id)
        .accept(new Date(reported.getTime() + 7_200_000))
        .insert();
      const before = await workingDaysPast(due, new Date());
      const problem = await read(o.id);
      const after = await workingDaysPast(due, new Date());
      expect([before, after]).toContain(problem.daysOverdue);
      expect(problem.daysOverdue).toBeGreaterThan(0);
      expect(problem).toMatchObject({
        status: 'in_progress',
        statusLabel: '办理中',
        overdue: true,
        daysOpen: 20,
        resolvedAt: null,
        lastEventType: 'accept',
      });

      // Only that one is overdue among the enterprise's problems, and the list says the same.
      const rows = await listed({ overdue: 'true' });
      expect(rows.map((r) => r.id)).toEqual([o.id]);
      expect(fields(rows[0]!)).toEqual(fields(problem));

      // Problem A of the weekly report is still open, past its deadline of 2025-03-25 18:00.
      const a = await read(p.A!.id);
      expect([await workingDaysPast(new Date(bj('2025-03-25 18:00')), new Date())]).toContain(a.daysOverdue);
      expect(a).toMatchObject({ statusLabel: '办理中', overdue: true, lastEventType: 'escalate' });
    });

    it('counts days open in whole calendar days until the resolution or the withdrawal', async () => {
      // G: reported 2025-04-01 09:00, withdrawn 04-02 09:00 → 1 day.
      expect(await read(p.G!.id)).toMatchObject({
        status: 'withdrawn',
        statusLabel: '已撤回',
        daysOpen: 1,
        daysOverdue: 0,
        overdue: false,
        resolvedAt: null,
        lastEventType: 'withdraw',
        lastEventAt: utc('2025-04-02 09:00'),
      });
      // E: reported 03-12 09:00, resolved 03-28 10:00 (16 days 1 hour → 16), closed 04-01 10:00.
      expect(await read(p.E!.id)).toMatchObject({
        status: 'closed',
        statusLabel: '已销号',
        daysOpen: 16,
        resolvedAt: utc('2025-03-28 10:00'),
        lastEventType: 'verify',
        lastEventAt: utc('2025-04-01 10:00'),
      });
      // Resolved the same day, 13 hours after being reported (09:00 → 22:00): not a day yet → 0.
      // Resolved 16 days and 13 hours after being reported → 16 (not 17: part days are not days).
      const sameDay = await history(t)
        .problem({ reportedAt: bj('2025-05-06 09:00'), enterpriseId: other.id, createdBy: official.id })
        .assign(bj('2025-05-06 10:00'), deptA.id, bj('2025-05-20 18:00'))
        .resolve(bj('2025-05-06 22:00'))
        .insert();
      const later = await history(t)
        .problem({ reportedAt: bj('2025-05-06 09:00'), enterpriseId: other.id, createdBy: official.id })
        .assign(bj('2025-05-06 10:00'), deptA.id, bj('2025-05-30 18:00'))
        .resolve(bj('2025-05-22 22:00'))
        .insert();
      expect([(await read(sameDay.id)).daysOpen, (await read(later.id)).daysOpen]).toEqual([0, 16]);
    });
  });

  describe('refusals', () => {
    const refused = async (query: Record<string, string>, field: string) => {
      const res = await t.http().get('/api/v1/reports/weekly').query(query).set(manager.auth);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
      expect((res.body.errors as { field: string }[]).map((e) => e.field)).toEqual([field]);
    };

    it('refuses a week that does not exist or is not an ISO week, naming week', async () => {
      await refused({ week: '2025-W54' }, 'week');
      await refused({ week: '2025-W53' }, 'week'); // 2025 has 52 ISO weeks
      await refused({ week: '2025-W00' }, 'week');
      await refused({ week: '2025-14' }, 'week');
      await refused({ week: '2025-Q2' }, 'week');
      await refused({}, 'week');
      await refused({ week: '2025-W14', format: 'pdf' }, 'format');
      await refused({ week: '2025-W14', lang: 'fr' }, 'lang');
    });

    it('refuses handlers and officials with 403', async () => {
      for (const user of [handlerA, handlerB, official]) {
        const res = await t.http().get('/api/v1/reports/weekly?week=2025-W14').set(user.auth);
        expect(res.status).toBe(403);
        expect(res.body).toMatchObject({ statusCode: 403, code: 'FORBIDDEN' });
      }
      expect((await t.http().get('/api/v1/reports/weekly?week=2025-W14')).status).toBe(401);
      const admin = await t
        .http()
        .get('/api/v1/reports/weekly?week=2025-W14')
        .set(await f.admin());
      expect(admin.status).toBe(200);
    });
  });
});
