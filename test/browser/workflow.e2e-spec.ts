/**
 * One story through the real service and a real browser, each step building on the last: an
 * official logs a visit with two problems from a phone, a manager assigns one, the department's
 * handler resolves it, the manager verifies it and sees the quarter's resolution rate move; a
 * handler of another department cannot see it; a stale page is told so and recovers; the weekly
 * report draws the API's numbers in its charts. Screenshots of the main pages go to test-results/screenshots/.
 */
import type { Page } from 'playwright-core';
import { drawnChart } from './charts';
import {
  animationsDone,
  choose,
  PHONE,
  STEP_TIMEOUT_MS,
  currentQuarter,
  formatRate,
  login,
  screenshot,
  useBrowserHarness,
} from './support';

jest.setTimeout(STEP_TIMEOUT_MS);

interface Figure {
  rate: string;
  resolved: number;
  recorded: number;
}

interface Recorded {
  id: string;
  code: string;
  title: string;
}

/** The resolution-rate card as the dashboard shows it: "91.3%", "116 / 127". */
async function readResolutionCard(page: Page, period: string): Promise<Figure> {
  await page.goto(`/dashboard?period=${period}`);
  const card = page.getByTestId('rate-resolution');
  await card.filter({ hasText: /\d+\s*\/\s*\d+/ }).waitFor();
  const text = await card.innerText();
  const match = /(\d+\.\d%|—)[\s\S]*?(\d+)\s*\/\s*(\d+)/.exec(text);
  if (!match) throw new Error(`unexpected resolution-rate card: ${JSON.stringify(text)}`);
  return { rate: match[1]!, resolved: Number(match[2]), recorded: Number(match[3]) };
}

/** 100 × resolved / recorded, rounded half up to one decimal, in integers (no floating-point ties). */
function rateOf(resolved: number, recorded: number): string {
  if (recorded === 0) return formatRate(null);
  const tenths = Math.floor((2000 * resolved + recorded) / (2 * recorded));
  return formatRate(tenths / 10);
}

/** Waits until the problem page shows this status. */
async function statusIs(page: Page, status: string): Promise<void> {
  await page.locator(`[data-testid="problem-status"][data-status="${status}"]`).waitFor();
}

/** Opens an action's dialog on the problem page, lets `fill` fill it in, and confirms it. */
async function act(page: Page, action: string, fill: () => Promise<void> = async () => undefined): Promise<void> {
  await page.getByTestId(`action-${action}`).click();
  await page.getByTestId('action-submit').waitFor();
  // The dialog zooms in: a radio clicked before it has settled may not take the click.
  await animationsDone(page);
  await fill();
  let answer = 'no answer';
  page
    .waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname.endsWith(`/${action}`))
    .then(
      (r) => (answer = String(r.status())),
      () => undefined, // read below only when the dialog stays open
    );
  await page.getByTestId('action-submit').click();
  // The dialog closes on success and on a stale version alike; an error keeps it open.
  try {
    await page.getByTestId('action-submit').waitFor({ state: 'detached' });
  } catch (error) {
    // Say why it stayed open (the service's answer, the dialog's error) rather than only that it did.
    const shown = await page.locator('.ant-modal .ant-alert, .ant-modal .ant-form-item-explain').allInnerTexts();
    throw new Error(
      `the ${action} dialog stayed open (POST ${action}: ${answer}; dialog shows ${JSON.stringify(shown)}): ${String(error)}`,
      { cause: error },
    );
  }
}

/** The types of the events the problem page's timeline shows, oldest first. */
async function timelineTypes(page: Page): Promise<(string | null)[]> {
  const events = page.getByTestId('timeline-event');
  const types: (string | null)[] = [];
  for (let i = 0; i < (await events.count()); i++) types.push(await events.nth(i).getAttribute('data-type'));
  return types;
}

