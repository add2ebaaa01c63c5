import ExcelJS from 'exceljs';
import { parseCsv, parseSheet, type SheetLimits } from './sheet-parse';
import { readTable, sheetLimits } from './sheet-reader';

const records = (text: string) => {
  const all: string[][] = [];
  parseCsv(text, (cells) => all.push(cells));
  return all;
};

describe('parseCsv', () => {
  it('splits records on CRLF, LF and a lone CR, and keeps blank lines so records are spreadsheet rows', () => {
    expect(records('a,b\r\n\r\nc,d\ne,f\rg')).toEqual([['a', 'b'], [''], ['c', 'd'], ['e', 'f'], ['g']]);
  });

  it('reads quoted fields with commas, line ends and doubled quotes; a stray quote stays text', () => {
    expect(records('"x, y","line\r\nbreak","say ""hi"""\n5"7,\n')).toEqual([
      ['x, y', 'line\r\nbreak', 'say "hi"'],
      ['5"7', ''],
    ]);
  });

  it('refuses a quoted field that never closes; text after a closing quote is kept as written', () => {
    expect(() => records('企业名称,县区\r\n"未闭合,suzhou\r\n')).toThrow(/quoted field never closes/);
    expect(records('a\r\n"x"y,z\r\n')).toEqual([['a'], ['"x"y', 'z']]);
  });
});

describe('parseSheet limits', () => {
  const limits: SheetLimits = { rows: 3, cells: 40, unpackedBytes: 1024 * 1024 };
  const csv = (text: string, l = limits) => parseSheet('csv', Buffer.from(text), l);

  it('reads up to the row limit and refuses the row after it', async () => {
    const rows = (n: number) => `name\n${Array.from({ length: n }, (_, i) => `r${i}`).join('\n')}\n`;
    expect((await csv(rows(3))).rows).toHaveLength(3);
    await expect(csv(rows(4))).rejects.toThrow('has more than 3 rows');
  });

  it('counts empty cells, and stops inside a row as wide as the file', async () => {
    await expect(csv(`name\n${','.repeat(10_000)}\n`)).rejects.toThrow('has more than 40 cells');
  });

  it('counts the empty cells of an .xlsx row and the padding up to a far column', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('s');
    sheet.addRow(['name']);
    sheet.getCell('AZ2').value = 'far';
    const far = Buffer.from(await workbook.xlsx.writeBuffer());
    await expect(parseSheet('xlsx', far, limits)).rejects.toThrow('has more than 40 cells');
    const ok = await parseSheet('xlsx', far, { ...limits, cells: 100 });
    expect(ok.rows[0]!.cells[51]).toBe('far');
  });

  it('refuses an .xlsx cell longer than Excel keeps (32,767 characters)', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('s');
    sheet.addRow(['name']);
    sheet.addRow(['x'.repeat(32_767)]);
    const longest = Buffer.from(await workbook.xlsx.writeBuffer());
    expect((await parseSheet('xlsx', longest, limits)).rows[0]!.cells[0]).toHaveLength(32_767);
    sheet.addRow(['y'.repeat(32_768)]);
    const longer = Buffer.from(await workbook.xlsx.writeBuffer());
    await expect(parseSheet('xlsx', longer, limits)).rejects.toThrow('has a cell of more than 32767 characters');
  });
});

describe('readTable', () => {
  const csv = (bytes: Buffer, name = 'e.csv') =>
    readTable({ originalname: name, mimetype: 'text/csv', buffer: bytes }, sheetLimits(100));

  it('reads UTF-8 with a byte-order mark and GB18030 in a worker, numbering rows as a spreadsheet does', async () => {
    const text = '企业名称,县区\r\n\r\n酒泉公司,肃州区\r\n';
    const utf8 = await csv(Buffer.from(`\uFEFF${text}`, 'utf8'));
    expect(utf8).toEqual({ headings: ['企业名称', '县区'], rows: [{ number: 3, cells: ['酒泉公司', '肃州区'] }] });
    const gb = Buffer.from([
      ...Buffer.from('name,district\r\n'),
      // 酒泉 in GB18030
      0xbe,
      0xc6,
      0xc8,
      0xaa,
      0x2c,
      0x61,
      0x0d,
      0x0a,
    ]);
    expect((await csv(gb)).rows).toEqual([{ number: 2, cells: ['酒泉', 'a'] }]);
  });

  it('refuses binary data and an unknown extension', async () => {
    await expect(csv(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00]))).rejects.toThrow(/binary data/);
    await expect(csv(Buffer.from('a,b'), 'list.pdf')).rejects.toThrow(/\.xlsx or \.csv/);
  });
});
