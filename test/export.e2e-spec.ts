import ExcelJS from 'exceljs';
import type { Response } from 'superagent';
import { ProblemsService } from '../src/problems/problems.service';
import * as exportColumns from '../src/problems/export/export-columns';
import { Factory, TestUser } from './factories';
import { createTestApp, TestApp } from './support/test-app';

const ZH_HEADINGS = [
  '编号',
  '标题',
  '企业',
  '县区',
  '类别',
  '来源',
  '状态',
  '责任单位',
  '登记时间',
  '办理时限',
  '已办天数',
  '超期工作日',
  '督办',
  '最近动态',
  '协办单位',
];
const EN_HEADINGS = [
  'Code',
  'Title',
  'Enterprise',
  'District',
  'Category',
  'Source',
  'Status',
  'Department',
  'Reported',
  'Due',
  'Days open',
  'Working days overdue',
  'Escalated',
  'Latest activity',
  'Assisting departments',
];

const COMMA_QUOTE_TITLE = '光伏组件运输车辆限行, "绿色通道"未落实';
const FORMULA_TITLE = '=HYPERLINK("http://example.com","点击")';
/** A Chinese title reported at 23:30 UTC, which is 07:30 the next day in Beijing. */
const LATE_TITLE = '园区110千伏变电站扩容迟迟未批';
const LATE_REPORTED_AT = '2025-03-31T23:30:00Z';
/** 2025-06-30 18:00 Beijing time (the assign deadline is in the future; the test pins an explicit one). */
const DUE_AT = '2099-06-30T10:00:00Z';
/** Midnight in Beijing: a deadline at the end of 2099-07-14. */
const DUE_END_OF_DAY = '2099-07-15T00:00:00+08:00';

