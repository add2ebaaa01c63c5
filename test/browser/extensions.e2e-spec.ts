/**
 * Extension requests (延期申请, issue 15) in a real browser on the demo data: a department's
 * handler asks for a later deadline from the problem page, a manager approves it from the
 * extension requests page, and the problem page shows both the first deadline and the extended one.
 */
import { animationsDone, DESKTOP, STEP_TIMEOUT_MS, WAIT_MS, login, screenshot, useBrowserHarness } from './support';

jest.setTimeout(STEP_TIMEOUT_MS);

describe('an extension request, from the handler to the manager and back', () => {
  const harness = useBrowserHarness();

  it('a handler requests an extension, a manager approves it, the problem page shows both deadlines', async () => {
    const manager = await harness.auth('manager');
    const handler = await harness.user('handler-gxj');
    const http = () => harness.service.http();

    // A new problem assigned to the handler's department, due in ten days.
    const enterprises = await http().get('/api/v1/enterprises').query({ limit: 1 }).set(manager).expect(200);
    const enterpriseId = (enterprises.body.items as { id: string }[])[0]!.id;
    const created = await http()
      .post('/api/v1/problems')
      .set(manager)
      .send({ enterpriseId, title: '延期测试：厂区道路改造需省级审批', category: 'approvals' })
      .expect(201);
    const firstDue = new Date(Date.now() + 10 * 86_400_000).toISOString();
    const assigned = await http()
      .post(`/api/v1/problems/${created.body.id}/assign`)
      .set(manager)
      .set('If-Match', '"1"')
      .send({ departmentId: handler.departmentId, dueAt: firstDue })
      .expect(200);
    expect(assigned.body.signForDueAt).not.toBeNull();

    // The handler opens it: the sign-for deadline is shown, and asks for 30 more days.
    const handlerPage = await harness.newPage(DESKTOP);
    await login(handlerPage, 'handler-gxj', `/problems/${created.body.id}`);
    await handlerPage.getByTestId('problem-sign-for-due').waitFor({ timeout: WAIT_MS });
    expect(await handlerPage.getByTestId('problem-signed-for').innerText()).toBe('未签收');
    await handlerPage.getByTestId('action-request_extension').click();
    await handlerPage.getByTestId('action-submit').waitFor();
    await animationsDone(handlerPage);
    const asked = new Date(Date.now() + 40 * 86_400_000);
    const askedDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(asked); // YYYY-MM-DD
    await handlerPage.getByTestId('action-extend-to').click();
    await handlerPage.keyboard.type(askedDay);
    await handlerPage.keyboard.press('Enter');
    await handlerPage.getByTestId('action-note').fill('需报省自然资源厅审批，预计一个月');
    const requested = handlerPage.waitForResponse(
      (r) => r.request().method() === 'POST' && r.url().endsWith('/request-extension'),
    );
    await handlerPage.getByTestId('action-submit').click();
    expect((await requested).status()).toBe(200);
    await handlerPage.getByTestId('problem-pending-extension').waitFor({ timeout: WAIT_MS });
    await handlerPage
      .locator('[data-testid="timeline-event"][data-type="request_extension"]')
      .filter({ hasText: '申请延期' })
      .waitFor();

    // The manager sees it among the pending requests and approves it.
    const managerPage = await harness.newPage(DESKTOP);
    await login(managerPage, 'manager', '/extensions');
    const row = managerPage.locator('[data-testid="extensions-table"] tr').filter({ hasText: created.body.code });
    await row.waitFor({ timeout: WAIT_MS });
    expect(await row.innerText()).toContain('需报省自然资源厅审批');
    await screenshot(managerPage, '30-manager-extension-requests');
    await row.getByTestId('extension-approve').click();
    await managerPage.getByTestId('extension-decision-text').fill('同意延期，请按新时限办结');
    const approved = managerPage.waitForResponse(
      (r) => r.request().method() === 'POST' && r.url().endsWith('/approve-extension'),
    );
    await managerPage.getByTestId('extension-decision-submit').click();
    expect((await approved).status()).toBe(200);
    await row.waitFor({ state: 'detached', timeout: WAIT_MS });

    // Back on the handler's page: the first deadline and the extended one, side by side.
    await handlerPage.reload();
    const first = handlerPage.getByTestId('problem-first-due');
    const extended = handlerPage.getByTestId('problem-extended-to');
    await extended.waitFor({ timeout: WAIT_MS });
    const firstDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(firstDue));
    expect(await first.innerText()).toContain(firstDay);
    expect(await extended.innerText()).toContain(askedDay);
    expect(await handlerPage.getByTestId('problem-pending-extension').count()).toBe(0);
    await handlerPage
      .locator('[data-testid="timeline-event"][data-type="approve_extension"]')
      .filter({ hasText: '批准延期' })
      .waitFor();
    await screenshot(handlerPage, '31-handler-extended-deadline');

    const read = await http().get(`/api/v1/problems/${created.body.id}`).set(manager).expect(200);
    expect(read.body.firstDueAt).toBe(firstDue);
    expect(read.body.dueAt).not.toBe(firstDue);
  });
});
