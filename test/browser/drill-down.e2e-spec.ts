/**
 * The drill-down in the browser, on the demo data: the 2025-Q1 resolution rate's card (91.3 %,
 * 116 / 127) opens its 127 problems, 116 of them marked 计入分子 (in the numerator), with the filter giving 116 and 11;
 * the manager publishes the figure and finds it on the published page; a department's bar opens
 * that department's items.
 */
import type { Locator, Page } from 'playwright-core';
import { STEP_TIMEOUT_MS, WAIT_MS, animationsDone, login, screenshot, useBrowserHarness } from './support';

jest.setTimeout(STEP_TIMEOUT_MS * 2);

interface PublishedRecord {
  id: string;
  figure: string;
  definition: string;
  period: { label: string };
  groupBy?: string;
  checksum: string;
  numerator: number;
  denominator: number;
}

/** Clicks 加载更多 until the drawer has every item, then gives the table's rows. */
async function allRows(drawer: Locator, expected: number): Promise<Locator> {
  const rows = drawer.getByTestId('drill-down-items').locator('tbody tr.ant-table-row');
  const more = drawer.getByRole('button', { name: '加载更多' });
  for (let loaded = 0; loaded < expected;) {
    await rows.nth(Math.min(loaded + 49, expected - 1)).waitFor({ timeout: WAIT_MS });
    loaded = await rows.count();
    if (loaded < expected) await more.click();
  }
  return rows;
}

/** The 计入分子 / 未计入分子 filter, then the count line once the table shows that many rows. */
async function filterCounted(drawer: Locator, label: string, expected: number): Promise<string> {
  await drawer.locator('.ant-segmented').getByText(label, { exact: true }).click();
  const shown = drawer.getByTestId('drill-down-shown');
  await shown.filter({ hasText: `共 ${expected} 项` }).waitFor({ timeout: WAIT_MS });
  await allRows(drawer, expected);
  return shown.innerText();
}

