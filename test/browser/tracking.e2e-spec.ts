/**
 * The enterprise's tracking page (issue 16, item 3 and 5): opened on a phone without signing in,
 * it shows the problem and its public notes, and rates a resolved problem; it loads a few
 * kilobytes of its own (no Ant Design, no React), sends no referrer and keeps nothing.
 */
import { login, PHONE, screenshot, STEP_TIMEOUT_MS, useBrowserHarness, WAIT_MS } from './support';

jest.setTimeout(STEP_TIMEOUT_MS * 2);

/** Scripts, styles and the document of the tracking page, compressed, on the wire: a ceiling with room. */
const TRACKING_PAGE_CEILING_BYTES = 15_000;

describe('the tracking page, on a phone', () => {
  const harness = useBrowserHarness();

  it('an enterprise opens its tracking link and rates the resolved problem', async () => {
    const manager = await harness.auth('manager');
    const resolved = await harness.service
      .http()
      .get('/api/v1/problems?status=resolved&limit=1')
      .set(manager)
      .expect(200);
    const problem = resolved.body.items[0] as { id: string; code: string; title: string };
    expect(problem).toBeDefined();
    const link = await harness.service
      .http()
      .post(`/api/v1/problems/${problem.id}/tracking-link`)
      .set(manager)
      .expect(201);
    const path = new URL(link.body.url as string).pathname;
    expect(path).toBe(`/t/${link.body.token}`);

    const page = await harness.newPage(PHONE);
    const responses: { url: string; type: string; bytes: number }[] = [];
    page.on('requestfinished', (request) => {
      void request.sizes().then((sizes) =>
        responses.push({
          url: request.url(),
          type: request.resourceType(),
          bytes: sizes.responseBodySize + sizes.responseHeadersSize,
        }),
      );
    });
    const document = await page.goto(path);
    expect(document?.status()).toBe(200);
    expect(document?.headers()['referrer-policy']).toBe('no-referrer');
    expect(document?.headers()['cache-control']).toBe('no-store');

    await page.getByRole('heading', { name: problem.title }).waitFor({ timeout: WAIT_MS });
    await page.getByText(problem.code, { exact: true }).waitFor();
    await page.getByText('已办结，请评价').waitFor();
    await screenshot(page, 'tracking-page-phone');

    // Only the page's own files and the service's answers: no chunk of the signed-in app.
    const code = responses.filter((r) => ['document', 'script', 'stylesheet'].includes(r.type));
    expect(code.map((r) => new URL(r.url).pathname)).toEqual(
      expect.arrayContaining([path, expect.stringMatching(/^\/assets\/track-[\w-]+\.js$/)]),
    );
    expect(code.filter((r) => r.type === 'script')).toHaveLength(1);
    expect(code.reduce((sum, r) => sum + r.bytes, 0)).toBeLessThan(TRACKING_PAGE_CEILING_BYTES);

    await page.getByLabel('满意', { exact: true }).check();
    await page.getByLabel('意见或建议（选填）').fill('办理及时，谢谢');
    await page.getByRole('button', { name: '提交评价' }).click();
    await page.getByText('感谢您的评价，我们已收到。').waitFor();
    await page.getByText('已办结', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: '提交评价' }).count()).toBe(0);
    await screenshot(page, 'tracking-page-rated');

    const after = await harness.service.http().get(`/api/v1/problems/${problem.id}`).set(manager).expect(200);
    expect(after.body.status).toBe('closed');
    expect(after.body.events.at(-1)).toMatchObject({
      type: 'verify',
      actorId: null,
      note: '办理及时，谢谢',
      data: { satisfaction: 'satisfied', source: 'enterprise' },
    });
  });

  it('a link that names nothing says so, in Chinese', async () => {
    const page = await harness.newPage(PHONE);
    await page.goto(`/t/${'x'.repeat(43)}`);
    await page.getByText('链接无效或已过期').waitFor({ timeout: WAIT_MS });
  });

  it("the official shows the problem's tracking link as a QR code on the problem page", async () => {
    const manager = await harness.auth('manager');
    const open = await harness.service
      .http()
      .get('/api/v1/problems?status=in_progress&limit=1')
      .set(manager)
      .expect(200);
    const problem = open.body.items[0] as { id: string };
    const page = await harness.newPage(PHONE);
    await login(page, 'manager', `/problems/${problem.id}`);
    await page.getByTestId('tracking-qr-show').click();
    const image = page.getByTestId('tracking-qr').locator('img');
    await image.waitFor({ timeout: WAIT_MS });
    expect(await image.getAttribute('src')).toMatch(/^data:image\/svg\+xml;charset=utf-8,/);
    expect(await image.getAttribute('alt')).toContain('企业跟踪二维码');
    // The link shown is the one the service gives again (the browser's origin, supertest's port aside).
    const link = await harness.service
      .http()
      .post(`/api/v1/problems/${problem.id}/tracking-link`)
      .set(manager)
      .expect(201);
    await page.getByText(`${harness.baseUrl}/t/${link.body.token}`).waitFor();
    await screenshot(page, 'tracking-qr-problem-page');
  });
});
