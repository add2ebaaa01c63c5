/**
 * The supervision ladder in the browser (issue 15, item 4), on the demo data: a manager escalates
 * an open problem as a listed supervision (挂牌督办), sees it on the problem page and on the 督办
 * page, and lifts it with a note; the ladder keeps the lifted rung.
 */
import type { Page } from 'playwright-core';
import { animationsDone, login, screenshot, STEP_TIMEOUT_MS, useBrowserHarness } from './support';

jest.setTimeout(STEP_TIMEOUT_MS);

describe('the supervision ladder in the browser (demo data)', () => {
  const harness = useBrowserHarness();
  let page: Page;
  let problem: { id: string; code: string };

  beforeAll(async () => {
    const manager = await harness.auth('manager');
    const open = await harness.service
      .http()
      .get('/api/v1/problems?status=in_progress&escalated=false&limit=1')
      .set(manager)
      .expect(200);
    problem = open.body.items[0];
    expect(problem).toBeDefined();
    page = await harness.newPage({ viewport: { width: 1366, height: 900 } });
    await login(page, 'manager', `/problems/${problem.id}`);
  });

  /** Confirms the open action dialog and waits for it to close on the service's answer. */
  async function confirm(action: string): Promise<void> {
    const answer = page.waitForResponse(
      (r) => r.request().method() === 'POST' && new URL(r.url()).pathname.endsWith(`/${problem.id}/${action}`),
    );
    await page.getByTestId('action-submit').click();
    expect((await answer).status()).toBe(200);
    await page.getByTestId('action-submit').waitFor({ state: 'detached' });
  }

  it('escalates with a level and shows it on the problem page', async () => {
    await page.getByTestId('action-escalate').click();
    await page.getByTestId('action-submit').waitFor();
    await animationsDone(page);
    await page.locator('input[type="radio"][value="listed"]').check();
    await page.getByTestId('action-note').fill('列入周调度挂牌督办');
    await confirm('escalate');
    await page.getByTestId('problem-escalated').filter({ hasText: '挂牌督办' }).waitFor();
    await page.locator('[data-testid="supervision-rung"][data-level="listed"][data-active="true"]').waitFor();
    await screenshot(page, 'supervision-problem');
  });

  it('lists it on the 督办 page among the active supervisions', async () => {
    await page.goto('/supervision');
    await page.getByTestId('supervision-table').locator('tr', { hasText: problem.code }).waitFor();
    await screenshot(page, 'supervision-page');
  });

  it('lifts it with a note: the tag goes, the ladder keeps the lifted rung', async () => {
    await page.goto(`/problems/${problem.id}`);
    await page.getByTestId('action-lift').click();
    await page.getByTestId('action-submit').waitFor();
    await animationsDone(page);
    await page.getByTestId('action-note').fill('部门已回应，解除督办');
    await confirm('lift');
    await page.locator('[data-testid="supervision-rung"][data-level="listed"][data-active="false"]').waitFor();
    expect(await page.getByTestId('problem-escalated').count()).toBe(0);
    await page.getByTestId('supervision-ladder').filter({ hasText: '部门已回应，解除督办' }).waitFor();
    const read = await harness.service
      .http()
      .get(`/api/v1/problems/${problem.id}`)
      .set(await harness.auth('manager'))
      .expect(200);
    expect(read.body).toMatchObject({ escalated: false, supervisionLevel: null });
  });
});
