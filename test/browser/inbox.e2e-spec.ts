/**
 * The inbox (issue 16): a handler on a phone sees a new assignment of their department with the
 * unread count on the bell and on the tab bar, opens it from the inbox, lands on the problem's
 * page, and the count goes down.
 */
import type { Page } from 'playwright-core';
import { login, PHONE, screenshot, STEP_TIMEOUT_MS, useBrowserHarness } from './support';

jest.setTimeout(STEP_TIMEOUT_MS);

describe('the inbox in the browser (demo data)', () => {
  const harness = useBrowserHarness();
  let page: Page;

  const unreadCount = async (username: string) =>
    (
      await harness.service
        .http()
        .get('/api/v1/notifications?unread=true&limit=1')
        .set(await harness.auth(username))
        .expect(200)
    ).body.unreadCount as number;

  beforeAll(async () => {
    page = await harness.newPage(PHONE);
    await login(page, 'handler-gxj', '/queue');
  });

  it('a handler sees the new assignment in the inbox with the unread badge, and opens it', async () => {
    const before = await unreadCount('handler-gxj');
    const handler = await harness.user('handler-gxj');
    const manager = await harness.auth('manager');
    const enterprises = await harness.service.http().get('/api/v1/enterprises?limit=1').set(manager).expect(200);
    const created = await harness.service
      .http()
      .post('/api/v1/problems')
      .set(manager)
      .send({
        enterpriseId: enterprises.body.items[0].id,
        title: '收件箱测试：厂区道路破损',
        category: 'factor_supply',
      })
      .expect(201);
    await harness.service
      .http()
      .post(`/api/v1/problems/${created.body.id}/assign`)
      .set(manager)
      .set('If-Match', '"1"')
      .send({ departmentId: handler.departmentId, dueInWorkingDays: 5 })
      .expect(200);
    expect(await unreadCount('handler-gxj')).toBe(before + 1);

    // The bell reads the count when the page comes back to the front (or within a minute).
    await page.reload();
    const expected = String(before + 1);
    await page.getByTestId('tab-unread').filter({ hasText: expected }).waitFor();
    await page.locator('[data-testid="notification-badge"] .ant-badge-count').filter({ hasText: expected }).waitFor();
    await screenshot(page, 'inbox-badge-phone');

    await page.getByRole('link', { name: `消息（${expected} 条未读）` }).click();
    const item = page.getByTestId('inbox-item').filter({ hasText: created.body.code });
    await item.waitFor();
    expect(await item.getAttribute('data-unread')).toBe('true');
    expect(await item.innerText()).toContain('新交办');
    await screenshot(page, 'inbox-phone');

    await item.getByRole('button', { name: new RegExp(created.body.code) }).click();
    await page.waitForURL(`**/problems/${created.body.id}`);
    await page.getByText('收件箱测试：厂区道路破损').first().waitFor();
    expect(await unreadCount('handler-gxj')).toBe(before);
  });
});
