import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { DateTime } from 'luxon';
import type { Stream } from 'node:stream';
import { Factory, TestUser } from './factories';
import { createTestApp, TestApp } from './support/test-app';

/**
 * The weekly report's visits section (走访情况), first in every format, and the report as a Word
 * document. The week is the current one (as of now), since visits are recorded with the instant
 * they are entered. Responsibilities are written straight into their table, as their own routes
 * would write them.
 *
 * - O1 answers for E1 (肃州区, key) since 100 days and for E2 (玉门市, other) since 5 days; O1
 *   visited E1 this week, promoting 稳岗返还.
 * - O2 answers for E3 (肃州区, above designated size, 60 days) since 200 days and never visited
 *   it: it was due 140 days ago. O2 made no visit this week.
 * So: 1 visit reaching 1 enterprise; quarter-to-date coverage 1 of 3 (肃州区 1 of 2, 玉门市 0 of 1);
 * O2 without a visit; E3 overdue.
 */

const DAY = 86_400_000;
const ZONE = 'Asia/Shanghai';

function binary(res: Stream, done: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

describe('weekly report: the visits section and the .docx', () => {
  let t: TestApp;
  let f: Factory;
  let manager: TestUser;
  let o1: TestUser;
  let o2: TestUser;
  let e3: { id: string; name: string };
  let week: string;

  const download = (format: string, lang = 'zh') =>
    t
      .http()
      .get('/api/v1/reports/weekly')
      .query({ week, format, lang })
      .set(manager.auth)
      .buffer(true)
      .parse(binary)
      .expect(200);

  async function responsibility(enterpriseId: string, userId: string, startsDaysAgo: number) {
    await t.db.query(
      `INSERT INTO responsibilities (enterprise_id, user_id, kind, starts_at, recorded_by)
       VALUES ($1, $2, 'official', $3, $4)`,
      [enterpriseId, userId, new Date(Date.now() - startsDaysAgo * DAY), manager.id],
    );
  }

  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
    manager = await f.user('manager');
    o1 = await f.user('official');
    o2 = await f.user('official');
    const e1 = await f.enterprise(manager, { district: 'suzhou', isKey: true });
    const e2 = await f.enterprise(manager, { district: 'yumen' });
    e3 = await f.enterprise(manager, { district: 'suzhou', isAboveScale: true, name: '超期未访测试企业有限公司' });
    await responsibility(e1.id, o1.id, 100);
    await responsibility(e2.id, o1.id, 5);
    await responsibility(e3.id, o2.id, 200);

    const now = DateTime.now().setZone(ZONE);
    week = now.toFormat("kkkk-'W'WW");
    // A visit inside this week and this quarter, before now.
    const start = DateTime.max(now.startOf('week'), now.startOf('quarter'));
    const visitedAt = start.plus({ milliseconds: Math.floor(now.diff(start).milliseconds / 2) });
    await t
      .http()
      .post('/api/v1/visits')
      .set(o1.auth)
      .send({ enterpriseId: e1.id, visitedAt: visitedAt.toISO(), policiesPromoted: ['稳岗返还'] })
      .expect(201);
  });

  afterAll(() => t.close());

  it('opens the JSON with the week visits, coverage by district, idle officials, overdue enterprises, policies', async () => {
    const res = await t.http().get('/api/v1/reports/weekly').query({ week }).set(manager.auth).expect(200);
    expect(Object.keys(res.body).slice(0, 3)).toEqual(['week', 'asOf', 'visits']);
    const { visits } = res.body;
    expect(visits).toMatchObject({
      visitsThisWeek: 1,
      enterprisesReached: 1,
      coverage: { enterprisesVisited: 1, enterprisesResponsible: 3, coverageRatePercent: 33.3 },
      officialsWithoutVisit: [{ userId: o2.id, name: `official ${o2.username}`, enterprises: 1 }],
      overdueTotal: 1,
      policies: [{ policy: '稳岗返还', visits: 1 }],
    });
    const district = (code: string) =>
      visits.coverage.districts.find((d: { districtCode: string }) => d.districtCode === code);
    expect(district('suzhou')).toMatchObject({
      enterprisesVisited: 1,
      enterprisesResponsible: 2,
      coverageRatePercent: 50,
    });
    expect(district('yumen')).toMatchObject({
      enterprisesVisited: 0,
      enterprisesResponsible: 1,
      coverageRatePercent: 0,
    });
    expect(visits.overdueEnterprises).toEqual([
      {
        enterpriseId: e3.id,
        name: e3.name,
        districtName: '肃州区',
        districtNameEn: 'Suzhou District',
        tier: 'above_scale',
        tierLabel: '规上企业',
        lastVisitAt: null,
        nextVisitDueAt: expect.any(String),
        daysOverdue: 140,
        officials: [`official ${o2.username}`],
      },
    ]);
  });

  it('puts the visits first in the spreadsheet, the CSV and the printable page', async () => {
    const xlsx = await download('xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(xlsx.body).buffer);
    expect(book.worksheets[0]!.name).toBe('走访情况');
    const sheet = book.worksheets[0]!;
    const values = sheet.getSheetValues().map((row) => (Array.isArray(row) ? row.slice(1) : []));
    expect(values).toContainEqual(['本周走访次数', 1]);
    expect(values).toContainEqual(['肃州区', 1, 2, 50]);
    expect(values).toContainEqual([
      e3.name,
      '肃州区',
      '规上企业',
      '从未走访',
      expect.any(String),
      140,
      `official ${o2.username}`,
    ]);

    const csv = (await download('csv')).body.toString('utf8');
    const lines = csv.slice(1).split('\r\n');
    expect(lines.indexOf('走访情况')).toBe(2);
    expect(lines.indexOf('走访情况')).toBeLessThan(lines.indexOf('概况'));
    expect(lines).toContain('本周走访次数,1');
    expect(lines).toContain('肃州区,1,2,50.0');
    expect(lines).toContain('稳岗返还,1');

    const html = (await download('html')).body.toString('utf8');
    expect(html.indexOf('<h2>走访情况</h2>')).toBeGreaterThan(0);
    expect(html.indexOf('<h2>走访情况</h2>')).toBeLessThan(html.indexOf('<h2>概况</h2>'));
    expect(html).toContain(
      '<tr><td>肃州区</td><td class="number">1</td><td class="number">2</td><td class="number">50.0 %</td></tr>',
    );
    expect(html).toContain('<figcaption>各县区季度累计走访覆盖率</figcaption>');
  });

  it('gives the whole report as a Word document: title, numbered sections, tables, charts', async () => {
    const res = await download('docx');
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers['content-disposition']).toContain(`attachment; filename="weekly-${week}.docx"`);
    const zip = await JSZip.loadAsync(res.body);
    const xml = await zip.file('word/document.xml')!.async('string');
    const texts = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]);
    const at = (text: string) => texts.indexOf(text);
    expect(at('酒泉市涉企问题办理周调度报告')).toBe(0);
    for (const heading of [
      '一、走访情况',
      '二、概况',
      '三、办结率',
      '四、各责任单位',
      '五、近八周趋势',
      '六、本周新增问题',
    ]) {
      expect(at(heading)).toBeGreaterThan(0);
    }
    expect(at('一、走访情况')).toBeLessThan(at('二、概况'));
    expect(texts).toContain('本周走访次数');
    expect(texts).toContain('33.3 %');
    expect(texts).toContain('50.0 %');
    expect(texts).toContain(e3.name);
    expect(texts).toContain('稳岗返还');
    // Three charts, each an SVG with a PNG for word processors without SVG.
    const media = Object.keys(zip.files).filter((name) => name.startsWith('word/media/'));
    expect(media.filter((name) => name.endsWith('.svg'))).toHaveLength(3);
    expect(media.filter((name) => name.endsWith('.png'))).toHaveLength(3);
    const png = await zip.file(media.find((name) => name.endsWith('.png'))!)!.async('uint8array');
    expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(xml).toContain('各县区季度累计走访覆盖率');

    const english = await JSZip.loadAsync((await download('docx', 'en')).body);
    const englishXml = await english.file('word/document.xml')!.async('string');
    expect(englishXml).toContain('1. Visits');
    expect(englishXml).not.toContain('走访情况');
  });

  it('refuses an unknown format, naming the field', async () => {
    const res = await t
      .http()
      .get('/api/v1/reports/weekly')
      .query({ week, format: 'pdf' })
      .set(manager.auth)
      .expect(400);
    expect(res.body.errors[0].field).toBe('format');
  });
});
