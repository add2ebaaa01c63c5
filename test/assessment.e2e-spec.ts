import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Response } from 'supertest';
import { Factory, TestUser } from './factories';
import { bj, history, NewHistory } from './factories/history';
import { createTestApp, TestApp } from './support/test-app';

/**
 * The department assessment (考核) over a hand-worked month, 2021-05 (Beijing time), written as
 * histories at chosen instants (test/factories/history.ts) with the fields the deadline and
 * supervision rules record (sign-for deadlines, same-department reassignments, a redo's deadline,
 * supervision levels and answer-by dates, a lift). Default weights: sign-for 15, on time 30,
 * returns 10, redos 10, satisfaction 25, supervision 10.
 *
 *  P1 甲  assign 05-03 10:00 due 05-20, sign-for by 05-04 10:00; accepted 05-04 09:00 (in time);
 *         reminder 催办 05-13 10:00, answer by 05-15 12:00, lifted 05-14 10:00 (not overdue: 1 point);
 *         resolved 05-15 (on time); verified 05-16 satisfied.
 *  P2 甲  assign 05-05 10:00 due 05-12 18:00, sign-for by 05-06 10:00; accepted 05-07 09:00 (late);
 *         reassigned to 甲 again 05-10 due 05-30 (sameDepartment: keeps 05-12, receives nothing);
 *         resolved 05-20 (late against 05-12); verified 05-21 unsatisfied: a redo, due 05-28;
 *         resolved 05-25 (on time against the redo's 05-28); verified 05-26 basically satisfied.
 *  P3 甲  assign 05-06 10:00, sign-for by 05-07 10:00; never signed for; returned by 甲 05-08 09:00.
 *     乙  assign 05-08 10:00 due 05-28, sign-for by 05-09 10:00; accepted 05-08 15:00 (in time);
 *         reminder 05-20 10:00, answer by 2021-05-22 (the day: until 05-23 00:00); progress 05-21
 *         (answered: 1 point); resolved 05-27 (on time).
 *  P4 甲  assign 05-10 10:00 due 05-31, sign-for by 05-11 10:00; accepted 05-10 11:00 (in time);
 *         listed 挂牌督办 05-12 10:00, answer by 05-14 18:00; progress only 05-16: overdue, 4 × 2 = 8.
 *
 *  甲: sign-for 2/4 → 15 × 2/4 = 7.5; on time 2/3 (P1, P2's redo; P2's first late) → 30 × 2/3 = 20;
 *      returns 1 of 4 assignments → 10 × 3/4 = 7.5; redos 1 of 3 resolutions → 10 × 2/3 = 6.67;
 *      satisfaction 2/3 → 25 × 2/3 = 16.67; supervision 10 − 1 − 8 = 1.
 *      Score 7.5 + 20 + 7.5 + 20/3 + 50/3 + 1 = 59.333… → 59.3, rank 2.
 *  乙: sign-for 1/1 → 15; on time 1/1 → 30; returns 0/1 → 10; redos 0/1 → 10; satisfaction no
 *      verification → 25 (noData); supervision 10 − 1 = 9. Score 99.0, rank 1.
 *  丙: nothing in the period: not listed.
 */

interface Component {
  numerator: number;
  denominator: number;
  ratePercent: number | null;
  points: number;
  deducted: number;
  noData: boolean;
}
type Components = Record<'signFor' | 'onTime' | 'returns' | 'redos' | 'satisfaction' | 'supervision', Component>;
interface Row {
  departmentId: string;
  name: string;
  rank: number;
  score: number;
  components: Components;
}
interface Report {
  period: { label: string };
  asOf: string;
  definitions: { score: string };
  weights: Record<keyof Components, number>;
  weightsSince: string | null;
  departments: Row[];
}
interface Deduction {
  component: keyof Components;
  kind: string;
  code: string;
  at: string;
  due: string | null;
  done: string | null;
  level: string | null;
  points: number;
}

/** Keeps a file response as bytes. */
const binary = (response: Response, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => done(null, Buffer.concat(chunks)));
};

const c = (numerator: number, denominator: number, ratePercent: number | null, points: number, noData = false) => ({
  numerator,
  denominator,
  ratePercent,
  points,
  noData,
});

