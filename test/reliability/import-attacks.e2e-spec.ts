import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDeflateRaw, crc32, deflateRawSync } from 'node:zlib';
import request from 'supertest';
import { freePort } from '../../src/database/embedded-postgres';
import { Factory, type TestUser } from '../factories';
import { validUscc } from '../factories/more';
import { ADMIN, createTestDatabase, dropTestDatabase, type TestApp } from '../support/test-app';
import { printFigure } from './figures';

/*
 * The import under attack, against the built service in a process of its own (so its memory is
 * its own): a CSV of a million rows, an .xlsx of millions of empty cells, a zip bomb whose
 * directory declares 1,000 bytes but which inflates to 1 GiB, all at once from three officials,
 * then an official sending two imports at once, then a real import at the row limit. Meanwhile a
 * manager keeps reading the enterprise list; the longest wait and the service's peak resident
 * memory (VmHWM) are printed and bounded.
 */

const MAIN = join(__dirname, '..', '..', 'dist', 'src', 'main.js');
const MAX_ROWS = 20_000;

// ---------------------------------------------------------------- files

interface ZipPart {
  name: string;
  /** The deflated bytes. */
  data: Buffer;
  crc: number;
  /** The inflated size the zip's headers declare (true for honest parts). */
  declared: number;
}

function honest(name: string, text: string): ZipPart {
  const bytes = Buffer.from(text, 'utf8');
  return { name, data: deflateRawSync(bytes), crc: crc32(bytes), declared: bytes.length };
}

