import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type ExcelJS from 'exceljs';
import { excel } from '../../common/excel';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../../access/auth-user';
import { DomainError, FieldError } from '../../common/domain-error';
import { CreateEnterpriseDto } from '../enterprise.dto';
import {
  columnForHeading,
  expectedHeadings,
  FLAG_MESSAGE,
  IMPORT_COLUMNS,
  type ImportColumn,
  type ImportField,
  parseFlag,
} from './enterprise-import-columns';

/** The part of an uploaded file the import reads (multer's memory storage gives these). */
export interface UploadedSheet {
  originalname: string;
  mimetype: string;
  buffer: Buffer;
}

export interface RejectedRow {
  /** The row number as the spreadsheet shows it: the heading row is 1. */
  row: number;
  errors: FieldError[];
}

export interface ImportResult {
  /** Data rows read (blank rows are not counted). */
  total: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: RejectedRow[];
}

/** The largest file accepted (the upload limit). */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
export type SheetFormat = 'xlsx' | 'csv';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CSV_TYPES = ['text/csv', 'application/csv', 'text/plain', 'application/vnd.ms-excel'];
/** What an .xlsx may unpack to: a 5 MB file of rows unpacks to a few tens of MB; a zip bomb to far more. */
const XLSX_MAX_UNPACKED_BYTES = 100 * 1024 * 1024;
/** Rows per INSERT/UPDATE statement. */
const WRITE_BATCH = 1000;

interface SheetRow {
  number: number;
  cells: string[];
}

interface Table {
  headings: string[];
  rows: SheetRow[];
}

interface ValidRow {
  row: number;
  dto: CreateEnterpriseDto;
}

const fileError = (message: string) => DomainError.invalidField('file', message);

