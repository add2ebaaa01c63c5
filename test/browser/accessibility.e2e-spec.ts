/**
 * Accessibility (WCAG 2.1 AA as the bar) on the demo data: axe-core run in Chromium on every main
 * page of every role, failing on any serious or critical violation and printing the counts; then
 * what axe cannot see: one h1 and a distinct document title per page, the skip link, focus given
 * back when a dialog closes, the chart drill-down by keyboard and the calendar's days named in full.
 *
 * To check another page, add it to A11Y_PAGES below: a name, the demo user (null: signed out),
 * the path (or a function of the harness that finds one), and text that shows once it has loaded.
 */
import axe from 'axe-core';
import type { Page } from 'playwright-core';
import {
  animationsDone,
  type BrowserHarness,
  DESKTOP,
  login,
  PHONE,
  STEP_TIMEOUT_MS,
  useBrowserHarness,
} from './support';

jest.setTimeout(STEP_TIMEOUT_MS * 3);

/** An enterprise the official answers for, and the latest visit the manager can read. */
const myEnterprise = async (harness: BrowserHarness) => {
  const res = await harness.service
    .http()
    .get('/api/v1/me/enterprises')
    .set(await harness.auth('official'));
  return `/enterprises/${(res.body as { items: { enterpriseId: string }[] }).items[0]!.enterpriseId}`;
};
const firstVisit = async (harness: BrowserHarness) => {
  const res = await harness.service
    .http()
    .get('/api/v1/visits?limit=1')
    .set(await harness.auth('manager'));
  return `/visits/${(res.body as { items: { id: string }[] }).items[0]!.id}`;
};

export interface A11yPage {
  name: string;
  /** The demo user who opens it; null for the sign-in page. */
  user: string | null;
  path: string | ((harness: BrowserHarness) => Promise<string>);
  /** Text on the page once its data has loaded. */
  ready: string;
  phone?: boolean;
}

/** The first problem the manager's list shows, and an enterprise the official looks after. */
const firstProblem = async (harness: BrowserHarness) => {
  const res = await harness.service
    .http()
    .get('/api/v1/problems?limit=1')
    .set(await harness.auth('manager'));
  return `/problems/${(res.body as { items: { id: string }[] }).items[0]!.id}`;
};
const visitForm = async (harness: BrowserHarness) => {
  const res = await harness.service
    .http()
    .get('/api/v1/enterprises?limit=1')
    .set(await harness.auth('official'));
  return `/visits/new?enterpriseId=${(res.body as { items: { id: string }[] }).items[0]!.id}`;
};

/** The 2025-Q1 resolution rate published (or found already published) by the manager: its page. */
const publishedFigure = async (harness: BrowserHarness) => {
  const res = await harness.service
    .http()
    .post('/api/v1/reports/published')
    .set(await harness.auth('manager'))
    .send({ figure: 'resolution-rate', period: '2025-Q1' });
  return `/published/${(res.body as { id: string }).id}`;
};

export const A11Y_PAGES: A11yPage[] = [
  { name: 'sign-in', user: null, path: '/', ready: '用户名' },
  { name: 'official: enterprises', user: 'official', path: '/enterprises', ready: '企业走访', phone: true },
  { name: 'official: visit form', user: 'official', path: visitForm, ready: '记录走访', phone: true },
  { name: 'official: my problems', user: 'official', path: '/my-problems', ready: '我登记的问题', phone: true },
  { name: 'official: my enterprises', user: 'official', path: '/my-enterprises', ready: '我的企业', phone: true },
  { name: 'official: my visits', user: 'official', path: '/my-visits', ready: '我的走访', phone: true },
  { name: 'official: enterprise page', user: 'official', path: myEnterprise, ready: '上次走访', phone: true },
  { name: 'handler: queue', user: 'handler-gxj', path: '/queue', ready: '待办问题' },
  // Ready once the last card to load, the assessment ranking, shows its download button.
  { name: 'manager: dashboard', user: 'manager', path: '/dashboard?period=2025-Q1', ready: '导出表格' },
  { name: 'manager: problem list', user: 'manager', path: '/problems', ready: '共 ' },
  { name: 'manager: problem page', user: 'manager', path: firstProblem, ready: '流转记录' },
  { name: 'manager: weekly report', user: 'manager', path: '/weekly?week=2025-W14', ready: '走访情况' },
  { name: 'manager: visits', user: 'manager', path: '/visits', ready: '走访记录' },
  { name: 'manager: a visit', user: 'manager', path: firstVisit, ready: '修正记录' },
  { name: 'manager: responsibilities', user: 'manager', path: '/responsibilities', ready: '包联关系' },
  { name: 'manager: supervision', user: 'manager', path: '/supervision', ready: '督办事项' },
  { name: 'manager: published figures', user: 'manager', path: '/published', ready: '已发布数据' },
  { name: 'manager: a published figure', user: 'manager', path: publishedFigure, ready: '差异' },
  { name: 'admin: users', user: 'admin', path: '/admin/users', ready: '用户管理' },
  { name: 'admin: reference data', user: 'admin', path: '/admin/reference', ready: '基础数据' },
  { name: 'admin: calendar', user: 'admin', path: '/admin/calendar?year=2025', ready: '工作日历' },
  { name: 'admin: assessment weights', user: 'admin', path: '/admin/assessment', ready: '合计 100' },
];

