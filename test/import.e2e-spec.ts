import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { Response } from 'superagent';
import { Factory, TestUser } from './factories';
import { countRows, validUscc } from './factories/more';
import { createTestApp, TestApp } from './support/test-app';

const ZH_HEADINGS = [
  '企业名称',
  '统一社会信用代码',
  '县区',
  '行业',
  '规上企业',
  '重点企业',
  '地址',
  '联系人',
  '联系电话',
];

/** A CSV as Excel writes "CSV UTF-8": a byte-order mark, CRLF line ends, quotes where needed. */
function csv(rows: string[][]): Buffer {
  const field = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return Buffer.from(`\uFEFF${rows.map((row) => row.map(field).join(',')).join('\r\n')}\r\n`, 'utf8');
}

async function xlsx(rows: ExcelJS.CellValue[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('企业');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function binary(res: Response, done: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

/** A credit code with a wrong check character. */
function badCheck(serial: number): string {
  const good = validUscc(serial);
  return good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
}

describe('import of enterprises', () => {
  let t: TestApp;
  let f: Factory;
  let official: TestUser;
  let manager: TestUser;
  let handler: TestUser;
  let admin: TestUser;

  const upload = (file: Buffer, filename: string, as: TestUser = official, query = '') =>
    t.http().post(`/api/v1/enterprises/import${query}`).set(as.auth).attach('file', file, filename);

  const enterprise = async (uscc: string) => {
    const [row] = await t.db.query(
      `SELECT name, district_code AS district, industry, is_above_scale AS "isAboveScale", is_key AS "isKey",
              address, contact_name AS "contactName", contact_phone AS "contactPhone"
       FROM enterprises WHERE uscc = $1`,
      [uscc],
    );
    return row;
  };

  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
    official = await f.user('official');
    manager = await f.user('manager');
    admin = await f.user('admin');
    const department = await f.department();
    handler = await f.user('handler', department.id);
  });

  afterAll(() => t.close());

  it('imports a CSV: valid rows created, bad rows reported by row number and field', async () => {
    const before = await countRows(t, 'enterprises');
    const file = csv([
      [...ZH_HEADINGS, '备注'],
      [
        '酒泉凯盛新能源装备有限公司',
        validUscc(101),
        '肃州区',
        '新能源装备',
        '是',
        '否',
        '酒泉市肃州区工业园',
        '张伟',
        '0937-2612345',
        '忽略',
      ],
      ['敦煌文旅发展有限公司', '', 'dunhuang', '旅游', 'false', '1', '', '', '', ''],
      ['金塔县某农产品加工厂', badCheck(102), '金塔县', '', '', '', '', '', '', ''],
      ['火星科技有限公司', validUscc(103), '火星区', '', '', '', '', '', '', ''],
      ['', validUscc(104), 'suzhou', '', '', '', '', '', '', ''],
      ['', '', '', '', '', '', '', '', '', ''],
      [
        '瓜州县风电运维有限公司',
        validUscc(105).toLowerCase(),
        '瓜州县',
        '可再生能源',
        '1',
        '是',
        '瓜州县柳园镇, 风电园区8号',
        '',
        '',
        '',
      ],
      ['玉门油田化工有限公司', validUscc(106), '玉门市', '', '也许', '', '', '', '12', ''],
    ]);
    const res = await upload(file, '企业.csv').expect(200);
    // Eight rows under the headings, one of them blank: seven are read.
    expect(res.body).toEqual({
      total: 7,
      created: 3,
      updated: 0,
      unchanged: 0,
      rejected: [
        { row: 4, errors: [{ field: 'uscc', message: expect.stringContaining('check character should be') }] },
        { row: 5, errors: [{ field: 'district', message: expect.stringContaining('火星区') }] },
        { row: 6, errors: [{ field: 'name', message: expect.stringContaining('required') }] },
        {
          row: 9,
          errors: [
            { field: 'isAboveScale', message: expect.stringContaining('是 or 否') },
            { field: 'contactPhone', message: expect.stringContaining('contactPhone') },
          ],
        },
      ],
    });
    expect(await countRows(t, 'enterprises')).toBe(before + 3);
    expect(await enterprise(validUscc(101))).toEqual({
      name: '酒泉凯盛新能源装备有限公司',
      district: 'suzhou',
      industry: '新能源装备',
      isAboveScale: true,
      isKey: false,
      address: '酒泉市肃州区工业园',
      contactName: '张伟',
      contactPhone: '0937-2612345',
    });
    expect(await enterprise(validUscc(105))).toMatchObject({
      district: 'guazhou',
      isAboveScale: true,
      isKey: true,
      address: '瓜州县柳园镇, 风电园区8号',
    });
    const [dunhuang] = await t.db.query(
      `SELECT district_code AS district, is_above_scale AS "isAboveScale", is_key AS "isKey", uscc
       FROM enterprises WHERE name = '敦煌文旅发展有限公司'`,
    );
    expect(dunhuang).toEqual({ district: 'dunhuang', isAboveScale: false, isKey: true, uscc: null });
    expect(
      await countRows(t, 'enterprises', 'uscc = ANY($1)', [[validUscc(103), validUscc(104), validUscc(106)]]),
    ).toBe(0);
  });

  it('imports an xlsx with English headings and typed cells', async () => {
    const file = await xlsx([
      ['uscc', 'Name', 'district', 'isAboveScale', 'isKey', 'contactPhone', 'unknown column'],
      [validUscc(201), '肃北县矿业有限公司', 'subei', true, false, 13912345678, 'x'],
      [
        validUscc(202),
        { richText: [{ text: '阿克塞' }, { text: '光热发电有限公司' }] },
        '阿克塞哈萨克族自治县',
        1,
        0,
        null,
        null,
      ],
      [badCheck(203), '坏代码有限公司', 'suzhou', null, null, null, null],
      [validUscc(204), '未知县区有限公司', 'atlantis', null, null, null, null],
      [validUscc(205), null, 'suzhou', null, null, null, null],
    ]);
    const res = await upload(file, 'enterprises.xlsx', manager).expect(200);
    expect(res.body).toMatchObject({ total: 5, created: 2, updated: 0, unchanged: 0 });
    expect(res.body.rejected).toEqual([
      { row: 4, errors: [{ field: 'uscc', message: expect.stringContaining('check character') }] },
      { row: 5, errors: [{ field: 'district', message: expect.stringContaining('atlantis') }] },
      { row: 6, errors: [{ field: 'name', message: expect.any(String) }] },
    ]);
    expect(await enterprise(validUscc(201))).toMatchObject({
      name: '肃北县矿业有限公司',
      district: 'subei',
      isAboveScale: true,
      isKey: false,
      contactPhone: '13912345678',
    });
    expect(await enterprise(validUscc(202))).toMatchObject({ name: '阿克塞光热发电有限公司', district: 'aksay' });
  });

  it('updates on a second import instead of doubling; an unchanged row is left alone', async () => {
    const rows = [
      ZH_HEADINGS,
      ['重复导入甲有限公司', validUscc(301), '肃州区', '物流', '否', '否', '', '', ''],
      ['重复导入乙有限公司', validUscc(302), '玉门市', '石化', '是', '否', '', '', ''],
    ];
    expect((await upload(csv(rows), 'a.csv').expect(200)).body).toMatchObject({ created: 2, updated: 0 });
    const count = await countRows(t, 'enterprises');

    const again = await upload(csv(rows), 'a.csv').expect(200);
    expect(again.body).toEqual({ total: 2, created: 0, updated: 0, unchanged: 2, rejected: [] });

    const changed = csv([
      ZH_HEADINGS,
      ['重复导入甲（更名）有限公司', validUscc(301), 'jinta', '', '是', '', '', '李娜', ''],
      ['重复导入乙有限公司', validUscc(302), '玉门市', '石化', '是', '否', '', '', ''],
    ]);
    expect((await upload(changed, 'b.csv', manager).expect(200)).body).toEqual({
      total: 2,
      created: 0,
      updated: 1,
      unchanged: 1,
      rejected: [],
    });
    expect(await countRows(t, 'enterprises')).toBe(count);
    // Empty cells keep what was registered; given ones replace it.
    expect(await enterprise(validUscc(301))).toMatchObject({
      name: '重复导入甲（更名）有限公司',
      district: 'jinta',
      industry: '物流',
      isAboveScale: true,
      isKey: false,
      contactName: '李娜',
    });
    // The change is on record: who, when, and only the fields that changed, before and after.
    const changes = await t.db.query(
      `SELECT c.changed_by AS "changedBy", c.source, c.before, c.after, c.changed_at > now() - interval '1 minute' AS recent
       FROM enterprise_changes c JOIN enterprises e ON e.id = c.enterprise_id WHERE e.uscc = $1`,
      [validUscc(301)],
    );
    expect(changes).toEqual([
      {
        changedBy: manager.id,
        source: 'import',
        before: { name: '重复导入甲有限公司', district: 'suzhou', isAboveScale: false, contactName: null },
        after: { name: '重复导入甲（更名）有限公司', district: 'jinta', isAboveScale: true, contactName: '李娜' },
        recent: true,
      },
    ]);
  });

  it('updates an enterprise registered through the API, found by its credit code', async () => {
    const registered = await f.enterprise(official, { name: '原名有限公司', uscc: validUscc(351), district: 'suzhou' });
    const res = await upload(
      csv([
        ['企业名称', '统一社会信用代码', '县区'],
        ['新名有限公司', validUscc(351), '敦煌市'],
      ]),
      'c.csv',
      manager,
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ created: 0, updated: 1 });
    const [row] = await t.db.query(`SELECT name, district_code AS district FROM enterprises WHERE id = $1`, [
      registered.id,
    ]);
    expect(row).toEqual({ name: '新名有限公司', district: 'dunhuang' });
  });

  it('counts two rows with the same credit code once, and the later row wins', async () => {
    const res = await upload(
      csv([
        ['企业名称', '统一社会信用代码', '县区'],
        ['先写的名称有限公司', validUscc(401), 'suzhou'],
        ['后写的名称有限公司', validUscc(401), 'yumen'],
      ]),
      'd.csv',
    ).expect(200);
    expect(res.body).toEqual({ total: 2, created: 1, updated: 0, unchanged: 0, rejected: [] });
    expect(await enterprise(validUscc(401))).toMatchObject({ name: '后写的名称有限公司', district: 'yumen' });
  });

  it("refuses an official's row that would change a registered enterprise, per row, and writes the others", async () => {
    const registered = csv([
      ['企业名称', '统一社会信用代码', '县区', '联系电话'],
      ['登记在册甲有限公司', validUscc(371), 'suzhou', '0937-1111111'],
      ['登记在册乙有限公司', validUscc(372), 'yumen', ''],
    ]);
    await upload(registered, 'r.csv', manager).expect(200);
    const changesBefore = await countRows(t, 'enterprise_changes');
    const file = csv([
      ['企业名称', '统一社会信用代码', '县区', '联系电话'],
      ['登记在册甲有限公司', validUscc(371), 'suzhou', '13800000000'],
      ['登记在册乙有限公司', validUscc(372), 'yumen', ''],
      ['官员新建有限公司', validUscc(373), 'jinta', ''],
    ]);
    const expected = {
      total: 3,
      created: 1,
      updated: 0,
      unchanged: 1,
      rejected: [
        {
          row: 2,
          errors: [
            {
              field: 'uscc',
              message: expect.stringMatching(/registered and this row would change its contactPhone: only a manager/),
            },
          ],
        },
      ],
    };
    // The dry run says the same as the import.
    expect((await upload(file, 'o.csv', official, '?dryRun=true').expect(200)).body).toEqual(expected);
    expect((await upload(file, 'o.csv', official).expect(200)).body).toEqual(expected);
    expect(await enterprise(validUscc(371))).toMatchObject({ contactPhone: '0937-1111111' });
    expect(await enterprise(validUscc(373))).toMatchObject({ name: '官员新建有限公司', district: 'jinta' });
    expect(await countRows(t, 'enterprise_changes')).toBe(changesBefore);

    // An admin may change it; the change is recorded.
    expect((await upload(file, 'o.csv', admin).expect(200)).body).toMatchObject({ updated: 1, unchanged: 2 });
    expect(await enterprise(validUscc(371))).toMatchObject({ contactPhone: '13800000000' });
    expect(await countRows(t, 'enterprise_changes')).toBe(changesBefore + 1);
  });

  it('always creates a row without a credit code', async () => {
    const file = csv([
      ['企业名称', '县区'],
      ['无代码个体户', 'suzhou'],
    ]);
    const before = await countRows(t, 'enterprises', `name = '无代码个体户'`);
    await upload(file, 'e.csv').expect(200);
    await upload(file, 'e.csv').expect(200);
    expect(await countRows(t, 'enterprises', `name = '无代码个体户'`)).toBe(before + 2);
  });

  it('writes nothing on a dry run, and reports what the import would do', async () => {
    await upload(
      csv([
        ['企业名称', '统一社会信用代码', '县区'],
        ['试运行甲有限公司', validUscc(501), 'suzhou'],
      ]),
      'f.csv',
    ).expect(200);
    const before = await countRows(t, 'enterprises');
    const changesBefore = await countRows(t, 'enterprise_changes');
    const file = csv([
      ['企业名称', '统一社会信用代码', '县区'],
      ['试运行甲（新名）有限公司', validUscc(501), 'suzhou'],
      ['试运行乙有限公司', validUscc(502), 'suzhou'],
      ['试运行丙有限公司', '', 'suzhou'],
      ['坏行', badCheck(503), 'suzhou'],
    ]);
    const res = await upload(file, 'f.csv', manager, '?dryRun=true').expect(200);
    expect(res.body).toEqual({
      total: 4,
      created: 2,
      updated: 1,
      unchanged: 0,
      rejected: [{ row: 5, errors: [{ field: 'uscc', message: expect.any(String) }] }],
    });
    expect(await countRows(t, 'enterprises')).toBe(before);
    expect(await enterprise(validUscc(501))).toMatchObject({ name: '试运行甲有限公司' });

    expect(await countRows(t, 'enterprise_changes')).toBe(changesBefore);
    await upload(file, 'f.csv', manager, '?dryRun=maybe').expect(400);
    expect((await upload(file, 'f.csv', manager, '?dryRun=false').expect(200)).body.created).toBe(2);
    expect(await countRows(t, 'enterprise_changes')).toBe(changesBefore + 1);
    expect(await countRows(t, 'enterprises')).toBe(before + 2);
  });

  it('writes thousands of rows in batches, all in one transaction', async () => {
    const rows = Array.from({ length: 2500 }, (_, i) => [`批量企业${i}有限公司`, validUscc(10_000 + i), 'suzhou']);
    const before = await countRows(t, 'enterprises');
    const first = await upload(csv([['企业名称', '统一社会信用代码', '县区'], ...rows]), 'bulk.csv').expect(200);
    expect(first.body).toEqual({ total: 2500, created: 2500, updated: 0, unchanged: 0, rejected: [] });
    expect(await countRows(t, 'enterprises')).toBe(before + 2500);

    // The last row repeats the first row's code with a new name: counted once, and it wins.
    rows.push(['批量企业0（更名）有限公司', validUscc(10_000), 'suzhou']);
    const again = await upload(csv([['企业名称', '统一社会信用代码', '县区'], ...rows]), 'bulk.csv', manager).expect(
      200,
    );
    expect(again.body).toEqual({ total: 2501, created: 0, updated: 1, unchanged: 2499, rejected: [] });
    expect(await enterprise(validUscc(10_000))).toMatchObject({ name: '批量企业0（更名）有限公司' });

    // A row of the third batch fails in the database: the first two batches are not kept either.
    await t.db.query(`
      CREATE FUNCTION refuse_test_enterprise() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.name = '数据库拒绝的企业' THEN RAISE EXCEPTION 'refused by the test'; END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER refuse_test_enterprise BEFORE INSERT ON enterprises
        FOR EACH ROW EXECUTE FUNCTION refuse_test_enterprise();`);
    try {
      const fresh = Array.from({ length: 2500 }, (_, i) => [
        i === 2200 ? '数据库拒绝的企业' : `原子导入${i}有限公司`,
        validUscc(20_000 + i),
        'yumen',
      ]);
      const count = await countRows(t, 'enterprises');
      const failed = await upload(csv([['企业名称', '统一社会信用代码', '县区'], ...fresh]), 'atomic.csv');
      expect(failed.status).toBe(500);
      expect(failed.body.code).toBe('INTERNAL_ERROR');
      expect(await countRows(t, 'enterprises')).toBe(count);
    } finally {
      await t.db.query(`DROP TRIGGER refuse_test_enterprise ON enterprises; DROP FUNCTION refuse_test_enterprise()`);
    }
  });

  it('refuses a file it cannot read with 400 naming file, and writes nothing', async () => {
    const good = await xlsx([ZH_HEADINGS, ['损坏文件有限公司', validUscc(601), '肃州区']]);
    const before = await countRows(t, 'enterprises');
    for (const [file, name] of [
      [good.subarray(0, Math.floor(good.length / 2)), 'truncated.xlsx'],
      [randomBytes(4096), 'junk.xlsx'],
      [randomBytes(4096), 'junk.csv'],
      [Buffer.alloc(0), 'empty.csv'],
      [Buffer.from('\uFEFF企业名称,县区\r\n', 'utf8'), 'headings-only.csv'],
      [Buffer.from('企业名称,县区\r\n"未闭合的引号,suzhou\r\n', 'utf8'), 'open-quote.csv'],
      [Buffer.from('%PDF-1.7 not a spreadsheet'), 'list.pdf'],
    ] as const) {
      const res = await upload(file, name);
      expect({ name, status: res.status, field: res.body.errors?.[0]?.field }).toEqual({
        name,
        status: 400,
        field: 'file',
      });
    }
    expect(await countRows(t, 'enterprises')).toBe(before);
  });

  it('refuses a file without the name column, listing the expected headings', async () => {
    const res = await upload(
      csv([
        ['公司', '县区'],
        ['某公司', 'suzhou'],
      ]),
      'g.csv',
    ).expect(400);
    expect(res.body.errors).toEqual([{ field: 'file', message: expect.stringContaining('企业名称 (name)') }]);
    expect(res.body.message).toContain('统一社会信用代码 (uscc)');
  });

  it('refuses a missing file, a file under another field and a file over 5 MB, naming file', async () => {
    const none = await t.http().post('/api/v1/enterprises/import').set(official.auth).field('note', 'x').expect(400);
    expect(none.body.errors[0].field).toBe('file');
    const empty = await t.http().post('/api/v1/enterprises/import').set(official.auth).expect(400);
    expect(empty.body.errors[0].field).toBe('file');
    const other = await t
      .http()
      .post('/api/v1/enterprises/import')
      .set(official.auth)
      .attach('upload', csv([['企业名称'], ['x']]), 'x.csv')
      .expect(400);
    expect(other.body.errors[0].field).toBe('file');

    const big = Buffer.concat([csv([['企业名称', '县区']]), Buffer.alloc(5 * 1024 * 1024, 'a')]);
    const tooLarge = await upload(big, 'big.csv').expect(400);
    expect(tooLarge.body.errors).toEqual([{ field: 'file', message: 'must be at most 5 MB' }]);
  });

  it('is for officials, managers and admins: a handler gets 403 and nothing is written', async () => {
    const before = await countRows(t, 'enterprises');
    const res = await upload(
      csv([
        ['企业名称', '县区'],
        ['经办人导入有限公司', 'suzhou'],
      ]),
      'h.csv',
      handler,
    ).expect(403);
    expect(res.body.code).toBe('FORBIDDEN');
    expect(await countRows(t, 'enterprises')).toBe(before);
    await t.http().get('/api/v1/enterprises/import/template').set(handler.auth).expect(403);
  });

  it('hands out an empty template with the Chinese headings', async () => {
    const sheetRes = await t
      .http()
      .get('/api/v1/enterprises/import/template?format=xlsx')
      .set(official.auth)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(sheetRes.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(sheetRes.headers['content-disposition']).toContain('filename="enterprise-import-template.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(sheetRes.body as Buffer).buffer);
    const sheet = workbook.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(ZH_HEADINGS);
    expect(sheet.rowCount).toBe(1);

    const csvRes = await t
      .http()
      .get('/api/v1/enterprises/import/template?format=csv')
      .set(official.auth)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(csvRes.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect((csvRes.body as Buffer).toString('utf8')).toBe(`\uFEFF${ZH_HEADINGS.join(',')}\r\n`);

    // The template, filled in, imports.
    sheet.addRow(['模板填写有限公司', validUscc(701), '肃州区']);
    const filled = Buffer.from(await workbook.xlsx.writeBuffer());
    expect((await upload(filled, '企业导入模板.xlsx').expect(200)).body).toMatchObject({ created: 1, rejected: [] });

    await t.http().get('/api/v1/enterprises/import/template?format=pdf').set(official.auth).expect(400);
  });
});
