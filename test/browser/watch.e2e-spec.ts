/**
 * Enterprises under watch in the browser: an official records an enterprise he answers for as
 * idle on its page (phone), sees the status there and in his list of enterprises; a manager then
 * finds the projects and enterprises sections in this week's report, with that enterprise newly idle.
 */
import { randomBytes } from 'node:crypto';
import { DESKTOP, DEMO_PASSWORD, PHONE, STEP_TIMEOUT_MS, login, screenshot, useBrowserHarness } from './support';

jest.setTimeout(STEP_TIMEOUT_MS);

describe('production status and the weekly sections in the browser', () => {
  const harness = useBrowserHarness();
  const unique = randomBytes(3).toString('hex');
  const username = `watch-${unique}`;
  const enterpriseName = `停产登记企业${unique}`;
  const note = `订单不足，停产检修${unique}`;
  let enterpriseId: string;

  beforeAll(async () => {
    const admin = await harness.auth('admin');
    const http = () => harness.service.http();
    const official = await http()
      .post('/api/v1/users')
      .set(admin)
      .send({ username, password: DEMO_PASSWORD, displayName: `监测干部${unique}`, role: 'official' })
      .expect(201);
    const e = await http()
      .post('/api/v1/enterprises')
      .set(admin)
      .send({ name: enterpriseName, district: 'suzhou' })
      .expect(201);
    enterpriseId = e.body.id;
    await http()
      .post(`/api/v1/enterprises/${enterpriseId}/responsibilities`)
      .set(admin)
      .send({
        userId: official.body.id,
        kind: 'official',
        startsAt: new Date(Date.now() - 5 * 86_400_000).toISOString(),
      })
      .expect(201);
  });

  it('lets the responsible official record the enterprise as idle on its page, and shows it in his list', async () => {
    const page = await harness.newPage(PHONE);
    await login(page, username, `/enterprises/${enterpriseId}`);
    const card = page.getByTestId('production-status');
    await card.getByTestId('production-status-tag').waitFor();
    expect(await card.getByTestId('production-status-tag').innerText()).toBe('正常');

    await card.getByRole('button', { name: '登记状态' }).click();
    const dialog = page.getByRole('dialog', { name: '登记生产状态' });
    await dialog.getByText('停产', { exact: true }).click();
    await dialog.getByLabel('情况说明').fill(note);
    await screenshot(page, 'watch-official-record-idle');
    await dialog.getByTestId('production-status-submit').click();
    await dialog.waitFor({ state: 'detached' });

    await card.getByTestId('production-status-event').first().waitFor();
    expect(await card.getByTestId('production-status-tag').innerText()).toBe('停产');
    expect(await card.getByTestId('production-status-event').first().innerText()).toContain(note);
    await screenshot(page, 'watch-official-enterprise-idle');

    await page.goto('/my-enterprises');
    // Responsible for five days, it is not due a visit this week: the list of all shows it.
    await page.getByTestId('due-filter').getByText('全部').click();
    const mine = page.locator(`[data-testid="my-enterprise"][data-id="${enterpriseId}"]`);
    await mine.waitFor();
    expect(await mine.getByTestId('production-status-tag').innerText()).toBe('停产');
  });

  it('shows a manager the projects and enterprises sections of this week’s report', async () => {
    const page = await harness.newPage(DESKTOP);
    await login(page, 'manager', '/weekly');
    const projects = page.getByTestId('weekly-projects');
    const enterprises = page.getByTestId('weekly-enterprises');
    await projects.waitFor();
    await enterprises.waitFor();
    expect(await projects.innerText()).toContain('逾期未开工项目');
    expect(await enterprises.innerText()).toContain('本周新增停产减产企业');
    // The enterprise idled in the first story is newly idle this week.
    await enterprises.getByText(enterpriseName).waitFor();
    await screenshot(page, 'watch-manager-weekly-sections');
  });
});
