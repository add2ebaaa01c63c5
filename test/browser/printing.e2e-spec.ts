/**
 * Printing (issue 18, item 9): the weekly report and the problem page printed to A4 PDF by the
 * browser. The first page carries the page's title (no blank first page), the navigation is not
 * printed, and the page count is printed and bounded.
 */
import { inflateSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { DESKTOP, STEP_TIMEOUT_MS, login, useBrowserHarness } from './support';

jest.setTimeout(STEP_TIMEOUT_MS);

/** How many pages a PDF has: its `/Type /Page` objects (not `/Pages`, the tree above them). */
export function pdfPageCount(pdf: Buffer): number {
  return [...pdf.toString('latin1').matchAll(/\/Type\s*\/Page(?![a-zA-Z])/g)].length;
}

/**
 * Whether a PDF draws any text: a content stream (Flate-compressed, as Chromium writes them)
 * with a text object in it (`BT` … a `Tj`/`TJ` show operator … `ET`).
 */
export function pdfDrawsText(pdf: Buffer): boolean {
  const text = pdf.toString('latin1');
  for (const match of text.matchAll(/stream\r?\n/g)) {
    const start = match.index + match[0].length;
    const end = text.indexOf('endstream', start);
    if (end < 0) continue;
    let content: string;
    try {
      content = inflateSync(pdf.subarray(start, end)).toString('latin1');
    } catch {
      continue; // not a Flate stream, or not a content stream
    }
    if (/\bBT\b[\s\S]*?T[jJ]\b[\s\S]*?\bET\b/.test(content)) return true;
  }
  return false;
}

/** The page printed to A4: its page count, and whether its first page alone draws any text. */
async function printA4(page: Page): Promise<{ pages: number; firstPageHasText: boolean }> {
  const whole = await page.pdf({ format: 'A4', printBackground: true });
  const first = await page.pdf({ format: 'A4', printBackground: true, pageRanges: '1' });
  return { pages: pdfPageCount(whole), firstPageHasText: pdfDrawsText(first) };
}

describe('printing to A4', () => {
  const harness = useBrowserHarness();

  it('reads a PDF the way the checks below need (page count, text on a page)', async () => {
    const page = await harness.newPage(DESKTOP);
    await page.setContent('<p>one</p><p style="break-before: page">two</p>');
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdfPageCount(pdf)).toBe(2);
    expect(pdfDrawsText(pdf)).toBe(true);
    await page.setContent('<div style="height: 10px"></div>');
    expect(pdfDrawsText(await page.pdf({ format: 'A4' }))).toBe(false);
    await page.context().close();
  });

  it('prints the weekly report from its title on the first page, without the navigation', async () => {
    const page = await harness.newPage(DESKTOP);
    await login(page, 'manager');
    await page.goto('/weekly?week=2025-W14');
    await page.locator('.weekly-section').first().waitFor();
    await page.waitForLoadState('networkidle');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.ant-layout-header').isVisible()).toBe(false);
    const printed = await printA4(page);
    console.log(`weekly report 2025-W14 on A4: ${printed.pages} pages`);
    expect(printed.firstPageHasText).toBe(true);
    expect(printed.pages).toBeGreaterThanOrEqual(1);
    expect(printed.pages).toBeLessThanOrEqual(8);
    await page.context().close();
  });

  it('prints a problem page from its title on the first page, without the navigation', async () => {
    const auth = await harness.auth('manager');
    const list = await harness.service.http().get('/api/v1/problems').query({ limit: 1 }).set(auth).expect(200);
    const [problem] = list.body.items as { id: string; code: string }[];
    const page = await harness.newPage(DESKTOP);
    await login(page, 'manager');
    await page.goto(`/problems/${problem!.id}`);
    await page.getByTestId('problem-status').waitFor();
    await page.waitForLoadState('networkidle');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.ant-layout-header').isVisible()).toBe(false);
    const printed = await printA4(page);
    console.log(`problem page ${problem!.code} on A4: ${printed.pages} pages`);
    expect(printed.firstPageHasText).toBe(true);
    expect(printed.pages).toBeGreaterThanOrEqual(1);
    expect(printed.pages).toBeLessThanOrEqual(4);
    await page.context().close();
  });
});
