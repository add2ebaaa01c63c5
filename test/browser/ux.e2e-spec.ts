/**
 * What the pages say when things go wrong, on a phone, and of a deadline: a failed read shows its
 * error and a retry in place of the data (never zeros or "nothing here" it did not receive); an
 * ended session asks for the password over the page and carries on, the visit being written
 * included; sign-in refusals say what happened; officials and handlers get a bottom bar on a
 * phone; an end-of-day deadline reads the same on the problem page, the list and the queue.
 */
import type { Page, Route } from 'playwright-core';
import { DEMO_PASSWORD, PHONE, STEP_TIMEOUT_MS, login, screenshot, useBrowserHarness } from './support';

jest.setTimeout(STEP_TIMEOUT_MS);

/** Answers a read as a busy or failing service would. */
const refuse = (status: 429 | 503) => (route: Route) =>
  route.fulfill({
    status,
    contentType: 'application/json',
    headers: status === 429 ? { 'Retry-After': '1' } : {},
    body: JSON.stringify(
      status === 429
        ? { statusCode: 429, code: 'RATE_LIMITED', message: 'too many requests', retryAfterSeconds: 1 }
        : { statusCode: 503, code: 'DATABASE_UNAVAILABLE', message: 'the database is unavailable' },
    ),
  });

/** Text that would claim data the page never received. */
const FAKE_DATA = [/(^|\D)0 \/ 0(\D|$)/, /本季度没有登记的问题/, /暂无预警/, /没有符合条件的问题/, /暂无待办问题/];

async function expectNoFakeData(page: Page): Promise<void> {
  const text = await page.locator('main, .ant-layout-content').first().innerText();
  for (const pattern of FAKE_DATA) expect(text).not.toMatch(pattern);
}

/** Clicks every retry button the errors show, until none is left. */
async function retryAll(page: Page): Promise<void> {
  const errors = page.getByTestId('query-error');
  for (let round = 0; round < 10 && (await errors.count()) > 0; round++) {
    await errors.first().getByRole('button', { name: '重试' }).click();
    await page.waitForTimeout(300);
  }
  await errors.first().waitFor({ state: 'detached' });
}

/** YYYY-MM-DD in Beijing, `days` from now. */
function beijingDay(days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
    new Date(Date.now() + days * 86_400_000),
  );
}

