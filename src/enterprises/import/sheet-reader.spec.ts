import { DomainError } from '../../common/domain-error';
import { parseCsv, readTable } from './sheet-reader';

describe('parseCsv', () => {
  it('splits records on CRLF, LF and a lone CR, and keeps blank lines so records are spreadsheet rows', () => {
    expect(parseCsv('a,b\r\n\r\nc,d\ne,f\rg')).toEqual([['a', 'b'], [''], ['c', 'd'], ['e', 'f'], ['g']]);
  });

  it('reads quoted fields with commas, line ends and doubled quotes; a stray quote stays text', () => {
    expect(parseCsv('"x, y","line\r\nbreak","say ""hi"""\n5"7,\n')).toEqual([
      ['x, y', 'line\r\nbreak', 'say "hi"'],
      ['5"7', ''],
    ]);
  });

  it('refuses a quoted field that never closes, as a file error', () => {
    expect(() => parseCsv('企业名称,县区\r\n"未闭合,suzhou\r\n')).toThrow(DomainError);
    expect(() => parseCsv('企业名称,县区\r\n"未闭合,suzhou\r\n')).toThrow(/quoted field never closes/);
  });
});

describe('readTable', () => {
  const csv = (bytes: Buffer, name = 'e.csv') => readTable({ originalname: name, mimetype: 'text/csv', buffer: bytes });

  it('reads UTF-8 with a byte-order mark and GB18030, numbering rows as a spreadsheet does', async () => {
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