@Injectable()
export class EnterpriseImportService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Reads every row, validates it as POST /enterprises would, and writes the valid ones in one
   * transaction: a row whose credit code is registered updates that enterprise, any other row
   * creates one. A dry run does the same work and rolls it back, so its counts are exactly what
   * the import would do.
   */
  async import(user: AuthUser, file: UploadedSheet | undefined, dryRun: boolean): Promise<ImportResult> {
    const table = await readTable(file);
    const columns = mapColumns(table.headings);
    if (table.rows.length === 0) {
      throw fileError('the file has no rows to import: the headings go in row 1 and each enterprise in a row below');
    }
    const districts = await this.districts();

    const rejected: RejectedRow[] = [];
    const byUscc = new Map<string, ValidRow>();
    const withoutUscc: ValidRow[] = [];
    for (const row of table.rows) {
      const checked = await checkRow(row, columns, districts);
      if ('errors' in checked) rejected.push(checked);
      else if (checked.dto.uscc === undefined) withoutUscc.push(checked);
      // A later valid row of the same credit code replaces the earlier one: the code is written once.
      else byUscc.set(checked.dto.uscc, checked);
    }
    const valid = [...byUscc.values(), ...withoutUscc].sort((a, b) => a.row - b.row);

    const counts = await this.inTransaction(dryRun, async (em) => {
      let created = 0;
      let updated = 0;
      for (let i = 0; i < valid.length; i += WRITE_BATCH) {
        const batch = valid.slice(i, i + WRITE_BATCH).map((v) => v.dto);
        const written = await upsert(em, user, batch);
        created += written.created;
        updated += written.updated;
      }
      return { created, updated };
    });
    return {
      total: table.rows.length,
      created: counts.created,
      updated: counts.updated,
      unchanged: valid.length - counts.created - counts.updated,
      rejected,
    };
  }

  /** An empty file with the Chinese headings. */
  async template(format: SheetFormat): Promise<Buffer> {
    const headings = IMPORT_COLUMNS.map((column) => column.zh);
    if (format === 'csv') return Buffer.from(`\uFEFF${headings.join(',')}\r\n`, 'utf8');
    const workbook = new (excel().Workbook)();
    const sheet = workbook.addWorksheet('企业', { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = IMPORT_COLUMNS.map((column) => ({ header: column.zh, width: column.width }));
    sheet.getRow(1).font = { bold: true };
    // Credit codes and phone numbers stay text: Excel would turn 0937… into a number.
    for (const field of ['uscc', 'contactPhone'] as const) {
      sheet.getColumn(IMPORT_COLUMNS.findIndex((c) => c.field === field) + 1).numFmt = '@';
    }
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  /** District codes by code, Chinese name and English name (codes and English names without case). */
  private async districts(): Promise<Map<string, string>> {
    const rows: { code: string; name: string; nameEn: string | null }[] = await this.db.query(
      `SELECT code, name, name_en AS "nameEn" FROM districts`,
    );
    const lookup = new Map<string, string>();
    for (const { code, name, nameEn } of rows) {
      lookup.set(code.toLowerCase(), code);
      lookup.set(name, code);
      if (nameEn) lookup.set(nameEn.toLowerCase(), code);
    }
    return lookup;
  }

  private async inTransaction<T>(rollback: boolean, work: (em: EntityManager) => Promise<T>): Promise<T> {
    const runner = this.db.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      const result = await work(runner.manager);
      if (rollback) await runner.rollbackTransaction();
      else await runner.commitTransaction();
      return result;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      throw error;
    } finally {
      await runner.release();
    }
  }
}

// ---------------------------------------------------------------- rows

type ColumnMap = Map<number, ImportColumn>;

/** Which column holds which field; the name column is required, unknown columns are ignored. */
function mapColumns(headings: string[]): ColumnMap {
  const columns: ColumnMap = new Map();
  const seen = new Set<ImportField>();
  headings.forEach((heading, index) => {
    const column = columnForHeading(heading);
    if (!column) return;
    if (seen.has(column.field)) throw fileError(`two columns are headed ${column.zh} (${column.aliases[0]})`);
    seen.add(column.field);
    columns.set(index, column);
  });
  if (!seen.has('name')) {
    throw fileError(
      `the first row must hold the headings, with at least 企业名称 (name); expected headings: ${expectedHeadings()}`,
    );
  }
  return columns;
}

/** One row as CreateEnterpriseDto, or what is wrong with it (one message per field). */
async function checkRow(
  row: SheetRow,
  columns: ColumnMap,
  districts: Map<string, string>,
): Promise<ValidRow | RejectedRow> {
  const plain: Record<string, unknown> = {};
  // Our own checks say more than the DTO's would about a spreadsheet cell, so they win per field.
  const own = new Map<string, string>();
  for (const [index, column] of columns) {
    const text = row.cells[index]?.trim() ?? '';
    if (text === '') continue;
    switch (column.kind) {
      case 'text':
        plain[column.field] = text;
        break;
      case 'boolean': {
        const flag = parseFlag(text);
        if (flag === undefined) own.set(column.field, FLAG_MESSAGE(column.field));
        else plain[column.field] = flag;
        break;
      }
      case 'district': {
        const code = districts.get(text) ?? districts.get(text.toLowerCase());
        if (code === undefined) {
          own.set('district', `no district has the code or name "${text}" (e.g. suzhou or 肃州区)`);
        }
        plain.district = code ?? text;
        break;
      }
    }
  }
  if (plain.name === undefined) own.set('name', 'name is required (企业名称)');
  if (plain.district === undefined && !own.has('district')) {
    own.set('district', 'district is required (县区): a code such as suzhou or a name such as 肃州区');
  }

  const dto = plainToInstance(CreateEnterpriseDto, plain);
  const problems = await validate(dto, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true });
  const messages = new Map<string, string>();
  for (const problem of problems) {
    // Constraints run bottom-up: the last message is that of the decorator written first (type or presence).
    const list = Object.values(problem.constraints ?? {});
    if (list.length) messages.set(problem.property, list[list.length - 1]!);
  }
  for (const [field, message] of own) messages.set(field, message);
  if (messages.size === 0) return { row: row.number, dto };
  const order = (field: string) => IMPORT_COLUMNS.findIndex((column) => column.field === field);
  const errors = [...messages]
    .map(([field, message]) => ({ field, message }))
    .sort((a, b) => order(a.field) - order(b.field));
  return { row: row.number, errors };
}

