/**
 * Lead and assisting departments (主办/协办) in a real browser: a manager assigns a problem to a
 * lead and two assisting departments; an assisting department's handler finds it in the queue
 * marked 协办, marks its part done, and it leaves the queue; the lead sees who has not finished
 * and is asked why when resolving before then.
 */
import type { Page } from 'playwright-core';
import { animationsDone, choose, login, screenshot, STEP_TIMEOUT_MS, useBrowserHarness } from './support';

jest.setTimeout(STEP_TIMEOUT_MS);

/**
 * Opens an action's dialog and waits for it to finish opening: a field filled, or a button clicked,
 * while the dialog still moves can miss (a click lands where the button is not yet).
 */
async function openAction(page: Page, action: string): Promise<void> {
  await page.getByTestId(`action-${action}`).click();
  await page.getByRole('dialog').last().waitFor();
  await animationsDone(page);
}

/** Confirms the open action dialog and waits for the service's answer to `path` (e.g. assist-done). */
async function submit(page: Page, path: string): Promise<number> {
  await animationsDone(page);
  const answer = page.waitForResponse(
    (r) => r.request().method() === 'POST' && new URL(r.url()).pathname.endsWith(`/${path}`),
  );
  await page.getByTestId('action-submit').click();
  return (await answer).status();
}

describe('lead and assisting departments, in the browser', () => {
  const harness = useBrowserHarness();
  const title = `园区道路与管网同步建设-${Date.now().toString(36)}`;
  const names = { lead: '市工信局', land: '市自然资源局', power: '国网酒泉供电公司' };
  let problem: { id: string; code: string };

  beforeAll(async () => {
    const [enterprise] = await harness.service.db.query(`SELECT id FROM enterprises ORDER BY name LIMIT 1`);
    const res = await harness.service
      .http()
      .post('/api/v1/problems')
      .set(await harness.auth('official'))
      .send({ enterpriseId: enterprise.id, title, category: 'factor_supply' })
      .expect(201);
    problem = { id: res.body.id, code: res.body.code };
  });

  it('a manager assigns a lead and two assisting departments', async () => {
    const page = await harness.newPage();
    await login(page, 'manager', `/problems/${problem.id}`);
    await openAction(page, 'assign');
    await page.getByTestId('action-submit').waitFor();
    await choose(page, page.getByTestId('action-department'), names.lead);
    await choose(page, page.getByTestId('action-assisting'), names.land, names.power);
    expect(await submit(page, 'assign')).toBe(200);
    const parts = page.getByTestId('assist-part');
    await parts.nth(1).waitFor();
    expect(await parts.allInnerTexts()).toEqual([
      expect.stringContaining(names.land),
      expect.stringContaining(names.power),
    ]);
    for (const text of await page.getByTestId('assist-part-status').allInnerTexts()) expect(text).toBe('协办中');
    await page.getByTestId('assists-summary').filter({ hasText: '2 个协办单位未完成' }).waitFor();
    await screenshot(page, 'assists-01-manager-assigned');

    // The service holds what the page shows.
    const read = await harness.service
      .http()
      .get(`/api/v1/problems/${problem.id}`)
      .set(await harness.auth('manager'))
      .expect(200);
    expect(read.body.departmentName).toBe(names.lead);
    expect(read.body.assists.map((a: { departmentName: string }) => a.departmentName)).toEqual([
      names.land,
      names.power,
    ]);
  });

  it('an assisting handler finds it in the queue marked 协办, marks the part done, and it leaves the queue', async () => {
    const page = await harness.newPage();
    await login(page, 'handler-zrzyj', '/queue');
    const row = page.locator(`[data-testid="queue-row"][data-code="${problem.code}"]`);
    await row.getByTestId('queue-assisting').waitFor();
    await screenshot(page, 'assists-02-assisting-queue');
    await row.click();
    await page.waitForURL(`**/problems/${problem.id}`);
    // Only its own actions: no resolve, no return.
    await page.getByTestId('action-assist_done').waitFor();
    expect(await page.getByTestId('action-resolve').count()).toBe(0);
    expect(await page.getByTestId('action-return').count()).toBe(0);

    await openAction(page, 'assist_done');
    await page.getByTestId('action-note').fill('用地预审意见已出具');
    expect(await submit(page, 'assist-done')).toBe(200);
    const mine = page.locator('[data-testid="assist-part"]', { hasText: names.land });
    await mine.getByTestId('assist-part-status').filter({ hasText: '已完成' }).waitFor();
    await mine.filter({ hasText: '用地预审意见已出具' }).waitFor();
    await page.getByTestId('action-assist_done').waitFor({ state: 'detached' });

    await page.goto('/queue');
    await page.getByTestId('queue-warnings').waitFor();
    await page.locator('[data-testid="queue-row"], .ant-empty').first().waitFor();
    expect(await page.locator(`[data-testid="queue-row"][data-code="${problem.code}"]`).count()).toBe(0);
  });

  it('the lead sees who has not finished and must say why to resolve before them', async () => {
    const page = await harness.newPage();
    await login(page, 'handler-gxj', `/problems/${problem.id}`);
    await page.getByTestId('assists-summary').filter({ hasText: '1 个协办单位未完成' }).waitFor();
    await openAction(page, 'resolve');
    await page.getByTestId('resolve-open-assists').filter({ hasText: names.power }).waitFor();
    await page.getByTestId('action-note').fill('道路已建成通车');
    await page.getByTestId('action-assists-note').fill('供电管网由供电公司另行立项');
    await screenshot(page, 'assists-03-lead-resolves');
    expect(await submit(page, 'resolve')).toBe(200);
    await page.locator('[data-testid="problem-status"][data-status="resolved"]').waitFor();
    const read = await harness.service
      .http()
      .get(`/api/v1/problems/${problem.id}`)
      .set(await harness.auth('manager'))
      .expect(200);
    expect(read.body.events.at(-1).data).toMatchObject({ assistsNote: '供电管网由供电公司另行立项' });
  });
});
