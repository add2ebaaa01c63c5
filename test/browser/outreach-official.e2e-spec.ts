/**
 * An official's week on a phone: the enterprises due this week (overdue first, in red), one
 * enterprise's page with its history, a visit logged through the form from there, and the visit
 * found in the enterprise's history afterwards. The data the story needs (a fresh official, his
 * enterprises and responsibilities, an old visit) is made through the API first.
 */
import { randomBytes } from 'node:crypto';
import { DEMO_PASSWORD, PHONE, STEP_TIMEOUT_MS, login, screenshot, useBrowserHarness } from './support';

jest.setTimeout(STEP_TIMEOUT_MS);

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

describe('outreach on an official’s phone', () => {
  const harness = useBrowserHarness();
  const unique = randomBytes(3).toString('hex');
  const username = `phone-${unique}`;
  const names = {
    overdue: `逾期走访企业${unique}`,
    soon: `本周应访企业${unique}`,
    later: `下月应访企业${unique}`,
  };
  const ids = {} as Record<keyof typeof names, string>;
  const oldPurpose = `上季度包联走访${unique}`;
  const newPurpose = `本周上门走访${unique}`;

  beforeAll(async () => {
    const admin = await harness.auth('admin');
    const http = () => harness.service.http();
    const official = await http()
      .post('/api/v1/users')
      .set(admin)
      .send({ username, password: DEMO_PASSWORD, displayName: `手机干部${unique}`, role: 'official' })
      .expect(201);
    const token = (await http().post('/api/v1/auth/login').send({ username, password: DEMO_PASSWORD }).expect(200)).body
      .accessToken as string;
    // key (30 days): responsible for 100 days, visited 40 days ago: 10 days overdue.
    // other (90 days): responsible for 85 days, never visited: due in 5 days.
    // other: responsible for 10 days: due in 80 days, not this week.
    const plan: [keyof typeof names, Record<string, unknown>, number][] = [
      ['overdue', { isKey: true }, 100],
      ['soon', {}, 85],
      ['later', {}, 10],
    ];
    for (const [key, flags, since] of plan) {
      const e = await http()
        .post('/api/v1/enterprises')
        .set(admin)
        .send({ name: names[key], district: 'suzhou', contactName: '企业联系人', ...flags })
        .expect(201);
      ids[key] = e.body.id;
      await http()
        .post(`/api/v1/enterprises/${e.body.id}/responsibilities`)
        .set(admin)
        .send({ userId: official.body.id, kind: 'official', startsAt: daysAgo(since) })
        .expect(201);
    }
    await http()
      .post('/api/v1/visits')
      .set({ Authorization: `Bearer ${token}` })
      .send({ enterpriseId: ids.overdue, visitedAt: daysAgo(40), purpose: oldPurpose })
      .expect(201);
  });

  it('sees the enterprises due this week, opens one, reads its history, logs a visit and finds it there', async () => {
    const page = await harness.newPage(PHONE);
    await login(page, username);
    await page.waitForURL('**/my-enterprises'); // an official's home

    // Due this week: the overdue one first (in red), then the one due in five days; not the third.
    const cards = page.getByTestId('my-enterprise');
    await cards.nth(1).waitFor();
    expect(await cards.count()).toBe(2);
    expect(await cards.nth(0).getAttribute('data-id')).toBe(ids.overdue);
    expect(await cards.nth(0).getAttribute('data-overdue')).toBe('true');
    expect(await cards.nth(0).getByTestId('next-due').innerText()).toMatch(/已逾期 10 天/);
    expect(await cards.nth(0).getByTestId('tier-tag').innerText()).toBe('重点企业');
    expect(await cards.nth(1).getAttribute('data-id')).toBe(ids.soon);
    expect(await cards.nth(1).getAttribute('data-overdue')).toBe('false');
    const color = await cards
      .nth(0)
      .getByTestId('next-due')
      .evaluate(
        (element) =>
          (globalThis as unknown as { getComputedStyle(e: unknown): { color: string } }).getComputedStyle(element)
            .color,
      );
    expect(color).toMatch(/rgb\(\s*207,\s*19,\s*34\s*\)/); // the theme's error red (#cf1322, AA contrast)
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await screenshot(page, 'outreach-01-my-enterprises-phone');

    // All of them: the third appears, last.
    await page.getByText('全部', { exact: true }).click();
    await cards.nth(2).waitFor();
    expect(await cards.nth(2).getAttribute('data-id')).toBe(ids.later);
    await page.getByText('本周应走访', { exact: true }).click();
    await cards.nth(2).waitFor({ state: 'detached' });

    // The enterprise page: its responsibility and its history.
    await cards.nth(0).getByTestId('my-enterprise-name').click();
    await page.waitForURL(`**/enterprises/${ids.overdue}`);
    await page.getByTestId('enterprise-name').filter({ hasText: names.overdue }).waitFor();
    const visits = page.getByTestId('enterprise-visit');
    await visits.first().waitFor();
    expect(await visits.count()).toBe(1);
    expect(await visits.first().innerText()).toContain(oldPurpose);
    await page
      .getByTestId('responsibility')
      .filter({ hasText: `手机干部${unique}` })
      .waitFor();
    await screenshot(page, 'outreach-02-enterprise-page-phone');

    // Log a visit from there: the form has the enterprise preselected.
    await page.getByTestId('log-visit').click();
    await page.waitForURL(`**/visits/new?enterpriseId=${ids.overdue}`);
    await page.getByTestId('visit-enterprise').filter({ hasText: names.overdue }).waitFor();
    await page.getByLabel('走访事由（可选）').fill(newPurpose);
    await page.getByTestId('visit-submit').click();
    await page.getByTestId('visit-success').waitFor();

    // Back on the enterprise page, through my enterprises: the new visit heads its history, and
    // the enterprise is no longer due this week.
    await page.goto('/my-enterprises');
    await cards.first().waitFor();
    await page.getByTestId('my-enterprises-summary').filter({ hasText: '共 1 家' }).waitFor();
    expect(await cards.first().getAttribute('data-id')).toBe(ids.soon);
    await page.getByText('全部', { exact: true }).click();
    await page
      .locator(`[data-testid="my-enterprise"][data-id="${ids.overdue}"] [data-testid="my-enterprise-name"]`)
      .click();
    await page.waitForURL(`**/enterprises/${ids.overdue}`);
    await visits.nth(1).waitFor();
    expect(await visits.count()).toBe(2);
    expect(await visits.first().innerText()).toContain(newPurpose);
    expect(await visits.nth(1).innerText()).toContain(oldPurpose);
    const href = await visits.first().getByRole('link').getAttribute('href');
    expect(href).toMatch(/^\/visits\/[0-9a-f-]{36}$/);
    await screenshot(page, 'outreach-03-enterprise-history-phone');

    const [saved] = await harness.service.db.query(
      `SELECT count(*)::int AS n FROM visits WHERE enterprise_id = $1 AND purpose = $2`,
      [ids.overdue, newPurpose],
    );
    expect(saved.n).toBe(1);
  });
});
