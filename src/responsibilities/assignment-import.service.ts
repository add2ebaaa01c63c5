import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import type { AuthUser } from '../access/auth-user';
import type { FieldError } from '../common/domain-error';
import { excel } from '../common/excel';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import {
  fileError,
  readTable,
  type SheetFormat,
  type UploadedSheet,
  sheetLimits,
} from '../enterprises/import/sheet-reader';
import type { ResponsibilityKind } from '../enterprises/tiers';
import { ResponsibilitiesRepository, type CandidateRow, type EnterpriseKeyRow } from './responsibilities.repository';
import type { AssignmentImportResult } from './responsibilities.service';
import { candidateProblem, clashProblem } from './responsibility-rules';

type Field = 'uscc' | 'enterpriseName' | 'username' | 'kind' | 'startsAt';

interface Column {
  field: Field;
  zh: string;
  aliases: string[];
  width: number;
}

/** The columns of a bulk assignment, in the template's order; headings match without case. */
export const ASSIGNMENT_COLUMNS: Column[] = [
  { field: 'uscc', zh: '统一社会信用代码', aliases: ['信用代码', '企业信用代码', 'uscc', 'credit code'], width: 24 },
  { field: 'enterpriseName', zh: '企业名称', aliases: ['企业', 'enterprise', 'name'], width: 32 },
  { field: 'username', zh: '用户名', aliases: ['账号', 'username', 'user'], width: 16 },
  { field: 'kind', zh: '包联类型', aliases: ['类型', 'kind'], width: 12 },
  { field: 'startsAt', zh: '开始日期', aliases: ['start date', 'startsat', 'start'], width: 14 },
];

const KINDS: Record<string, ResponsibilityKind> = {
  包联干部: 'official',
  干部: 'official',
  official: 'official',
  包联领导: 'leader',
  领导: 'leader',
  leader: 'leader',
};

interface ParsedRow {
  row: number;
  errors: FieldError[];
  uscc?: string;
  enterpriseName?: string;
  username?: string;
  kind: ResponsibilityKind;
  startsAt: Date;
}

interface CheckedRow {
  row: number;
  enterpriseId: string;
  userId: string;
  kind: ResponsibilityKind;
  startsAt: Date;
}

/** Excel's day 0 for serial dates (its 1900 leap-year bug included). */
const EXCEL_EPOCH = DateTime.fromISO('1899-12-30', { zone: 'UTC' });

/**
 * Bulk assignment of responsibilities from a spreadsheet (.xlsx or .csv, read by the enterprise
 * import's sheet reader): every row is checked by the rules of a single assignment, and either
 * all are written in one transaction or, if any row is wrong, none; a dry run checks and writes
 * nothing. Each rejected row is reported with its row number, field and message.
 */
