/**
 * The calendar's horizon (issue 18, item 10): a manager assigning a problem is warned when the
 * deadline falls in a year with no holidays entered, and the due-date picker marks weekends,
 * holidays and make-up working days (调休) from the working-day calendar.
 */
import type { Page } from 'playwright-core';
import { DESKTOP, STEP_TIMEOUT_MS, login, screenshot, useBrowserHarness } from './support';

jest.setTimeout(STEP_TIMEOUT_MS);

describe('the due-date picker and the calendar’s horizon', () => {
  const harness = useBrowserHarness();

  /** A reported (not yet assigned) problem's page with the assign dialog open. */
  async function openAssign(page: Page): Promise<void> {
    const auth = await harness.auth('manager');
    const list = await harness.service
      .http()
      .get('/api/v1/problems')
      .query({ status: 'reported', limit: 1 })
      .set(auth)
      .expect(200);
    const [problem] = list.body.items as { id: string }[];
    expect(problem).toBeDefined();
    await page.goto(`/problems/${problem!.id}`);
    await page.getByTestId('action-assign').click();
    await page.getByTestId('action-submit').waitFor();
  }

  it('marks holidays, make-up days and weekends, and warns for a year without a calendar', async () => {
    const admin = await harness.auth('admin');
    const manager = await harness.auth('manager');
    const http = () => harness.service.http();
    const { years } = (await http().get('/api/v1/calendar/coverage').set(manager).expect(200)).body as {
      years: number[];
    };
    // A far year made known: a holiday on Tuesday 3 March and a make-up working Saturday 7 March.
    const known = 2099;
    await http()
      .put(`/api/v1/calendar/days/${known}-03-03`)
      .set(admin)
      .send({ working: false, name: '测试假日' })
      .expect(200);
    await http()
      .put(`/api/v1/calendar/days/${known}-03-07`)
      .set(admin)
      .send({ working: true, name: '测试调休上班' })
      .expect(200);
    const unknown = known - 1;
    expect(years).not.toContain(unknown);

    const page = await harness.newPage(DESKTOP);
    await login(page, 'manager');
    await openAssign(page);
    await page.locator('input[type="radio"][value="date"]').check();

    // A date in the known year: the month's days are marked, and no warning.
    const picker = page.getByTestId('action-due-date');
    await picker.click();
    await page.keyboard.type(`${known}-03-02`);
    const cell = (date: string) =>
      page.locator(`.ant-picker-dropdown:visible td[title="${date}"] .ant-picker-cell-inner`);
    await cell(`${known}-03-03`).and(page.locator('[data-day-kind="holiday"]')).waitFor();
    expect(await cell(`${known}-03-03`).getAttribute('aria-label')).toContain('测试假日');
    expect(await cell(`${known}-03-07`).getAttribute('data-day-kind')).toBe('make-up');
    expect(await cell(`${known}-03-08`).getAttribute('data-day-kind')).toBe('weekend');
    expect(await cell(`${known}-03-02`).getAttribute('data-day-kind')).toBe('working');
    await screenshot(page, '14-manager-due-date-picker');
    await page.keyboard.press('Enter');
    await page.locator('.ant-picker-dropdown:visible').first().waitFor({ state: 'hidden' });
    expect(await page.getByTestId('calendar-horizon-warning').count()).toBe(0);

    // A date in a year nobody entered: the warning names the year.
    await picker.click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(`${unknown}-06-15`);
    await page.keyboard.press('Enter');
    const warning = page.getByTestId('calendar-horizon-warning');
    await warning.waitFor();
    expect(await warning.innerText()).toContain(String(unknown));

    // Working days across into a year without a calendar: the preview says so too, as the API does.
    const days = 365;
    const preview = (
      await http()
        .get('/api/v1/calendar/working-days')
        .query({ from: new Date().toISOString(), days })
        .set(manager)
        .expect(200)
    ).body as { uncoveredYears: number[] };
    await page.locator('input[type="radio"][value="days"]').check();
    await page.getByTestId('action-days').fill(String(days));
    if (preview.uncoveredYears.length > 0) {
      await warning.waitFor();
      for (const year of preview.uncoveredYears) expect(await warning.innerText()).toContain(String(year));
    } else {
      await page.getByText(/截至 \d{4}-\d{2}-\d{2} 24:00/).waitFor();
      expect(await warning.count()).toBe(0);
    }
    await page.context().close();
  });
});