type Impact = 'critical' | 'serious' | 'moderate' | 'minor';
interface Violation {
  id: string;
  impact: Impact | null;
  help: string;
  targets: string[];
}

/**
 * Waits until nothing on the page is still loading (skeletons, loading cards, spinners) and every
 * finite animation or transition has run to its end: axe judges contrast on the colours it
 * computes, and a card fading in is, for a moment, too pale.
 */
async function settled(page: Page): Promise<void> {
  // A locator, not waitForFunction: the page's CSP refuses the string evaluation that polls with.
  await page
    .locator('.ant-skeleton, .ant-card-loading-content, .ant-spin-spinning')
    .first()
    .waitFor({ state: 'detached' });
  await animationsDone(page);
}

/** axe-core's violations on the page as it stands (the script evaluated in the page, not a tag the CSP would refuse). */
async function axeViolations(page: Page): Promise<Violation[]> {
  await page.evaluate(axe.source);
  // A string, so that the test's TypeScript (no DOM library) leaves the page's globals alone.
  const options = {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    resultTypes: ['violations'],
  };
  const violations = (await page.evaluate(
    `window.axe.run(document, ${JSON.stringify(options)}).then((result) => result.violations)`,
  )) as axe.Result[];
  return violations.map((v) => ({
    id: v.id,
    impact: (v.impact ?? null) as Impact | null,
    help: v.help,
    targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
  }));
}

describe('accessibility of every main page', () => {
  const harness = useBrowserHarness();
  const pages = new Map<string, Page>();

  /** One signed-in page per user (a sign-in costs a password hash). */
  async function pageFor(entry: A11yPage): Promise<Page> {
    const key = `${entry.user ?? '-'}:${entry.phone ? 'phone' : 'desktop'}`;
    let page = pages.get(key);
    if (!page) {
      page = await harness.newPage(entry.phone ? PHONE : DESKTOP);
      if (entry.user) await login(page, entry.user);
      pages.set(key, page);
    }
    return page;
  }

  async function open(entry: A11yPage): Promise<Page> {
    const page = await pageFor(entry);
    const path = typeof entry.path === 'string' ? entry.path : await entry.path(harness);
    await page.goto(path);
    await page.getByText(entry.ready).first().waitFor();
    // A menu entry can carry the ready text before the page's own chunk has drawn its heading.
    await page.locator('h1').first().waitFor();
    await settled(page);
    return page;
  }

  // One visit of each page for both checks: the pages are the slowest part of the browser tests.
  it('has no serious or critical axe-core violation on any page, and gives each one h1 and a title of its own', async () => {
    const counts: Record<string, Record<Impact, number>> = {};
    const failures: string[] = [];
    const headings: { page: string; h1: number }[] = [];
    const titles = new Map<string, string>();
    for (const entry of A11Y_PAGES) {
      const page = await open(entry);
      const violations = await axeViolations(page);
      const count: Record<Impact, number> = { critical: 0, serious: 0, moderate: 0, minor: 0 };
      for (const v of violations) {
        count[v.impact ?? 'minor'] += 1;
        if (v.impact === 'serious' || v.impact === 'critical') {
          failures.push(`${entry.name}: [${v.impact}] ${v.id} (${v.help}) at ${v.targets.join(' | ')}`);
        }
      }
      counts[entry.name] = count;
      headings.push({ page: entry.name, h1: await page.locator('h1').count() });
      titles.set(entry.name, await page.title());
    }
    console.log(
      `axe-core ${axe.version}, violated rules per page (critical/serious/moderate/minor):\n` +
        Object.entries(counts)
          .map(([name, c]) => `  ${name.padEnd(28)} ${c.critical}/${c.serious}/${c.moderate}/${c.minor}`)
          .join('\n'),
    );
    expect(Object.keys(counts)).toHaveLength(A11Y_PAGES.length);
    expect(failures).toEqual([]);
    expect(headings).toEqual(A11Y_PAGES.map((entry) => ({ page: entry.name, h1: 1 })));
    for (const title of titles.values()) expect(title).toContain('包联走访');
    expect(new Set(titles.values()).size).toBe(A11Y_PAGES.length);
  });
});

