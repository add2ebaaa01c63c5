import { Inject, Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DateTime } from 'luxon';
import type { AuthUser } from '../access/auth-user';
import type { FieldError } from '../common/domain-error';
import { excel } from '../common/excel';
import { CSV_BOM, csvLine, guardFormula } from '../common/spreadsheet-text';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import {
  fileError,
  readTable,
  type SheetFormat,
  sheetLimits,
  type UploadedSheet,
} from '../enterprises/import/sheet-reader';
import { EXPORT_HEADINGS, exportRow, PROJECT_COLUMNS, type ProjectColumn, projectColumnFor } from './project-sheet';
import { PROJECT_KIND_LABELS, PROJECT_KINDS } from './project-vocabulary';
import { CreateProjectDto, type ListProjectsQuery } from './project.dto';
import {
  type ImportLookups,
  ProjectImportRepository,
  type ProjectFields,
  ProjectsRepository,
} from './projects.repository';
import { ProjectsService } from './projects.service';

export interface ProjectImportRejectedRow {
  /** The row number as the spreadsheet shows it (headings: 1). */
  row: number;
  errors: FieldError[];
}

export interface ProjectImportResult {
  /** Data rows read. */
  total: number;
  /** Rows that create a project (a new code) and that update one (a known code). */
  created: number;
  updated: number;
  rejected: ProjectImportRejectedRow[];
  /** Whether anything was written: never on a dry run, never when a row is rejected. */
  applied: boolean;
}

const REQUIRED: ProjectColumn['field'][] = ['code', 'planYear', 'name', 'district', 'kind'];
const NUMBER_FIELDS = new Set<ProjectColumn['field']>([
  'planYear',
  'plannedTotalInvestmentYuan',
  'plannedAnnualInvestmentYuan',
]);

interface ValidRow {
  row: number;
  fields: ProjectFields;
}

