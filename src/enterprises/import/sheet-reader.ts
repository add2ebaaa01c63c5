/**
 * Reading an uploaded spreadsheet into rows of text: the format (.xlsx or .csv), the guards against
 * files that would unpack or decode to far more than they weigh, the text encoding of a CSV file.
 * What the rows mean is the import's business (enterprise-import.service.ts).
 */
import { CsvError, parse } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import { DomainError } from '../../common/domain-error';
import { excel } from '../../common/excel';

/** The part of an uploaded file the import reads (multer's memory storage gives these). */
export interface UploadedSheet {
  originalname: string;
  mimetype: string;
  buffer: Buffer;
}

/** The largest file accepted (the upload limit). */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
export type SheetFormat = 'xlsx' | 'csv';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CSV_TYPES = ['text/csv', 'application/csv', 'text/plain', 'application/vnd.ms-excel'];
/** What an .xlsx may unpack to: a 5 MB file of rows unpacks to a few tens of MB; a zip bomb to far more. */
const XLSX_MAX_UNPACKED_BYTES = 100 * 1024 * 1024;

export interface SheetRow {
  /** The row number as the spreadsheet shows it: the heading row is 1. */
  number: number;
  cells: string[];
}

export interface Table {
  headings: string[];
  /** The rows under the headings that hold any text. */
  rows: SheetRow[];
}

export const fileError = (message: string) => DomainError.invalidField('file', message);

/** The first sheet of an .xlsx, or a CSV file: its heading row and the rows under it. */
export async function readTable(file: UploadedSheet | undefined): Promise<Table> {
  if (!file) throw fileError('a file is required: send an .xlsx or .csv file in the multipart field "file"');
  const format = sheetFormat(file);
  if (!format) throw fileError('must be an .xlsx or .csv file');
  if (file.buffer.length === 0) throw fileError('the file is empty');
  const all = format === 'xlsx' ? await readXlsx(file.buffer) : readCsv(file.buffer);
  return {
    headings: all.find((row) => row.number === 1)?.cells ?? [],
    rows: all.filter((row) => row.number > 1 && row.cells.some((cell) => cell.trim() !== '')),
  };
}

/** By the file name's extension, or by the declared type when the name has none we know. */
function sheetFormat(file: UploadedSheet): SheetFormat | undefined {
  const name = file.originalname.toLowerCase();
  if (name.endsWith('.xlsx')) return 'xlsx';
  if (name.endsWith('.csv')) return 'csv';
  if (/\.[a-z0-9]{1,5}$/.test(name)) return undefined;
  const type = file.mimetype.split(';')[0]!.trim().toLowerCase();
  if (type === XLSX_TYPE) return 'xlsx';
  if (CSV_TYPES.includes(type)) return 'csv';
  return undefined;
}

async function readXlsx(buffer: Buffer): Promise<SheetRow[]> {
  const unpacked = zipUnpackedSize(buffer);
  if (unpacked === undefined) throw fileError('could not be read as an .xlsx spreadsheet');
  if (unpacked > XLSX_MAX_UNPACKED_BYTES) throw fileError('the spreadsheet is too large once unpacked');
  const workbook = new (excel().Workbook)();
  try {
    // exceljs types its input as an ArrayBuffer; a copy of the bytes is one.
    await workbook.xlsx.load(new Uint8Array(buffer).buffer);
  } catch {
    throw fileError('could not be read as an .xlsx spreadsheet');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw fileError('the spreadsheet has no sheet');
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      cells[column - 1] = cellText(cell.value);
    });
    rows.push({ number, cells: Array.from(cells, (cell) => cell ?? '') });
  });
  return rows;
}

/** A cell as the text it shows: rich text joined, a formula's result, a link's text. */
function cellText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellText(value.result as ExcelJS.CellValue | undefined);
  if ('text' in value) return typeof value.text === 'string' ? value.text : cellText(value.text);
  if ('error' in value) return String(value.error);
  return '';
}

/**
 * The sum of the sizes a zip's central directory declares for its entries, or undefined when the
 * bytes are not a zip: a cheap guard against a small file that would unpack to gigabytes.
 */
function zipUnpackedSize(buffer: Buffer): number | undefined {
  const END = 0x06054b50;
  const ENTRY = 0x02014b50;
  let end = -1;
  for (let i = buffer.length - 22; i >= Math.max(0, buffer.length - 22 - 0xffff); i -= 1) {
    if (buffer.readUInt32LE(i) === END) {
      end = i;
      break;
    }
  }
  if (end < 0) return undefined;
  const entries = buffer.readUInt16LE(end + 10);
  let at = buffer.readUInt32LE(end + 16);
  if (entries === 0 || entries === 0xffff || at === 0xffffffff) return undefined; // empty, or zip64
  let total = 0;
  for (let n = 0; n < entries; n += 1) {
    if (at + 46 > buffer.length || buffer.readUInt32LE(at) !== ENTRY) return undefined;
    total += buffer.readUInt32LE(at + 24);
    at += 46 + buffer.readUInt16LE(at + 28) + buffer.readUInt16LE(at + 30) + buffer.readUInt16LE(at + 32);
  }
  return total;
}

/** UTF-8 (with or without a byte-order mark), or GB18030 as Excel on a Chinese Windows saves CSV. */
function decodeText(buffer: Buffer): string {
  // Text has no control characters but tab and line ends; binary data nearly always does.
  if (buffer.some((byte) => byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d)) {
    throw fileError('could not be read as a CSV file (it holds binary data)');
  }
  for (const encoding of ['utf-8', 'gb18030']) {
    try {
      return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(buffer);
    } catch {
      // try the next encoding
    }
  }
  throw fileError('could not be read as a CSV file (save it as CSV UTF-8)');
}

/**
 * RFC 4180 records (csv-parse): fields separated by commas, records by CRLF, a lone LF or CR; a
 * quoted field may hold commas, line ends and doubled quotes; a stray quote inside a field is kept
 * as text. Blank lines are records too, so record numbers are the row numbers a spreadsheet shows.
 */
export function parseCsv(text: string): string[][] {
  try {
    return parse(text, {
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
      throw fileError('could not be read as a CSV file: a quoted field never closes (a " is missing)');
    }
    throw fileError(`could not be read as a CSV file (line ${error.lines}: ${error.message})`);
  }
}

function readCsv(buffer: Buffer): SheetRow[] {
  return parseCsv(decodeText(buffer)).map((cells, index) => ({ number: index + 1, cells }));
}
