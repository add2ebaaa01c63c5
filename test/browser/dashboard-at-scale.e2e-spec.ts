/**
 * The dashboard on the benchmark's quick set (20,000 problems, `bench/dataset.ts`), the first
 * time after a restart: the figures of the last closed quarter were opened once, so they are
 * kept in PostgreSQL (as the scheduled warm-up keeps every closed quarter's), and the service's
 * memory is empty. The time until the page shows them is measured and printed; the million-set
 * figures of the same requests are in `npm run bench` (docs/performance.md).
 */
import { Client } from 'pg';
import type { Page } from 'playwright-core';
import { BENCH_MANAGER, BENCH_PASSWORD, generateDataset, MARKER_TABLE } from '../../bench/dataset';
import { createTestDatabase } from '../support/test-app';
import { START_TIMEOUT_MS, STEP_TIMEOUT_MS, useBrowserHarness } from './support';

jest.setTimeout(STEP_TIMEOUT_MS);

const PROBLEMS = 20_000;

/** The last quarter that has ended, as the dashboard labels it (`2026-Q3`), in Beijing time. */
function lastClosedQuarter(now = new Date()): string {
  const beijing = new Date(now.getTime() + 8 * 3_600_000);
  const quarter = Math.floor(beijing.getUTCMonth() / 3);
  return quarter === 0 ? `${beijing.getUTCFullYear() - 1}-Q4` : `${beijing.getUTCFullYear()}-Q${quarter}`;
}

describe('the dashboard on 20,000 problems, after a restart (time printed)', () => {
  const harness = useBrowserHarness();
  const period = lastClosedQuarter();
  let page: Page;

  beforeAll(async () => {
    const databaseUrl = await createTestDatabase('migrated');
    const db = new Client({ connectionString: databaseUrl, options: '-c TimeZone=Asia/Shanghai' });
    await db.connect();
    try {
      await db.query(MARKER_TABLE);
      await generateDataset(db, PROBLEMS, () => undefined);
    } finally {
      await db.end();
    }
    await harness.restart(databaseUrl, { DEMO_DATA: 'false' });
    page = await harness.newPage();
    await page.goto(`/dashboard?period=${period}`);
    await page.locator('#username').fill(BENCH_MANAGER);
    await page.locator('#password').fill(BENCH_PASSWORD);
    await page.locator('button[type="submit"]').click();
    await page.locator('.user-name').waitFor();
  }, START_TIMEOUT_MS);

  it('shows the resolution rate the API gives, the first time after a restart', async () => {
    const rate = page.getByTestId('rate-resolution');
    await rate.filter({ hasText: '/' }).waitFor();
    await harness.restart();
    const started = Date.now();
    await page.goto(`/dashboard?period=${period}`);
    await rate.filter({ hasText: '/' }).waitFor();
    const shown = Date.now() - started;
    console.log(
      `dashboard ${period} on ${PROBLEMS.toLocaleString('en')} problems after a restart: shown in ${shown} ms`,
    );
    const api = await harness.service
      .http()
      .get('/api/v1/reports/resolution-rate')
      .query({ period })
      .set('Authorization', `Bearer ${await bearer()}`)
      .expect(200);
    expect(api.body.recorded).toBeGreaterThan(500);
    // The counts as the card writes them, with or without thousands separators.
    const shownAs = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',?');
    expect(await rate.innerText()).toMatch(
      new RegExp(`${shownAs(api.body.resolved)}\\s*/\\s*${shownAs(api.body.recorded)}`),
    );
  });

  async function bearer(): Promise<string> {
    const login = await harness.service
      .http()
      .post('/api/v1/auth/login')
      .send({ username: BENCH_MANAGER, password: BENCH_PASSWORD })
      .expect(200);
    return login.body.accessToken as string;
  }
});