/** What an earlier step of the story made; a clear failure instead of a TypeError when it did not. */
function fromEarlierStep<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} is missing: an earlier step of the story failed`);
  return value;
}

/** The department and a deadline of ten working days in the assign dialog. */
async function fillAssign(page: Page, departmentName: string, note: string): Promise<void> {
  await choose(page, page.getByTestId('action-department'), departmentName);
  await page.locator('input[type="radio"][value="days"]').check();
  await page.getByTestId('action-days').fill('10');
  await page.getByTestId('action-note').fill(note);
}

describe('a problem from the visit to the verified resolution, in the browser', () => {
  const harness = useBrowserHarness();
  const quarter = currentQuarter();
  const suffix = Date.now().toString(36);
  const titles = [`园区专线供电容量不足-${suffix}`, `技术工人招聘困难-${suffix}`];

  let managerPage: Page;
  let officialPage: Page;
  let handlerPage: Page;
  let department: { id: string; name: string };
  let categories: { code: string; name: string }[];
  let enterprise: { id: string; name: string };
  let before: Figure | undefined;
  let problems: Recorded[] = [];

  beforeAll(async () => {
    const handler = await harness.user('handler-gxj');
    const manager = await harness.auth('manager');
    const departments = await harness.service.http().get('/api/v1/departments').set(manager).expect(200);
    const found = (departments.body as { id: string; name: string }[]).find((d) => d.id === handler.departmentId);
    expect(found).toBeDefined();
    department = found!;
    const all = (await harness.service.http().get('/api/v1/categories').set(manager).expect(200)).body as {
      code: string;
      name: string;
    }[];
    categories = ['factor_supply', 'labour'].map((code) => all.find((c) => c.code === code)!);
    [enterprise] = await harness.service.db.query(`SELECT id, name FROM enterprises ORDER BY name LIMIT 1`);
    expect(categories.every(Boolean)).toBe(true);
  });

  it('signs the manager in and reads the current quarter’s resolution rate before the story', async () => {
    managerPage = await harness.newPage();
    await managerPage.goto('/');
    await managerPage.locator('#username').waitFor();
    await screenshot(managerPage, '01-login');
    await login(managerPage, 'manager');
    before = await readResolutionCard(managerPage, quarter);
    const api = await harness.service
      .http()
      .get(`/api/v1/reports/resolution-rate?period=${quarter}`)
      .set(await harness.auth('manager'))
      .expect(200);
    expect(before).toEqual({
      rate: formatRate(api.body.ratePercent),
      resolved: api.body.resolved,
      recorded: api.body.recorded,
    });
  });

  it('lets an official on a phone find an enterprise and log a visit with two problems', async () => {
    officialPage = await harness.newPage(PHONE);
    await login(officialPage, 'official');
    await officialPage.waitForURL('**/my-enterprises'); // an official's home
    await officialPage.getByRole('link', { name: '查找其他企业' }).click();
    await officialPage.waitForURL('**/enterprises');
    await officialPage.getByTestId('enterprise-row').first().waitFor();
    await screenshot(officialPage, '02-official-phone-enterprises');

    // The search shows what the API finds for the name (the enterprise itself among them), and only that.
    const found = await harness.service
      .http()
      .get('/api/v1/enterprises')
      .query({ q: enterprise.name, limit: 50 })
      .set(await harness.auth('official'))
      .expect(200);
    const expected = (found.body.items as { id: string }[]).length;
    expect(found.body.items).toContainEqual(expect.objectContaining({ id: enterprise.id }));
    await officialPage.getByTestId('enterprise-search').fill(enterprise.name);
    const rows = officialPage.getByTestId('enterprise-row');
    await rows.nth(expected).waitFor({ state: 'detached' }); // the unfiltered list is gone
    await rows.nth(expected - 1).waitFor(); // the results are in
    expect(await rows.count()).toBe(expected);
    for (const text of await rows.allInnerTexts()) expect(text).toContain(enterprise.name);
    const row = officialPage.locator(`[data-testid="enterprise-row"][data-id="${enterprise.id}"]`);
    await row.getByTestId('log-visit').click();
    await officialPage.waitForURL(`**/visits/new?enterpriseId=${enterprise.id}`);
    await officialPage.getByTestId('visit-enterprise').filter({ hasText: enterprise.name }).waitFor();

    for (const [index, title] of titles.entries()) {
      await officialPage.getByTestId('add-problem').click();
      await officialPage.getByTestId(`problem-title-${index}`).fill(title);
      await choose(officialPage, officialPage.getByTestId(`problem-category-${index}`), categories[index]!.name);
    }
    await screenshot(officialPage, '03-official-phone-visit-form');

    await officialPage.getByTestId('visit-submit').click();
    await officialPage.getByTestId('visit-success').waitFor();
    const recorded = officialPage.getByTestId('visit-problem');
    expect(await recorded.count()).toBe(2);
    problems = [];
    for (const [index, title] of titles.entries()) {
      const link = recorded.nth(index).getByRole('link');
      const code = await link.innerText();
      expect(code).toMatch(/^JQ-\d{4}-\d{4}$/);
      expect(await recorded.nth(index).innerText()).toContain(title);
      const id = (await link.getAttribute('href'))!.replace('/problems/', '');
      problems.push({ id, code, title });
    }
    expect(new Set(problems.map((p) => p.code)).size).toBe(2);
    await screenshot(officialPage, '04-official-phone-visit-success');

    // Saved as one visit of this enterprise, both problems reported.
    const rowsInDb: { code: string; status: string; enterprise_id: string; visit_id: string | null }[] =
      await harness.service.db.query(
        `SELECT code, status, enterprise_id, visit_id FROM problems WHERE id = ANY($1) ORDER BY code`,
        [problems.map((p) => p.id)],
      );
    expect(rowsInDb.map((p) => p.code).sort()).toEqual(problems.map((p) => p.code).sort());
    expect(rowsInDb.every((p) => p.status === 'reported' && p.enterprise_id === enterprise.id)).toBe(true);
    expect(new Set(rowsInDb.map((p) => p.visit_id)).size).toBe(1);
    expect(rowsInDb[0]!.visit_id).not.toBeNull();
  });

  it('lets the manager assign the first problem to a department on its page', async () => {
    const first = fromEarlierStep(problems[0], 'the first problem');
    await managerPage.goto(`/problems/${first.id}`);
    await statusIs(managerPage, 'reported');
    await act(managerPage, 'assign', () => fillAssign(managerPage, department.name, '请尽快协调供电公司'));
    await statusIs(managerPage, 'assigned');
    await managerPage.locator('[data-testid="timeline-event"][data-type="assign"]').waitFor();
    expect(await managerPage.getByTestId('timeline').innerText()).toContain(department.name);

    const saved = await harness.service
      .http()
      .get(`/api/v1/problems/${first.id}`)
      .set(await harness.auth('manager'))
      .expect(200);
    expect(saved.body).toMatchObject({ status: 'assigned', departmentId: department.id });
    expect(saved.body.dueAt).toBeTruthy();
  });

  it('shows it in the department handler’s queue, where the handler accepts and resolves it', async () => {
    const first = fromEarlierStep(problems[0], 'the first problem');
    handlerPage = await harness.newPage();
    await login(handlerPage, 'handler-gxj');
    await handlerPage.waitForURL('**/queue'); // a handler's home
    const row = handlerPage.locator(`[data-testid="queue-row"][data-code="${first.code}"]`);
    await row.waitFor();
    await handlerPage.getByTestId('queue-warnings').waitFor();
    expect(await row.innerText()).toContain(first.title);
    await screenshot(handlerPage, '05-handler-queue');

    await row.click();
    await handlerPage.waitForURL(`**/problems/${first.id}`);
    await statusIs(handlerPage, 'assigned');
    // Only the department's actions: nothing a manager alone may do.
    expect(await handlerPage.getByTestId('action-verify').count()).toBe(0);
    expect(await handlerPage.getByTestId('action-assign').count()).toBe(0);

    await act(handlerPage, 'accept', () => handlerPage.getByTestId('action-note').fill('已签收，正在对接'));
    await statusIs(handlerPage, 'in_progress');
    await act(handlerPage, 'resolve', () =>
      handlerPage.getByTestId('action-note').fill('已协调供电公司完成专线扩容，企业用电恢复正常'),
    );
    await statusIs(handlerPage, 'resolved');
    expect(await timelineTypes(handlerPage)).toEqual(['created', 'assign', 'accept', 'resolve']);
  });

  it('lets the manager verify it, and the quarter’s resolution rate counts it', async () => {
    const first = fromEarlierStep(problems[0], 'the first problem');
    await managerPage.goto(`/problems/${first.id}`);
    await statusIs(managerPage, 'resolved');
    await act(managerPage, 'verify', async () => {
      await managerPage.locator('[data-testid="action-satisfaction"] input[value="satisfied"]').check();
      await managerPage.getByTestId('action-note').fill('企业表示满意');
    });
    await statusIs(managerPage, 'closed');
    await managerPage.locator('[data-testid="timeline-event"][data-type="verify"]').waitFor();
    expect(await timelineTypes(managerPage)).toEqual(['created', 'assign', 'accept', 'resolve', 'verify']);
    await screenshot(managerPage, '06-problem-page-with-timeline');

    // Two problems recorded this quarter, one of them resolved (closed counts as resolved).
    const earlier = fromEarlierStep(before, 'the figure before the story');
    const after = await readResolutionCard(managerPage, quarter);
    expect(after.recorded).toBe(earlier.recorded + 2);
    expect(after.resolved).toBe(earlier.resolved + 1);
    expect(after.rate).toBe(rateOf(after.resolved, after.recorded));
    const api = await harness.service
      .http()
      .get(`/api/v1/reports/resolution-rate?period=${quarter}`)
      .set(await harness.auth('manager'))
      .expect(200);
    expect(api.body).toMatchObject({ recorded: after.recorded, resolved: after.resolved });
    expect(after.rate).toBe(formatRate(api.body.ratePercent));
    await screenshot(managerPage, '07-manager-dashboard');
  });

  it('shows a handler of another department the "not found or not yours" page, and nothing of the problem', async () => {
    const first = fromEarlierStep(problems[0], 'the first problem');
    const other = await harness.user('handler-rsj');
    expect(other.departmentId).not.toBe(department.id);
    const page = await harness.newPage();
    await login(page, 'handler-rsj', `/problems/${first.id}`);
    await page.locator('.ant-result-404').waitFor();
    const text = await page.locator('main, .ant-layout-content').first().innerText();
    expect(text).toContain('未找到该问题');
    expect(text).toContain('不在您的办理范围内');
    expect(text).not.toContain(first.code);
    expect(text).not.toContain(first.title);
    expect(await page.getByTestId('problem-status').count()).toBe(0);
    expect(await page.getByTestId('timeline').count()).toBe(0);
    expect(await page.locator('[data-testid^="action-"]').count()).toBe(0);
    await screenshot(page, '08-other-handler-not-found');
    await page.context().close();
  });

  it('tells the manager when the problem changed behind the page, and lets the next try succeed', async () => {
    const second = fromEarlierStep(problems[1], 'the second problem');
    await managerPage.goto(`/problems/${second.id}`);
    await statusIs(managerPage, 'reported');

    // Someone else escalates it meanwhile, through the API, with the right version.
    const manager2 = await harness.auth('manager2');
    const current = await harness.service.http().get(`/api/v1/problems/${second.id}`).set(manager2).expect(200);
    const escalation = `市领导督办：本周内答复企业-${suffix}`;
    await harness.service
      .http()
      .post(`/api/v1/problems/${second.id}/escalate`)
      .set(manager2)
      .set('If-Match', `"${current.body.version}"`)
      .send({ note: escalation })
      .expect(200);

    // The page still holds the old version: its assignment is refused and it says why.
    await act(managerPage, 'assign', () => fillAssign(managerPage, department.name, '请人社局牵头办理'));
    const alert = managerPage.getByTestId('conflict-alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain(escalation);
    await statusIs(managerPage, 'reported');
    await managerPage.getByTestId('problem-escalated').waitFor();
    await managerPage.locator('[data-testid="timeline-event"][data-type="escalate"]').waitFor();
    await screenshot(managerPage, '09-manager-stale-version-conflict');

    // Acting again (the dialog keeps what was typed) goes through on the fresh version.
    await act(managerPage, 'assign', async () => {
      await managerPage.getByTestId('action-department').filter({ hasText: department.name }).waitFor();
    });
    await statusIs(managerPage, 'assigned');
    await alert.waitFor({ state: 'detached' });
    const saved = await harness.service.http().get(`/api/v1/problems/${second.id}`).set(manager2).expect(200);
    expect(saved.body).toMatchObject({
      status: 'assigned',
      departmentId: department.id,
      escalated: true,
      version: current.body.version + 2,
    });
    expect(saved.body.events.map((e: { type: string }) => e.type)).toEqual(['created', 'escalate', 'assign']);
  });

  it('shows the manager’s problem list', async () => {
    const [first, second] = [
      fromEarlierStep(problems[0], 'the first problem'),
      fromEarlierStep(problems[1], 'the second problem'),
    ];
    await managerPage.goto('/problems');
    await managerPage.locator('.ant-table-row').first().waitFor();
    const codes = await managerPage.locator('.ant-table-row').allInnerTexts();
    // Newest first: the two problems of the visit lead the list.
    expect(codes.slice(0, 2).join('\n')).toContain(first.code);
    expect(codes.slice(0, 2).join('\n')).toContain(second.code);
    await screenshot(managerPage, '10-manager-problem-list');
  });

  it('draws the weekly report’s two charts for 2025-W14 with the API’s numbers', async () => {
    await managerPage.goto('/weekly?week=2025-W14');
    for (const testId of ['weekly-chart-departments', 'weekly-chart-trend']) {
      const canvas = managerPage.getByTestId(testId).locator('canvas').first();
      await canvas.waitFor();
      const box = await canvas.boundingBox();
      expect(box?.width).toBeGreaterThan(0);
      expect(box?.height).toBeGreaterThan(0);
    }
    const api = await harness.service
      .http()
      .get('/api/v1/reports/weekly?week=2025-W14')
      .set(await harness.auth('manager'))
      .expect(200);
    const report = api.body as {
      trend: { label: string; ratePercent: number | null }[];
      departments: { name: string; ratePercent: number | null; recorded: number }[];
    };
    expect(report.trend.length).toBeGreaterThan(1);
    expect(report.trend.some((w) => w.ratePercent !== null)).toBe(true);

    // The trend: one line, a point per week of the API's trend, its label and its rate.
    const trend = await drawnChart(managerPage.getByTestId('weekly-chart-trend'));
    expect(trend.categories).toEqual(report.trend.map((w) => w.label));
    expect(trend.series).toHaveLength(1);
    expect(trend.series[0]!.data).toEqual(report.trend.map((w) => w.ratePercent));

    // The departments: one bar per department of the report, named, with its rate, best first.
    const bars = await drawnChart(managerPage.getByTestId('weekly-chart-departments'));
    expect(bars.series).toHaveLength(1);
    const drawn = bars.categories.map((name, i) => ({ name, ratePercent: bars.series[0]!.data[i] ?? null }));
    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
    expect([...drawn].sort(byName)).toEqual(
      report.departments.map((d) => ({ name: d.name, ratePercent: d.ratePercent })).sort(byName),
    );
    const rates = drawn.map((d) => d.ratePercent ?? -1);
    expect(rates).toEqual([...rates].sort((a, b) => b - a));
    expect(await managerPage.locator('body').innerText()).toContain('2025-W14');
    await screenshot(managerPage, '11-manager-weekly-report');
  });

  it('shows the admin the users', async () => {
    const page = await harness.newPage();
    await login(page, 'admin');
    await page.goto('/admin/users');
    await page.locator('.ant-table-row').filter({ hasText: 'handler-gxj' }).waitFor();
    const text = await page.locator('.ant-table-tbody').innerText();
    for (const username of ['manager', 'official', 'handler-rsj']) expect(text).toContain(username);
    await screenshot(page, '12-admin-users');
    await page.context().close();
  });
});