describe('keyboard and screen-reader paths axe cannot judge', () => {
  const harness = useBrowserHarness();
  let manager: Page;
  let admin: Page;

  beforeAll(async () => {
    manager = await harness.newPage(DESKTOP);
    await login(manager, 'manager', '/problems');
    admin = await harness.newPage(DESKTOP);
    await login(admin, 'admin', '/admin/users');
  });

  const focused = (page: Page) =>
    page.evaluate(
      `(() => { const e = document.activeElement; return { tag: e.tagName, id: e.id, text: (e.innerText || '').trim(), inMain: !!e.closest('#main-content') }; })()`,
    ) as Promise<{ tag: string; id: string; text: string; inMain: boolean }>;

  it('offers a skip link as the first Tab stop, which moves the focus to the main content', async () => {
    await manager.goto('/problems');
    await manager.getByTestId('list-total').waitFor();
    await manager.keyboard.press('Tab');
    expect(await focused(manager)).toMatchObject({ tag: 'A', text: '跳到主要内容' });
    await manager.keyboard.press('Enter');
    expect(await focused(manager)).toMatchObject({ id: 'main-content' });
    await manager.keyboard.press('Tab');
    expect((await focused(manager)).inMain).toBe(true);
    // The language button is named in the page's language, its visible text included.
    expect(await manager.getByRole('button', { name: 'EN 切换为英文界面' }).count()).toBe(1);
  });

  it('gives the focus back to the button that opened a dialog when it closes', async () => {
    await admin.goto('/admin/users');
    const opener = admin.getByRole('button', { name: '新建用户' });
    await opener.focus();
    await admin.keyboard.press('Enter');
    await admin.getByRole('dialog').waitFor();
    await admin.keyboard.press('Escape');
    await admin.getByRole('dialog').waitFor({ state: 'hidden' });
    await admin.waitForFunction(`document.activeElement && document.activeElement.innerText.trim() === '新建用户'`);
    expect(await focused(admin)).toMatchObject({ tag: 'BUTTON', text: '新建用户' });
  });

  it('opens a district’s drill-down from the dashboard by keyboard, not only by clicking a bar', async () => {
    await manager.goto('/dashboard?period=2025-Q1');
    const picker = manager.getByRole('combobox', { name: '各县区办结率：查看明细' });
    await picker.waitFor();
    await settled(manager);
    await picker.focus();
    await manager.keyboard.press('ArrowDown');
    await manager.keyboard.press('Enter');
    const drawer = manager.getByTestId('drill-down');
    await drawer.getByTestId('drill-down-counts').waitFor();
    // The drawer keeps the way to the same problems in the resolution list, as the bars had.
    await drawer.getByRole('link', { name: '在问题清单中查看（当前状态）' }).focus();
    await manager.keyboard.press('Enter');
    await manager.waitForURL(/\/problems\?.*district=/);
  });

  it('opens the resolution rate’s items from its card by keyboard', async () => {
    await manager.goto('/dashboard?period=2025-Q1');
    const card = manager.getByRole('button', { name: /^办结率\s*91\.3%\s*116 \/ 127\s.*查看明细$/ });
    await card.waitFor();
    await settled(manager);
    await card.focus();
    await manager.keyboard.press('Enter');
    const counts = manager.getByTestId('drill-down').getByTestId('drill-down-counts');
    await counts.waitFor();
    expect(await counts.innerText()).toMatch(/116\s*\/\s*127/);
    await manager.getByTestId('drill-down-items').getByTestId('counted').first().waitFor();
    await settled(manager);
    // The drawer itself, open over the dashboard, passes axe as the pages do.
    const serious = (await axeViolations(manager)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious).toEqual([]);
    await manager.keyboard.press('Escape');
    await manager.getByTestId('drill-down').waitFor({ state: 'hidden' });
  });

  it('ranks departments without 未交办, and shows each rate with its counts', async () => {
    await manager.goto('/dashboard?period=2025-Q1');
    const picker = manager.getByRole('combobox', { name: '各责任单位办结率：查看明细' });
    // The figures first: a card that draws after the click would close the list again.
    await picker.waitFor();
    await settled(manager);
    // The list opens after the click and fills from the figures: wait for its options before reading
    // them. On a busy machine a late redraw of the page can still close it between the two, so the
    // list is opened again (at most three times) until its options are read while it is open.
    const option = manager.locator('.ant-select-dropdown:visible .ant-select-item-option');
    let options: string[] = [];
    for (let attempt = 0; attempt < 3 && options.length === 0; attempt++) {
      await picker.click();
      await option.first().waitFor();
      options = await option.allInnerTexts();
      await manager.keyboard.press('Escape');
      if (options.length === 0) await settled(manager);
    }
    expect(options.length).toBeGreaterThan(2);
    for (const option of options) expect(option).toMatch(/\(\d+ \/ \d+\)$/);
    const unassigned = options.findIndex((o) => o.startsWith('未交办'));
    if (unassigned !== -1) expect(unassigned).toBe(options.length - 1);
  });

  it('names each calendar day in full: date, weekday and kind of day', async () => {
    await admin.goto('/admin/calendar?year=2025');
    const newYear = admin.getByRole('button', { name: /^2025年1月1日 星期三 节假日/ });
    await newYear.waitFor();
    expect(await admin.getByRole('button', { name: /^2025年1月4日 星期六 休息日$/ }).count()).toBe(1);
    expect(await admin.getByRole('button', { name: /^2025年1月6日 星期一 工作日$/ }).count()).toBe(1);
  });
});
