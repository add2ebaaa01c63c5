/**
 * An official on a phone attaches photos to a visit: the camera input takes a photo, a second one
 * is removed again before sending, the photo survives a reload (kept in IndexedDB with the draft),
 * the visit is sent with it, and the visit's page shows it; the stored photo has no EXIF left.
 */
import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { PHONE, STEP_TIMEOUT_MS, WAIT_MS, login, screenshot, useBrowserHarness } from './support';

jest.setTimeout(STEP_TIMEOUT_MS);

describe('attachments on an official’s phone', () => {
  const harness = useBrowserHarness();
  const unique = randomBytes(3).toString('hex');
  let enterpriseId: string;

  beforeAll(async () => {
    const admin = await harness.auth('admin');
    const created = await harness.service
      .http()
      .post('/api/v1/enterprises')
      .set(admin)
      .send({ name: `附件走访企业${unique}`, district: 'suzhou' })
      .expect(201);
    enterpriseId = created.body.id;
  });

  it('takes a photo into a visit draft, keeps it over a reload, sends it with the visit and shows it there', async () => {
    const photo = await sharp({ create: { width: 2400, height: 1800, channels: 3, background: '#3b7d4f' } })
      .jpeg()
      .withExif({ IFD0: { Make: `PhoneCam${unique}` } })
      .toBuffer();
    const other = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#884422' } })
      .png()
      .toBuffer();
    const page = await harness.newPage(PHONE);
    await login(page, 'official');
    await page.goto(`/visits/new?enterpriseId=${enterpriseId}`);
    await page
      .getByTestId('visit-enterprise')
      .filter({ hasText: `附件走访企业${unique}` })
      .waitFor();
    await page.getByLabel('走访事由（可选）').fill(`带照片的走访${unique}`);

    // The camera input (capture="environment" on a phone), then a second file, removed again.
    const camera = page.getByTestId('visit-attachments-camera');
    expect(await camera.getAttribute('capture')).toBe('environment');
    expect(await camera.getAttribute('accept')).toBe('image/*');
    await camera.setInputFiles({ name: '厂房屋顶.jpg', mimeType: 'image/jpeg', buffer: photo });
    await page
      .getByTestId('visit-attachments-files')
      .setInputFiles({ name: '多余.png', mimeType: 'image/png', buffer: other });
    const pending = page.getByTestId('pending-attachment');
    await pending.nth(1).waitFor();
    await page.getByRole('button', { name: '移除 多余.png' }).click();
    await pending.nth(1).waitFor({ state: 'detached' });
    expect(await pending.count()).toBe(1);
    await screenshot(page, 'attachments-01-visit-draft-phone');

    // A reload (a weak network, a closed tab): the draft and its photo are still there.
    await page.reload();
    await page.getByTestId('visit-draft-restored').waitFor();
    await pending.first().waitFor();
    expect(await pending.count()).toBe(1);
    expect(await pending.first().innerText()).toContain('厂房屋顶.jpg');

    await page.getByTestId('visit-submit').click();
    await page.getByTestId('visit-success').waitFor();
    await page.getByTestId('visit-saved-attachments').getByTestId('attachment').first().waitFor();

    // The visit's page shows the photo, drawn from the thumbnail the service made.
    await page.getByTestId('visit-open').click();
    await page.waitForURL('**/visits/*');
    const tile = page.getByTestId('visit-attachments').getByTestId('attachment');
    await tile.first().waitFor();
    expect(await tile.count()).toBe(1);
    await page.waitForFunction(
      () => {
        const page = globalThis as unknown as {
          document: { querySelector(selector: string): { naturalWidth: number } | null };
        };
        const image = page.document.querySelector('[data-testid="visit-attachments"] img');
        return image !== null && image.naturalWidth > 0;
      },
      undefined,
      { timeout: WAIT_MS },
    );
    await tile.first().click();
    await page.getByRole('dialog').getByRole('img', { name: '厂房屋顶.jpg' }).waitFor();
    await screenshot(page, 'attachments-02-visit-photo-phone');

    // Stored once, downscaled, without its EXIF.
    const visitId = new URL(page.url()).pathname.split('/').pop()!;
    const official = await harness.auth('official');
    const visit = await harness.service.http().get(`/api/v1/visits/${visitId}`).set(official).expect(200);
    expect(visit.body.attachments).toHaveLength(1);
    expect(visit.body.attachments[0]).toMatchObject({ originalName: '厂房屋顶.jpg', width: 1600, height: 1200 });
    const file = await harness.service
      .http()
      .get(visit.body.attachments[0].url)
      .set(official)
      .buffer(true)
      .parse((res, callback) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => callback(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect((await sharp(file.body as Buffer).metadata()).exif).toBeUndefined();
    expect((file.body as Buffer).includes(Buffer.from(`PhoneCam${unique}`))).toBe(false);
  });
});
