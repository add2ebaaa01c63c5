/**
 * The manager's resolution list on the demo data (issue 18, item 7): the total, the page kept in
 * the URL across a reload, the view back at the top after "next page", titles readable at 1440 px
 * with the whole title in a tooltip, the sort by working days overdue, the deadline earliest first
 * on its first click, named filters, and saved views kept by the service (issue 18, item 12): a
 * browser's old views move there once, and a view saved in one browser shows in another.
 */
import type { Page } from 'playwright-core';
import { animationsDone, login, screenshot, STEP_TIMEOUT_MS, useBrowserHarness } from './support';

jest.setTimeout(STEP_TIMEOUT_MS);

interface Item {
  id: string;
  code: string;
  title: string;
  daysOverdue: number;
  dueAt: string | null;
}

describe('the manager’s problem list in the browser (demo data)', () => {
  const harness = useBrowserHarness();
  let page: Page;

  beforeAll(async () => {
    page = await harness.newPage({ viewport: { width: 1440, height: 900 } });
    await login(page, 'manager', '/problems');
  });

  const api = async (query: string) =>
    (
      await harness.service
        .http()
        .get(`/api/v1/problems?${query}`)
        .set(await harness.auth('manager'))
        .expect(200)
    ).body as { items: Item[]; nextCursor: string | null; total?: number };
  const rowCodes = async () => page.locator('.ant-table-tbody tr.ant-table-row td:first-child').allInnerTexts();
  /** Waits until the table's first rows are `codes` (polled from the test: the page's CSP forbids eval). */
  const firstRows = async (codes: string[]) => {
    const deadline = Date.now() + 30_000;
    let seen: string[] = [];
    while (Date.now() < deadline) {
      seen = (await rowCodes()).slice(0, codes.length).map((code) => code.trim());
      if (seen.join(',') === codes.join(',')) return;
      await page.waitForTimeout(200);
    }
    expect(seen).toEqual(codes);
  };

  it('shows the total the API counts', async () => {
    const { total } = await api('withTotal=true&limit=1');
    expect(total).toBeGreaterThan(50);
    await page
      .getByTestId('list-total')
      .filter({ hasText: String(total) })
      .waitFor();
    expect(await page.getByTestId('list-total').innerText()).toBe(`共 ${total} 条`);
  });

  it('keeps the page in the URL: a reload returns to page 2, and the view is back at the top', async () => {
    const first = await api('limit=50');
    const second = await api(`limit=50&cursor=${encodeURIComponent(first.nextCursor!)}`);
    await firstRows(first.items.slice(0, 3).map((p) => p.code));

    await page.evaluate('window.scrollTo(0, document.body.scrollHeight)');
    expect(await page.evaluate('window.scrollY')).toBeGreaterThan(0);
    await page.getByRole('button', { name: '下一页' }).click();
    await firstRows(second.items.slice(0, 3).map((p) => p.code));
    // The cursor names the last row of page 1 (its walk instant is the page's own first request).
    const decode = (cursor: string | null) =>
      (JSON.parse(Buffer.from(cursor!, 'base64url').toString()) as string[]).slice(1);
    expect(decode(new URL(page.url()).searchParams.get('pages'))).toEqual(decode(first.nextCursor));
    expect(await page.evaluate('window.scrollY')).toBe(0);
    await page.getByText('第 2 页').waitFor();

    await page.reload();
    await firstRows(second.items.slice(0, 3).map((p) => p.code));
    await page.getByText('第 2 页').waitFor();

    await page.getByRole('button', { name: '上一页' }).click();
    await firstRows(first.items.slice(0, 3).map((p) => p.code));
    expect(new URL(page.url()).searchParams.get('pages')).toBeNull();
  });

  it('shows titles at 1440 px on up to two lines of about 280 px, the whole title in a tooltip', async () => {
    await page.goto('/problems');
    const { items } = await api('limit=50');
    const longest = [...items].sort((a, b) => b.title.length - a.title.length)[0]!;
    const cell = page
      .getByTestId('problem-title')
      .filter({ hasText: longest.title.slice(0, 6) })
      .first();
    const box = (await cell.boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(250);
    // No horizontal scroll bar at this width: the whole row fits.
    const overflow = await page
      .locator('.ant-table-content, .ant-table-body')
      .first()
      .evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await cell.getByRole('link').hover();
    const tooltip = page.getByRole('tooltip').filter({ hasText: longest.title });
    await tooltip.waitFor();
    expect(await tooltip.innerText()).toBe(longest.title);
    await screenshot(page, 'problem-list-1440');
  });

  it('sorts by working days overdue, most first, from its header', async () => {
    await page.goto('/problems');
    await page.locator('th', { hasText: '超期工作日' }).click();
    await page.waitForURL(/sort=-daysOverdue/);
    const expected = await api('sort=-daysOverdue&limit=50');
    expect(expected.items[0]!.daysOverdue).toBeGreaterThan(0);
    await firstRows(expected.items.slice(0, 5).map((p) => p.code));
    const header = page.locator('th', { hasText: '超期工作日' });
    expect(await header.getAttribute('aria-sort')).toBe('descending');
  });

  it('sorts the deadline earliest first on its first click', async () => {
    await page.goto('/problems');
    await page.locator('th', { hasText: '办理时限' }).click();
    await page.waitForURL(/sort=dueAt/);
    const expected = await api('sort=dueAt&limit=50');
    await firstRows(expected.items.slice(0, 5).map((p) => p.code));
    const dues = expected.items.map((p) => p.dueAt).filter((d): d is string => d !== null);
    expect(dues.length).toBeGreaterThan(1);
    expect(Date.parse(dues[0]!)).toBeLessThanOrEqual(Date.parse(dues[dues.length - 1]!));
    expect(await rowCodes()).toHaveLength(expected.items.length);
  });

  it('names every combobox of the filter bar', async () => {
    for (const name of ['状态', '责任单位', '县区', '问题类别', '是否超期', '是否督办', '登记人', '每页条数']) {
      expect({ name, count: await page.getByRole('combobox', { name, exact: true }).count() }).toEqual({
        name,
        count: 1,
      });
    }
  });
  it('keeps saved views in the service: old browser views move there, and a second browser sees them', async () => {
    const manager = await harness.user('manager');
    const auth = await harness.auth('manager');
    const stored = async () =>
      (await harness.service.http().get('/api/v1/me/saved-views').set(auth).expect(200)).body as {
        name: string;
        query: string;
      }[];
    /** Polls the service until `name` is among the manager's views (the page saves in the background). */
    const storedView = async (name: string) => {
      const deadline = Date.now() + 30_000;
      let names: string[] = [];
      while (Date.now() < deadline) {
        const views = await stored();
        const found = views.find((view) => view.name === name);
        if (found) return found;
        names = views.map((view) => view.name);
        await page.waitForTimeout(200);
      }
      throw new Error(`no saved view ${name} among ${names.join(', ')}`);
    };
    const legacyKey = `outreach.problemViews.${manager.id}`;

    // A view this browser kept before the service did: the next visit moves it, then forgets it here.
    await page.evaluate(
      `localStorage.setItem(${JSON.stringify(legacyKey)}, ${JSON.stringify(
        JSON.stringify([{ name: '本机旧视图', search: 'overdue=true' }]),
      )})`,
    );
    await page.goto('/problems');
    expect(await storedView('本机旧视图')).toMatchObject({ query: 'overdue=true' });
    // The service commits the view before the page has its answer and forgets the local copy: wait for that.
    const legacyLeft = async () => page.evaluate(`localStorage.getItem(${JSON.stringify(legacyKey)})`);
    const forgetBy = Date.now() + 10_000;
    while ((await legacyLeft()) !== null && Date.now() < forgetBy) await page.waitForTimeout(100);
    expect(await legacyLeft()).toBeNull();

    // Saved through the page in this browser…
    await page.goto('/problems?escalated=true');
    await page.getByRole('button', { name: '保存当前视图' }).click();
    await page.getByPlaceholder('视图名称，如“超期督办”').waitFor();
    // The dialog zooms in: a click before it has settled may not register.
    await animationsDone(page);
    await page.getByPlaceholder('视图名称，如“超期督办”').fill('已督办的问题');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /^保\s*存$/ })
      .click();
    await page.getByText('已保存视图“已督办的问题”').waitFor();
    expect(await storedView('已督办的问题')).toMatchObject({ query: 'escalated=true' });

    // …and picked in another browser (its own storage, its own sign-in) as the same user.
    const second = await harness.newPage({ viewport: { width: 1440, height: 900 } });
    try {
      await login(second, 'manager', '/problems');
      await second.getByRole('combobox', { name: '已保存的视图' }).click();
      const option = (name: string) =>
        second.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${name}"]`);
      await option('本机旧视图').waitFor();
      await option('已督办的问题').click();
      await second.waitForURL(/escalated=true/);
      await screenshot(second, 'saved-views-second-browser');
    } finally {
      await second.context().close();
    }
  });
});