@Injectable()
export class AssignmentImportService {
  constructor(
    private readonly repository: ResponsibilitiesRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async import(user: AuthUser, file: UploadedSheet | undefined, dryRun: boolean): Promise<AssignmentImportResult> {
    const table = await readTable(file, sheetLimits(this.config.importMaxRows));
    const columns = mapColumns(table.headings);
    if (table.rows.length === 0) {
      throw fileError('the file has no rows: the headings go in row 1 and each assignment in a row below');
    }
    const now = new Date();
    const parsed = table.rows.map((row) => {
      const cells = new Map<Field, string>();
      for (const [index, field] of columns) {
        const text = row.cells[index]?.trim() ?? '';
        if (text !== '') cells.set(field, text);
      }
      return this.parse(row.number, cells, now);
    });

    const usccs = parsed.flatMap((r) => (r.uscc ? [r.uscc] : []));
    const names = parsed.flatMap((r) => (!r.uscc && r.enterpriseName ? [r.enterpriseName] : []));
    const enterprises = await this.repository.enterprisesByKey(usccs, names);
    const usernames = parsed.flatMap((r) => (r.username ? [r.username] : []));
    const users = new Map(
      (await this.repository.candidatesByUsername(usernames)).map((u) => [u.username.toLowerCase(), u] as const),
    );

    return this.repository.transaction(async (em) => {
      const resolved: (CheckedRow | undefined)[] = parsed.map((row) => resolve(row, enterprises, users));
      await this.repository.lockEnterprises(
        em,
        resolved.flatMap((r) => (r ? [r.enterpriseId] : [])),
      );
      const people = new Map<string, number>();
      const leaders = new Map<string, number>();
      const valid: CheckedRow[] = [];
      for (const [i, row] of parsed.entries()) {
        const checked = resolved[i];
        if (!checked) continue;
        const person = `${checked.enterpriseId}|${checked.userId}`;
        if (people.has(person)) {
          row.errors.push({
            field: 'username',
            message: `row ${people.get(person)} assigns this person to this enterprise already`,
          });
          continue;
        }
        people.set(person, row.row);
        if (checked.kind === 'leader') {
          if (leaders.has(checked.enterpriseId)) {
            row.errors.push({
              field: 'kind',
              message: `row ${leaders.get(checked.enterpriseId)} names a leader for this enterprise already`,
            });
            continue;
          }
          leaders.set(checked.enterpriseId, row.row);
        }
        const clash = clashProblem(
          await this.repository.clashes(em, checked.enterpriseId, checked.userId, checked.kind, checked.startsAt),
          checked.kind,
        );
        if (clash) {
          row.errors.push({
            field: checked.kind === 'leader' && !clash.startsWith('this person') ? 'kind' : 'username',
            message: clash,
          });
          continue;
        }
        valid.push(checked);
      }
      const rejected = parsed
        .filter((row) => row.errors.length > 0)
        .map((row) => ({ row: row.row, errors: row.errors }));
      const apply = !dryRun && rejected.length === 0;
      if (apply) {
        for (const r of valid) {
          await this.repository.insert(em, {
            enterpriseId: r.enterpriseId,
            userId: r.userId,
            kind: r.kind,
            startsAt: r.startsAt,
            note: null,
            recordedBy: user.id,
          });
        }
      }
      return {
        total: parsed.length,
        valid: valid.length,
        created: apply ? valid.length : 0,
        applied: apply,
        dryRun,
        rejected,
      };
    });
  }

  /** An empty file with the headings (and one example row in the CSV's comment-free form: none). */
  async template(format: SheetFormat): Promise<Buffer> {
    const headings = ASSIGNMENT_COLUMNS.map((column) => column.zh);
    if (format === 'csv') return Buffer.from(`\uFEFF${headings.join(',')}\r\n`, 'utf8');
    const workbook = new (excel().Workbook)();
    const sheet = workbook.addWorksheet('包联关系', { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = ASSIGNMENT_COLUMNS.map((column) => ({ header: column.zh, width: column.width }));
    sheet.getRow(1).font = { bold: true };
    // Codes and dates stay text, as written: Excel would turn them into numbers.
    for (let i = 1; i <= ASSIGNMENT_COLUMNS.length; i += 1) sheet.getColumn(i).numFmt = '@';
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  private parse(row: number, cells: Map<Field, string>, now: Date): ParsedRow {
    const errors: FieldError[] = [];
    const uscc = cells.get('uscc')?.toUpperCase();
    const enterpriseName = cells.get('enterpriseName');
    if (!uscc && !enterpriseName) {
      errors.push({ field: 'uscc', message: 'give the credit code (统一社会信用代码) or the name (企业名称)' });
    }
    const username = cells.get('username');
    if (!username) errors.push({ field: 'username', message: 'username is required (用户名)' });
    const kindText = cells.get('kind');
    const kind = kindText === undefined ? 'official' : KINDS[kindText.toLowerCase()];
    if (kind === undefined)
      errors.push({ field: 'kind', message: 'kind must be 包联干部 (official) or 包联领导 (leader)' });
    const dateText = cells.get('startsAt');
    let startsAt = now;
    if (dateText !== undefined) {
      const date = this.dayStart(dateText);
      if (date === undefined) {
        errors.push({ field: 'startsAt', message: 'start date must be a date such as 2025-03-01' });
      } else if (date.getTime() > now.getTime()) {
        errors.push({ field: 'startsAt', message: 'start date may not be in the future' });
      } else {
        startsAt = date;
      }
    }
    return { row, errors, uscc, enterpriseName, username, kind: kind ?? 'official', startsAt };
  }

  /** The start of a day in the report time zone: 2025-03-01, 2025/3/1 or an Excel day number. */
  private dayStart(text: string): Date | undefined {
    const zone = this.config.reportTimezone;
    const match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text);
    let day: DateTime | undefined;
    if (match) {
      day = DateTime.fromObject({ year: +match[1]!, month: +match[2]!, day: +match[3]! }, { zone });
    } else if (/^\d{5}$/.test(text)) {
      const utc = EXCEL_EPOCH.plus({ days: Number(text) });
      day = DateTime.fromObject({ year: utc.year, month: utc.month, day: utc.day }, { zone });
    }
    return day?.isValid ? day.toJSDate() : undefined;
  }
}

/** Which column holds which field; unknown columns are ignored. */
function mapColumns(headings: string[]): Map<number, Field> {
  const columns = new Map<number, Field>();
  const seen = new Set<Field>();
  headings.forEach((heading, index) => {
    const text = heading.trim().toLowerCase();
    const column = ASSIGNMENT_COLUMNS.find((c) => c.zh === text || c.aliases.includes(text));
    if (!column) return;
    if (seen.has(column.field)) throw fileError(`two columns are headed ${column.zh}`);
    seen.add(column.field);
    columns.set(index, column.field);
  });
  if (!seen.has('username') || (!seen.has('uscc') && !seen.has('enterpriseName'))) {
    throw fileError(
      `the first row must hold the headings: ${ASSIGNMENT_COLUMNS.map((c) => c.zh).join(', ')} (用户名 and 统一社会信用代码 or 企业名称 required)`,
    );
  }
  return columns;
}

/** The row's enterprise and user, or undefined with the row's errors added. */
function resolve(
  row: ParsedRow,
  enterprises: EnterpriseKeyRow[],
  users: Map<string, CandidateRow>,
): CheckedRow | undefined {
  let enterpriseId: string | undefined;
  if (row.uscc) {
    enterpriseId = enterprises.find((e) => e.uscc === row.uscc)?.id;
    if (!enterpriseId) row.errors.push({ field: 'uscc', message: `no enterprise has the credit code ${row.uscc}` });
  } else if (row.enterpriseName) {
    const named = enterprises.filter((e) => e.name === row.enterpriseName);
    if (named.length === 1) enterpriseId = named[0]!.id;
    else {
      row.errors.push({
        field: 'enterpriseName',
        message:
          named.length === 0
            ? `no enterprise is named ${row.enterpriseName}`
            : `${named.length} enterprises are named ${row.enterpriseName}: give the credit code instead`,
      });
    }
  }
  let userId: string | undefined;
  if (row.username) {
    const user = users.get(row.username.toLowerCase());
    const problem = candidateProblem(user);
    if (problem)
      row.errors.push({
        field: 'username',
        message: problem === 'no such user' ? `no user is named ${row.username}` : problem,
      });
    else userId = user!.id;
  }
  if (row.errors.length > 0 || !enterpriseId || !userId) return undefined;
  return { row: row.row, enterpriseId, userId, kind: row.kind, startsAt: row.startsAt };
}