/** A zip of deflated parts, with local headers and a central directory as any zip tool writes. */
function zip(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(0x21, 12); // 1980-01-01
    local.writeUInt32LE(part.crc >>> 0, 14);
    local.writeUInt32LE(part.data.length, 18);
    local.writeUInt32LE(part.declared, 22);
    local.writeUInt16LE(name.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt16LE(0x21, 14);
    entry.writeUInt32LE(part.crc >>> 0, 16);
    entry.writeUInt32LE(part.data.length, 20);
    entry.writeUInt32LE(part.declared, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, name, part.data);
    central.push(entry, name);
    offset += local.length + name.length + part.data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The parts of a one-sheet workbook other than the sheet itself. */
function frame(): ZipPart[] {
  return [
    honest(
      '[Content_Types].xml',
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
        `<Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
        `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    ),
    honest(
      '_rels/.rels',
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    honest(
      'xl/workbook.xml',
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
        `<sheets><sheet name="企业" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    honest(
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    ),
  ];
}

const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const SHEET_HEAD = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN_NS}"><sheetData>`;
const HEADINGS_ROW = `<row r="1">${inline('A1', '企业名称')}${inline('B1', '县区')}</row>`;
const SHEET_TAIL = `</sheetData></worksheet>`;

/** A real workbook in the same frame: one enterprise row. */
function smallXlsx(): Buffer {
  const sheet = `${SHEET_HEAD}${HEADINGS_ROW}<row r="2">${inline('A2', '手工构造有限公司')}${inline('B2', 'suzhou')}</row>${SHEET_TAIL}`;
  return zip([...frame(), honest('xl/worksheets/sheet1.xml', sheet)]);
}

/** 20,000 rows of 1,250 empty cells each: 25 million cells in about a hundred kilobytes. */
function emptyCellsXlsx(): Buffer {
  const row = Buffer.from(`<row>${'<c/>'.repeat(1250)}</row>`);
  const sheet = Buffer.concat([
    Buffer.from(SHEET_HEAD + HEADINGS_ROW),
    ...Array.from({ length: 20_000 }, () => row),
    Buffer.from(SHEET_TAIL),
  ]);
  return zip([
    ...frame(),
    {
      name: 'xl/worksheets/sheet1.xml',
      data: deflateRawSync(sheet, { level: 9 }),
      crc: crc32(sheet),
      declared: sheet.length,
    },
  ]);
}

/** A sheet that inflates to 1 GiB (spaces between two rows) while its zip headers declare 1,000 bytes. */
async function zipBomb(): Promise<Buffer> {
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  const ended = new Promise((resolve) => deflate.on('end', resolve));
  let crc = 0;
  const write = async (bytes: Buffer) => {
    crc = crc32(bytes, crc);
    if (!deflate.write(bytes)) await new Promise((resolve) => deflate.once('drain', resolve));
  };
  await write(Buffer.from(SHEET_HEAD + HEADINGS_ROW));
  const spaces = Buffer.alloc(1024 * 1024, 0x20);
  for (let i = 0; i < 1024; i += 1) await write(spaces);
  await write(Buffer.from(`<row r="2">${inline('A2', '炸弹有限公司')}${inline('B2', 'suzhou')}</row>${SHEET_TAIL}`));
  deflate.end();
  await ended;
  return zip([...frame(), { name: 'xl/worksheets/sheet1.xml', data: Buffer.concat(out), crc, declared: 1000 }]);
}

/** A CSV of valid enterprise rows. */
function enterprisesCsv(rows: number, serial: number): Buffer {
  const lines = Array.from(
    { length: rows },
    (_, i) => `攻击测试企业${serial + i}有限公司,${validUscc(serial + i)},suzhou`,
  );
  return Buffer.from(`企业名称,统一社会信用代码,县区\r\n${lines.join('\r\n')}\r\n`, 'utf8');
}

// ---------------------------------------------------------------- the service

interface Service {
  child: ChildProcess;
  base: string;
  output: () => string;
}

async function startService(databaseUrl: string): Promise<Service> {
  const port = await freePort();
  let output = '';
  const child = spawn(process.execPath, [MAIN], {
    env: {
      PATH: process.env.PATH ?? '',
      DATABASE_URL: databaseUrl,
      JWT_SECRET: 'Xq7vN2pK9wLm4Rt8Zs3Bf6Hd1Jy5Gc0Ea2Uo',
      PORT: String(port),
      DEMO_DATA: 'false',
      ADMIN_USERNAME: ADMIN.username,
      ADMIN_PASSWORD: ADMIN.password,
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_MINUTE: '0',
      WARNING_SCAN_INTERVAL_SECONDS: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 45_000;
  for (;;) {
    const ok = await request(base)
      .get('/api/v1/health')
      .timeout(2000)
      .then((res) => res.status === 200)
      .catch(() => false);
    if (ok) return { child, base, output: () => output };
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`the service did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The peak resident memory of a process so far, in MB (Linux's VmHWM). */
function peakRssMb(pid: number): number {
  const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  if (!kb) throw new Error('no VmHWM in /proc: these figures need Linux');
  return Math.round(Number(kb) / 1024);
}

/** Another user reading the enterprise list, one request after the other, until stopped. */
function observer(base: string, user: TestUser) {
  const waits: number[] = [];
  const failures: string[] = [];
  /** The longest wait in each phase of the test. */
  const longest: Record<string, number> = {};
  const state = { phase: 'attacks' };
  let running = true;
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      const res = await request(base)
        .get('/api/v1/enterprises?limit=5')
        .set(user.auth)
        .timeout(10_000)
        .catch((error: Error) => ({ status: 0, text: error.message }));
      const waited = performance.now() - started;
      waits.push(waited);
      longest[state.phase] = Math.max(longest[state.phase] ?? 0, Math.round(waited));
      if (res.status !== 200) failures.push(`${res.status} ${res.text.slice(0, 200)}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  return {
    waits,
    failures,
    longest,
    state,
    async stop() {
      running = false;
      await loop;
    },
  };
}

describe('import attacks against the running service', () => {
  let databaseUrl: string;
  let service: Service;
  let f: Factory;
  let manager: TestUser;
  const officials: TestUser[] = [];

  const upload = (as: TestUser, file: Buffer, name: string, query = '') =>
    request(service.base)
      .post(`/api/v1/enterprises/import${query}`)
      .set(as.auth)
      .attach('file', file, name)
      .timeout(120_000);

  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
    service = await startService(databaseUrl);
    f = new Factory({ http: () => request(service.base) } as unknown as TestApp);
    manager = await f.user('manager');
    for (let i = 0; i < 3; i += 1) officials.push(await f.user('official'));
  }, 90_000);

  afterAll(async () => {
    if (service) {
      const exited = new Promise((resolve) => service.child.once('exit', resolve));
      service.child.kill('SIGTERM');
      await exited;
    }
    if (databaseUrl) await dropTestDatabase(databaseUrl);
  }, 30_000);

  it('refuses each hostile file at its limit while other users wait under a second and memory stays low', async () => {
    // The hand-built frame is a real workbook: its one row is read.
    const small = await upload(officials[0]!, smallXlsx(), 'small.xlsx', '?dryRun=true');
    expect({ status: small.status, body: small.body }).toMatchObject({ status: 200, body: { total: 1, created: 1 } });

    const manyRows = Buffer.from(`企业名称,县区\n${'a,b\n'.repeat(1_300_000)}`, 'utf8');
    const emptyCells = emptyCellsXlsx();
    const bomb = await zipBomb();
    expect(manyRows.length).toBeLessThan(5 * 1024 * 1024);
    expect(emptyCells.length).toBeLessThan(300 * 1024);
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);

    const watch = observer(service.base, manager);
    const started = performance.now();
    // Three officials at once, each file twice in a row.
    const attacks = await Promise.all(
      [
        { as: officials[0]!, file: manyRows, name: 'rows.csv', refusal: `more than ${MAX_ROWS} rows` },
        { as: officials[1]!, file: emptyCells, name: 'cells.xlsx', refusal: 'cells' },
        { as: officials[2]!, file: bomb, name: 'bomb.xlsx', refusal: 'too large once unpacked' },
      ].map(async (attack) => {
        const outcomes = [];
        for (let round = 0; round < 2; round += 1) {
          const t0 = performance.now();
          const res = await upload(attack.as, attack.file, attack.name);
          outcomes.push({
            name: attack.name,
            status: res.status,
            field: res.body.errors?.[0]?.field,
            ms: performance.now() - t0,
            message: res.body.message as string,
          });
        }
        return outcomes.map((o) => ({ ...o, refusedForLimit: o.message?.includes(attack.refusal) ?? false }));
      }),
    );
    const attackMs = performance.now() - started;

    // One official, two imports at once: one runs, the other is told to wait.
    watch.state.phase = 'pair';
    const atCap = enterprisesCsv(MAX_ROWS, 500_000);
    const pair = await Promise.all([
      upload(officials[0]!, atCap, 'cap.csv', '?dryRun=true'),
      upload(officials[0]!, atCap, 'cap.csv', '?dryRun=true'),
    ]);
    // A real import at the row limit is written; one row more is refused.
    watch.state.phase = 'real';
    const real = await upload(manager, atCap, 'cap.csv');
    const over = await upload(manager, enterprisesCsv(MAX_ROWS + 1, 600_000), 'over.csv', '?dryRun=true');
    await watch.stop();
    const peak = peakRssMb(service.child.pid!);
    const longestWait = Math.round(Math.max(...watch.waits));

    printFigure('import-attacks', {
      attacks: attacks.flat().length,
      attackSeconds: (attackMs / 1000).toFixed(1),
      slowestRefusalMs: Math.round(Math.max(...attacks.flat().map((a) => a.ms))),
      observerRequests: watch.waits.length,
      longestWaitMs: longestWait,
      ...Object.fromEntries(Object.entries(watch.longest).map(([phase, ms]) => [`${phase}WaitMs`, ms])),
      peakRssMb: peak,
      bombBytes: bomb.length,
      emptyCellsBytes: emptyCells.length,
    });

    for (const outcome of attacks.flat()) {
      expect({ ...outcome, ms: undefined, message: undefined }).toEqual({
        name: outcome.name,
        status: 400,
        field: 'file',
        ms: undefined,
        message: undefined,
        refusedForLimit: true,
      });
    }
    expect(pair.map((res) => res.status).sort()).toEqual([200, 409]);
    const busy = pair.find((res) => res.status === 409)!;
    expect(busy.body).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('an import of yours is still running'),
    });
    expect(real.status).toBe(200);
    expect(real.body).toMatchObject({ total: MAX_ROWS, created: MAX_ROWS, rejected: [] });
    expect(over.status).toBe(400);
    expect(over.body.errors).toEqual([
      { field: 'file', message: `has more than ${MAX_ROWS} rows: split it into files of at most that many rows` },
    ]);
    expect(watch.failures).toEqual([]);
    expect(watch.waits.length).toBeGreaterThan(20);
    expect(longestWait).toBeLessThan(1000);
    expect(peak).toBeLessThan(500);
    expect(service.child.exitCode).toBeNull();
  }, 180_000);
});