/** Collects a binary body (supertest only buffers text by itself). */
function binary(res: Response, done: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

/** A small RFC 4180 reader for the test, written apart from the code under test. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else field += c;
  }
  if (field !== '' || row.length) throw new Error('the CSV does not end with CRLF');
  return rows;
}

async function readXlsx(body: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(body).buffer);
  return workbook.worksheets[0]!;
}

/** Row values as a 0-based array of what the cells hold. */
function values(sheet: ExcelJS.Worksheet, rowNumber: number): unknown[] {
  return (sheet.getRow(rowNumber).values as unknown[]).slice(1);
}

const shanghaiDay = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(new Date())
    .replace(/-/g, '');

describe('export of the resolution list', () => {
  let t: TestApp;
  let f: Factory;
  let official: TestUser;
  let manager: TestUser;
  let handler: TestUser;
  let departmentA: { id: string; name: string };
  let departmentB: { id: string; name: string };
  let bulkEnterprise: { id: string };
  const problems: { id: string; code: string; title: string }[] = [];
  const assignedA: string[] = [];
  const assignedB: string[] = [];
  const bulkCodes: string[] = [];

  const download = (query: string, as: TestUser = manager) =>
    t.http().get(`/api/v1/problems/export?${query}`).set(as.auth).buffer(true).parse(binary);

  beforeAll(async () => {
    // Pages of 200 (the service reads 2,000 at a time by default): the bulk list below spans three.
    t = await createTestApp({ EXPORT_PAGE_ROWS: '200' });
    f = new Factory(t);
    official = await f.user('official');
    manager = await f.user('manager');
    departmentA = await f.department('市工信局');
    departmentB = await f.department('国网酒泉供电公司');
    handler = await f.user('handler', departmentA.id);
    const guazhou = await f.enterprise(official, { name: '酒泉瓜州风电装备有限公司', district: 'guazhou' });
    const dunhuang = await f.enterprise(official, { name: '敦煌文旅发展有限公司', district: 'dunhuang' });
    bulkEnterprise = await f.enterprise(official, { name: '玉门油田化工有限公司', district: 'yumen' });

    for (let i = 0; i < 30; i += 1) {
      const title = i === 0 ? LATE_TITLE : i === 1 ? COMMA_QUOTE_TITLE : i === 2 ? FORMULA_TITLE : `问题${i}`;
      const reportedAt = i === 0 ? LATE_REPORTED_AT : new Date(Date.UTC(2025, 2, 1, 1, i)).toISOString();
      const p = await f.problem(official, i % 2 ? dunhuang.id : guazhou.id, {
        title,
        reportedAt,
        source: i === 0 ? 'hotline' : 'visit',
      });
      problems.push({ ...p, title });
    }
    // Ten assigned: six to department A (the first of them the late Chinese title), four to B.
    for (const [n, p] of problems.slice(0, 10).entries()) {
      const department = n < 6 ? departmentA : departmentB;
      const dueAt = n === 9 ? DUE_END_OF_DAY : DUE_AT;
      const res = await f.act(manager, p.id, 'assign', { departmentId: department.id, dueAt }, 1);
      expect(res.status).toBe(200);
      (n < 6 ? assignedA : assignedB).push(p.code);
    }
    expect((await f.act(manager, problems[0]!.id, 'escalate', { note: '请加快办理' })).status).toBe(200);
  });

  afterAll(() => t.close());

  it('exports a spreadsheet with bold, frozen Chinese headings, one row per problem and Beijing times', async () => {
    const res = await download('format=xlsx').expect(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const day = shanghaiDay();
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="problems-${day}.xlsx"; filename*=UTF-8''${encodeURIComponent(`问题清单-${day}.xlsx`)}`,
    );

    const sheet = await readXlsx(res.body);
    expect(values(sheet, 1)).toEqual(ZH_HEADINGS);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getColumn(2).width).toBe(40);
    expect(sheet.rowCount).toBe(31);

    const codes = Array.from({ length: 30 }, (_, i) => values(sheet, i + 2)[0]);
    expect([...codes].sort()).toEqual(problems.map((p) => p.code).sort());
    // Newest first, as the list: the late problem (31 March UTC) comes before the 1 March ones.
    expect(codes[0]).toBe(problems[0]!.code);

    expect(values(sheet, 2)).toEqual([
      problems[0]!.code,
      LATE_TITLE,
      '酒泉瓜州风电装备有限公司',
      '瓜州县',
      '要素保障',
      '12345热线',
      '已交办',
      '市工信局',
      // Real spreadsheet dates holding the Beijing wall time (a spreadsheet date has no zone).
      new Date('2025-04-01T07:30:00Z'),
      new Date('2099-06-30T18:00:00Z'),
      expect.any(Number),
      0,
      '是',
      expect.stringMatching(/^督办 \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/),
    ]);
    const row = (code: string) => values(sheet, codes.indexOf(code) + 2);
    expect(row(problems[11]!.code).slice(1, 8)).toEqual([
      '问题11',
      '敦煌文旅发展有限公司',
      '敦煌市',
      '要素保障',
      '走访',
      '待交办',
      undefined,
    ]);
    expect(row(problems[11]!.code)[12]).toBe('否');
    expect(row(problems[11]!.code)[13]).toMatch(/^登记 /);
    // In the spreadsheet a title is a text cell, never a formula.
    expect(row(problems[2]!.code)[1]).toBe(FORMULA_TITLE);
  });

  it('writes dates as date cells, an end-of-day deadline as its day "by end of day"', async () => {
    const sheet = await readXlsx((await download('format=xlsx').expect(200)).body);
    const rowOf = (code: string) =>
      sheet.getRow(Array.from({ length: 30 }, (_, i) => values(sheet, i + 2)[0]).indexOf(code) + 2);
    const late = rowOf(problems[0]!.code);
    expect(late.getCell(9).type).toBe(ExcelJS.ValueType.Date);
    expect(late.getCell(9).numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(late.getCell(10).type).toBe(ExcelJS.ValueType.Date);
    expect(late.getCell(10).numFmt).toBe('yyyy-mm-dd hh:mm');
    const endOfDay = rowOf(problems[9]!.code);
    expect(endOfDay.getCell(10).type).toBe(ExcelJS.ValueType.Date);
    expect(endOfDay.getCell(10).value).toEqual(new Date('2099-07-14T00:00:00Z'));
    expect(endOfDay.getCell(10).numFmt).toBe('yyyy-mm-dd "当日24时前"');

    const english = await readXlsx((await download('format=xlsx&lang=en').expect(200)).body);
    const englishRow = english.getRow(
      Array.from({ length: 30 }, (_, i) => values(english, i + 2)[0]).indexOf(problems[9]!.code) + 2,
    );
    expect(englishRow.getCell(10).numFmt).toBe('yyyy-mm-dd "by end of day"');
    // The CSV keeps the instant as yyyy-MM-dd HH:mm text in the report time zone.
    const csv = readCsv((await download('format=csv').expect(200)).body.toString('utf8').slice(1));
    expect(csv.find((r) => r[0] === problems[9]!.code)![9]).toBe('2099-07-15 00:00');
  });

  it('exports CSV: a byte-order mark, CRLF lines, quoted commas and quotes, neutralised formulas', async () => {
    const res = await download('format=csv').expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toContain(`filename="problems-${shanghaiDay()}.csv"`);
    const body: Buffer = res.body;
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = body.toString('utf8').slice(1);
    expect(text).not.toMatch(/[^\r]\n/);
    expect(text).toContain(`"光伏组件运输车辆限行, ""绿色通道""未落实"`);

    const rows = readCsv(text);
    expect(rows[0]).toEqual(ZH_HEADINGS);
    expect(rows).toHaveLength(31);
    const byCode = new Map(rows.slice(1).map((r) => [r[0], r]));
    expect([...byCode.keys()].sort()).toEqual(problems.map((p) => p.code).sort());
    expect(byCode.get(problems[0]!.code)!.slice(0, 10)).toEqual([
      problems[0]!.code,
      LATE_TITLE,
      '酒泉瓜州风电装备有限公司',
      '瓜州县',
      '要素保障',
      '12345热线',
      '已交办',
      '市工信局',
      '2025-04-01 07:30',
      '2099-06-30 18:00',
    ]);
    expect(byCode.get(problems[0]!.code)![12]).toBe('是');
    expect(byCode.get(problems[1]!.code)![1]).toBe(COMMA_QUOTE_TITLE);
    expect(byCode.get(problems[2]!.code)![1]).toBe(`'${FORMULA_TITLE}`);
    expect(byCode.get(problems[11]!.code)![7]).toBe('');
  });

  it('applies the list filters', async () => {
    const codesOf = async (query: string) => {
      const rows = readCsv((await download(`format=csv&${query}`).expect(200)).body.toString('utf8').slice(1));
      return rows.slice(1).map((r) => r[0]);
    };
    expect((await codesOf('status=assigned')).sort()).toEqual([...assignedA, ...assignedB].sort());
    expect((await codesOf(`departmentId=${departmentA.id}`)).sort()).toEqual([...assignedA].sort());
    expect((await codesOf('status=reported&district=dunhuang')).length).toBe(10);
    expect((await codesOf('status=reported,assigned')).length).toBe(30);
    expect(await codesOf('escalated=true')).toEqual([problems[0]!.code]);
    expect(await codesOf(`q=${encodeURIComponent('变电站')}`)).toEqual([problems[0]!.code]);
    expect(await codesOf('status=closed')).toEqual([]);

    const sheet = await readXlsx((await download('format=xlsx&status=assigned').expect(200)).body);
    expect(sheet.rowCount).toBe(11);
  });

  it('writes English headings and labels with lang=en', async () => {
    const sheet = await readXlsx((await download('format=xlsx&lang=en&escalated=true').expect(200)).body);
    expect(values(sheet, 1)).toEqual(EN_HEADINGS);
    expect(values(sheet, 2).slice(5, 7)).toEqual(['12345 hotline', 'Assigned']);
    expect(values(sheet, 2)[12]).toBe('Yes');
    expect(values(sheet, 2)[13]).toMatch(/^Escalated /);

    const csv = readCsv((await download('format=csv&lang=en').expect(200)).body.toString('utf8').slice(1));
    expect(csv[0]).toEqual(EN_HEADINGS);
  });

  it('is for managers and admins: a handler and an official get 403', async () => {
    for (const as of [handler, official]) {
      const res = await t.http().get('/api/v1/problems/export?format=csv').set(as.auth).expect(403);
      expect(res.body.code).toBe('FORBIDDEN');
    }
    await t.http().get('/api/v1/problems/export?format=csv').expect(401);
    const admin = await f.admin();
    await t.http().get('/api/v1/problems/export?format=csv').set(admin).expect(200);
  });

  it('refuses a bad or missing format, a bad filter and a page parameter, naming the field', async () => {
    for (const [query, field] of [
      ['format=pdf', 'format'],
      ['', 'format'],
      ['format=csv&lang=fr', 'lang'],
      ['format=csv&status=open', 'status'],
      ['format=csv&limit=10', 'limit'],
      ['format=csv&cursor=abc', 'cursor'],
    ]) {
      const res = await t.http().get(`/api/v1/problems/export?${query}`).set(manager.auth);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.body.errors[0].field).toBe(field);
    }
  });

  describe('a list longer than two pages of 200', () => {
    beforeAll(async () => {
      const queue = Array.from({ length: 450 }, (_, i) => i);
      const worker = async () => {
        for (let i = queue.shift(); i !== undefined; i = queue.shift()) {
          const p = await f.problem(official, bulkEnterprise.id, {
            title: `批量问题${i}`,
            reportedAt: new Date(Date.UTC(2024, 0, 1) + Math.floor(i / 3) * 60_000).toISOString(),
          });
          bulkCodes.push(p.code);
        }
      };
      await Promise.all(Array.from({ length: 8 }, worker));
    });

    it('exports every row exactly once, as xlsx and as CSV', async () => {
      const csv = readCsv(
        (await download(`format=csv&enterpriseId=${bulkEnterprise.id}`).expect(200)).body.toString('utf8').slice(1),
      );
      expect(csv).toHaveLength(451);
      const csvCodes = csv.slice(1).map((r) => r[0]);
      expect(new Set(csvCodes).size).toBe(450);
      expect([...csvCodes].sort()).toEqual([...bulkCodes].sort());

      const sheet = await readXlsx((await download(`format=xlsx&enterpriseId=${bulkEnterprise.id}`).expect(200)).body);
      expect(sheet.rowCount).toBe(451);
      const xlsxCodes = Array.from({ length: 450 }, (_, i) => values(sheet, i + 2)[0]);
      expect(xlsxCodes).toEqual(csvCodes);

      const all = readCsv((await download('format=csv').expect(200)).body.toString('utf8').slice(1));
      expect(all).toHaveLength(481);
    });

    it('reads the list a page of 200 at a time, each written before the next is read', async () => {
      const service = t.app.get(ProblemsService);
      const real = service.exportPage.bind(service);
      // When each read starts, how many rows have been turned into cells for the file.
      const written = jest.spyOn(exportColumns, 'cells');
      const writtenAtRead: number[] = [];
      const list = jest.spyOn(service, 'exportPage').mockImplementation((user, query, each) => {
        writtenAtRead.push(written.mock.calls.length);
        return real(user, query, each);
      });
      try {
        await download(`format=csv&enterpriseId=${bulkEnterprise.id}`).expect(200);
        expect(list).toHaveBeenCalledTimes(3);
        expect(list.mock.calls.map(([, query]) => query.limit)).toEqual([200, 200, 200]);
        expect(list.mock.calls[0]![1].cursor).toBeUndefined();
        expect(list.mock.calls[1]![1].cursor).toEqual(expect.any(String));
        // Rows are written as they arrive; the next page is asked for once the one before is written.
        expect(writtenAtRead).toEqual([0, 200, 400]);
        expect(written).toHaveBeenCalledTimes(450);
      } finally {
        list.mockRestore();
        written.mockRestore();
      }
    });

    it('answers an ordinary error when the database fails before the first byte', async () => {
      const list = jest
        .spyOn(t.app.get(ProblemsService), 'exportPage')
        .mockRejectedValueOnce(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
      try {
        const res = await t.http().get('/api/v1/problems/export?format=xlsx').set(manager.auth).expect(503);
        expect(res.body.code).toBe('DATABASE_UNAVAILABLE');
        expect(res.headers['content-disposition']).toBeUndefined();
      } finally {
        list.mockRestore();
      }
    });

    it.each(['csv', 'xlsx'])('breaks off the %s download when the database fails mid-stream', async (format) => {
      const service = t.app.get(ProblemsService);
      const real = service.exportPage.bind(service);
      const list = jest
        .spyOn(service, 'exportPage')
        // The third page fails: it is asked for once the first two are written.
        .mockImplementationOnce(real)
        .mockImplementationOnce(real)
        .mockRejectedValueOnce(Object.assign(new Error('Connection terminated unexpectedly'), { code: 'ECONNRESET' }));
      try {
        const outcome = await download(`format=${format}&enterpriseId=${bulkEnterprise.id}`).then(
          (res) => ({ completed: true, status: res.status }),
          (error: Error) => ({ completed: false, error: error.message }),
        );
        expect(outcome).toMatchObject({ completed: false });
        expect(list).toHaveBeenCalledTimes(3);
      } finally {
        list.mockRestore();
      }
      // The application carries on.
      await download('format=csv&status=assigned').expect(200);
    });
  });
});
