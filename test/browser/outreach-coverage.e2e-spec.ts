/**
 * A manager reads visit coverage by district for 2025-Q1 on the dashboard, and the visits section
 * of this week's report. The data the test relies on is made here, whatever the demo data holds:
 * an enterprise in 肃州区 that the demo official answers for since 2025-01-01, visited by him in
 * February 2025 and again this week. Those visits are recorded now, so the dashboard is read as of
 * now (截至当前), and every number on the page is compared with the API's own answer.
 */
import { DateTime } from 'luxon';
import type { Page } from 'playwright-core';
import { formatRate } from '../../src/reports/charts/rate-charts';
import { STEP_TIMEOUT_MS, login, screenshot, useBrowserHarness } from './support';

jest.setTimeout(STEP_TIMEOUT_MS);

interface Coverage {
  enterprisesVisited: number;
  enterprisesResponsible: number;
  coverageRatePercent: number | null;
}

/** The coverage table's row of a district: its name, n / N and the rate, as the page shows them. */
async function coverageRow(page: Page, testId: string, district: string): Promise<string> {
  const row = page.getByTestId(testId).locator('tr', { hasText: district });
  await row.waitFor();
  return (await row.innerText()).replace(/\s+/g, ' ');
}

const shown = (c: Coverage) => `${c.enterprisesVisited} / ${c.enterprisesResponsible}`;

describe('outreach figures for a manager in the browser', () => {
  const harness = useBrowserHarness();
  let page: Page;

  beforeAll(async () => {
    const manager = await harness.auth('manager');
    const official = await harness.auth('official');
    const officialUser = await harness.user('official');
    const managerUser = await harness.user('manager');
    const enterprise = await harness.service
      .http()
      .post('/api/v1/enterprises')
      .set(manager)
      .send({ name: '覆盖率浏览器测试有限公司', district: 'suzhou', industry: 'new_energy_equipment' })
      .expect(201);
    await harness.service.db.query(
      `INSERT INTO responsibilities (enterprise_id, user_id, kind, starts_at, recorded_by)
       VALUES ($1, $2, 'official', '2025-01-01T00:00:00+08:00', $3)`,
      [enterprise.body.id, officialUser.id, managerUser.id],
    );
    const now = DateTime.now().setZone('Asia/Shanghai');
    const weekStart = now.startOf('week');
    const thisWeek = weekStart.plus({ milliseconds: Math.floor(now.diff(weekStart).milliseconds / 2) });
    for (const visitedAt of ['2025-02-10T10:00:00+08:00', thisWeek.toISO()]) {
      await harness.service
        .http()
        .post('/api/v1/visits')
        .set(official)
        .send({ enterpriseId: enterprise.body.id, visitedAt, purpose: '走访', policiesPromoted: ['稳岗返还'] })
        .expect(201);
    }
    page = await harness.newPage();
    await login(page, 'manager', '/dashboard?period=2025-Q1&asOf=now');
  });

  it('shows visit coverage beside the resolution rate, and coverage by district with n / N, for 2025-Q1', async () => {
    const api = await harness.service
      .http()
      .get('/api/v1/reports/visits')
      .query({ period: '2025-Q1', asOf: 'now', groupBy: 'district' })
      .set(await harness.auth('manager'))
      .expect(200);
    const suzhou = (api.body.groups as ({ key: string } & Coverage)[]).find((g) => g.key === 'suzhou')!;
    // The enterprise made here counts: under responsibility in 2025-Q1 and visited in it.
    expect(suzhou.enterprisesResponsible).toBeGreaterThanOrEqual(1);
    expect(suzhou.enterprisesVisited).toBeGreaterThanOrEqual(1);

    const card = page.getByTestId('rate-coverage');
    await card.filter({ hasText: '/' }).waitFor();
    const cardText = (await card.innerText()).replace(/\s+/g, ' ');
    expect(cardText).toContain(formatRate(api.body.coverageRatePercent));
    expect(cardText).toContain(shown(api.body));
    expect(cardText).toContain('已走访 / 包联企业');
    // Beside the resolution rate: the next card in the row.
    const cards = await page
      .locator('[data-testid^="rate-"]')
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-testid')));
    expect(cards.slice(0, 2)).toEqual(['rate-resolution', 'rate-coverage']);

    const row = await coverageRow(page, 'coverage-by-district', '肃州区');
    expect(row).toContain(shown(suzhou));
    expect(row).toContain(formatRate(suzhou.coverageRatePercent));
    const total = await coverageRow(page, 'coverage-by-district', '合计');
    expect(total).toContain(shown(api.body));
    expect(await page.getByRole('img', { name: '各县区走访覆盖率' }).count()).toBe(1);
    await screenshot(page, 'dashboard-coverage-2025-Q1');
  });

  it("opens this week's report with the visits section, its figures as the API gives them", async () => {
    const week = DateTime.now().setZone('Asia/Shanghai').toFormat("kkkk-'W'WW");
    const api = await harness.service
      .http()
      .get('/api/v1/reports/weekly')
      .query({ week })
      .set(await harness.auth('manager'))
      .expect(200);
    const visits = api.body.visits;
    expect(visits.visitsThisWeek).toBeGreaterThanOrEqual(1);

    await page.goto(`/weekly?week=${week}`);
    const first = page.locator('.weekly-section').first();
    await first.waitFor();
    const text = (await first.innerText()).replace(/\s+/g, ' ');
    expect(text.startsWith('走访情况')).toBe(true);
    expect(text).toContain(`本周走访次数 ${visits.visitsThisWeek}`);
    expect(text).toContain(`本周走访企业数 ${visits.enterprisesReached}`);
    expect(text).toContain(shown(visits.coverage));
    expect(text).toContain('稳岗返还');
    const suzhou = (visits.coverage.districts as ({ districtCode: string } & Coverage)[]).find(
      (d) => d.districtCode === 'suzhou',
    )!;
    const row = await coverageRow(page, 'weekly-coverage-by-district', '肃州区');
    expect(row).toContain(shown(suzhou));
    expect(row).toContain(formatRate(suzhou.coverageRatePercent));
    expect(await page.getByRole('button', { name: '下载 Word' }).count()).toBe(1);
    await screenshot(page, 'weekly-visits-section');
  });
});
