/**
 * The offline shell (issue 18, item 3): an official who has used the app once reloads it without
 * a network, opens the visit form, fills it in and submits: the draft is kept and the send is
 * retried; when the network returns the visit is sent at once (on the browser's `online` event,
 * not after the backoff) and recorded exactly once. Signing out drops what the worker kept.
 *
 * Browsers run service workers only in a secure context, so this story opens the service as
 * http://localhost (a secure context) rather than the harness's plain-HTTP intranet name.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { WEB_DIR } from '../../src/web/serve-web';
import { PHONE, STEP_TIMEOUT_MS, INTRANET_HOST, login, screenshot, useBrowserHarness } from './support';

jest.setTimeout(STEP_TIMEOUT_MS * 2);

/** Whether the worker controls the page and has kept a file whose URL matches `pattern` in a cache named `prefix…`. */
function kept(page: Page, prefix: string, pattern: string): Promise<boolean> {
  // In the page's own words (the test's TypeScript has no DOM types).
  return page.evaluate(`(async () => {
    if (!navigator.serviceWorker || !navigator.serviceWorker.controller) return false;
    for (const name of await caches.keys()) {
      if (!name.startsWith(${JSON.stringify(prefix)})) continue;
      const requests = await (await caches.open(name)).keys();
      if (requests.some((request) => new RegExp(${JSON.stringify(pattern)}).test(request.url))) return true;
    }
    return false;
  })()`);
}

/** What this browser holds under a localStorage key. */
const stored = (page: Page, key: string) =>
  page.evaluate(`localStorage.getItem(${JSON.stringify(key)})`) as Promise<string | null>;
/** The names of the caches the page's origin holds. */
const cacheNames = (page: Page) => page.evaluate('caches.keys()') as Promise<string[]>;

async function waitUntilKept(page: Page, prefix: string, pattern: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!(await kept(page, prefix, pattern))) {
    if (Date.now() > deadline) {
      // What the worker did instead, for the failure message.
      const state = await page.evaluate(`(async () => {
        const registration = await navigator.serviceWorker.getRegistration();
        const caches_ = {};
        for (const name of await caches.keys()) caches_[name] = (await (await caches.open(name)).keys()).map((r) => r.url);
        return JSON.stringify({
          registered: !!registration,
          active: registration && registration.active ? registration.active.state : null,
          controlled: !!navigator.serviceWorker.controller,
          caches: caches_,
        });
      })()`);
      throw new Error(`the service worker never kept ${pattern} in ${prefix}…: ${String(state)}`);
    }
    await page.waitForTimeout(250);
  }
}

/** The files the service worker of this build keeps for an official (dist/web/sw.js's manifest). */
function officialFiles(): string[] {
  const source = readFileSync(join(WEB_DIR, 'sw.js'), 'utf8');
  const manifest = JSON.parse(/const MANIFEST = (\{.*\});/.exec(source)![1]!) as { roles: { official: string[] } };
  expect(manifest.roles.official.length).toBeGreaterThan(0);
  return manifest.roles.official;
}

describe('the offline shell', () => {
  const harness = useBrowserHarness();

  it('opens the visit form offline, keeps the draft, and sends it once when the network returns', async () => {
    const context = await harness.browser.newContext({
      ...PHONE,
      baseURL: harness.baseUrl.replace(INTRANET_HOST, 'localhost'),
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    context.setDefaultTimeout(45_000);
    const page = await context.newPage();
    page.on('pageerror', (error) => harness.pageErrors.push(`${page.url()}: ${error.message}`));
    try {
      const official = await harness.user('official');
      const auth = await harness.auth('official');
      const [enterprise] = (await harness.service.http().get('/api/v1/me/enterprises').set(auth).expect(200)).body
        .items as { enterpriseId: string; name: string }[];

      // Online: sign in; the worker installs, keeps the shell and, told the role, the official's pages.
      await login(page, 'official');
      // Every file the build lists for an official (the visit form's among them).
      for (const file of officialFiles())
        await waitUntilKept(page, 'outreach-code-', `${file.replace(/[.]/g, '\\.')}$`);
      // A later visit, now through the worker: it keeps the reference data every user sees alike.
      await page.reload();
      await page.getByTestId('my-enterprise').first().waitFor(); // an official's home: 我的企业
      await waitUntilKept(page, 'outreach-reference', '/api/v1/categories$');

      // Offline: the reload opens the app, and the visit form opens with it.
      await context.setOffline(true);
      await page.reload();
      await page.locator('.user-name').waitFor();
      await page.goto(`/visits/new?enterpriseId=${enterprise!.enterpriseId}`);
      await page.getByTestId('visit-submit').waitFor();
      const purpose = `离线走访 ${Date.now()}`;
      await page.getByPlaceholder(/一季度包联走访/).fill(purpose);
      await page.getByTestId('visit-submit').click();
      await page.getByTestId('visit-retrying').waitFor();
      await screenshot(page, '13-official-phone-offline-retrying');
      const draftKey = `outreach.visitDraft.${official.id}.${enterprise!.enterpriseId}`;
      const draft = await stored(page, draftKey);
      expect(JSON.parse(draft!)).toMatchObject({ values: { purpose }, idempotencyKey: expect.any(String) });

      // Long enough offline that the backoff has grown past what the test waits below.
      await page
        .getByTestId('visit-retrying')
        .filter({ hasText: /第 ([5-9]|\d{2,}) 次/ })
        .waitFor({ timeout: 60_000 });
      const count = async () =>
        Number(
          (
            await harness.service.db.query<{ n: string }[]>('SELECT count(*) AS n FROM visits WHERE purpose = $1', [
              purpose,
            ])
          )[0]!.n,
        );
      expect(await count()).toBe(0);

      await context.setOffline(false);
      // Sent on the `online` event: well before the grown backoff (at least 8 s) would have run out.
      await page.getByTestId('visit-success').waitFor({ timeout: 5_000 });
      expect(await count()).toBe(1);
      expect(await stored(page, draftKey)).toBeNull();

      // Signing out drops the reference data the worker kept.
      // On the phone, sign-out is in the menu behind the user's button.
      await page.getByRole('button', { name: /^用户菜单：/ }).click();
      await page.getByRole('menuitem', { name: /退\s*出|Sign out/ }).click();
      await page.locator('#username').waitFor();
      for (let tries = 0; (await cacheNames(page)).includes('outreach-reference') && tries < 40; tries++) {
        await page.waitForTimeout(250);
      }
      expect(await cacheNames(page)).not.toContain('outreach-reference');
    } finally {
      await context.close();
    }
  });
});
