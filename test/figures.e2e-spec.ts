import { Factory, TestUser } from './factories';
import { bj, history, NewHistory } from './factories/history';
import { createTestApp, TestApp } from './support/test-app';

/**
 * GET /reports/figures and GET /reports/trend over histories written at chosen past instants
 * (test/factories/history.ts). Every expected value is worked out by hand in the comments; all
 * instants are Beijing time (+08:00) unless written with Z. Each block works in periods of its own,
 * so the figures of one block never include another's problems:
 *
 *   2021-Q1 (months 01, 02)  median days to resolve
 *   2021-Q3 … 2022-Q1        returns, grouped by department
 *   2022-Q1 … 2022-Q2        satisfaction rate, asOf
 *   2022-Q3 … 2022-Q4        on-time rate, median
 *   2023-Q2                  on-time rate against the deadline in force at the resolve
 *   2024-Q3 … 2025-Q2        time-zone boundary, withdrawn, backdated entry, asOf, quarterly trend
 *   2025-12 … 2026-01        weekly and monthly trend around ISO week 1 of 2026
 *
 * Durations in days are (resolve − reportedAt) / 24 h.
 */

interface Rate {
  recorded: number;
  resolved: number;
  ratePercent: number | null;
}

interface Figures {
  resolutionRate: Rate;
  onTimeRate: { onTime: number; resolved: number; ratePercent: number | null };
  satisfactionRate: {
    satisfied: number;
    verified: number;
    ratePercent: number | null;
    fromEnterprise: number;
    fromManager: number;
  };
  returns: number;
  medianDaysToResolve: number | null;
}

interface PeriodInfo {
  label: string;
  from: string;
  to: string;
  timezone: string;
}

interface FiguresReport extends Figures {
  period: PeriodInfo;
  asOf: string;
  groupBy?: string;
  groups?: ({ key: string | null; label: string } & Figures)[];
}

interface TrendReport {
  granularity: string;
  points: ({ period: PeriodInfo; asOf: string } & Figures)[];
}

/**
 * The figures written compactly: [recorded, resolved, %], [on time, resolved, %], [satisfied,
 * verified, %]. Every verification of these histories is a manager's (fromManager = verified).
 */
function figs(
  rate: [number, number, number | null],
  onTime: [number, number, number | null],
  satisfied: [number, number, number | null],
  returns: number,
  median: number | null,
): Figures {
  return {
    resolutionRate: { recorded: rate[0], resolved: rate[1], ratePercent: rate[2] },
    onTimeRate: { onTime: onTime[0], resolved: onTime[1], ratePercent: onTime[2] },
    satisfactionRate: {
      satisfied: satisfied[0],
      verified: satisfied[1],
      ratePercent: satisfied[2],
      fromEnterprise: 0,
      fromManager: satisfied[1],
    },
    returns,
    medianDaysToResolve: median,
  };
}

/** A period with nothing in it: zeros, and no rate rather than 0 % or NaN. */
const EMPTY = figs([0, 0, null], [0, 0, null], [0, 0, null], 0, null);

function only(report: Figures): Figures {
  const { resolutionRate, onTimeRate, satisfactionRate, returns, medianDaysToResolve } = report;
  return { resolutionRate, onTimeRate, satisfactionRate, returns, medianDaysToResolve };
}

