/**
 * Issue 18, item 12 on the demo data: the English weekly report names districts and categories in
 * English; 2025-W14 shows Q1's final figure beside its thin Q2 figure; future weeks cannot be
 * opened; the dashboard's two 办结 counts are labelled apart and its median reads "n days"; the
 * favicon loads; an empty username is asked for by name; the language switch is named in the
 * page's language on the sign-in page and in a phone's user menu.
 */
import type { Page } from 'playwright-core';
import { animationsDone, login, PHONE, screenshot, STEP_TIMEOUT_MS, useBrowserHarness } from './support';

jest.setTimeout(STEP_TIMEOUT_MS);

describe('English and the rest, in the browser (demo data)', () => {
  const harness = useBrowserHarness();
  let page: Page;

  beforeAll(async () => {
    page = await harness.newPage();
    await login(page, 'manager', '/weekly?week=2025-W14');
  });

  it('shows Q1’s final figure (91.3 %, 116 / 127) beside the early 2025-Q2 figure in 2025-W14', async () => {
    const card = page.getByTestId('weekly-rate-previous-quarter');
    await card.waitFor();
    const text = await card.innerText();
    expect(await page.locator('main').innerText()).toContain('上季度最终办结率 (2025-Q1)');
    expect(text).toContain('91.3%');
    expect(text).toMatch(/116\s*\/\s*127/);
    expect(await page.locator('main').innerText()).toContain('季度累计办结率 (2025-Q2)');
  });

  it('names districts and categories in English on the English report', async () => {
    const report = await harness.service
      .http()
      .get('/api/v1/reports/weekly?week=2025-W14')
      .set(await harness.auth('manager'))
      .expect(200);
    const items = Object.values(
      report.body.lists as Record<
        string,
        { districtNameEn: string; categoryName: string; categoryNameEn: string; districtName: string }[]
      >,
    ).flat();
    expect(items.length).toBeGreaterThan(0);
    await page.getByRole('button', { name: /切换为英文界面/ }).click();
    await page.getByText('Weekly coordination report', { exact: false }).first().waitFor();
    const shown = await page.locator('main').innerText();
    // Policy names are what officials typed on their visits (free text, no English): one of them,
    // “陇信通”融资信用服务平台, holds the category name 融资. Everything else is checked as shown.
    const policies = (report.body.visits.policies as { policy: string }[]).map((p) => p.policy);
    expect(policies.length).toBeGreaterThan(0);
    const body = policies.reduce((text, policy) => text.split(policy).join(''), shown);
    expect(body).toContain(items[0]!.districtNameEn);
    expect(body).toContain(items[0]!.categoryNameEn);
    for (const item of items) {
      expect(body).not.toContain(item.districtName);
      expect(body).not.toContain(item.categoryName);
    }
    await screenshot(page, 'weekly-2025-W14-en');
    await page.getByRole('button', { name: /Switch to Chinese/ }).click();
    await page.getByText('上季度最终办结率').waitFor();
  });

  it('does not open a week that has not begun: the page shows this week and cannot go further', async () => {
    await page.goto('/weekly?week=2099-W01');
    await page.getByTestId('weekly-rate-quarter').waitFor();
    expect(await page.getByRole('button', { name: '下一周' }).isDisabled()).toBe(true);
    const res = await harness.service
      .http()
      .get('/api/v1/reports/weekly?week=2099-W01')
      .set(await harness.auth('manager'));
    expect(res.status).toBe(400);
  });

  it('labels the two 办结 counts apart and writes the median as “n days”', async () => {
    await page.goto('/dashboard?period=2025-Q1');
    await page.getByTestId('rate-resolution').filter({ hasText: '/' }).waitFor();
    expect(await page.getByTestId('rate-resolution').innerText()).toContain('其中已办结 / 本季度登记');
    expect(await page.getByTestId('rate-on-time').innerText()).toContain('按期 / 本季度办结');
    await page.getByRole('button', { name: /切换为英文界面/ }).click();
    await page.getByText('Median time to resolve').waitFor();
    const median = await page.locator('.ant-statistic', { hasText: 'Median time to resolve' }).innerText();
    expect(median).toMatch(/\d+(\.\d+)? days/);
    await page.getByRole('button', { name: /Switch to Chinese/ }).click();
  });

  it('serves a favicon', async () => {
    const href = await page.locator('link[rel="icon"]').getAttribute('href');
    expect(href).toBeTruthy();
    const res = await harness.service.http().get(href!);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('image/svg+xml');
  });

  it('names the language switch in the page’s language on the sign-in page and in a phone’s user menu', async () => {
    const fresh = await harness.newPage(PHONE);
    await fresh.goto('/');
    await fresh.getByRole('button', { name: 'English 切换为英文界面', exact: true }).waitFor();
    await login(fresh, 'official');
    const menu = fresh.getByRole('button', { name: /^用户菜单：/ });
    // The menu button: Escape closes the menu and gives the focus back to it.
    await menu.click();
    await fresh.getByRole('menuitem', { name: 'English 切换为英文界面', exact: true }).waitFor();
    await fresh.keyboard.press('Escape');
    expect(await fresh.getByRole('menu').count()).toBe(0);
    expect(await fresh.locator(':focus').getAttribute('aria-label')).toMatch(/^用户菜单：/);
    await menu.click();
    await fresh.getByRole('menuitem', { name: 'English 切换为英文界面', exact: true }).click();
    await fresh.getByRole('navigation', { name: 'Main navigation' }).waitFor();
    await fresh.getByRole('button', { name: /^User menu: / }).click();
    await fresh.getByRole('menuitem', { name: '中文 Switch to Chinese', exact: true }).click();
    await fresh.getByRole('navigation', { name: '主导航' }).waitFor();
    await fresh.context().close();
  });

  it('asks for the username by name when it is left empty', async () => {
    const fresh = await harness.newPage();
    await fresh.goto('/');
    await fresh.locator('#password').fill('whatever');
    await fresh.locator('button[type="submit"]').click();
    await fresh.getByText('请输入用户名').waitFor();
    expect(await fresh.locator('body').innerText()).not.toMatch(/格式/);
    await fresh.context().close();
  });

  it('says “another tab or someone else” when the same user changed the problem meanwhile', async () => {
    const auth = await harness.auth('manager');
    const list = await harness.service.http().get('/api/v1/problems?status=reported&limit=1').set(auth).expect(200);
    const id = (list.body as { items: { id: string }[] }).items[0]!.id;
    await page.goto(`/problems/${id}`);
    await page.getByTestId('action-escalate').waitFor();
    // The same manager escalates it from "another tab": the API, with the current version.
    const current = await harness.service.http().get(`/api/v1/problems/${id}`).set(auth).expect(200);
    await harness.service
      .http()
      .post(`/api/v1/problems/${id}/escalate`)
      .set(auth)
      .set('If-Match', `"${current.body.version}"`)
      .send({ note: '另一个标签页里的督办' })
      .expect(200);
    await page.getByTestId('action-escalate').click();
    await page.getByTestId('action-submit').waitFor();
    await animationsDone(page);
    await page.getByTestId('action-note').fill('这一页上的督办');
    await page.getByTestId('action-submit').click();
    const alert = page.getByTestId('conflict-alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('该问题已在另一个标签页中或由他人更新');
  });
});