describe('department assessment (考核)', () => {
  let t: TestApp;
  let f: Factory;
  let manager: TestUser;
  let official: TestUser;
  let handlerA: TestUser;
  let handlerB: TestUser;
  let deptA: { id: string; name: string };
  let deptB: { id: string; name: string };
  let deptC: { id: string; name: string };
  const codes: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
    deptA = await f.department('考核甲局');
    deptB = await f.department('考核乙局');
    deptC = await f.department('考核丙局');
    manager = await f.user('manager');
    official = await f.user('official');
    handlerA = await f.user('handler', deptA.id);
    handlerB = await f.user('handler', deptB.id);
    const enterprise = await f.enterprise(official);
    const problem = (reportedAt: string, more: Partial<NewHistory> = {}) =>
      history(t).problem({
        reportedAt,
        enterpriseId: enterprise.id,
        createdBy: official.id,
        managerId: manager.id,
        handlers: { [deptA.id]: handlerA.id, [deptB.id]: handlerB.id },
        ...more,
      });
    const signFor = (local: string) => ({ signForDueAt: new Date(bj(local)).toISOString() });

    const p1 = await problem(bj('2021-05-03 09:00'))
      .assign(bj('2021-05-03 10:00'), deptA.id, bj('2021-05-20 18:00'))
      .with(signFor('2021-05-04 10:00'))
      .accept(bj('2021-05-04 09:00'))
      .escalate(bj('2021-05-13 10:00'), '请尽快办理')
      .with({ level: 'reminder', answerBy: bj('2021-05-15 12:00') })
      .other('lift', bj('2021-05-14 10:00'), {}, { note: '已协调', change: { escalated: false } })
      .resolve(bj('2021-05-15 10:00'))
      .verify(bj('2021-05-16 10:00'), 'satisfied')
      .insert();
    const p2 = await problem(bj('2021-05-05 09:00'))
      .assign(bj('2021-05-05 10:00'), deptA.id, bj('2021-05-12 18:00'))
      .with(signFor('2021-05-06 10:00'))
      .accept(bj('2021-05-07 09:00'))
      .assign(bj('2021-05-10 10:00'), deptA.id, bj('2021-05-30 18:00'))
      .with({ sameDepartment: true, dueAt: new Date(bj('2021-05-12 18:00')).toISOString() })
      .accept(bj('2021-05-10 11:00'))
      .resolve(bj('2021-05-20 10:00'))
      .verify(bj('2021-05-21 10:00'), 'unsatisfied')
      .with({ dueAt: new Date(bj('2021-05-28 18:00')).toISOString(), redo: true })
      .resolve(bj('2021-05-25 10:00'))
      .verify(bj('2021-05-26 10:00'), 'basically_satisfied')
      .insert();
    const p3 = await problem(bj('2021-05-06 09:00'))
      .assign(bj('2021-05-06 10:00'), deptA.id, bj('2021-05-25 18:00'))
      .with(signFor('2021-05-07 10:00'))
      .return(bj('2021-05-08 09:00'))
      .assign(bj('2021-05-08 10:00'), deptB.id, bj('2021-05-28 18:00'))
      .with(signFor('2021-05-09 10:00'))
      .accept(bj('2021-05-08 15:00'))
      .escalate(bj('2021-05-20 10:00'), '请回复进展')
      .with({ level: 'reminder', answerBy: '2021-05-22' })
      .progress(bj('2021-05-21 10:00'), '已现场核实')
      .resolve(bj('2021-05-27 10:00'))
      .insert();
    const p4 = await problem(bj('2021-05-10 09:00'))
      .assign(bj('2021-05-10 10:00'), deptA.id, bj('2021-05-31 18:00'))
      .with(signFor('2021-05-11 10:00'))
      .accept(bj('2021-05-10 11:00'))
      .escalate(bj('2021-05-12 10:00'), '挂牌督办')
      .with({ level: 'listed', answerBy: bj('2021-05-14 18:00') })
      .progress(bj('2021-05-16 10:00'), '正在办理')
      .insert();
    Object.assign(codes, { p1: p1.code, p2: p2.code, p3: p3.code, p4: p4.code });
  });

  afterAll(() => t.close());

  async function ranking(query: Record<string, string>, as: TestUser = manager): Promise<Report> {
    const res = await t.http().get('/api/v1/reports/assessment').query(query).set(as.auth);
    expect(res.status).toBe(200);
    return res.body;
  }

  const row = (report: Report, id: string) => {
    const found = report.departments.filter((d) => d.departmentId === id);
    expect(found).toHaveLength(1);
    return found[0]!;
  };

  const points = (components: Components) =>
    Object.fromEntries(
      Object.entries(components).map(([k, v]) => [k, c(v.numerator, v.denominator, v.ratePercent, v.points, v.noData)]),
    );

  it('scores each department by hand-worked components and ranks them', async () => {
    const report = await ranking({ period: '2021-05' });
    expect(report.asOf).toBe('2021-06-01T00:00:00.000+08:00');
    expect(report.definitions).toEqual({ score: 'assessment-score/v1' });
    expect(report.weights).toEqual({
      signFor: 15,
      onTime: 30,
      returns: 10,
      redos: 10,
      satisfaction: 25,
      supervision: 10,
    });
    expect(report.weightsSince).toBeNull();
    expect(report.departments.map((d) => [d.name, d.rank, d.score])).toEqual([
      ['考核乙局', 1, 99],
      ['考核甲局', 2, 59.3],
    ]);
    expect(report.departments.some((d) => d.departmentId === deptC.id)).toBe(false);

    const a = row(report, deptA.id);
    expect(points(a.components)).toEqual({
      signFor: c(2, 4, 50, 7.5),
      onTime: c(2, 3, 66.7, 20),
      returns: c(1, 4, 25, 7.5),
      redos: c(1, 3, 33.3, 6.67),
      satisfaction: c(2, 3, 66.7, 16.67),
      supervision: c(1, 2, 50, 1),
    });
    expect(a.components.onTime.deducted).toBe(10);
    expect(a.components.supervision.deducted).toBe(9);

    // A zero denominator gives full points and says so.
    const b = row(report, deptB.id);
    expect(points(b.components)).toEqual({
      signFor: c(1, 1, 100, 15),
      onTime: c(1, 1, 100, 30),
      returns: c(0, 1, 0, 10),
      redos: c(0, 1, 0, 10),
      satisfaction: c(0, 0, null, 25, true),
      supervision: c(1, 1, 100, 9),
    });
  });

  it('the quarter holding the month scores the same; a month with nothing lists nobody', async () => {
    const quarter = await ranking({ period: '2021-Q2' });
    expect(quarter.departments.map((d) => [d.name, d.score])).toEqual([
      ['考核乙局', 99],
      ['考核甲局', 59.3],
    ]);
    expect((await ranking({ period: '2021-04' })).departments).toEqual([]);
  });

  it('as of an instant inside the month, only the events before it count', async () => {
    // As of 05-14 12:00: 甲 has P1's reminder (1) and P4's listed supervision (4), whose answer-by
    // (05-14 18:00) has not passed: not overdue yet. Sign-for: P1 in time, P2 late, P3 not signed
    // by its passed deadline, P4 in time: 2/4. No resolution yet: on time and redos have no data.
    const report = await ranking({ period: '2021-05', asOf: bj('2021-05-14 12:00') });
    const a = row(report, deptA.id);
    expect(a.components.supervision).toMatchObject({ numerator: 2, denominator: 2, points: 5, deducted: 5 });
    expect(a.components.signFor).toMatchObject({ numerator: 2, denominator: 4 });
    expect(a.components.onTime).toMatchObject({ numerator: 0, denominator: 0, points: 30, noData: true });
    expect(a.components.redos).toMatchObject({ noData: true, points: 10 });
  });

  it('every point deducted drills down to the problems behind it, and the rows add up', async () => {
    const res = await t
      .http()
      .get(`/api/v1/reports/assessment/${deptA.id}/deductions`)
      .query({ period: '2021-05' })
      .set(manager.auth);
    expect(res.status).toBe(200);
    expect(res.body.score).toBe(59.3);
    const items: Deduction[] = res.body.items;
    expect(items.map((i) => [i.component, i.kind, i.code, i.points])).toEqual([
      ['signFor', 'signed_for_late', codes.p2, 3.75],
      ['signFor', 'not_signed_for', codes.p3, 3.75],
      ['onTime', 'resolved_late', codes.p2, 10],
      ['returns', 'returned', codes.p3, 2.5],
      ['redos', 'redo', codes.p2, 3.33],
      ['satisfaction', 'not_satisfied', codes.p2, 8.33],
      ['supervision', 'supervised_overdue', codes.p4, 8],
      ['supervision', 'supervised', codes.p1, 1],
    ]);
    // P2's late resolution is judged by the first deadline, not the same-department reassignment's.
    const late = items.find((i) => i.kind === 'resolved_late')!;
    expect(late.due).toBe(new Date(bj('2021-05-12 18:00')).toISOString());
    expect(items.find((i) => i.kind === 'supervised_overdue')!.level).toBe('listed');
    for (const [component, part] of Object.entries(res.body.components as Components)) {
      const sum = items.filter((i) => i.component === component).reduce((s, i) => s + Math.round(i.points * 100), 0);
      expect([component, sum]).toEqual([component, Math.round(part.deducted * 100)]);
    }

    const only = await t
      .http()
      .get(`/api/v1/reports/assessment/${deptA.id}/deductions`)
      .query({ period: '2021-05', component: 'supervision' })
      .set(manager.auth);
    expect(only.body.items.map((i: Deduction) => i.code)).toEqual([codes.p4, codes.p1]);
  });

  it('the deductions as of an instant inside the month read only the events before it, and add up', async () => {
    // As of 05-14 12:00 (see above): P2 signed for late and P3 never signed for before its return,
    // P3 returned; P1's reminder answered (lifted) and P4's listed supervision not overdue yet. The
    // late resolution, the redo and the unsatisfied verification of P2 all come after T.
    const asOf = bj('2021-05-14 12:00');
    const report = await ranking({ period: '2021-05', asOf });
    const res = await t
      .http()
      .get(`/api/v1/reports/assessment/${deptA.id}/deductions`)
      .query({ period: '2021-05', asOf })
      .set(manager.auth);
    expect(res.status).toBe(200);
    expect(res.body.asOf).toBe(report.asOf);
    expect(res.body.definitions).toEqual({ score: 'assessment-score/v1' });
    expect(res.body.score).toBe(row(report, deptA.id).score);
    expect(res.body.components).toEqual(row(report, deptA.id).components);
    const items: Deduction[] = res.body.items;
    expect(items.map((i) => [i.component, i.kind, i.code, i.points])).toEqual([
      ['signFor', 'signed_for_late', codes.p2, 3.75],
      ['signFor', 'not_signed_for', codes.p3, 3.75],
      ['returns', 'returned', codes.p3, 2.5],
      ['supervision', 'supervised', codes.p4, 4],
      ['supervision', 'supervised', codes.p1, 1],
    ]);
    for (const item of items) expect(new Date(item.at).getTime()).toBeLessThan(new Date(asOf).getTime());
    let lost = 0;
    for (const [component, part] of Object.entries(res.body.components as Components)) {
      const sum = items.filter((i) => i.component === component).reduce((s, i) => s + Math.round(i.points * 100), 0);
      expect([component, sum]).toEqual([component, Math.round(part.deducted * 100)]);
      lost += sum;
    }
    // The rows add up to the points lost: 100 less the score.
    expect(lost).toBe(Math.round((100 - res.body.score) * 100));
  });

  it('a change of the weights after T does not change the score as of T', async () => {
    const admin = await f.admin();
    const weights = { signFor: 20, onTime: 20, returns: 10, redos: 10, satisfaction: 30, supervision: 10 };
    const put = await t
      .http()
      .put('/api/v1/assessment/weights')
      .set(admin)
      .send({ ...weights, note: '加大满意度权重' });
    expect(put.status).toBe(200);
    expect(put.body.weights).toEqual(weights);
    expect(put.body.history[0]).toMatchObject({ weights, note: '加大满意度权重' });

    const before = await ranking({ period: '2021-05' });
    expect(before.weights.onTime).toBe(30);
    expect(row(before, deptA.id).score).toBe(59.3);

    // As of now the new weights apply: 20 × 2/4 + 20 × 2/3 + 7.5 + 10 × 2/3 + 30 × 2/3 + 1
    // = 10 + 13.33… + 7.5 + 6.66… + 20 + 1 = 58.5.
    const now = await ranking({ period: '2021-05', asOf: 'now' });
    expect(now.weights).toEqual(weights);
    expect(now.weightsSince).toBe(put.body.weightsSince);
    expect(row(now, deptA.id).score).toBe(58.5);

    const listed = await t.http().get('/api/v1/assessment/weights').set(manager.auth);
    expect(listed.status).toBe(200);
    expect(listed.body.defaults.onTime).toBe(30);
    expect(listed.body.history).toHaveLength(1);
  });

  it('refuses bad weights, naming the field, and writes nothing', async () => {
    const admin = await f.admin();
    const good = { signFor: 15, onTime: 30, returns: 10, redos: 10, satisfaction: 25, supervision: 10 };
    const count = async () => Number((await t.db.query(`SELECT count(*) AS n FROM assessment_weights`))[0].n);
    const before = await count();
    const cases: [Record<string, unknown>, string][] = [
      [{ ...good, supervision: 9 }, 'weights'],
      [{ ...good, onTime: 101, satisfaction: -46 }, 'onTime'],
      [{ ...good, signFor: 7.5, onTime: 37.5 }, 'signFor'],
      [{ ...good, returns: undefined }, 'returns'],
      [{ ...good, extra: 1 }, 'extra'],
      [{ ...good, effectiveFrom: '2020-01-01' }, 'effectiveFrom'],
      [{ ...good, effectiveFrom: 'tomorrow' }, 'effectiveFrom'],
    ];
    for (const [body, field] of cases) {
      const res = await t.http().put('/api/v1/assessment/weights').set(admin).send(body);
      expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    for (const who of [manager, handlerA]) {
      const res = await t.http().put('/api/v1/assessment/weights').set(who.auth).send(good);
      expect(res.status).toBe(403);
    }
    expect(await count()).toBe(before);

    const badPeriod = await t.http().get('/api/v1/reports/assessment').query({ period: '2021-W20' }).set(manager.auth);
    expect([badPeriod.status, badPeriod.body.errors[0].field]).toEqual([400, 'period']);
  });

  it('a handler sees only their own department', async () => {
    const own = await ranking({ period: '2021-05', asOf: bj('2021-06-01 00:00') }, handlerA);
    expect(own.departments.map((d) => [d.departmentId, d.rank, d.score])).toEqual([[deptA.id, 2, 59.3]]);

    const mine = await t
      .http()
      .get(`/api/v1/reports/assessment/${deptA.id}/deductions`)
      .query({ period: '2021-05' })
      .set(handlerA.auth);
    expect(mine.status).toBe(200);
    const theirs = await t
      .http()
      .get(`/api/v1/reports/assessment/${deptB.id}/deductions`)
      .query({ period: '2021-05' })
      .set(handlerA.auth);
    const missing = await t
      .http()
      .get(`/api/v1/reports/assessment/${deptC.id.replace(/.$/, (ch) => (ch === '0' ? '1' : '0'))}/deductions`)
      .query({ period: '2021-05' })
      .set(manager.auth);
    expect([theirs.status, theirs.body.code]).toEqual([404, 'NOT_FOUND']);
    expect([missing.status, missing.body.code]).toEqual([404, 'NOT_FOUND']);
    expect(theirs.body.message).toBe(missing.body.message);

    expect((await t.http().get('/api/v1/assessment/weights').set(handlerB.auth)).status).toBe(403);
    expect(
      (await t.http().get('/api/v1/reports/assessment').query({ period: '2021-05' }).set(official.auth)).status,
    ).toBe(403);
  });

  it('the weekly report carries the quarter-to-date ranking, the same as the route’s', async () => {
    // 2021-W20 runs 05-17 to 05-24; its quarter is 2021-Q2, taken as of the week's end.
    const weekly = await t.http().get('/api/v1/reports/weekly').query({ week: '2021-W20' }).set(manager.auth);
    expect(weekly.status).toBe(200);
    const same = await ranking({ period: '2021-Q2', asOf: weekly.body.asOf });
    expect(weekly.body.assessment).toEqual(same);
    expect(weekly.body.assessment.period.label).toBe('2021-Q2');
    expect(weekly.body.assessment.departments.map((d: Row) => d.name)).toEqual(['考核乙局', '考核甲局']);

    const html = await t
      .http()
      .get('/api/v1/reports/weekly')
      .query({ week: '2021-W20', format: 'html' })
      .set(manager.auth);
    expect(html.text).toContain('部门考核排名（2021-Q2 季度累计）');
    const row = same.departments.find((d) => d.departmentId === deptA.id)!;
    expect(html.text).toContain(String(row.score));

    const docx = await t
      .http()
      .get('/api/v1/reports/weekly')
      .query({ week: '2021-W20', format: 'docx' })
      .set(manager.auth)
      .buffer(true)
      .parse(binary);
    expect(docx.status).toBe(200);
    const xml = await (await JSZip.loadAsync(docx.body as Buffer)).file('word/document.xml')!.async('string');
    expect(xml).toContain('部门考核排名（2021-Q2 季度累计）');
    expect(xml).toContain('考核乙局');
  });

  it('exports the ranking as a spreadsheet', async () => {
    const res = await t
      .http()
      .get('/api/v1/reports/assessment')
      .query({ period: '2021-05', format: 'xlsx' })
      .set(manager.auth)
      .buffer(true)
      .parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/spreadsheetml/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(res.body as Buffer).buffer);
    const sheet = workbook.worksheets[0]!;
    // The definition the score was computed under, in a line above the table.
    expect(sheet.getRow(2).getCell(1).value).toBe('口径');
    expect(sheet.getRow(2).getCell(2).value).toBe('assessment-score/v1');
    expect(String(sheet.getRow(2).getCell(3).value)).toMatch(/^100 分按权重/);
    expect(sheet.getRow(3).getCell(1).value).toBe('排名');
    expect(sheet.getRow(4).getCell(2).value).toBe('考核乙局');
    expect(sheet.getRow(4).getCell(3).value).toBe(99);
    expect(sheet.getRow(5).getCell(2).value).toBe('考核甲局');
    expect(sheet.getRow(5).getCell(3).value).toBe(59.3);
  });
});