describe('GET /reports/figures and /reports/trend', () => {
  let t: TestApp;
  let f: Factory;
  let manager: TestUser;
  let official: TestUser;
  let handlerA: TestUser;
  let handlerB: TestUser;
  let deptA: { id: string; name: string };
  let deptB: { id: string; name: string };
  let deptC: { id: string; name: string };
  let enterprise: { id: string };

  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
    deptA = await f.department('指标甲局');
    deptB = await f.department('指标乙局');
    deptC = await f.department('指标丙局'); // never given a problem
    manager = await f.user('manager');
    official = await f.user('official');
    handlerA = await f.user('handler', deptA.id);
    handlerB = await f.user('handler', deptB.id);
    enterprise = await f.enterprise(official);
  });

  afterAll(() => t.close());

  /** A history for the test enterprise, entered by the official, moved by the manager and the handlers. */
  const problem = (reportedAt: string, more: Partial<NewHistory> = {}) =>
    history(t).problem({
      reportedAt,
      enterpriseId: enterprise.id,
      createdBy: official.id,
      managerId: manager.id,
      handlers: { [deptA.id]: handlerA.id, [deptB.id]: handlerB.id },
      ...more,
    });

  async function figures(query: Record<string, string>): Promise<FiguresReport> {
    const res = await t.http().get('/api/v1/reports/figures').query(query).set(manager.auth);
    expect(res.status).toBe(200);
    return res.body;
  }

  async function trend(query: Record<string, string>): Promise<TrendReport> {
    const res = await t.http().get('/api/v1/reports/trend').query(query).set(manager.auth);
    expect(res.status).toBe(200);
    return res.body;
  }

  /** One group with the figures this file checks (the deadline figures are test/deadlines.e2e-spec.ts's). */
  const group = (report: FiguresReport, key: string | null) => {
    const found = report.groups!.filter((g) => g.key === key);
    expect(found).toHaveLength(1);
    return { key: found[0]!.key, label: found[0]!.label, ...only(found[0]!) };
  };
  const groupsOf = (report: FiguresReport) => report.groups!.map((g) => ({ key: g.key, label: g.label, ...only(g) }));

  describe('on-time rate (2022-Q4, with 2022-Q3 before it)', () => {
    //        reported      assignments (department, dueAt)                    resolves                         days to last resolve
    // A1  10-08 09:00  10-08 10:00 甲 due 10-20 18:00                     10-25 15:00 (late)                17 d 6 h  = 17.25
    // A2  10-10 09:00  10-10 10:00 甲 due 11-01 17:00                     11-01 17:00:00 (at deadline: on)  22 d 8 h  = 22.333…
    // A3  10-15 09:00  10-15 10:00 甲 due 10-31 18:00,                    11-10 12:00 by 乙 (after the first 26 d 3 h  = 26.125
    //                  10-28 10:00 乙 due 11-30 18:00 (reassigned)          deadline, before the second: on)
    // A4  09-01 09:00  09-01 10:00 甲 due 09-30 18:00                     09-20 09:00 (Q3, on)              19.0
    // A5  10-20 09:00  10-20 10:00 甲 due 11-15 18:00                     11-05 09:00 (on), reopened 11-08, 31.0
    //                                                                      11-20 09:00 (late): counted once, by the last
    // A6  09-02 09:00  09-02 10:00 甲 due 09-30 18:00                     09-25 09:00 (Q3, on), reopened     Q3: 23.0
    //                                                                      10-05, 10-12 09:00 (Q4, late)     Q4: 40.0
    beforeAll(async () => {
      await problem(bj('2022-10-08 09:00'))
        .assign(bj('2022-10-08 10:00'), deptA.id, bj('2022-10-20 18:00'))
        .accept(bj('2022-10-09 09:00'))
        .resolve(bj('2022-10-25 15:00'))
        .insert();
      await problem(bj('2022-10-10 09:00'))
        .assign(bj('2022-10-10 10:00'), deptA.id, bj('2022-11-01 17:00'))
        .accept(bj('2022-10-11 09:00'))
        .resolve(bj('2022-11-01 17:00:00'))
        .insert();
      await problem(bj('2022-10-15 09:00'))
        .assign(bj('2022-10-15 10:00'), deptA.id, bj('2022-10-31 18:00'))
        .assign(bj('2022-10-28 10:00'), deptB.id, bj('2022-11-30 18:00'))
        .accept(bj('2022-10-29 09:00'))
        .resolve(bj('2022-11-10 12:00'))
        .insert();
      await problem(bj('2022-09-01 09:00'))
        .assign(bj('2022-09-01 10:00'), deptA.id, bj('2022-09-30 18:00'))
        .resolve(bj('2022-09-20 09:00'))
        .insert();
      await problem(bj('2022-10-20 09:00'))
        .assign(bj('2022-10-20 10:00'), deptA.id, bj('2022-11-15 18:00'))
        .accept(bj('2022-10-21 09:00'))
        .resolve(bj('2022-11-05 09:00'))
        .reopen(bj('2022-11-08 09:00'))
        .resolve(bj('2022-11-20 09:00'))
        .insert();
      await problem(bj('2022-09-02 09:00'))
        .assign(bj('2022-09-02 10:00'), deptA.id, bj('2022-09-30 18:00'))
        .resolve(bj('2022-09-25 09:00'))
        .reopen(bj('2022-10-05 09:00'))
        .resolve(bj('2022-10-12 09:00'))
        .insert();
    });

    it('counts each problem resolved in the window once, by its last resolve, against the deadline then in force', async () => {
      // 2022-Q4, as of its end (2023-01-01):
      //   resolved in the window: A1 late, A2 on time, A3 on time, A5 late (last resolve), A6 late → 2 of 5 = 40.0
      //   (A4 was resolved in Q3 and is not counted)
      //   reported in Q4: A1, A2, A3, A5, all resolved at the end → 4 of 4 = 100.0
      //   median of 17.25, 22.333, 26.125, 31, 40 → the third, 26.125 → 26.1
      const q4 = await figures({ period: '2022-Q4' });
      expect(only(q4)).toEqual(figs([4, 4, 100], [2, 5, 40], [0, 0, null], 0, 26.1));
      expect(q4.period).toEqual({
        label: '2022-Q4',
        from: '2022-10-01T00:00:00.000+08:00',
        to: '2023-01-01T00:00:00.000+08:00',
        timezone: 'Asia/Shanghai',
      });
      expect(q4.asOf).toBe('2023-01-01T00:00:00.000+08:00');
    });

    it('counts the previous quarter by its own resolves', async () => {
      // 2022-Q3, as of 2022-10-01: A4 (09-20) and A6 (09-25) both by 09-30 18:00 → 2 of 2 = 100.0;
      // both reported in Q3 and resolved at its end (A6's reopen on 10-05 is later) → 2 of 2;
      // median of 19.0 and 23.0 → 21.0.
      expect(only(await figures({ period: '2022-Q3' }))).toEqual(figs([2, 2, 100], [2, 2, 100], [0, 0, null], 0, 21));
    });

    it('groups the on-time rate under the department that resolved', async () => {
      // 甲 resolved A1 (late), A2 (on), A5 (late), A6 (late) → 1 of 4 = 25.0;
      //   reported in Q4 and with 甲 at the end: A1, A2, A5 → 3 of 3;
      //   median of 17.25, 22.333, 31, 40 → (22.333 + 31) / 2 = 26.667 → 26.7.
      // 乙 resolved A3 (on) → 1 of 1 = 100.0; A3 with 乙 at the end → 1 of 1; median 26.125 → 26.1.
      // 丙 nothing.
      const report = await figures({ period: '2022-Q4', groupBy: 'department' });
      expect(report.groupBy).toBe('department');
      expect(only(report)).toEqual(figs([4, 4, 100], [2, 5, 40], [0, 0, null], 0, 26.1));
      expect(group(report, deptA.id)).toEqual({
        key: deptA.id,
        label: '指标甲局',
        ...figs([3, 3, 100], [1, 4, 25], [0, 0, null], 0, 26.7),
      });
      expect(group(report, deptB.id)).toEqual({
        key: deptB.id,
        label: '指标乙局',
        ...figs([1, 1, 100], [1, 1, 100], [0, 0, null], 0, 26.1),
      });
      expect(group(report, deptC.id)).toEqual({ key: deptC.id, label: '指标丙局', ...EMPTY });
    });
  });

  describe('on-time rate against the deadline in force at the resolve (2023-Q2)', () => {
    // Both with 甲.
    //       reported      assignments (dueAt)                          resolves, then          days to last resolve
    // L1  04-03 09:00  04-03 10:00 due 04-14 18:00                   04-20 09:00 (late),     17.0
    //                  04-24 10:00 due 05-31 18:00 (reassigned to 甲,  reopened 04-24 09:00,
    //                  after the resolve: the problem's dueAt now)     then assigned again
    // L2  04-03 09:00  04-03 10:00 due 04-28 18:00                   04-21 09:00 (on time)   18.0
    beforeAll(async () => {
      await problem(bj('2023-04-03 09:00'))
        .assign(bj('2023-04-03 10:00'), deptA.id, bj('2023-04-14 18:00'))
        .accept(bj('2023-04-04 09:00'))
        .resolve(bj('2023-04-20 09:00'))
        .reopen(bj('2023-04-24 09:00'))
        .assign(bj('2023-04-24 10:00'), deptA.id, bj('2023-05-31 18:00'))
        .insert();
      await problem(bj('2023-04-03 09:00'))
        .assign(bj('2023-04-03 10:00'), deptA.id, bj('2023-04-28 18:00'))
        .resolve(bj('2023-04-21 09:00'))
        .insert();
    });

    it('counts a resolve late against the first deadline as late, though a later deadline is the problem’s now', async () => {
      // 2023-Q2 as of its end: resolved in the window L1 (04-20 after 04-14 18:00: late) and L2 (on)
      //   → 1 of 2 = 50.0 (judged against the current dueAt, 05-31, L1 would count on time: 100.0);
      //   reported in Q2: L1 (assigned again at the end) and L2 (resolved) → 1 of 2 = 50.0;
      //   median of 17.0 and 18.0 → 17.5.
      expect(only(await figures({ period: '2023-Q2' }))).toEqual(figs([2, 1, 50], [1, 2, 50], [0, 0, null], 0, 17.5));
      // Grouped: both resolved by 甲.
      const byDepartment = await figures({ period: '2023-Q2', groupBy: 'department' });
      expect(group(byDepartment, deptA.id).onTimeRate).toEqual({ onTime: 1, resolved: 2, ratePercent: 50 });
    });
  });

  describe('satisfaction rate and asOf (2022-Q2, with 2022-Q1 before it)', () => {
    // All with 甲.
    //       reported     deadline       resolves               verifications (latest in the window counts)
    // S1  04-01 09:00  04-30 18:00   04-10 09:00            04-12 09:00 satisfied
    // S2  04-02 09:00  04-30 18:00   04-15 09:00            04-20 09:00 basically_satisfied
    // S3  04-03 09:00  04-30 18:00   04-20 09:00            04-25 09:00 unsatisfied (in progress again)
    // S4  04-05 09:00  05-31 18:00   05-01 09:00, 05-20     05-10 09:00 unsatisfied, 05-25 09:00 satisfied
    // S5  03-01 09:00  03-31 18:00   03-15 09:00            03-20 09:00 satisfied (Q1: not counted)
    // S6  03-05 09:00  03-31 18:00   03-28 09:00, 04-08     03-30 09:00 unsatisfied (Q1), 04-11 09:00 satisfied
    beforeAll(async () => {
      const due = (day: string) => bj(`2022-${day} 18:00`);
      await problem(bj('2022-04-01 09:00'))
        .assign(bj('2022-04-01 10:00'), deptA.id, due('04-30'))
        .resolve(bj('2022-04-10 09:00'))
        .verify(bj('2022-04-12 09:00'), 'satisfied')
        .insert();
      await problem(bj('2022-04-02 09:00'))
        .assign(bj('2022-04-02 10:00'), deptA.id, due('04-30'))
        .resolve(bj('2022-04-15 09:00'))
        .verify(bj('2022-04-20 09:00'), 'basically_satisfied', '基本满意')
        .insert();
      await problem(bj('2022-04-03 09:00'))
        .assign(bj('2022-04-03 10:00'), deptA.id, due('04-30'))
        .resolve(bj('2022-04-20 09:00'))
        .verify(bj('2022-04-25 09:00'), 'unsatisfied', '仍未通电')
        .insert();
      await problem(bj('2022-04-05 09:00'))
        .assign(bj('2022-04-05 10:00'), deptA.id, due('05-31'))
        .resolve(bj('2022-05-01 09:00'))
        .verify(bj('2022-05-10 09:00'), 'unsatisfied', '手续仍未办完')
        .resolve(bj('2022-05-20 09:00'))
        .verify(bj('2022-05-25 09:00'), 'satisfied')
        .insert();
      await problem(bj('2022-03-01 09:00'))
        .assign(bj('2022-03-01 10:00'), deptA.id, due('03-31'))
        .resolve(bj('2022-03-15 09:00'))
        .verify(bj('2022-03-20 09:00'), 'satisfied')
        .insert();
      await problem(bj('2022-03-05 09:00'))
        .assign(bj('2022-03-05 10:00'), deptA.id, due('03-31'))
        .resolve(bj('2022-03-28 09:00'))
        .verify(bj('2022-03-30 09:00'), 'unsatisfied', '未解决')
        .resolve(bj('2022-04-08 09:00'))
        .verify(bj('2022-04-11 09:00'), 'satisfied')
        .insert();
    });

    it('counts the latest verification in the window of each problem', async () => {
      // 2022-Q2 as of its end (2022-07-01):
      //   verified: S1 satisfied, S2 basically, S3 unsatisfied, S4 satisfied (its latest), S6 satisfied
      //     → 4 of 5 = 80.0 (S5 was verified in Q1)
      //   on time: S1, S2, S3 by 04-30 18:00; S4 05-20 by 05-31 18:00; S6 04-08 after 03-31 18:00 → 4 of 5 = 80.0
      //   reported in Q2: S1, S2, S4 closed, S3 in progress → 3 of 4 = 75.0
      //   days: S1 9, S2 13, S3 17, S4 04-05 → 05-20 = 45, S6 03-05 → 04-08 = 34 → median 17.0
      expect(only(await figures({ period: '2022-Q2' }))).toEqual(figs([4, 3, 75], [4, 5, 80], [4, 5, 80], 0, 17));
    });

    it('as of an earlier instant, leaves out everything that happened after it', async () => {
      // As of 2022-05-15 00:00: S4's satisfied verification (05-25) and second resolve (05-20) have
      // not happened; its latest verification is the unsatisfied one of 05-10.
      //   verified: S1, S2, S3 (unsat), S4 (unsat), S6 → 3 of 5 = 60.0
      //   on time: S4 by its resolve of 05-01 (on time) → still S1, S2, S3, S4 of five → 80.0
      //   reported in Q2: S1, S2 closed; S3, S4 in progress → 2 of 4 = 50.0
      //   days: 9, 13, 17, S4 04-05 → 05-01 = 26, 34 → median 17.0
      const report = await figures({ period: '2022-Q2', asOf: '2022-05-15T00:00:00+08:00' });
      expect(only(report)).toEqual(figs([4, 2, 50], [4, 5, 80], [3, 5, 60], 0, 17));
      expect(Date.parse(report.asOf)).toBe(Date.parse('2022-05-15T00:00:00+08:00'));

      // As of 2022-04-21 00:00 (a date means its Beijing midnight): S1 (04-10), S2 (04-15), S6
      // (04-08) resolved; S3 (04-20) too; verified S1, S2 (04-20), S6 (04-11) → 3 of 3.
      //   on time: S1, S2, S3 on, S6 late → 3 of 4 = 75.0
      //   reported in Q2: S1, S2 closed, S3 resolved, S4 assigned → 3 of 4 = 75.0
      //   days: S1 9, S2 13, S3 17, S6 34 → (13 + 17) / 2 = 15.0
      expect(only(await figures({ period: '2022-Q2', asOf: '2022-04-21' }))).toEqual(
        figs([4, 3, 75], [3, 4, 75], [3, 3, 100], 0, 15),
      );
    });
  });

  describe('returns, grouped by the department that returned (2021-Q4)', () => {
    // R1 reported 2021-10-09 09:00: 甲 10-10 09:00 (due 11-30 18:00), 甲 returns 10-12;
    //    乙 10-15 09:00 (due 11-30 18:00), 乙 returns 10-20; 甲 10-22 09:00 (due 11-15 18:00),
    //    resolved 10-30 09:00 (on time; 21.0 days).
    // R2 reported 11-01 09:00: 甲 11-01 10:00, 甲 returns 11-03 09:00 (unassigned at the end).
    // R3 reported 2021-09-20 09:00: 乙 09-21 09:00, 乙 returns 09-28 (2021-Q3: not counted).
    // R4 reported 12-24 09:00: 乙 12-25 09:00 (due 2022-01-20 18:00); 乙 returns 2022-01-01 00:10
    //    Beijing, which is 2021-12-31 16:10 UTC: 2022-Q1, not counted.
    beforeAll(async () => {
      await problem(bj('2021-10-09 09:00'))
        .assign(bj('2021-10-10 09:00'), deptA.id, bj('2021-11-30 18:00'))
        .return(bj('2021-10-12 09:00'))
        .assign(bj('2021-10-15 09:00'), deptB.id, bj('2021-11-30 18:00'))
        .return(bj('2021-10-20 09:00'))
        .assign(bj('2021-10-22 09:00'), deptA.id, bj('2021-11-15 18:00'))
        .resolve(bj('2021-10-30 09:00'))
        .insert();
      await problem(bj('2021-11-01 09:00'))
        .assign(bj('2021-11-01 10:00'), deptA.id, bj('2021-11-30 18:00'))
        .return(bj('2021-11-03 09:00'))
        .insert();
      await problem(bj('2021-09-20 09:00'))
        .assign(bj('2021-09-21 09:00'), deptB.id, bj('2021-10-30 18:00'))
        .return(bj('2021-09-28 09:00'))
        .insert();
      await problem(bj('2021-12-24 09:00'))
        .assign(bj('2021-12-25 09:00'), deptB.id, bj('2022-01-20 18:00'))
        .return(bj('2022-01-01 00:10'))
        .insert();
    });

    it('counts return events in the window under data.returnedBy, with every department and the unassigned', async () => {
      // Total, as of 2022-01-01 00:00: returns R1 ×2 + R2 = 3;
      //   reported in Q4: R1 (resolved), R2 (returned, open), R4 (with 乙) → 1 of 3 = 33.3;
      //   on time R1 → 1 of 1; median 21.0.
      // 甲: returns R1's first and R2 → 2; R1 with 甲 → 1 of 1; R1 resolved by 甲 on time; median 21.0.
      // 乙: returns R1's second → 1 (R3's and R4's are outside the window); R4 with 乙 at the end → 0 of 1.
      // 丙: zeros and no rates.
      // unassigned: R2 → 0 of 1; returns are never counted here (they go to the returning department).
      const report = await figures({ period: '2021-Q4', groupBy: 'department' });
      expect(only(report)).toEqual(figs([3, 1, 33.3], [1, 1, 100], [0, 0, null], 3, 21));
      expect(group(report, deptA.id)).toEqual({
        key: deptA.id,
        label: '指标甲局',
        ...figs([1, 1, 100], [1, 1, 100], [0, 0, null], 2, 21),
      });
      expect(group(report, deptB.id)).toEqual({
        key: deptB.id,
        label: '指标乙局',
        ...figs([1, 0, 0], [0, 0, null], [0, 0, null], 1, null),
      });
      expect(group(report, deptC.id)).toEqual({ key: deptC.id, label: '指标丙局', ...EMPTY });
      expect(group(report, null)).toEqual({
        key: null,
        label: '未分派',
        ...figs([1, 0, 0], [0, 0, null], [0, 0, null], 0, null),
      });
      // Every department once, the unassigned last; the groups add up to the total.
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM departments`);
      expect(report.groups).toHaveLength(n + 1);
      expect(report.groups![report.groups!.length - 1]!.key).toBeNull();
      expect(report.groups!.reduce((sum, g) => sum + g.returns, 0)).toBe(3);
      expect(report.groups!.reduce((sum, g) => sum + g.resolutionRate.recorded, 0)).toBe(3);
    });

    it('puts a return at 00:10 on 1 January (Beijing) in the next quarter, and one in September in the one before', async () => {
      // 2022-Q1: R4's return only, under 乙. 2021-Q3: R3's return; R3 was reported there and is
      // unassigned at the end → 0 of 1 in the unassigned group.
      const q1 = await figures({ period: '2022-Q1', groupBy: 'department' });
      expect(q1.returns).toBe(1);
      expect(group(q1, deptB.id).returns).toBe(1);
      expect(group(q1, deptA.id).returns).toBe(0);
      const q3 = await figures({ period: '2021-Q3', groupBy: 'department' });
      expect(only(q3)).toEqual(figs([1, 0, 0], [0, 0, null], [0, 0, null], 1, null));
      expect(group(q3, deptB.id).returns).toBe(1);
      expect(group(q3, null).resolutionRate).toEqual({ recorded: 1, resolved: 0, ratePercent: 0 });
    });
  });

  describe('median days to resolve (2021-01, 2021-02, 2021-Q1)', () => {
    // January, three problems (odd):  M1 01-04 09:00 → 01-04 21:00 = 0.5 d
    //                                 M2 01-05 09:00 → 01-07 05:00 = 1 d 20 h = 1.8333 d
    //                                 M3 01-10 09:00 → 01-16 09:00 = 6.0 d
    // February, four problems (even): M4 02-01 09:00 → 02-02 09:00 = 1.0 d
    //                                 M5 02-03 09:00 → 02-05 13:00 = 2 d 4 h = 52 h = 2.1667 d
    //                                 M6 02-08 09:00 → 02-11 17:00 = 3 d 8 h = 80 h = 3.3333 d
    //                                 M7 02-12 09:00 → 02-22 09:00 = 10.0 d
    // All assigned to 甲 an hour after being reported, due 2021-03-31 18:00.
    beforeAll(async () => {
      const durations: [string, string][] = [
        ['2021-01-04 09:00', '2021-01-04 21:00'],
        ['2021-01-05 09:00', '2021-01-07 05:00'],
        ['2021-01-10 09:00', '2021-01-16 09:00'],
        ['2021-02-01 09:00', '2021-02-02 09:00'],
        ['2021-02-03 09:00', '2021-02-05 13:00'],
        ['2021-02-08 09:00', '2021-02-11 17:00'],
        ['2021-02-12 09:00', '2021-02-22 09:00'],
      ];
      for (const [reported, resolved] of durations) {
        await problem(bj(reported))
          .assign(bj(reported.replace('09:00', '10:00')), deptA.id, bj('2021-03-31 18:00'))
          .resolve(bj(resolved))
          .insert();
      }
    });

    it('takes the middle one of an odd count', async () => {
      // 0.5, 1.8333, 6.0 → 1.8333 → 1.8; three reported, three resolved, all on time.
      expect(only(await figures({ period: '2021-01' }))).toEqual(figs([3, 3, 100], [3, 3, 100], [0, 0, null], 0, 1.8));
    });

    it('interpolates between the two middle ones of an even count, rounding half up', async () => {
      // 1.0, 2.1667, 3.3333, 10.0 → (52 h + 80 h) / 2 = 66 h = 2.75 d → 2.8
      expect((await figures({ period: '2021-02' })).medianDaysToResolve).toBe(2.8);
      // The quarter, seven: 0.5, 1.0, 1.8333, 2.1667, 3.3333, 6.0, 10.0 → the fourth, 2.1667 → 2.2
      expect((await figures({ period: '2021-Q1' })).medianDaysToResolve).toBe(2.2);
      // March: nothing resolved → null, not 0.
      expect((await figures({ period: '2021-03' })).medianDaysToResolve).toBeNull();
    });
  });

  describe('2024-Q3 to 2025-Q2: the time-zone boundary, withdrawn and backdated problems, the quarterly trend', () => {
    // T1 reported 2024-08-05 09:00; 甲 08-05 10:00 due 08-20 18:00; accepted 08-06; resolved 08-15
    //    09:00 (on time, 10.0 d); verified satisfied 08-20 09:00.
    // T2 reported 2024-09-10 09:00; 乙 09-10 10:00 due 09-20 18:00; 乙 returns 09-12 09:00; 甲 09-13
    //    09:00 due 10-15 18:00; accepted 09-14; resolved 2024-10-18 09:00 (late; 38.0 d).
    // T3 reported 2024-11-05 09:00; 甲 11-05 10:00 due 11-30 18:00; resolved 11-25 09:00 (on time,
    //    20.0 d); verified unsatisfied 11-28 09:00; resolved 2025-01-10 09:00 (late against the same
    //    deadline; 66.0 d); verified basically_satisfied 2025-01-15 09:00.
    // T4 reported 2025-03-10 09:00; 甲 03-10 10:00 due 03-31 18:00; accepted 03-11; resolved
    //    2025-03-31 23:30 Beijing (15:30 UTC): Q1, late; 21 d 14.5 h = 21.6042 d.
    // T5 reported 2025-03-31 23:30 (Q1); 甲 04-01 00:30 due 04-01 12:00; resolved 2025-04-01 07:00
    //    Beijing, which is 2025-03-31 23:00 UTC: Q2, on time; 7.5 h = 0.3125 d.
    // T6 reported 2025-02-10 09:00, withdrawn 02-12 09:00.
    // T7 reported 2025-02-11 09:00, withdrawn 2025-04-03 09:00 (open at the end of Q1).
    // T8 reported 2025-03-15 09:00 but entered 2025-04-08 10:00 (backdated); 甲 04-08 11:00 due 04-20
    //    18:00; resolved 04-09 09:00 (on time, 25.0 d).
    // T9 reported 2025-04-01 07:00 Beijing (2025-03-31 23:00 UTC), left unassigned.
    beforeAll(async () => {
      await problem(bj('2024-08-05 09:00'))
        .assign(bj('2024-08-05 10:00'), deptA.id, bj('2024-08-20 18:00'))
        .accept(bj('2024-08-06 09:00'))
        .resolve(bj('2024-08-15 09:00'))
        .verify(bj('2024-08-20 09:00'), 'satisfied')
        .insert();
      await problem(bj('2024-09-10 09:00'))
        .assign(bj('2024-09-10 10:00'), deptB.id, bj('2024-09-20 18:00'))
        .return(bj('2024-09-12 09:00'))
        .assign(bj('2024-09-13 09:00'), deptA.id, bj('2024-10-15 18:00'))
        .accept(bj('2024-09-14 09:00'))
        .resolve(bj('2024-10-18 09:00'))
        .insert();
      await problem(bj('2024-11-05 09:00'))
        .assign(bj('2024-11-05 10:00'), deptA.id, bj('2024-11-30 18:00'))
        .resolve(bj('2024-11-25 09:00'))
        .verify(bj('2024-11-28 09:00'), 'unsatisfied', '仍未解决')
        .resolve(bj('2025-01-10 09:00'))
        .verify(bj('2025-01-15 09:00'), 'basically_satisfied')
        .insert();
      await problem(bj('2025-03-10 09:00'))
        .assign(bj('2025-03-10 10:00'), deptA.id, bj('2025-03-31 18:00'))
        .accept(bj('2025-03-11 09:00'))
        .resolve(bj('2025-03-31 23:30'))
        .insert();
      await problem(bj('2025-03-31 23:30'))
        .assign(bj('2025-04-01 00:30'), deptA.id, bj('2025-04-01 12:00'))
        .resolve(bj('2025-04-01 07:00'))
        .insert();
      await problem(bj('2025-02-10 09:00')).withdraw(bj('2025-02-12 09:00')).insert();
      await problem(bj('2025-02-11 09:00')).withdraw(bj('2025-04-03 09:00'), '企业已自行解决').insert();
      await problem(bj('2025-03-15 09:00'), { enteredAt: bj('2025-04-08 10:00') })
        .assign(bj('2025-04-08 11:00'), deptA.id, bj('2025-04-20 18:00'))
        .resolve(bj('2025-04-09 09:00'))
        .insert();
      await problem(bj('2025-04-01 07:00')).insert();
    });

    // Each quarter as of its end:
    const Q3_2024 = figs([2, 1, 50], [1, 1, 100], [1, 1, 100], 1, 10);
    //   reported T1 (closed), T2 (in progress with 甲) → 1 of 2; T1 on time; T1 satisfied; T2 returned by 乙; 10.0
    const Q4_2024 = figs([1, 0, 0], [1, 2, 50], [0, 1, 0], 0, 29);
    //   reported T3, in progress at the end → 0 of 1; resolved T2 (late) and T3 (on time) → 1 of 2;
    //   T3 verified unsatisfied → 0 of 1; median (38 + 20) / 2 = 29.0
    const Q1_2025 = figs([3, 1, 33.3], [0, 2, 0], [1, 1, 100], 0, 43.8);
    //   reported T4, T5, T7 (T6 withdrawn, T8 not entered yet) → T4 resolved → 1 of 3 = 33.3;
    //   resolved T3 (late), T4 (late; T5's resolve is in Q2) → 0 of 2; T3 basically satisfied → 1 of 1;
    //   median (66 + 21.6042) / 2 = 43.802 → 43.8
    const Q2_2025 = figs([1, 0, 0], [2, 2, 100], [0, 0, null], 0, 12.7);
    //   reported T9 (unassigned) → 0 of 1; resolved T5, T8 on time → 2 of 2;
    //   median (0.3125 + 25) / 2 = 12.656 → 12.7

    it('puts 23:30 Beijing on 31 March in Q1 and 07:00 Beijing on 1 April (31 March UTC) in Q2', async () => {
      expect(only(await figures({ period: '2025-Q1' }))).toEqual(Q1_2025);
      expect(only(await figures({ period: '2025-Q2' }))).toEqual(Q2_2025);
      // March: reported T4, T5 → T4 resolved → 1 of 2; resolved T4 late; 21.6042 → 21.6.
      expect(only(await figures({ period: '2025-03' }))).toEqual(figs([2, 1, 50], [0, 1, 0], [0, 0, null], 0, 21.6));
      // April, as of 2025-05-01: reported T9 → 0 of 1; resolved T5, T8 on time; 12.7.
      expect(only(await figures({ period: '2025-04' }))).toEqual(figs([1, 0, 0], [2, 2, 100], [0, 0, null], 0, 12.7));
      // The same month in UTC, [03-01 00:00Z, 04-01 00:00Z), is an absolute range that holds both
      // resolves: T4 late, T5 on time → 1 of 2; reported T4, T5 and T9 (03-31 23:00Z), as of
      // 04-01 00:00Z T4 and T5 resolved → 2 of 3 = 66.7; median (21.6042 + 0.3125) / 2 = 10.958 → 11.0.
      expect(only(await figures({ from: '2025-03-01T00:00:00Z', to: '2025-04-01T00:00:00Z' }))).toEqual(
        figs([3, 2, 66.7], [1, 2, 50], [0, 0, null], 0, 11),
      );
    });

    it('does not record a withdrawn problem, nor one entered after asOf with an earlier reportedAt', async () => {
      // As of the end of Q1 (above): T6 withdrawn, T8 not entered, T7 still open → 3 recorded.
      // As of now: T7 withdrawn too; T8 exists and is resolved; T5 resolved → T4, T5, T8 → 3 of 3.
      const now = await figures({ period: '2025-Q1', asOf: 'now' });
      expect(now.resolutionRate).toEqual({ recorded: 3, resolved: 3, ratePercent: 100 });
      // The window's events do not change with asOf once it has passed the window's end.
      expect(only(now)).toEqual({ ...Q1_2025, resolutionRate: { recorded: 3, resolved: 3, ratePercent: 100 } });
      // As of 04-08 12:00, between T8's entry (04-08 10:00) and its resolve (04-09 09:00): T7 was
      // withdrawn on 04-03 → out; T4, T5 resolved, T8 assigned → 2 of 3 = 66.7.
      const between = await figures({ period: '2025-Q1', asOf: '2025-04-08T12:00:00+08:00' });
      expect(between.resolutionRate).toEqual({ recorded: 3, resolved: 2, ratePercent: 66.7 });
      // As of 2025-03-01: T6 withdrawn, T7 open → 0 of 1; resolved in [01-01, 03-01): T3 late → 0 of 1;
      // T3's verification of 01-15 → 1 of 1; median 66.0.
      expect(only(await figures({ period: '2025-Q1', asOf: '2025-03-01T00:00:00+08:00' }))).toEqual(
        figs([1, 0, 0], [0, 1, 0], [1, 1, 100], 0, 66),
      );
    });

    it('as of an instant inside the quarter, leaves out the verification and reopen that came after it', async () => {
      // 2024-Q4 as of 2024-11-26 00:00: T3 resolved on 11-25 and not yet verified → 1 of 1;
      // resolved T2 (late), T3 (on time) → 1 of 2; no verification yet → null; median 29.0.
      expect(only(await figures({ period: '2024-Q4', asOf: '2024-11-26T00:00:00+08:00' }))).toEqual(
        figs([1, 1, 100], [1, 2, 50], [0, 0, null], 0, 29),
      );
      expect(only(await figures({ period: '2024-Q4' }))).toEqual(Q4_2024);
    });

    it('lists an empty department with zeros and null rates, and a department with only returns', async () => {
      // 2024-Q3 by department: 甲 has T1 (closed) and T2 (in progress) → 1 of 2, T1 on time and
      // satisfied, 10.0; 乙 only returned T2 → returns 1, nothing else; 丙 nothing; nobody unassigned.
      const report = await figures({ period: '2024-Q3', groupBy: 'department' });
      expect(only(report)).toEqual(Q3_2024);
      expect(group(report, deptA.id)).toEqual({
        key: deptA.id,
        label: '指标甲局',
        ...figs([2, 1, 50], [1, 1, 100], [1, 1, 100], 0, 10),
      });
      expect(group(report, deptB.id)).toEqual({ key: deptB.id, label: '指标乙局', ...EMPTY, returns: 1 });
      expect(group(report, deptC.id)).toEqual({ key: deptC.id, label: '指标丙局', ...EMPTY });
      expect(report.groups!.some((g) => g.key === null)).toBe(false);
    });

    it('gives the trend of four quarters to 2025-07-01, oldest first, each as of its own end', async () => {
      const report = await trend({ granularity: 'quarter', periods: '4', to: '2025-07-01' });
      expect(report.granularity).toBe('quarter');
      expect(report.points.map((p) => p.period.label)).toEqual(['2024-Q3', '2024-Q4', '2025-Q1', '2025-Q2']);
      expect(report.points.map((p) => [p.period.from, p.period.to, p.asOf])).toEqual([
        ['2024-07-01T00:00:00.000+08:00', '2024-10-01T00:00:00.000+08:00', '2024-10-01T00:00:00.000+08:00'],
        ['2024-10-01T00:00:00.000+08:00', '2025-01-01T00:00:00.000+08:00', '2025-01-01T00:00:00.000+08:00'],
        ['2025-01-01T00:00:00.000+08:00', '2025-04-01T00:00:00.000+08:00', '2025-04-01T00:00:00.000+08:00'],
        ['2025-04-01T00:00:00.000+08:00', '2025-07-01T00:00:00.000+08:00', '2025-07-01T00:00:00.000+08:00'],
      ]);
      expect(report.points.map(only)).toEqual([Q3_2024, Q4_2024, Q1_2025, Q2_2025]);
      // `to` is exclusive: 2025-06-15 ends the trend with the quarter that holds it, the same one.
      const mid = await trend({ granularity: 'quarter', periods: '2', to: '2025-06-15' });
      expect(mid.points.map((p) => p.period.label)).toEqual(['2025-Q1', '2025-Q2']);
      expect(mid.points.map(only)).toEqual([Q1_2025, Q2_2025]);
    });
  });

  describe('weeks and months around New Year 2026', () => {
    // ISO week 1 of 2026 runs from Monday 2025-12-29 to Monday 2026-01-05 (2026 starts on a Thursday).
    // N1 reported Sun 2025-12-28 23:30 (week 52, December); 甲 12-29 09:00 due 2026-01-09 18:00;
    //    accepted 12-29 10:00; resolved Sun 2026-01-04 23:00 (week 1, on time; 7 d − 0.5 h = 167.5 h);
    //    verified satisfied Mon 2026-01-05 00:10 (week 2).
    // N2 reported Mon 2025-12-29 00:30 (week 1); 甲 12-29 09:30 due 12-31 18:00; resolved 12-31 23:30
    //    (late; 71 h).
    // N3 reported 2026-01-01 07:00 Beijing (2025-12-31 23:00 UTC: January here, December in UTC);
    //    甲 01-01 08:00 due 01-10 18:00; 甲 returns it 01-02 10:00.
    beforeAll(async () => {
      await problem(bj('2025-12-28 23:30'))
        .assign(bj('2025-12-29 09:00'), deptA.id, bj('2026-01-09 18:00'))
        .accept(bj('2025-12-29 10:00'))
        .resolve(bj('2026-01-04 23:00'))
        .verify(bj('2026-01-05 00:10'), 'satisfied')
        .insert();
      await problem(bj('2025-12-29 00:30'))
        .assign(bj('2025-12-29 09:30'), deptA.id, bj('2025-12-31 18:00'))
        .resolve(bj('2025-12-31 23:30'))
        .insert();
      await problem(bj('2026-01-01 07:00'))
        .assign(bj('2026-01-01 08:00'), deptA.id, bj('2026-01-10 18:00'))
        .return(bj('2026-01-02 10:00'))
        .insert();
    });

    it('gives weekly points ending with 2026-W01', async () => {
      const report = await trend({ granularity: 'week', periods: '3', to: '2026-01-05' });
      expect(report.granularity).toBe('week');
      expect(report.points.map((p) => p.period)).toEqual([
        {
          label: '2025-W51',
          from: '2025-12-15T00:00:00.000+08:00',
          to: '2025-12-22T00:00:00.000+08:00',
          timezone: 'Asia/Shanghai',
        },
        {
          label: '2025-W52',
          from: '2025-12-22T00:00:00.000+08:00',
          to: '2025-12-29T00:00:00.000+08:00',
          timezone: 'Asia/Shanghai',
        },
        {
          label: '2026-W01',
          from: '2025-12-29T00:00:00.000+08:00',
          to: '2026-01-05T00:00:00.000+08:00',
          timezone: 'Asia/Shanghai',
        },
      ]);
      expect(report.points.map((p) => p.asOf)).toEqual(report.points.map((p) => p.period.to));
      expect(report.points.map(only)).toEqual([
        // W51: nothing.
        EMPTY,
        // W52, as of 12-29 00:00: N1 reported, not yet assigned → 0 of 1.
        figs([1, 0, 0], [0, 0, null], [0, 0, null], 0, null),
        // W01, as of 01-05 00:00: reported N2 (resolved) and N3 (returned) → 1 of 2;
        //   resolved N1 (on time) and N2 (late) → 1 of 2; N1's verification is in week 2 → none;
        //   N3 returned → 1; median (167.5 h + 71 h) / 2 = 119.25 h = 4.96875 d → 5.0.
        figs([2, 1, 50], [1, 2, 50], [0, 0, null], 1, 5),
      ]);
    });

    it('gives monthly points, putting 07:00 Beijing on 1 January in January', async () => {
      const report = await trend({ granularity: 'month', periods: '2', to: '2026-02-01' });
      expect(report.points.map((p) => [p.period.label, p.period.from, p.period.to, p.asOf])).toEqual([
        ['2025-12', '2025-12-01T00:00:00.000+08:00', '2026-01-01T00:00:00.000+08:00', '2026-01-01T00:00:00.000+08:00'],
        ['2026-01', '2026-01-01T00:00:00.000+08:00', '2026-02-01T00:00:00.000+08:00', '2026-02-01T00:00:00.000+08:00'],
      ]);
      expect(report.points.map(only)).toEqual([
        // December, as of 01-01 00:00: reported N1 (in progress), N2 (resolved) → 1 of 2;
        //   resolved N2 late → 0 of 1; median 71 h = 2.958 d → 3.0.
        figs([2, 1, 50], [0, 1, 0], [0, 0, null], 0, 3),
        // January, as of 02-01: reported N3 (returned) → 0 of 1; resolved N1 on time → 1 of 1;
        //   N1 satisfied → 1 of 1; N3 returned → 1; median 167.5 h = 6.979 d → 7.0.
        figs([1, 0, 0], [1, 1, 100], [1, 1, 100], 1, 7),
      ]);
    });

    it('defaults to eight quarters ending with the current one, the last as of now', async () => {
      const before = Date.now();
      const report = await trend({});
      expect(report.granularity).toBe('quarter');
      expect(report.points).toHaveLength(8);
      const [year, month] = new Intl.DateTimeFormat('en-CA', {
        timeZone: 'Asia/Shanghai',
        year: 'numeric',
        month: '2-digit',
      })
        .format(new Date())
        .split('-')
        .map(Number);
      expect(report.points[7]!.period.label).toBe(`${year}-Q${Math.ceil(month! / 3)}`);
      const last = Date.parse(report.points[7]!.asOf);
      expect(last).toBeGreaterThanOrEqual(before - 1000);
      expect(last).toBeLessThanOrEqual(Date.now() + 1000);
      // The seven before it are complete quarters, each as of its end.
      for (const point of report.points.slice(0, 7)) expect(point.asOf).toBe(point.period.to);
    });
  });

  describe('a group that only the events name (2020-Q4, by industry)', () => {
    // An enterprise with no industry; its problem reported 2020-09-20 09:00 (Q3), with 甲 09-20
    // 10:00 due 2020-10-30 18:00, resolved 2020-10-05 09:00 (Q4, on time, 15.0 d). Nothing is
    // reported in Q4, so in Q4 the "no industry" group exists only through the resolve event.
    beforeAll(async () => {
      const noIndustry = await f.enterprise(official, { district: 'jinta', industry: undefined });
      await problem(bj('2020-09-20 09:00'), { enterpriseId: noIndustry.id })
        .assign(bj('2020-09-20 10:00'), deptA.id, bj('2020-10-30 18:00'))
        .resolve(bj('2020-10-05 09:00'))
        .insert();
    });

    it('labels the no-industry group as the resolution rate does (未填写), whichever figure brings it in', async () => {
      // Q3: the problem is recorded there, open at the end → the group comes from the resolution
      // rate: { key: null, label: '未填写' }, 0 of 1.
      const q3 = await figures({ period: '2020-Q3', groupBy: 'industry' });
      expect(groupsOf(q3)).toEqual([
        { key: null, label: '未填写', ...figs([1, 0, 0], [0, 0, null], [0, 0, null], 0, null) },
      ]);
      // By district, the resolve puts it under 金塔县 (every district is listed anyway).
      const district = await figures({ period: '2020-Q4', groupBy: 'district' });
      expect(group(district, 'jinta')).toEqual({
        key: 'jinta',
        label: '金塔县',
        ...figs([0, 0, null], [1, 1, 100], [0, 0, null], 0, 15),
      });
      expect(group(district, 'suzhou')).toEqual({ key: 'suzhou', label: '肃州区', ...EMPTY });
      // Q4: nothing recorded, one resolved on time in 15.0 days: the same group, the same label.
      const q4 = await figures({ period: '2020-Q4', groupBy: 'industry' });
      expect(only(q4)).toEqual(figs([0, 0, null], [1, 1, 100], [0, 0, null], 0, 15));
      expect(groupsOf(q4)).toEqual([
        { key: null, label: '未填写', ...figs([0, 0, null], [1, 1, 100], [0, 0, null], 0, 15) },
      ]);
    });
  });

  describe('refusals', () => {
    const refused = async (path: string, query: Record<string, string>, field: string) => {
      const res = await t.http().get(`/api/v1/reports/${path}`).query(query).set(manager.auth);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
      expect((res.body.errors as { field: string }[]).map((e) => e.field)).toEqual([field]);
    };

    it('refuses a bad granularity, number of periods or end with 400 naming the field', async () => {
      await refused('trend', { granularity: 'year' }, 'granularity');
      await refused('trend', { granularity: 'day', periods: '4' }, 'granularity');
      await refused('trend', { granularity: 'quarter', periods: '1' }, 'periods');
      await refused('trend', { granularity: 'quarter', periods: '61' }, 'periods');
      await refused('trend', { granularity: 'quarter', periods: 'four' }, 'periods');
      await refused('trend', { granularity: 'quarter', periods: '2.5' }, 'periods');
      await refused('trend', { granularity: 'quarter', to: 'next year' }, 'to');
      await refused('trend', { granularity: 'quarter', to: '2025-07-01T00:00:00' }, 'to');
    });

    it('refuses a bad period, asOf or groupBy on the figures with 400 naming the field', async () => {
      await refused('figures', { period: '2025-Q5' }, 'period');
      await refused('figures', {}, 'period');
      await refused('figures', { period: '2025-Q1', asOf: 'yesterday' }, 'asOf');
      await refused('figures', { period: '2025-Q1', groupBy: 'enterprise' }, 'groupBy');
    });

    it('refuses handlers and officials with 403, and callers without a token with 401', async () => {
      for (const path of ['figures?period=2025-Q1', 'trend?granularity=quarter&periods=4&to=2025-07-01']) {
        for (const user of [handlerA, official]) {
          const res = await t.http().get(`/api/v1/reports/${path}`).set(user.auth);
          expect(res.status).toBe(403);
          expect(res.body).toMatchObject({ statusCode: 403, code: 'FORBIDDEN' });
        }
        expect((await t.http().get(`/api/v1/reports/${path}`)).status).toBe(401);
        expect(
          (
            await t
              .http()
              .get(`/api/v1/reports/${path}`)
              .set(await f.admin())
          ).status,
        ).toBe(200);
      }
    });
  });
});
