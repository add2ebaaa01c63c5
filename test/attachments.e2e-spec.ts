import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import type { Response } from 'supertest';
import { LocalAttachmentStorage } from '../src/attachments/attachment-storage';
import { runBackupCli } from '../src/cli/backup-cli';
import { Factory, inDays, TestUser } from './factories';
import { createTestApp, createTestDatabase, dropTestDatabase, TestApp } from './support/test-app';

const JWT_SECRET = 'test-secret-that-is-long-enough-0123456789';

/** Every file under a folder, as relative paths (the store, the incoming folder, temporary files). */
function filesUnder(dir: string): string[] {
  let found: string[] = [];
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  for (const name of entries) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found = found.concat(filesUnder(path).map((p) => join(name, p)));
    else found.push(name);
  }
  return found.sort();
}

/** A binary response body as bytes. */
const binary = (res: Response, callback: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
};

/** A 3000 × 2000 photo taken "on its side" (EXIF orientation 6), with a camera make and a GPS position. */
async function phonePhoto(): Promise<Buffer> {
  return sharp({ create: { width: 3000, height: 2000, channels: 3, background: '#2f7a4b' } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'JiuquanTestCam' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '39/1 44/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '98/1 30/1 0/1' },
    })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

/** A small PDF, as a department's reply letter would be (the bytes matter, not the layout). */
const LETTER = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n' +
    `% ${randomBytes(16).toString('hex')}\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
);

/** The EXIF GPS IFD pointer (tag 0x8825), little- or big-endian. */
const hasGpsTag = (exif: Buffer) =>
  exif.includes(Buffer.from([0x25, 0x88])) || exif.includes(Buffer.from([0x88, 0x25]));

describe('attachments on problems and visits', () => {
  let t: TestApp;
  let f: Factory;
  let dataDir: string;
  let manager: TestUser;
  let official: TestUser;
  let otherOfficial: TestUser;
  let handlerA: TestUser;
  let handlerB: TestUser;
  let problemA: { id: string };
  let progressEventId: string;
  let visitId: string;
  let photo: Buffer;

  const api = (path: string) => `/api/v1${path}`;
  const count = async () => (await t.db.query(`SELECT count(*)::int AS n FROM attachments`))[0].n as number;
  const stored = () => filesUnder(join(dataDir, 'attachments'));

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'outreach-attachments-'));
    chmodSync(dataDir, 0o755);
    t = await createTestApp({ DATA_DIR: dataDir, ATTACHMENT_MAX_MB: '1', ATTACHMENT_MAX_FILES: '3' });
    f = new Factory(t);
    const [depA, depB] = [await f.department(), await f.department()];
    manager = await f.user('manager');
    official = await f.user('official');
    otherOfficial = await f.user('official');
    handlerA = await f.user('handler', depA.id);
    handlerB = await f.user('handler', depB.id);
    const enterprise = await f.enterprise(official);
    problemA = await f.problem(official, enterprise.id);
    expect((await f.act(manager, problemA.id, 'assign', { departmentId: depA.id, dueAt: inDays(20) })).status).toBe(
      200,
    );
    expect((await f.act(handlerA, problemA.id, 'accept')).status).toBe(200);
    const progressed = await f.act(handlerA, problemA.id, 'progress', { note: '已到现场查看，附照片' });
    expect(progressed.status).toBe(200);
    progressEventId = progressed.body.events.at(-1).id;
    const visit = await t
      .http()
      .post(api('/visits'))
      .set(official.auth)
      .send({ enterpriseId: enterprise.id, visitedAt: inDays(-1), purpose: '现场走访' })
      .expect(201);
    visitId = visit.body.id;
    photo = await phonePhoto();
  });

  afterAll(async () => {
    await t?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('turns a phone photo upright, at most 1600 px, without its EXIF or GPS position, with a thumbnail', async () => {
    const input = await sharp(photo).metadata();
    expect(input.orientation).toBe(6);
    expect(hasGpsTag(input.exif!)).toBe(true);

    const res = await t
      .http()
      .post(api(`/problems/${problemA.id}/attachments`))
      .set(handlerA.auth)
      .field('eventId', progressEventId)
      .attach('file', photo, { filename: '现场照片.jpg', contentType: 'image/jpeg' })
      .expect(201);
    const [item] = res.body.items;
    expect(item).toMatchObject({
      ownerKind: 'problem',
      problemId: problemA.id,
      eventId: progressEventId,
      kind: 'image',
      mime: 'image/jpeg',
      originalName: '现场照片.jpg',
      width: 1067,
      height: 1600,
      createdBy: handlerA.id,
    });

    const file = await t.http().get(item.url).set(handlerA.auth).buffer(true).parse(binary).expect(200);
    expect(file.headers['content-type']).toBe('image/jpeg');
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('现场照片.jpg')}`);
    const body = file.body as Buffer;
    const output = await sharp(body).metadata();
    expect(Math.max(output.width!, output.height!)).toBeLessThanOrEqual(1600);
    expect([output.width, output.height]).toEqual([1067, 1600]);
    expect(output.orientation).toBeUndefined();
    expect(output.exif).toBeUndefined();
    expect(body.includes(Buffer.from('JiuquanTestCam'))).toBe(false);
    expect(body.length).toBe(item.size);

    const thumb = await t.http().get(item.thumbnailUrl).set(handlerA.auth).buffer(true).parse(binary).expect(200);
    const thumbMeta = await sharp(thumb.body as Buffer).metadata();
    expect(Math.max(thumbMeta.width!, thumbMeta.height!)).toBe(320);
    expect(thumbMeta.exif).toBeUndefined();

    // Listed on the problem, tied to its progress event (the timeline groups by eventId).
    const problem = await t
      .http()
      .get(api(`/problems/${problemA.id}`))
      .set(manager.auth)
      .expect(200);
    expect(problem.body.attachments).toEqual([expect.objectContaining({ id: item.id, eventId: progressEventId })]);
    // Nothing left in the incoming folder.
    expect(filesUnder(join(dataDir, 'attachments', 'incoming'))).toEqual([]);
  });

  it.each([
    [
      'a shell script named photo.jpg',
      Buffer.from('#!/bin/sh\nrm -rf / --no-preserve-root\n'),
      'photo.jpg',
      'image/jpeg',
    ],
    [
      'an HTML page named letter.pdf',
      Buffer.from('<html><script>alert(1)</script></html>'),
      'letter.pdf',
      'application/pdf',
    ],
    [
      'a JPEG start over garbage',
      Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(5000)]),
      'x.jpg',
      'image/jpeg',
    ],
    [
      'an SVG (script-capable) named image.png',
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
      'image.png',
      'image/png',
    ],
  ])('refuses %s with 400 naming file, storing nothing', async (_what, content, filename, contentType) => {
    const [rows, files] = [await count(), stored()];
    const res = await t
      .http()
      .post(api(`/problems/${problemA.id}/attachments`))
      .set(handlerA.auth)
      .attach('file', content, { filename, contentType })
      .expect(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [expect.objectContaining({ field: 'file' })] });
    expect(await count()).toBe(rows);
    expect(stored()).toEqual(files);
  });

  it('refuses a whole request when one of its files is not allowed: nothing of it is stored', async () => {
    const [rows, files] = [await count(), stored()];
    await t
      .http()
      .post(api(`/problems/${problemA.id}/attachments`))
      .set(handlerA.auth)
      .attach('file', LETTER, { filename: 'ok.pdf', contentType: 'application/pdf' })
      .attach('file', Buffer.from('MZ\x90\x00 not an image'), { filename: 'virus.png', contentType: 'image/png' })
      .expect(400);
    expect(await count()).toBe(rows);
    expect(stored()).toEqual(files);
  });

  it('refuses an oversized file with 413 naming file, leaving nothing on disk or in the table', async () => {
    const [rows, files] = [await count(), stored()];
    const big = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(3 * 1024 * 1024)]);
    const res = await t
      .http()
      .post(api(`/problems/${problemA.id}/attachments`))
      .set(handlerA.auth)
      .attach('file', big, { filename: 'big.jpg', contentType: 'image/jpeg' });
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      errors: [{ field: 'file', message: 'each file must be at most 1 MB' }],
    });
    expect(await count()).toBe(rows);
    expect(stored()).toEqual(files);
  });

  it('refuses more files than a request may carry with 413, and a body announced larger than that before reading it', async () => {
    const [rows, files] = [await count(), stored()];
    let request = t
      .http()
      .post(api(`/visits/${visitId}/attachments`))
      .set(official.auth);
    for (let i = 0; i < 4; i++)
      request = request.attach('file', LETTER, { filename: `${i}.pdf`, contentType: 'application/pdf' });
    const res = await request;
    expect(res.status).toBe(413);
    expect(res.body.errors).toEqual([{ field: 'file', message: 'at most 3 files per request' }]);

    const announced = await t
      .http()
      .post(api(`/visits/${visitId}/attachments`))
      .set(official.auth)
      .set('Content-Type', 'multipart/form-data; boundary=x')
      .set('Content-Length', String(50 * 1024 * 1024))
      .send('--x--')
      .catch((error: { response?: Response }) => error.response);
    // The refusal comes before the body: either the answer, or a connection closed early.
    if (announced) expect(announced.status).toBe(413);
    expect(await count()).toBe(rows);
    expect(stored()).toEqual(files);
  });

  it('keeps a PDF byte for byte, served inline under a strict policy', async () => {
    const res = await t
      .http()
      .post(api(`/problems/${problemA.id}/attachments`))
      .set(manager.auth)
      .attach('file', LETTER, { filename: '复函.pdf', contentType: 'application/octet-stream' })
      .expect(201);
    const [item] = res.body.items;
    expect(item).toMatchObject({ kind: 'pdf', mime: 'application/pdf', thumbnailUrl: null, width: null });
    const file = await t.http().get(item.url).set(handlerA.auth).buffer(true).parse(binary).expect(200);
    expect(Buffer.compare(file.body as Buffer, LETTER)).toBe(0);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-security-policy']).toMatch(/default-src 'none'/);
    expect(file.headers['content-disposition']).toMatch(/^inline; filename="__\.pdf"; filename\*=UTF-8''/);
    await t.http().get(`${item.url}/thumbnail`).set(handlerA.auth).expect(404);
  });

  it('answers 404 to a handler of another department, exactly as for a missing attachment', async () => {
    const problem = await t
      .http()
      .get(api(`/problems/${problemA.id}`))
      .set(manager.auth)
      .expect(200);
    const item = problem.body.attachments[0];
    const missing = api('/attachments/00000000-0000-4000-8000-000000000000');
    const [hidden, absent] = [
      await t.http().get(item.url).set(handlerB.auth),
      await t.http().get(missing).set(handlerB.auth),
    ];
    expect(hidden.status).toBe(404);
    expect(hidden.body).toEqual(absent.body);
    await t.http().get(item.thumbnailUrl).set(handlerB.auth).expect(404);
    await t.http().delete(item.url).set(handlerB.auth).expect(404);
    await t
      .http()
      .post(api(`/problems/${problemA.id}/attachments`))
      .set(handlerB.auth)
      .attach('file', LETTER, { filename: 'x.pdf' })
      .expect(404);
    // A visit's attachment follows the visit: a handler without a problem of it, an official without it, see nothing.
    const up = await t
      .http()
      .post(api(`/visits/${visitId}/attachments`))
      .set(official.auth)
      .attach('file', photo, { filename: 'visit.jpg' })
      .expect(201);
    const visitItem = up.body.items[0];
    await t.http().get(visitItem.url).set(handlerB.auth).expect(404);
    await t.http().get(visitItem.url).set(otherOfficial.auth).expect(404);
    await t.http().get(visitItem.url).set(manager.auth).expect(200);
    const visit = await t
      .http()
      .get(api(`/visits/${visitId}`))
      .set(official.auth)
      .expect(200);
    expect(visit.body.attachments.map((a: { id: string }) => a.id)).toContain(visitItem.id);
  });

  it('ties a file only to an event of the problem that the uploader recorded', async () => {
    const upload = (eventId: string) =>
      t
        .http()
        .post(api(`/problems/${problemA.id}/attachments`))
        .set(manager.auth)
        .field('eventId', eventId)
        .attach('file', LETTER, { filename: 'x.pdf' });
    expect((await upload(progressEventId).expect(400)).body.errors).toEqual([
      { field: 'eventId', message: 'attach files only to an event you recorded' },
    ]);
    expect((await upload('999999999').expect(400)).body.errors[0].field).toBe('eventId');
    expect((await upload('abc').expect(400)).body.errors[0].field).toBe('eventId');
  });

  it('stores nothing new on a retry with the same Idempotency-Key, and refuses the key with other files', async () => {
    const key = `att-${randomBytes(6).toString('hex')}`;
    const send = (content: Buffer) =>
      t
        .http()
        .post(api(`/visits/${visitId}/attachments`))
        .set(official.auth)
        .set('Idempotency-Key', key)
        .attach('file', content, { filename: 'retry.jpg' })
        .attach('file', LETTER, { filename: 'retry.pdf' });
    const first = await send(photo).expect(201);
    const rows = await count();
    const files = stored();
    const again = await send(photo).expect(201);
    expect(again.body).toEqual(first.body);
    expect(await count()).toBe(rows);
    expect(stored()).toEqual(files);
    const parallel = await Promise.all([send(photo), send(photo)]);
    expect(parallel.map((r) => r.status)).toEqual([201, 201]);
    expect(await count()).toBe(rows);
    expect((await send(Buffer.concat([LETTER, Buffer.from('x')])).expect(422)).body.code).toBe(
      'IDEMPOTENCY_KEY_REUSED',
    );
  });

  it('lets the uploader or a manager remove an attachment; the row stays, marked', async () => {
    const up = await t
      .http()
      .post(api(`/problems/${problemA.id}/attachments`))
      .set(handlerA.auth)
      .attach('file', LETTER, { filename: 'remove-me.pdf' })
      .expect(201);
    const item = up.body.items[0];
    await t.http().delete(item.url).set(official.auth).expect(403);
    await t.http().delete(item.url).set(handlerA.auth).expect(204);
    await t.http().get(item.url).set(handlerA.auth).expect(404);
    await t.http().delete(item.url).set(manager.auth).expect(404);
    const [row] = await t.db.query(`SELECT deleted_at, deleted_by FROM attachments WHERE id = $1`, [item.id]);
    expect(row.deleted_by).toBe(handlerA.id);
    expect(row.deleted_at).toBeInstanceOf(Date);
    const problem = await t
      .http()
      .get(api(`/problems/${problemA.id}`))
      .set(manager.auth)
      .expect(200);
    expect(problem.body.attachments.map((a: { id: string }) => a.id)).not.toContain(item.id);
  });

  it('backs up the files with the rows, and a restore brings them back byte for byte', async () => {
    const backupDir = mkdtempSync(join(tmpdir(), 'outreach-attachments-backup-'));
    chmodSync(backupDir, 0o755);
    const restoredDataDir = join(backupDir, 'data');
    const file = join(backupDir, 'with-files.jsonl.gz');
    const env = (url: string, dir: string) => ({ DATABASE_URL: url, JWT_SECRET, DATA_DIR: dir, LOG_LEVEL: 'silent' });
    const run = async (argv: string[], environment: NodeJS.ProcessEnv) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await runBackupCli(argv, environment, { out: (l) => out.push(l), err: (l) => err.push(l) });
      return { code, out: out.join('\n'), err: err.join('\n') };
    };
    const keys: { key: string }[] = await t.db.query(
      `SELECT DISTINCT k AS key FROM attachments, unnest(ARRAY[storage_key, thumbnail_key]) k WHERE k IS NOT NULL`,
    );
    // The photo and its thumbnail, the letter; files are stored once however often they were sent.
    expect(keys.length).toBeGreaterThanOrEqual(3);
    const url = await createTestDatabase();
    try {
      const backup = await run(['backup', file], env(t.databaseUrl, dataDir));
      expect(backup).toMatchObject({ code: 0, err: '' });
      expect(backup.out).toContain(`${keys.length} attachment files`);
      const restore = await run(['restore', file], env(url, restoredDataDir));
      expect(restore).toMatchObject({ code: 0, err: '' });
      expect(restore.out).toContain(`${keys.length} attachment files written back`);

      const before = new LocalAttachmentStorage(join(dataDir, 'attachments'));
      const after = new LocalAttachmentStorage(join(restoredDataDir, 'attachments'));
      for (const { key } of keys) {
        const original = readFileSync(before.pathOf(key));
        const back = readFileSync(after.pathOf(key));
        expect(Buffer.compare(back, original)).toBe(0);
        expect(createHash('sha256').update(back).digest('hex')).toBe(key);
      }
      expect(filesUnder(join(restoredDataDir, 'attachments')).length).toBe(keys.length);
    } finally {
      await dropTestDatabase(url);
      rmSync(backupDir, { recursive: true, force: true });
    }
  });
});
