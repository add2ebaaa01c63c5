import { Factory, TestUser } from './factories';
import { bj, history } from './factories/history';
import { createTestApp, TestApp } from './support/test-app';

/**
 * The deadline a problem had at the end of a week, for the weekly report's overdue figures and
 * lists: the one of its latest event before that instant that gave one (an assignment, an
 * approved extension, a redo), whether or not the problem changed since. A requested extension
 * moves nothing until it is approved. Instants are Beijing time; the week is 2025-W14 (Monday
 * 03-31 to Monday 04-07).
 */
describe('the deadline at an instant: the weekly report and the drill-down', () => {
  let t: TestApp;
  let manager: TestUser;
  const titles = {
    extendedThenChanged: '延期获批后又有进展',
    extendedUnchanged: '延期获批未再变动',
    requestedThenChanged: '延期申请未批又有进展',
    redoThenChanged: '返工后又有进展',
  };

  beforeAll(async () => {
    t = await createTestApp();
    const f = new Factory(t);
    const department = await f.department('周末期限局');
    manager = await f.user('manager');
    const official = await f.user('official');
    const handler = await f.user('handler', department.id);
    const enterprise = await f.enterprise(official, { name: '酒泉期限测试有限公司', district: 'suzhou' });
    const problem = (title: string) =>
      history(t)
        .problem({
          title,
          reportedAt: bj('2025-03-31 09:00'),
          enterpriseId: enterprise.id,
          category: 'factor_supply',
          createdBy: official.id,
          managerId: manager.id,
          handlers: { [department.id]: handler.id },
        })
        .assign(bj('2025-03-31 10:00'), department.id, bj('2025-04-02 18:00'))
        .accept(bj('2025-03-31 11:00'));

    // Due 04-02, extended to 04-15 on 04-01: not overdue at the week's end; then a note after it.
    await problem(titles.extendedThenChanged)
      .requestExtension(bj('2025-04-01 09:00'), bj('2025-04-15 18:00'))
      .approveExtension(bj('2025-04-01 10:00'))
      .progress(bj('2025-04-09 09:00'), '协调中')
      .insert();
    // The same, nothing after the week: its row says what it was then.
    await problem(titles.extendedUnchanged)
      .requestExtension(bj('2025-04-01 09:00'), bj('2025-04-15 18:00'))
      .approveExtension(bj('2025-04-01 10:00'))
      .insert();
    // An extension asked for and approved only after the week: overdue at its end (due 04-02).
    await problem(titles.requestedThenChanged)
      .requestExtension(bj('2025-04-03 09:00'), bj('2025-04-15 18:00'))
      .approveExtension(bj('2025-04-09 10:00'))
      .insert();
    // Resolved 04-01, found unsatisfactory 04-02 with a redo due 04-20: not overdue; a note after.
    await problem(titles.redoThenChanged)
      .resolve(bj('2025-04-01 16:00'))
      .verify(bj('2025-04-02 10:00'), 'unsatisfied', '未解决', bj('2025-04-20 18:00'))
      .progress(bj('2025-04-09 09:00'), '返工中')
      .insert();
  });
  afterAll(() => t.close());

  it('counts and lists as overdue only the problem whose deadline had passed then', async () => {
    const report = await t
      .http()
      .get('/api/v1/reports/weekly')
      .query({ week: '2025-W14' })
      .set(manager.auth)
      .expect(200);
    expect(report.body.summary.overdueAtEnd).toBe(1);
    expect(report.body.lists.overdue.map((i: { title: string }) => i.title)).toEqual([titles.requestedThenChanged]);
    const dueOf = (title: string) =>
      report.body.lists.new.find((i: { title: string; dueAt: string }) => i.title === title)?.dueAt;
    expect(dueOf(titles.extendedThenChanged)).toBe(new Date(bj('2025-04-15 18:00')).toISOString());
    expect(dueOf(titles.extendedUnchanged)).toBe(new Date(bj('2025-04-15 18:00')).toISOString());
    expect(dueOf(titles.requestedThenChanged)).toBe(new Date(bj('2025-04-02 18:00')).toISOString());
    expect(dueOf(titles.redoThenChanged)).toBe(new Date(bj('2025-04-20 18:00')).toISOString());
  });

  it("gives the same deadlines in the resolution rate's drill-down as of that instant", async () => {
    const page = await t
      .http()
      .get('/api/v1/reports/resolution-rate/items')
      .query({ period: '2025-Q1', asOf: new Date(bj('2025-04-07 00:00')).toISOString(), limit: '100' })
      .set(manager.auth)
      .expect(200);
    const dueOf = (title: string) =>
      page.body.items.find((i: { title: string; dueAtAsOf: string }) => i.title === title)?.dueAtAsOf;
    expect(dueOf(titles.extendedThenChanged)).toBe(new Date(bj('2025-04-15 18:00')).toISOString());
    // Asked for on 04-03, approved only on 04-09: the deadline at 04-07 is still 04-02.
    expect(dueOf(titles.requestedThenChanged)).toBe(new Date(bj('2025-04-02 18:00')).toISOString());
    expect(dueOf(titles.redoThenChanged)).toBe(new Date(bj('2025-04-20 18:00')).toISOString());
  });
});
