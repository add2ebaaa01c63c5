/**
 * Visits in the browser: a manager narrows the visit list, opens a visit, corrects it with a
 * reason and reads the correction history beside the original; an official on a phone opens his
 * visit from 我的走访.
 */
import type { Page } from 'playwright-core';
import { DESKTOP, PHONE, STEP_TIMEOUT_MS, choose, login, screenshot, selectBox, useBrowserHarness } from './support';

jest.setTimeout(STEP_TIMEOUT_MS);

describe('visits: the list, one visit, its corrections', () => {
  const harness = useBrowserHarness();
  const suffix = Date.now().toString(36);
  let managerPage: Page;

  it('lets a manager filter the visit list by district and open, amend and review a visit', async () => {
    const manager = await harness.auth('manager');
    const [district] = (await harness.service.db.query(
      `SELECT d.code, d.name, count(*)::int AS visits FROM visits v
       JOIN enterprises e ON e.id = v.enterprise_id JOIN districts d ON d.code = e.district_code
       WHERE v.withdrawn_at IS NULL GROUP BY d.code, d.name ORDER BY count(*) DESC, d.code LIMIT 1`,
    )) as { code: string; name: string; visits: number }[];
    expect(district!.visits).toBeGreaterThan(0);
    const api = await harness.service
      .http()
      .get('/api/v1/visits')
      .query({ district: district!.code, limit: 50 })
      .set(manager)
      .expect(200);
    const expected = api.body.items as { id: string; enterpriseName: string; purpose: string | null }[];

    managerPage = await harness.newPage(DESKTOP);
    await login(managerPage, 'manager', '/visits');
    await managerPage.getByTestId('visit-row').first().waitFor();
    await choose(managerPage, selectBox(managerPage, '区县'), district!.name);
    await managerPage.waitForURL(`**/visits?district=${district!.code}`);
    const first = managerPage.locator(`[data-testid="visit-row"][data-visit-id="${expected[0]!.id}"]`);
    await first.waitFor();
    const rows = managerPage.getByTestId('visit-row');
    await rows.nth(expected.length - 1).waitFor();
    expect(await rows.count()).toBe(expected.length);
    for (const text of await rows.allInnerTexts()) expect(text).toContain(district!.name);
    await screenshot(managerPage, 'visits-01-manager-list');

    await first.getByRole('link', { name: expected[0]!.enterpriseName }).click();
    await managerPage.waitForURL(`**/visits/${expected[0]!.id}`);
    await managerPage.getByTestId('visit-title').filter({ hasText: expected[0]!.enterpriseName }).waitFor();
    // The history loads beside the visit: the original record only, so far.
    await managerPage.getByTestId('visit-revision').first().waitFor();
    expect(await managerPage.getByTestId('visit-revision').count()).toBe(1);

    const purpose = `政策宣讲与要素保障-${suffix}`;
    await managerPage.getByTestId('visit-amend').click();
    await managerPage.getByTestId('amend-purpose').fill(purpose);
    await managerPage.getByTestId('amend-reason').fill('走访目的记录有误，按走访人员说明更正');
    await managerPage.getByTestId('amend-submit').click();
    await managerPage.getByTestId('amend-submit').waitFor({ state: 'detached' });
    await managerPage.getByTestId('visit-purpose').filter({ hasText: purpose }).waitFor();

    const revisions = managerPage.getByTestId('visit-revision');
    await revisions.nth(1).waitFor();
    expect(await revisions.count()).toBe(2);
    expect(await revisions.nth(0).innerText()).toContain('原始记录');
    const amendment = await revisions.nth(1).innerText();
    expect(amendment).toContain('走访目的记录有误');
    expect(amendment).toContain(purpose);
    expect(amendment).toContain('走访目的');
    if (expected[0]!.purpose) expect(amendment).toContain(expected[0]!.purpose);
    await screenshot(managerPage, 'visits-02-manager-amended');

    const stored = await harness.service
      .http()
      .get(`/api/v1/visits/${expected[0]!.id}/revisions`)
      .set(manager)
      .expect(200);
    expect(stored.body.map((r: { revision: number }) => r.revision)).toEqual([1, 2]);
    expect(stored.body[0].purpose).toBe(expected[0]!.purpose);
    expect(stored.body[1].purpose).toBe(purpose);
  });

  it('lets an official on a phone open his visit from 我的走访', async () => {
    const official = await harness.auth('official');
    const [enterprise] = (await harness.service.db.query(`SELECT id, name FROM enterprises ORDER BY name LIMIT 1`)) as {
      id: string;
      name: string;
    }[];
    const purpose = `手机端走访-${suffix}`;
    const created = await harness.service
      .http()
      .post('/api/v1/visits')
      .set(official)
      .send({ enterpriseId: enterprise!.id, visitedAt: new Date(Date.now() - 60_000).toISOString(), purpose })
      .expect(201);

    const page = await harness.newPage(PHONE);
    await login(page, 'official');
    // 我的走访 sits in the phone's bottom bar.
    await page.getByTestId('phone-tab-bar').getByRole('link', { name: '我的走访' }).click();
    await page.waitForURL('**/my-visits');
    const card = page.locator(`[data-testid="my-visit-row"][data-visit-id="${created.body.id}"]`);
    await card.waitFor();
    expect(await card.innerText()).toContain(enterprise!.name);
    // Latest first: the visit just logged heads the list.
    expect(await page.getByTestId('my-visit-row').first().getAttribute('data-visit-id')).toBe(created.body.id);
    await screenshot(page, 'visits-03-official-phone-my-visits');
    await card.click();
    await page.waitForURL(`**/visits/${created.body.id}`);
    await page.getByTestId('visit-purpose').filter({ hasText: purpose }).waitFor();
    await page.getByTestId('visit-amend').waitFor();
    // Fits the phone: nothing wider than the screen.
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'visits-04-official-phone-visit');
  });
});
