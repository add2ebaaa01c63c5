import { Inject, Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { AuthUser } from '../../access/auth-user';
import type { Role } from '../../access/role';
import { DomainError, ErrorCode, type FieldError } from '../../common/domain-error';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
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
import {
  type EnterpriseChange,
  EnterpriseImportRepository,
  type ImportFields,
  type RegisteredEnterprise,
} from './enterprise-import.repository';
import {
  fileError,
  readTable,
  type SheetFormat,
  type SheetLimits,
  sheetLimits,
  type SheetRow,
  type UploadedSheet,
} from './sheet-reader';

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
/** Rows checked between two yields to the event loop, so other requests are answered meanwhile. */
const CHECK_SLICE = 50;

/** The roles that may change the fields of an enterprise registered before the import. */
const MAY_OVERWRITE: ReadonlySet<Role> = new Set<Role>(['manager', 'admin']);

/** The fields a row may change, in the template's order. */
const FIELDS = [
  'name',
  'district',
  'industry',
  'isAboveScale',
  'isKey',
  'address',
  'contactName',
  'contactPhone',
] as const satisfies readonly (keyof ImportFields)[];

interface ValidRow {
  row: number;
  dto: CreateEnterpriseDto;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

@Injectable()
export class EnterpriseImportService {
  /** Users with an import running on this instance: one at a time each. */
  private readonly running = new Set<string>();
  private readonly limits: SheetLimits;

  constructor(
    private readonly repository: EnterpriseImportRepository,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.limits = sheetLimits(config.importMaxRows);
  }

  /**
   * Reads every row (in a worker thread, under the row, cell and unpacked-size limits), validates
   * it as POST /enterprises would, and writes the valid ones in one transaction: a row whose credit
   * code is registered updates that enterprise (a manager's or an admin's; an official's row that
   * would change one is refused), any other row creates one. Each change to a registered
   * enterprise is recorded with who made it, when, and the fields before and after. A dry run
   * does the same work and rolls it back, so its counts are exactly what the import would do.
   */
  async import(user: AuthUser, file: UploadedSheet | undefined, dryRun: boolean): Promise<ImportResult> {
    if (this.running.has(user.id)) {
      throw new DomainError(
        ErrorCode.Conflict,
        'an import of yours is still running: wait for its answer before sending the next file',
      );
    }
    this.running.add(user.id);
    try {
      return await this.run(user, file, dryRun);
    } finally {
      this.running.delete(user.id);
    }
  }

  private async run(user: AuthUser, file: UploadedSheet | undefined, dryRun: boolean): Promise<ImportResult> {
    const table = await readTable(file, this.limits);
    const columns = mapColumns(table.headings);
    if (table.rows.length === 0) {
      throw fileError('the file has no rows to import: the headings go in row 1 and each enterprise in a row below');
    }
    const districts = await this.districts();

    const rejected: RejectedRow[] = [];
    const byUscc = new Map<string, ValidRow>();
    const withoutUscc: ValidRow[] = [];
    for (const [index, row] of table.rows.entries()) {
      if (index % CHECK_SLICE === CHECK_SLICE - 1) await nextTurn();
      const checked = await checkRow(row, columns, districts);
      if ('errors' in checked) rejected.push(checked);
      else if (checked.dto.uscc === undefined) withoutUscc.push(checked);
      // A later valid row of the same credit code replaces the earlier one: the code is written once.
      else byUscc.set(checked.dto.uscc, checked);
    }
    const valid = [...byUscc.values(), ...withoutUscc].sort((a, b) => a.row - b.row);
    const mayOverwrite = MAY_OVERWRITE.has(user.role);

    const counts = await this.repository.inTransaction(dryRun, async (em) => {
      let created = 0;
      let updated = 0;
      let refused = 0;
      for (let i = 0; i < valid.length; i += WRITE_BATCH) {
        const batch = valid.slice(i, i + WRITE_BATCH);
        const usccs = batch.flatMap((v) => (v.dto.uscc === undefined ? [] : [v.dto.uscc]));
        const registered = new Map((await this.repository.lockRegistered(em, usccs)).map((e) => [e.uscc, e] as const));
        const inserts: ImportFields[] = [];
        const updates: (ImportFields & { id: string })[] = [];
        const changes: EnterpriseChange[] = [];
        for (const { row, dto } of batch) {
          const before = dto.uscc === undefined ? undefined : registered.get(dto.uscc);
          if (!before) {
            inserts.push(fieldsOf(dto));
            continue;
          }
          const after = merged(before, dto);
          const change = difference(before, after);
          if (!change) continue;
          if (!mayOverwrite) {
            rejected.push({ row, errors: [{ field: 'uscc', message: refusal(Object.keys(change.after)) }] });
            refused += 1;
            continue;
          }
          updates.push({ ...after, id: before.id });
          changes.push({ enterpriseId: before.id, ...change });
        }
        await this.repository.insert(em, user.id, inserts);
        await this.repository.update(em, user.id, updates, changes);
        created += inserts.length;
        updated += updates.length;
      }
      return { created, updated, refused };
    });
    rejected.sort((a, b) => a.row - b.row);
    return {
      total: table.rows.length,
      created: counts.created,
      updated: counts.updated,
      unchanged: valid.length - counts.created - counts.updated - counts.refused,
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

/** A row as the enterprise it creates: empty cells are empty fields, flags default to 否. */
function fieldsOf(dto: CreateEnterpriseDto): ImportFields {
  return {
    name: dto.name,
    uscc: dto.uscc ?? null,
    district: dto.district,
    industry: dto.industry ?? null,
    isAboveScale: dto.isAboveScale ?? false,
    isKey: dto.isKey ?? false,
    address: dto.address ?? null,
    contactName: dto.contactName ?? null,
    contactPhone: dto.contactPhone ?? null,
  };
}

/** A registered enterprise with a row's values: an empty cell keeps the registered value. */
function merged(before: RegisteredEnterprise, dto: CreateEnterpriseDto): ImportFields {
  return {
    name: dto.name,
    uscc: before.uscc,
    district: dto.district,
    industry: dto.industry ?? before.industry,
    isAboveScale: dto.isAboveScale ?? before.isAboveScale,
    isKey: dto.isKey ?? before.isKey,
    address: dto.address ?? before.address,
    contactName: dto.contactName ?? before.contactName,
    contactPhone: dto.contactPhone ?? before.contactPhone,
  };
}

/** The fields that differ, before and after; undefined when none does. */
function difference(before: ImportFields, after: ImportFields): Omit<EnterpriseChange, 'enterpriseId'> | undefined {
  const was: Record<string, unknown> = {};
  const becomes: Record<string, unknown> = {};
  for (const field of FIELDS) {
    if (before[field] === after[field]) continue;
    was[field] = before[field];
    becomes[field] = after[field];
  }
  return Object.keys(becomes).length ? { before: was, after: becomes } : undefined;
}

function refusal(fields: string[]): string {
  return (
    `an enterprise with this credit code is registered and this row would change its ${fields.join(', ')}: ` +
    'only a manager or an admin may change a registered enterprise by import'
  );
}

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
