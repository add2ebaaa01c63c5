import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { AuthUser } from '../../access/auth-user';
import type { FieldError } from '../../common/domain-error';
import { excel } from '../../common/excel';
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
import { EnterpriseImportRepository } from './enterprise-import.repository';
import { fileError, readTable, type SheetFormat, type SheetRow, type UploadedSheet } from './sheet-reader';

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

/** Rows per INSERT/UPDATE statement. */
const WRITE_BATCH = 1000;

interface ValidRow {
  row: number;
  dto: CreateEnterpriseDto;
}

@Injectable()
export class EnterpriseImportService {
  constructor(private readonly repository: EnterpriseImportRepository) {}

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

    const counts = await this.repository.inTransaction(dryRun, async (em) => {
      let created = 0;
      let updated = 0;
      for (let i = 0; i < valid.length; i += WRITE_BATCH) {
        const batch = valid.slice(i, i + WRITE_BATCH).map((v) => v.dto);
        const written = await this.repository.upsert(em, user.id, batch);
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
    const lookup = new Map<string, string>();
    for (const { code, name, nameEn } of await this.repository.districts()) {
      lookup.set(code.toLowerCase(), code);
      lookup.set(name, code);
      if (nameEn) lookup.set(nameEn.toLowerCase(), code);
    }
    return lookup;
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