describe('failures, sessions, the phone and deadlines in the browser', () => {
  const harness = useBrowserHarness();
  let enterprise: { id: string; name: string };

  beforeAll(async () => {
    [enterprise] = await harness.service.db.query(`SELECT id, name FROM enterprises ORDER BY name LIMIT 1`);
  });

  describe('a failed read takes the place of its data', () => {
    let page: Page;

    beforeAll(async () => {
      page = await harness.newPage();
      await login(page, 'manager');
    });

    it('shows the dashboard’s errors with retries, no zeros, and recovers', async () => {
      await page.route('**/api/v1/reports/**', refuse(503));
      await page.route('**/api/v1/warnings**', refuse(429));
      await page.goto('/dashboard?period=2025-Q1');
      await page.getByTestId('query-error').first().waitFor();
      // The cards, the trend, the two group charts and the warnings: each replaced by its error.
      await page.getByTestId('query-error').nth(4).waitFor();
      expect(await page.getByTestId('rate-resolution').count()).toBe(0);
      await expectNoFakeData(page);
      await screenshot(page, 'ux-dashboard-failed');

      await page.unrouteAll();
      await retryAll(page);
      const api = await harness.service
        .http()
        .get('/api/v1/reports/resolution-rate?period=2025-Q1')
        .set(await harness.auth('manager'))
        .expect(200);
      await page
        .getByTestId('rate-resolution')
        .filter({ hasText: `${api.body.resolved} / ${api.body.recorded}` })
        .waitFor();
    });

    it('shows the list’s error instead of "no problems match", and recovers', async () => {
      await page.route('**/api/v1/problems?**', refuse(429));
      await page.goto('/problems');
      await page.getByTestId('query-error').waitFor();
      expect(await page.locator('.ant-table').count()).toBe(0);
      await expectNoFakeData(page);
      await page.unrouteAll();
      await retryAll(page);
      await page.locator('.ant-table-tbody a[href^="/problems/"]').first().waitFor();
    });

    it('shows the weekly report’s error when the network fails, and recovers', async () => {
      await page.route('**/api/v1/reports/weekly**', (route) => route.abort('internetdisconnected'));
      await page.goto('/weekly?week=2025-W14');
      await page.getByTestId('query-error').waitFor();
      expect(await page.locator('.weekly-section').count()).toBe(0);
      await page.unrouteAll();
      await retryAll(page);
      await page.locator('.weekly-section').first().waitFor();
    });

    it('shows the handler’s queue error instead of an empty queue, and recovers', async () => {
      const handler = await harness.newPage(PHONE);
      await login(handler, 'handler-gxj');
      await handler.getByTestId('queue-warnings').waitFor();
      await handler.route('**/api/v1/problems?**', refuse(503));
      await handler.route('**/api/v1/warnings**', refuse(503));
      await handler.reload();
      await handler.getByTestId('query-error').nth(1).waitFor();
      await expectNoFakeData(handler);
      expect(await handler.getByTestId('queue-warnings').count()).toBe(0);
      await handler.unrouteAll();
      await retryAll(handler);
      await handler.getByTestId('queue-warnings').waitFor();
      await handler.context().close();
    });
  });

  describe('an ended session', () => {
    it('asks an official to sign in again over the visit form, keeps the draft, and submits it', async () => {
      const page = await harness.newPage(PHONE);
      await login(page, 'official');
      await page.goto(`/visits/new?enterpriseId=${enterprise.id}`);
      await page.getByTestId('visit-enterprise').waitFor();
      const title = `会话过期后提交-${Date.now()}`;
      await page.getByTestId('add-problem').click();
      await page.getByTestId('problem-title-0').fill(title);
      await page.getByTestId('problem-category-0').click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();

      // The token is gone (expired, revoked or removed): the submit gets a 401.
      await page.evaluate("localStorage.removeItem('outreach.token')");
      await page.getByTestId('visit-submit').click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText('登录已失效').waitFor();
      expect(await dialog.getByTestId('session-kept').innerText()).toContain('草稿');
      // Still on the form, with what was typed.
      expect(page.url()).toContain('/visits/new');
      expect(await page.getByTestId('problem-title-0').inputValue()).toBe(title);
      await screenshot(page, 'ux-session-ended');

      await dialog.locator('input[type="password"]').fill(DEMO_PASSWORD);
      await dialog.getByRole('button', { name: '登录并继续' }).click();
      // The submit that got the 401 is sent again: the visit is saved, once.
      await page.getByTestId('visit-success').waitFor();
      const saved = await harness.service.db.query(`SELECT count(*)::int AS n FROM problems WHERE title = $1`, [title]);
      expect(saved[0].n).toBe(1);
      await page.context().close();
    });

    it('lets a manager carry on reading after signing in again, on the same page', async () => {
      const page = await harness.newPage();
      await login(page, 'manager');
      await page.goto('/problems');
      await page.locator('.ant-table-tbody a[href^="/problems/"]').first().waitFor();
      await page.evaluate("localStorage.setItem('outreach.token', 'expired.token.value')");
      await page.getByRole('button', { name: '下一页' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText('登录已失效').waitFor();
      await dialog.locator('input[type="password"]').fill('wrong-password');
      await dialog.getByRole('button', { name: '登录并继续' }).click();
      await dialog.getByText('用户名或密码不正确').waitFor();
      await dialog.locator('input[type="password"]').fill(DEMO_PASSWORD);
      await dialog.getByRole('button', { name: '登录并继续' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByText('第 2 页').waitFor();
      expect(new URL(page.url()).pathname).toBe('/problems');
      await page.context().close();
    });
  });

  describe('sign-in refusals', () => {
    it('asks for the username rather than calling it the wrong format', async () => {
      const page = await harness.newPage();
      await page.goto('/');
      await page.locator('button[type="submit"]').click();
      await page.getByText('请输入用户名').waitFor();
      expect(await page.locator('.ant-form').innerText()).not.toMatch(/格式/);
      await page.context().close();
    });

    it('warns before the last attempt, then says until when the account is locked', async () => {
      const page = await harness.newPage();
      await page.goto('/');
      const alert = page.getByTestId('login-error');
      const attempt = async (password: string) => {
        await page.locator('#username').fill('official2');
        await page.locator('#password').fill(password);
        await page.locator('button[type="submit"]').click();
        // Answered: the button is no longer busy and the answer is shown.
        await page.locator('button[type="submit"].ant-btn-loading').waitFor({ state: 'detached' });
        await alert.waitFor();
      };
      for (let i = 0; i < 3; i++) {
        await attempt(`wrong-${i}`);
        expect(await alert.innerText()).toContain('用户名或密码不正确');
        expect(await alert.innerText()).not.toContain('再错一次');
      }
      await attempt('wrong-3');
      await alert.filter({ hasText: '再错一次' }).waitFor();
      await attempt('wrong-4');
      await alert.filter({ hasText: /锁定至 \d{2}:\d{2}/ }).waitFor();
      // The right password while the lock holds: locked, and until when.
      await attempt(DEMO_PASSWORD);
      await alert.filter({ hasText: /账号已锁定，请于 \d{2}:\d{2} 后再试/ }).waitFor();
      // Until when: fifteen minutes after the lock began, in Beijing time (a minute either way).
      const shown = /(\d{2}:\d{2}) 后再试/.exec(await alert.innerText())![1];
      const clock = (offsetMinutes: number) =>
        new Intl.DateTimeFormat('en-GB', {
          timeZone: 'Asia/Shanghai',
          hour: '2-digit',
          minute: '2-digit',
          hourCycle: 'h23',
        }).format(new Date(Date.now() + offsetMinutes * 60_000));
      expect([clock(14), clock(15), clock(16)]).toContain(shown);
      await page.context().close();
    });

    it('tells a disabled user that the account is disabled', async () => {
      const user = await harness.user('handler-rsj');
      await harness.service
        .http()
        .patch(`/api/v1/users/${user.id}`)
        .set(await harness.auth('admin'))
        .send({ disabled: true })
        .expect(200);
      const page = await harness.newPage();
      await page.goto('/');
      await page.locator('#username').fill('handler-rsj');
      await page.locator('#password').fill(DEMO_PASSWORD);
      await page.locator('button[type="submit"]').click();
      await page.getByText('该账号已停用，请联系管理员').waitFor();
      await page.context().close();
    });
  });

  describe('on a phone (390 × 844)', () => {
    it('gives an official a bottom bar, the full name in a menu, and a folded long title', async () => {
      const page = await harness.newPage(PHONE);
      await login(page, 'official');
      const bar = page.getByRole('navigation', { name: '主导航' });
      await bar.waitFor();
      const box = (await bar.boundingBox())!;
      expect(box.y + box.height).toBeGreaterThan(844 - 2);
      for (const name of ['企业走访', '我登记的问题']) {
        const link = bar.getByRole('link', { name });
        expect(await link.isVisible()).toBe(true);
        expect(await link.locator('svg').count()).toBe(1);
      }
      // No menu folded behind "···".
      expect(await page.locator('.ant-menu-overflow-item-rest:visible').count()).toBe(0);
      await bar.getByRole('link', { name: '我登记的问题' }).click();
      await page.waitForURL('**/my-problems');

      const me = await harness.user('official');
      await page.getByRole('button', { name: `用户菜单：${me.displayName} · 包联干部` }).click();
      await page
        .getByTestId('user-menu-name')
        .filter({ hasText: `${me.displayName} · 包联干部` })
        .waitFor();
      await page.keyboard.press('Escape');

      const title = `${'园区道路及配套管网建设滞后影响企业物流运输和员工通勤'.repeat(8)}`.slice(0, 200);
      const created = await harness.service
        .http()
        .post('/api/v1/problems')
        .set(await harness.auth('official'))
        .send({ enterpriseId: enterprise.id, title, category: 'other' })
        .expect(201);
      await page.goto(`/problems/${created.body.id}`);
      const shown = page.getByTestId('problem-title');
      await shown.waitFor();
      const folded = (await shown.boundingBox())!;
      expect(folded.height).toBeLessThan(844 / 5);
      await screenshot(page, 'ux-phone-long-title');
      await page.getByRole('button', { name: '更多' }).click();
      await page.getByRole('button', { name: '收起' }).waitFor();
      expect((await shown.boundingBox())!.height).toBeGreaterThan(folded.height);
      await page.context().close();
    });

    it('gives a handler a bottom bar with the queue', async () => {
      const page = await harness.newPage(PHONE);
      await login(page, 'handler-gxj');
      const bar = page.getByRole('navigation', { name: '主导航' });
      await bar.getByRole('link', { name: '待办问题' }).waitFor();
      await screenshot(page, 'ux-phone-handler');
      await page.context().close();
    });
  });

  it('shows an end-of-day deadline the same on the problem page, the list and the queue', async () => {
    const official = await harness.auth('official');
    const manager = await harness.auth('manager');
    const handler = await harness.user('handler-gxj');
    const title = `时限显示一致-${Date.now()}`;
    const created = await harness.service
      .http()
      .post('/api/v1/problems')
      .set(official)
      .send({ enterpriseId: enterprise.id, title, category: 'other' })
      .expect(201);
    const day = beijingDay(20);
    const next = beijingDay(21);
    await harness.service
      .http()
      .post(`/api/v1/problems/${created.body.id}/assign`)
      .set(manager)
      .set('If-Match', `"${created.body.version}"`)
      .send({ departmentId: handler.departmentId, dueAt: `${next}T00:00:00+08:00` })
      .expect(200);
    const expected = `${day} 当日24时前`;

    const page = await harness.newPage();
    await login(page, 'manager');
    await page.goto(`/problems/${created.body.id}`);
    await page.locator('.deadline').first().waitFor();
    for (const text of await page.locator('.deadline').allInnerTexts()) expect(text).toBe(expected);

    await page.goto(`/problems?q=${encodeURIComponent(title)}`);
    const row = page.locator('.ant-table-tbody tr', { hasText: created.body.code });
    await row.waitFor();
    expect(await row.locator('.deadline').innerText()).toBe(expected);
    await page.context().close();

    const queue = await harness.newPage(PHONE);
    await login(queue, 'handler-gxj');
    const card = queue.getByTestId('queue-row').filter({ hasText: created.body.code });
    await queue.getByTestId('queue-row').first().waitFor();
    // The queue is ordered by deadline: read on until the problem is in it.
    for (let i = 0; i < 20 && (await card.count()) === 0; i++) {
      await queue.getByRole('button', { name: '加载更多' }).click();
      await queue.waitForTimeout(500);
    }
    await card.waitFor();
    expect(await card.locator('.deadline').innerText()).toBe(expected);
    await queue.context().close();
  });
});