/**
 * Updates the enterprises whose credit code is registered and creates the others, in one
 * statement. An empty cell leaves the registered value as it is; a row that changes nothing is
 * not written (and counts as unchanged).
 */
async function upsert(
  em: EntityManager,
  user: AuthUser,
  rows: CreateEnterpriseDto[],
): Promise<{ created: number; updated: number }> {
  const column = <T>(pick: (dto: CreateEnterpriseDto) => T | undefined) => rows.map((dto) => pick(dto) ?? null);
  const [counts] = await em.query(
    `WITH input AS (
       SELECT * FROM unnest($1::text[], $2::bpchar[], $3::text[], $4::text[], $5::boolean[], $6::boolean[],
                            $7::text[], $8::text[], $9::text[])
         AS r(name, uscc, district, industry, above_scale, key, address, contact_name, contact_phone)
     ),
     updated AS (
       UPDATE enterprises e
       SET name = r.name, district_code = r.district, industry = COALESCE(r.industry, e.industry),
           is_above_scale = COALESCE(r.above_scale, e.is_above_scale), is_key = COALESCE(r.key, e.is_key),
           address = COALESCE(r.address, e.address), contact_name = COALESCE(r.contact_name, e.contact_name),
           contact_phone = COALESCE(r.contact_phone, e.contact_phone), updated_at = now()
       FROM input r
       WHERE e.uscc = r.uscc
         AND (e.name, e.district_code, e.industry, e.is_above_scale, e.is_key, e.address, e.contact_name,
              e.contact_phone)
             IS DISTINCT FROM
             (r.name, r.district, COALESCE(r.industry, e.industry), COALESCE(r.above_scale, e.is_above_scale),
              COALESCE(r.key, e.is_key), COALESCE(r.address, e.address), COALESCE(r.contact_name, e.contact_name),
              COALESCE(r.contact_phone, e.contact_phone))
       RETURNING e.id
     ),
     created AS (
       INSERT INTO enterprises (name, uscc, district_code, industry, is_above_scale, is_key, address,
                                contact_name, contact_phone, created_by)
       SELECT r.name, r.uscc, r.district, r.industry, COALESCE(r.above_scale, false), COALESCE(r.key, false),
              r.address, r.contact_name, r.contact_phone, $10
       FROM input r
       WHERE r.uscc IS NULL OR NOT EXISTS (SELECT 1 FROM enterprises e WHERE e.uscc = r.uscc)
       RETURNING id
     )
     SELECT (SELECT count(*) FROM created)::int AS created, (SELECT count(*) FROM updated)::int AS updated`,
    [
      column((dto) => dto.name),
      column((dto) => dto.uscc),
      column((dto) => dto.district),
      column((dto) => dto.industry),
      column((dto) => dto.isAboveScale),
      column((dto) => dto.isKey),
      column((dto) => dto.address),
      column((dto) => dto.contactName),
      column((dto) => dto.contactPhone),
      user.id,
    ],
  );
  return counts;
}

// ---------------------------------------------------------------- reading the file

async function readTable(file: UploadedSheet | undefined): Promise<Table> {
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

function readCsv(buffer: Buffer): SheetRow[] {
  return parseCsv(decodeText(buffer)).map((cells, index) => ({ number: index + 1, cells }));
}

/**
 * RFC 4180 records: fields separated by commas, records by CRLF (a lone LF or CR too), a quoted
 * field may hold commas, line ends and doubled quotes. Blank lines are records too, so record
 * numbers are the row numbers a spreadsheet shows.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let quoteLine = 0;
  let line = 1;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') {
        quoted = false;
      } else {
        if (c === '\n') line += 1;
        field += c;
      }
    } else if (c === '"' && field === '') {
      quoted = true;
      quoteLine = line;
    } else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      line += 1;
    } else {
      field += c;
    }
  }
  if (quoted)
    throw fileError(`could not be read as a CSV file: the quoted field opened on line ${quoteLine} never closes`);
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}