@Injectable()
export class ProjectsTransferService {
  constructor(
    private readonly projects: ProjectsService,
    private readonly repository: ProjectsRepository,
    private readonly lookupsRepository: ProjectImportRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The ledger as the user sees it under the filters, as a file. */
  async export(user: AuthUser, query: ListProjectsQuery, format: SheetFormat): Promise<Buffer> {
    const items = await this.projects.all(user, query);
    const rows = items.map(exportRow);
    if (format === 'csv') {
      const lines = [EXPORT_HEADINGS, ...rows].map((r) =>
        csvLine(r.map((cell) => (typeof cell === 'number' ? String(cell) : guardFormula(cell)))),
      );
      return Buffer.from(`${CSV_BOM}${lines.join('\r\n')}\r\n`, 'utf8');
    }
    const workbook = new (excel().Workbook)();
    const sheet = workbook.addWorksheet('重点项目', { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = EXPORT_HEADINGS.map((header, i) => ({ header, width: PROJECT_COLUMNS[i]?.width ?? 14 }));
    sheet.getRow(1).font = { bold: true };
    for (const row of rows) sheet.addRow(row.map((cell) => (typeof cell === 'string' ? guardFormula(cell) : cell)));
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  /** An empty import file with the Chinese headings. */
  async template(format: SheetFormat): Promise<Buffer> {
    const headings = PROJECT_COLUMNS.map((c) => c.zh);
    if (format === 'csv') return Buffer.from(`${CSV_BOM}${csvLine(headings)}\r\n`, 'utf8');
    const workbook = new (excel().Workbook)();
    const sheet = workbook.addWorksheet('重点项目', { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = PROJECT_COLUMNS.map((c) => ({ header: c.zh, width: c.width }));
    sheet.getRow(1).font = { bold: true };
    for (const field of ['code', 'plannedStartDate'] as const) {
      sheet.getColumn(PROJECT_COLUMNS.findIndex((c) => c.field === field) + 1).numFmt = '@';
    }
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  /**
   * Reads the project office's spreadsheet: a known code updates that project's descriptive
   * fields (an empty optional cell keeps the stored value), a new code adds one. Every row is
   * checked as POST /projects would check it; if any is rejected nothing is written, and a dry
   * run never writes. Stages and investment are not imported: they are events of their own.
   */
  async import(user: AuthUser, file: UploadedSheet | undefined, dryRun: boolean): Promise<ProjectImportResult> {
    const table = await readTable(file, sheetLimits(this.config.importMaxRows));
    const columns = table.headings.map((h) => projectColumnFor(h));
    const missing = REQUIRED.filter((field) => !columns.some((c) => c?.field === field));
    if (missing.length) {
      const names = missing.map((field) => PROJECT_COLUMNS.find((c) => c.field === field)!.zh);
      throw fileError(
        `the heading row lacks ${names.join(', ')}; expected ${PROJECT_COLUMNS.map((c) => c.zh).join(', ')}`,
      );
    }
    if (table.rows.length === 0) throw fileError('the file has no rows to import');

    const raw = table.rows.map((r) => {
      const cells: Partial<Record<ProjectColumn['field'], string>> = {};
      columns.forEach((column, i) => {
        const text = (r.cells[i] ?? '').trim();
        if (column && text !== '') cells[column.field] = text;
      });
      return { row: r.number, cells };
    });
    const lookups = await this.lookupsRepository.lookups(
      raw.map((r) => r.cells.owner).filter((o): o is string => o !== undefined),
    );
    const valid: ValidRow[] = [];
    const rejected: ProjectImportRejectedRow[] = [];
    const seenCodes = new Map<string, number>();
    for (const { row, cells } of raw) {
      const errors: FieldError[] = [];
      const fields = await checkRow(cells, lookups, errors);
      if (fields && seenCodes.has(fields.code)) {
        errors.push({ field: 'code', message: `the same code is in row ${seenCodes.get(fields.code)}` });
      }
      if (fields) seenCodes.set(fields.code, row);
      if (errors.length || !fields) rejected.push({ row, errors });
      else valid.push({ row, fields });
    }

    return this.repository.transaction(async (em) => {
      const known = await this.repository.idsByCode(
        em,
        valid.map((v) => v.fields.code),
      );
      const created = valid.filter((v) => !known.has(v.fields.code)).length;
      const report = { total: raw.length, created, updated: valid.length - created, rejected };
      if (dryRun || rejected.length) return { ...report, applied: false };
      for (const { fields } of valid) {
        const id = known.get(fields.code);
        if (id === undefined) {
          await this.repository.insert(em, fields, user.id);
        } else {
          const stored = await this.repository.fields(em, id);
          await this.repository.update(em, id, keepStored(stored, fields));
        }
      }
      return { ...report, applied: true };
    });
  }
}

/** A row's values over the stored project: an empty optional cell keeps what is stored. */
function keepStored(stored: ProjectFields, row: ProjectFields): ProjectFields {
  const merged = { ...row };
  for (const key of Object.keys(row) as (keyof ProjectFields)[]) {
    if (row[key] === null) (merged as Record<string, unknown>)[key] = stored[key];
  }
  return merged;
}

/** A row as the fields it writes, or undefined with its errors. */
async function checkRow(
  cells: Partial<Record<ProjectColumn['field'], string>>,
  lookups: ImportLookups,
  errors: FieldError[],
): Promise<ProjectFields | undefined> {
  const body: Record<string, unknown> = {};
  for (const [field, text] of Object.entries(cells) as [ProjectColumn['field'], string][]) {
    if (NUMBER_FIELDS.has(field)) {
      const plain = text.replace(/[,，\s]/g, '');
      body[field] = /^-?\d+(\.0+)?$/.test(plain) ? Number(plain) : text;
    } else if (field === 'kind') {
      body.kind = PROJECT_KINDS.find((k) => k === text.toLowerCase() || PROJECT_KIND_LABELS[k].zh === text) ?? text;
    } else if (field === 'district') {
      const lower = text.toLowerCase();
      body.district =
        lookups.districts.find((d) => d.code === lower || d.name === text || d.nameEn?.toLowerCase() === lower)?.code ??
        text;
    } else if (field === 'plannedStartDate') {
      // A cell formatted as a date arrives as Excel's day number (days since 1899-12-30).
      const serial = /^\d{5}$/.test(text)
        ? DateTime.fromISO('1899-12-30', { zone: 'utc' }).plus({ days: +text })
        : null;
      const date = serial ?? DateTime.fromFormat(text.replace(/[/.]/g, '-').slice(0, 10), 'yyyy-M-d');
      body.plannedStartDate = date.isValid ? date.toISODate() : text;
    } else if (field === 'department') {
      const found = lookups.departments.filter((d) => d.name === text);
      if (found.length === 1) body.departmentId = found[0]!.id;
      else errors.push({ field: 'department', message: `no department is called "${text}"` });
    } else if (field === 'owner') {
      const found = lookups.enterprises.filter((e) => e.uscc === text || e.name === text);
      if (found.length === 1) body.ownerEnterpriseId = found[0]!.id;
      else
        errors.push({
          field: 'owner',
          message: found.length
            ? `several enterprises are called "${text}": give the credit code`
            : `no enterprise "${text}"`,
        });
    } else {
      body[field] = text;
    }
  }
  const dto = plainToInstance(CreateProjectDto, body);
  for (const error of await validate(dto, { whitelist: true, forbidNonWhitelisted: true })) {
    errors.push({ field: error.property, message: Object.values(error.constraints ?? {})[0] ?? 'is not valid' });
  }
  if (typeof body.district === 'string' && !lookups.districts.some((d) => d.code === body.district)) {
    if (!errors.some((e) => e.field === 'district'))
      errors.push({ field: 'district', message: `no district is called "${cells.district}"` });
  }
  if (dto.plannedStartDate && !errors.some((e) => e.field === 'plannedStartDate')) {
    if (!DateTime.fromISO(dto.plannedStartDate).isValid)
      errors.push({ field: 'plannedStartDate', message: `${cells.plannedStartDate} is not a date` });
  }
  if (errors.length) return undefined;
  return {
    code: dto.code,
    planYear: dto.planYear,
    name: dto.name,
    ownerEnterpriseId: dto.ownerEnterpriseId ?? null,
    district: dto.district,
    industry: dto.industry ?? null,
    kind: dto.kind,
    plannedTotalInvestmentYuan: dto.plannedTotalInvestmentYuan ?? null,
    plannedAnnualInvestmentYuan: dto.plannedAnnualInvestmentYuan ?? null,
    plannedStartDate: dto.plannedStartDate ?? null,
    departmentId: dto.departmentId ?? null,
    leaderName: dto.leaderName ?? null,
  };
}
