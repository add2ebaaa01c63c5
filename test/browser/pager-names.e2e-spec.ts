/**
 * Issue 18, item 12, on the demo data: every pager names its buttons in the page's language. Each
 * list page is opened by a user who sees it, in Chinese and then in English, and every pager
 * control on it is read by its accessible name (what a screen reader says): antd's table pagers
 * (上一页, 第 2 页, 向后 5 页 …), the resolution list's and the project ledger's own pagers and the
 * "load more" of the keyset lists. None may be named by an icon ("left", "double-right"), by a bare
 * number, or in the other language.
 */
import type { Page } from 'playwright-core';
import { DESKTOP, login, PHONE, STEP_TIMEOUT_MS, useBrowserHarness, WAIT_MS } from './support';

jest.setTimeout(STEP_TIMEOUT_MS * 3);

type Lang = 'zh' | 'en';

/** Whether a name is in the language: Chinese with no Latin letters, or English with no Chinese. */
function inLanguage(name: string, lang: Lang): boolean {
  const chinese = /[\u4e00-\u9fff]/.test(name);
  const latin = /[A-Za-z]/.test(name);
  return lang === 'zh' ? chinese && !latin : latin && !chinese;
}

/** The accessible names of the buttons in an aria snapshot (`- button "上一页"`). */
function buttonNames(snapshot: string): string[] {
  return [...snapshot.matchAll(/- button "((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]!);
}

interface Found {
  /** Every pager control's accessible name. */
  names: string[];
  /** How many antd pager items (arrows, numbers, jumps) the page has: each must be among the names. */
  antdItems: number;
}

/** Reads every pager control of the page once its list has arrived. */
async function pagerControls(page: Page): Promise<Found> {
  const names: string[] = [];
  const pagers = page.locator('.ant-pagination');
  let antdItems = 0;
  for (let i = 0; i < (await pagers.count()); i++) {
    const pager = pagers.nth(i);
    antdItems += await pager
      .locator(
        'li.ant-pagination-prev, li.ant-pagination-next, li.ant-pagination-item, li[class*="ant-pagination-jump"]',
      )
      .count();
    names.push(...buttonNames(await pager.ariaSnapshot()));
  }
  // The pagers of our own (text buttons; antd's arrows, read above, have none).
  const custom = page.locator('button').filter({ hasText: /^(?:上一页|下一页|加载更多|Previous|Next|Load more)$/ });
  for (let i = 0; i < (await custom.count()); i++) {
    const snapshot = await custom.nth(i).ariaSnapshot();
    names.push(...buttonNames(snapshot));
  }
  return { names, antdItems };
}

/** Every button in the main region named after an icon (antd's arrows name themselves so). */
async function iconNamedButtons(page: Page): Promise<string[]> {
  const names = buttonNames(await page.locator('main').ariaSnapshot());
  return names.filter((name) => /^(?:left|right|double-left|double-right|ellipsis)(?: ellipsis)?$/i.test(name));
}

async function setLanguage(page: Page, lang: Lang): Promise<void> {
  // A function, not a string (the page's CSP forbids evaluating strings); the test has no DOM types.
  await page.evaluate((value) => {
    (globalThis as unknown as { localStorage: { setItem(key: string, value: string): void } }).localStorage.setItem(
      'outreach.lang',
      value,
    );
  }, lang);
}

interface ListPage {
  path: string;
  user: string;
  phone?: boolean;
  /** What shows the list has arrived. */
  ready: string;
  /** The pager controls the page must have with the demo data, at the least, in Chinese. */
  expected: string[];
}

const PAGES: ListPage[] = [
  { path: '/problems', user: 'manager', ready: '[data-testid="problem-title"]', expected: ['上一页', '下一页'] },
  { path: '/projects', user: 'manager', ready: '.ant-table-row', expected: ['上一页', '下一页'] },
  { path: '/dashboard', user: 'manager', ready: '.ant-pagination', expected: ['上一页', '下一页', '第 2 页'] },
  { path: '/weekly', user: 'manager', ready: '.ant-pagination', expected: ['上一页', '下一页', '第 2 页'] },
  { path: '/visits', user: 'manager', ready: '.ant-table-row', expected: ['加载更多'] },
  { path: '/admin/users', user: 'admin', ready: '.ant-table-row', expected: [] },
  { path: '/queue', user: 'handler-gxj', ready: 'main h1', expected: [] },
  {
    path: '/enterprises',
    user: 'official',
    phone: true,
    ready: '[data-testid="enterprise-row"]',
    expected: ['加载更多'],
  },
  { path: '/my-problems', user: 'official', phone: true, ready: 'main h1', expected: [] },
  { path: '/my-visits', user: 'official', phone: true, ready: 'main h1', expected: [] },
];

const ENGLISH: Record<string, string> = {
  上一页: 'Previous',
  下一页: 'Next',
  加载更多: 'Load more',
  '第 2 页': 'Page 2',
};

describe('pager buttons named in the page’s language (demo data)', () => {
  const harness = useBrowserHarness();
  const checked: string[] = [];

  afterAll(() => console.log(`Pager controls checked:\n${checked.join('\n')}`));

  for (const list of PAGES) {
    it(`${list.path} (${list.user}): every pager control named in Chinese, then in English`, async () => {
      const page = await harness.newPage(list.phone ? PHONE : DESKTOP);
      try {
        await login(page, list.user, list.path);
        for (const lang of ['zh', 'en'] as const) {
          if (lang === 'en') {
            await setLanguage(page, 'en');
            await page.reload();
          }
          await page.locator(list.ready).first().waitFor({ timeout: WAIT_MS });
          // Whatever is still loading (the page's other queries) settles before the names are read.
          await page.waitForLoadState('networkidle');
          const found = await pagerControls(page);
          checked.push(
            `  ${list.path} ${lang}: ${found.names.map((n) => `“${n}”`).join(', ') || '(no pager: one page)'}`,
          );
          for (const name of found.names)
            expect({ name, lang, ok: inLanguage(name, lang) }).toEqual({ name, lang, ok: true });
          // Every antd pager item is a named button, none left to its icon or bare number.
          expect(found.names.length).toBeGreaterThanOrEqual(found.antdItems);
          expect(await iconNamedButtons(page)).toEqual([]);
          for (const zh of list.expected) {
            const name = lang === 'zh' ? zh : ENGLISH[zh]!;
            expect(found.names.some((n) => n === name || n.startsWith(`${name} `))).toBe(true);
          }
        }
        // A pager that turns: the next page of an antd pager is page 2, named so, and it answers.
        const second = page.getByRole('button', { name: 'Page 2', exact: true });
        if (await second.count()) {
          await page.getByRole('button', { name: 'Next page', exact: true }).first().click();
          await page.locator('.ant-pagination-item-active').filter({ hasText: '2' }).first().waitFor();
        }
      } finally {
        await setLanguage(page, 'zh').catch(() => undefined);
        await page.context().close();
      }
    });
  }
});
