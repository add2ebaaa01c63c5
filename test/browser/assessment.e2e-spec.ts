/**
 * The department assessment (考核) in the browser, on the demo data: the dashboard ranks the
 * departments of 2025-Q1 as the API does, and a department opens the problems behind its lost
 * points; an admin sees the weights in force and their history.
 */
import type { Page } from 'playwright-core';
import { STEP_TIMEOUT_MS, WAIT_MS, login, screenshot, useBrowserHarness } from './support';

jest.setTimeout(STEP_TIMEOUT_MS);

interface Ranking {
  departments: { departmentId: string; name: string; rank: number; score: number }[];
}

describe('the department assessment in the browser (demo data)', () => {
  const harness = useBrowserHarness();
  let page: Page;

  beforeAll(async () => {
    page = await harness.newPage();
    await login(page, 'manager', '/dashboard?period=2025-Q1');
  });

  it('ranks the departments as the API does and opens a department’s deductions', async () => {
    const auth = await harness.auth('manager');
    const ranking: Ranking = (
      await harness.service.http().get('/api/v1/reports/assessment?period=2025-Q1').set(auth).expect(200)
    ).body;
    expect(ranking.departments.length).toBeGreaterThan(1);

    const list = page.getByTestId('assessment-ranking');
    await list.waitFor({ timeout: WAIT_MS });
    const rows = list.locator('li');
    await rows.nth(ranking.departments.length - 1).waitFor({ timeout: WAIT_MS });
    expect(await rows.count()).toBe(ranking.departments.length);
    for (const [i, d] of ranking.departments.entries()) {
      const text = await rows.nth(i).innerText();
      expect(text).toContain(d.name);
      expect(text).toContain(d.score.toFixed(1));
    }
    expect(await page.getByTestId('assessment-card').innerText()).toContain('部门考核排名');

    // The lowest-ranked department lost the most points: its drawer lists the problems behind them.
    const last = ranking.departments.at(-1)!;
    const deductions = (
      await harness.service
        .http()
        .get(`/api/v1/reports/assessment/${last.departmentId}/deductions?period=2025-Q1`)
        .set(auth)
        .expect(200)
    ).body as { items: { code: string }[] };
    expect(deductions.items.length).toBeGreaterThan(0);

    await page.getByRole('button', { name: `${last.name} 扣分明细` }).click();
    const drawer = page.getByTestId('assessment-deductions');
    await drawer.waitFor({ timeout: WAIT_MS });
    const table = drawer.locator('tbody tr.ant-table-row');
    await table.nth(deductions.items.length - 1).waitFor({ timeout: WAIT_MS });
    expect(await table.count()).toBe(deductions.items.length);
    expect(await table.first().innerText()).toContain(deductions.items[0]!.code);
    await screenshot(page, 'assessment-deductions-2025-Q1');
  });

  it('the admin page shows the weights in force and their history', async () => {
    const admin = await harness.newPage();
    await login(admin, 'admin', '/admin/assessment');
    const sum = admin.getByTestId('weights-sum');
    await sum.waitFor({ timeout: WAIT_MS });
    expect(await sum.innerText()).toContain('合计 100');
    expect(await admin.locator('body').innerText()).toContain('调整记录');
  });
});
