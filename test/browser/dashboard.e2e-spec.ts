/**
 * The dashboard on the demo data: 2025-Q1 is the quarter of the published figure, 116 of 127
 * problems resolved, 91.3 %. Chinese by default, English at the switch.
 */
import type { Page } from 'playwright-core';
import { drawnChart } from './charts';
import { STEP_TIMEOUT_MS, login, screenshot, useBrowserHarness } from './support';

jest.setTimeout(STEP_TIMEOUT_MS);

describe('the dashboard in the browser (demo data)', () => {
  const harness = useBrowserHarness();
  let page: Page;

  beforeAll(async () => {
    page = await harness.newPage();
    await login(page, 'manager', '/dashboard?period=2025-Q1');
  });

  it('shows 2025-Q1 as published: 91.3 %, 116 / 127, labelled in Chinese', async () => {
    const rate = page.getByTestId('rate-resolution');
    await rate.filter({ hasText: '/' }).waitFor();
    const text = await rate.innerText();
    expect(text).toContain('91.3%');
    expect(text).toMatch(/116\s*\/\s*127/);
    expect(text).toContain('其中已办结 / 本季度登记');

    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    const heading = await page.getByRole('heading', { level: 1 }).innerText();
    expect(heading).toContain('工作台');
    expect(heading).toContain('2025年第1季度');
    const body = await page.locator('body').innerText();
    for (const label of ['办结率', '按期办结率', '满意率', '各责任单位办结率', '各县区办结率'])
      expect(body).toContain(label);
    expect(body).not.toMatch(/Resolution rate|Dashboard/);
    // The figure is the API's own, as of the quarter's end.
    const api = await harness.service
      .http()
      .get('/api/v1/reports/resolution-rate?period=2025-Q1')
      .set(await harness.auth('manager'))
      .expect(200);
    expect(api.body).toMatchObject({ recorded: 127, resolved: 116, ratePercent: 91.3 });
    // Beside it, the key projects as published: 66 of the 2025 plan's 165 started, 40.0 %.
    const projects = page.getByTestId('project-cards');
    await projects.getByTestId('start-rate-counts').waitFor();
    const projectText = await projects.innerText();
    expect(projectText).toContain('40.0');
    expect(projectText).toMatch(/66\s*\/\s*计划\s*165/);
    expect(projectText).toContain('83.50');
    await screenshot(page, 'dashboard-2025-Q1-zh');
  });

  it('draws the API’s numbers: the eight-quarter trend and the rate of each department', async () => {
    const auth = await harness.auth('manager');
    // The trend card asks for the eight quarters ending with the one shown (to = its end).
    const trendApi = await harness.service
      .http()
      .get('/api/v1/reports/trend')
      .query({ granularity: 'quarter', periods: 8, to: '2025-04-01T00:00:00+08:00' })
      .set(auth)
      .expect(200);
    type Rates = Record<'resolutionRate' | 'onTimeRate' | 'satisfactionRate', { ratePercent: number | null }>;
    const points = trendApi.body.points as ({ period: { label: string } } & Rates)[];
    expect(points).toHaveLength(8);
    expect(points.at(-1)!.period.label).toBe('2025-Q1');

    const trend = await drawnChart(page.getByTestId('chart-trend'));
    expect(trend.categories).toEqual(points.map((p) => p.period.label));
    expect(trend.series.map((s) => s.name)).toEqual(['办结率', '按期办结率', '满意率']);
    expect(trend.series[0]!.data).toEqual(points.map((p) => p.resolutionRate.ratePercent));
    expect(trend.series[1]!.data).toEqual(points.map((p) => p.onTimeRate.ratePercent));
    expect(trend.series[2]!.data).toEqual(points.map((p) => p.satisfactionRate.ratePercent));
    // The quarter of the published figure is the last point of the first line.
    expect(trend.series[0]!.data.at(-1)).toBe(91.3);

    const byDepartment = await harness.service
      .http()
      .get('/api/v1/reports/resolution-rate?period=2025-Q1&groupBy=department')
      .set(auth)
      .expect(200);
    const groups = byDepartment.body.groups as { key: string | null; label: string; ratePercent: number | null }[];
    const bars = await drawnChart(page.getByRole('img', { name: '各责任单位办结率' }));
    expect(bars.series).toHaveLength(1);
    const drawn = bars.categories.map((label, i) => ({ label, ratePercent: bars.series[0]!.data[i] ?? null }));
    const byLabel = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label);
    expect([...drawn].sort(byLabel)).toEqual(
      groups.map((g) => ({ label: g.key === null ? '未交办' : g.label, ratePercent: g.ratePercent })).sort(byLabel),
    );
    expect(drawn.some((d) => d.ratePercent !== null)).toBe(true);
  });

  it('switches its labels to English, the figure unchanged', async () => {
    await page.getByRole('button', { name: 'EN 切换为英文界面' }).click();
    await page.getByRole('heading', { level: 1 }).filter({ hasText: 'Dashboard' }).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toContain('Q1 2025');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');

    const text = await page.getByTestId('rate-resolution').innerText();
    expect(text).toContain('91.3%');
    expect(text).toMatch(/116\s*\/\s*127/);
    expect(text).toContain('of these resolved / recorded this quarter');
    const body = await page.locator('body').innerText();
    for (const label of ['Resolution rate', 'On-time rate', 'Satisfaction rate', 'Resolution rate by department']) {
      expect(body).toContain(label);
    }
    expect(body).not.toMatch(/工作台|办结率|满意率/);
    await screenshot(page, 'dashboard-2025-Q1-en');
  });

  it('runs over plain HTTP on an intranet host name, and runs no inline script', async () => {
    // Painted and signed in over http://intranet.test: nothing was upgraded to HTTPS (the harness
    // would have reported https://intranet.test as another origin).
    expect(page.url()).toMatch(/^http:\/\/intranet\.test:\d+\//);
    expect(await page.evaluate('window.isSecureContext')).toBe(false);
    const refusal = page.waitForEvent('console', (message) =>
      /violates the following Content Security Policy directive:? ['"]script-src/.test(message.text()),
    );
    // In the page's own words (the test's TypeScript has no DOM types).
    const ran = await page.evaluate(`(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.head.append(script);
      return window.__inlineRan === true;
    })()`);
    expect(ran).toBe(false);
    await refusal;
    expect(harness.foreignRequests.splice(0)).toEqual([expect.stringContaining('script-src')]);
  });

  it('refuses and reports any request to another origin (the harness’s own guard)', async () => {
    // Nothing leaves the machine: the page's CSP refuses the fetch, the harness's route the stylesheet.
    const refusal = page.waitForEvent('console', (message) =>
      /violates the following Content Security Policy/.test(message.text()),
    );
    expect(await page.evaluate(() => fetch('https://example.com/collect').then(String, () => 'refused'))).toBe(
      'refused',
    );
    await refusal;
    await expect(page.addStyleTag({ url: 'https://fonts.googleapis.com/css2?family=Noto+Sans+SC' })).rejects.toThrow();
    const reported = harness.foreignRequests.splice(0);
    expect(reported).toEqual([
      expect.stringContaining('https://example.com/collect'),
      'GET https://fonts.googleapis.com/css2?family=Noto+Sans+SC',
    ]);
  });

  it('shows the figures soon after a restart of the service, from what it kept (time printed)', async () => {
    // The quarter was opened above, so its figures are kept in PostgreSQL, as the scheduled
    // warm-up keeps every closed quarter's; a restart empties only the service's memory.
    await harness.restart();
    const started = Date.now();
    await page.goto('/dashboard?period=2025-Q1');
    const rate = page.getByTestId('rate-resolution');
    await rate.filter({ hasText: '91.3%' }).waitFor();
    const shown = Date.now() - started;
    await page.getByTestId('project-cards').getByTestId('start-rate-counts').waitFor();
    const complete = Date.now() - started;
    console.log(`dashboard 2025-Q1 after a restart: rates shown in ${shown} ms, the project card in ${complete} ms`);
    expect(await rate.innerText()).toMatch(/116\s*\/\s*127/);
  });
});