describe('the drill-down in the browser (demo data)', () => {
  const harness = useBrowserHarness();
  let page: Page;

  beforeAll(async () => {
    page = await harness.newPage();
    await login(page, 'manager', '/dashboard?period=2025-Q1');
  });

  it('opens the 91.3 % card: 127 problems, 116 counted, filtered 116 / 11, then publishes it', async () => {
    const card = page.getByRole('button', { name: /^办结率\s*91\.3%\s*116 \/ 127\s.*查看明细$/ });
    await card.waitFor({ timeout: WAIT_MS });
    expect(await page.getByTestId('definition-rate-resolution').innerText()).toBe('口径 resolution-rate/v1');
    await card.click();

    const drawer = page.getByTestId('drill-down');
    const counts = drawer.getByTestId('drill-down-counts');
    await counts.waitFor({ timeout: WAIT_MS });
    expect(await counts.innerText()).toMatch(/^116 \/ 127$/);
    expect(await drawer.getByTestId('drill-down-rate').innerText()).toBe('91.3%');
    expect(await drawer.getByTestId('definition-id').innerText()).toBe('resolution-rate/v1');
    const figureText = await drawer.getByTestId('drill-down-figure').innerText();
    expect(figureText).toContain('2025-Q1');
    // The quarter's end in the report time zone: 2025-04-01 00:00 in Asia/Shanghai.
    expect(figureText).toContain('2025/04/01 00:00');

    // The drawer as it opens, its first page of items shown (the docs' screenshot).
    await drawer.locator('.ant-table-row').first().waitFor({ timeout: WAIT_MS });
    await animationsDone(page);
    await screenshot(page, 'drill-down-2025-Q1');

    // Every item, page by page: 127 rows, 116 in the numerator and 11 not, each problem a link.
    const rows = await allRows(drawer, 127);
    expect(await rows.count()).toBe(127);
    expect(await drawer.getByTestId('counted').count()).toBe(116);
    expect(await drawer.getByTestId('not-counted').count()).toBe(11);
    expect(await rows.first().getByRole('link').first().getAttribute('href')).toMatch(/^\/problems\/[0-9a-f-]{36}$/);

    // The filter gives the same split, and the figure above it stays the card's.
    expect(await filterCounted(drawer, '未计入分子', 11)).toContain('其中计入分子 0 项');
    expect(await drawer.getByTestId('not-counted').count()).toBe(11);
    expect(await drawer.getByTestId('counted').count()).toBe(0);
    expect(await filterCounted(drawer, '计入分子', 116)).toContain('其中计入分子 116 项');
    expect(await drawer.getByTestId('counted').count()).toBe(116);
    expect(await drawer.getByTestId('not-counted').count()).toBe(0);
    expect(await counts.innerText()).toMatch(/^116 \/ 127$/);

    // Publish: the dialog repeats the numbers and the definition, and answers with the checksum.
    await page.getByTestId('publish').click();
    const dialog = page.getByRole('dialog', { name: '发布此数据' });
    await dialog.waitFor({ timeout: WAIT_MS });
    await animationsDone(page);
    const summary = await dialog.getByTestId('publish-summary').innerText();
    expect(summary).toMatch(/116 \/ 127/);
    expect(summary).toContain('91.3%');
    expect(summary).toContain('resolution-rate/v1');
    expect(summary).toContain('2025-Q1');
    await dialog.getByTestId('publish-note').fill('2025年第一季度调度会通报');
    await dialog.getByTestId('publish-confirm').click();
    const done = dialog.getByTestId('publish-done');
    await done.waitFor({ timeout: WAIT_MS });
    const published = (
      await harness.service
        .http()
        .get('/api/v1/reports/published')
        .set(await harness.auth('manager'))
        .expect(200)
    ).body as { items: PublishedRecord[] };
    // The demo data published this very figure already: publishing it again, with the same items,
    // answers that record (the service's 200), and no second one is made.
    const q1 = published.items.filter(
      (p) => p.figure === 'resolution-rate' && p.period.label === '2025-Q1' && !p.groupBy,
    );
    expect(q1).toHaveLength(1);
    const record = q1[0]!;
    expect(record).toMatchObject({ numerator: 116, denominator: 127, definition: 'resolution-rate/v1' });
    expect(await done.innerText()).toContain(record.checksum);

    // The link leads to the published figure's page, with its stored items.
    await done.getByRole('link', { name: '查看已发布数据' }).click();
    await page.waitForURL(`**/published/${record.id}`);
    await page.getByTestId('published-record-counts').waitFor({ timeout: WAIT_MS });
    expect(await page.getByTestId('published-record-counts').innerText()).toMatch(/^116 \/ 127$/);
    await page.getByTestId('reconciliation-difference').waitFor({ timeout: WAIT_MS });
    // The reconciliation is the API's: the figure now (problems resolved since the quarter's end
    // move into the numerator) beside the published one, and each moved problem with its reasons.
    const reconciliation = (
      await harness.service
        .http()
        .get(`/api/v1/reports/published/${record.id}/reconciliation`)
        .set(await harness.auth('manager'))
        .expect(200)
    ).body as { difference: { numerator: number; denominator: number }; moved: { code: string }[] };
    const sign = (n: number) => (n > 0 ? `+${n}` : String(n));
    const { difference } = reconciliation;
    expect(await page.getByTestId('reconciliation-difference').innerText()).toBe(
      `分子 ${sign(difference.numerator)}，分母 ${sign(difference.denominator)}`,
    );
    expect(reconciliation.moved.length).toBeGreaterThan(0);
    const moved = page.getByTestId('reconciliation-moved').locator('tbody tr.ant-table-row');
    await moved.nth(reconciliation.moved.length - 1).waitFor({ timeout: WAIT_MS });
    expect(await moved.count()).toBe(reconciliation.moved.length);
    expect(await moved.first().innerText()).toContain(reconciliation.moved[0]!.code);
    const stored = page.getByTestId('published-items').locator('tbody tr.ant-table-row');
    await stored.nth(49).waitFor({ timeout: WAIT_MS });
    await screenshot(page, 'published-figure-2025-Q1');

    // And in the list of published figures under 已发布数据.
    expect(await page.locator('header').innerText()).toContain('已发布数据');
    await page.goto('/published');
    const list = page.getByTestId('published-list');
    const row = list.locator('tbody tr.ant-table-row').filter({ hasText: record.checksum.slice(0, 12) });
    await row.waitFor({ timeout: WAIT_MS });
    const rowText = await row.innerText();
    expect(rowText).toMatch(/116 \/ 127/);
    expect(rowText).toContain('2025-Q1');
    expect(rowText).toContain('resolution-rate/v1');
    expect(rowText).toContain(record.checksum.slice(0, 12));
    await screenshot(page, 'published-figures');
  });

  it('opens a department’s drill-down from the department bars', async () => {
    await page.goto('/dashboard?period=2025-Q1');
    const picker = page.getByRole('combobox', { name: '各责任单位办结率：查看明细' });
    await picker.waitFor({ timeout: WAIT_MS });
    await page.getByTestId('rate-resolution').filter({ hasText: '/' }).waitFor({ timeout: WAIT_MS });
    await animationsDone(page);
    await picker.click();
    const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').first();
    await option.waitFor({ timeout: WAIT_MS });
    const text = await option.innerText();
    const [, name, resolved, recorded] = /^(.+) · .* \((\d+) \/ (\d+)\)$/.exec(text)!;
    await option.click();

    const drawer = page.getByTestId('drill-down');
    const counts = drawer.getByTestId('drill-down-counts');
    await counts.waitFor({ timeout: WAIT_MS });
    expect(await counts.innerText()).toBe(`${resolved} / ${recorded}`);
    expect(await page.locator('.ant-drawer-title').innerText()).toBe(name);
    expect(await drawer.getByTestId('drill-down-figure').innerText()).toContain(`责任单位: ${name}`);
    const rows = await allRows(drawer, Number(recorded));
    expect(await rows.count()).toBe(Number(recorded));
    expect(await drawer.getByTestId('counted').count()).toBe(Number(resolved));
    // Every item was with that department at the quarter's end.
    for (const cell of await rows.locator('td:nth-child(6)').allInnerTexts()) expect(cell).toBe(name);
    // The way to the same problems in the resolution list is kept.
    await drawer.getByRole('link', { name: '在问题清单中查看（当前状态）' }).click();
    await page.waitForURL(/\/problems\?.*departmentId=/);
  });

  it('opens the weekly report’s rates: the previous quarter’s 116 / 127 and the week’s own problems', async () => {
    await page.goto('/weekly?week=2025-W14');
    const previous = page.getByRole('button', { name: /^上季度最终办结率 \(2025-Q1\)\s*91\.3%\s*116 \/ 127\s/ });
    await previous.waitFor({ timeout: WAIT_MS });
    await previous.click();
    const drawer = page.getByTestId('drill-down');
    const counts = drawer.getByTestId('drill-down-counts');
    await counts.waitFor({ timeout: WAIT_MS });
    expect(await counts.innerText()).toBe('116 / 127');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden', timeout: WAIT_MS });

    // The week itself: the problems recorded in 2025-W14, as the API counts them.
    const week = (
      await harness.service
        .http()
        .get('/api/v1/reports/resolution-rate/items?period=2025-W14&limit=1')
        .set(await harness.auth('manager'))
        .expect(200)
    ).body as { numerator: number; total: number; period: { label: string } };
    expect(week.period.label).toBe('2025-W14');
    await page.getByTestId('weekly-rate-week-open').click();
    await counts.waitFor({ timeout: WAIT_MS });
    expect(await counts.innerText()).toBe(`${week.numerator} / ${week.total}`);
    expect(await drawer.getByTestId('drill-down-figure').innerText()).toContain('2025-W14');
  });
});
