import type { AuthUser } from '../access/auth-user';
import { cursorValue, decodeCursor, encodeCursor, Page, toPage } from '../common/pagination';
import { containsPattern, SqlParams } from '../common/sql';
import { isBouncedSql } from '../reports/bounced.sql';
import { visibleProblems } from './problem-access';
import {
  daysOpenSql,
  daysOverdueSql,
  OPEN_SQL,
  openUntil,
  problemColumns,
  PROBLEM_FROM,
  ProblemResponse,
  ProblemRow,
  toProblemResponse,
} from './problem-response';
import type { ListProblemsQuery, ProblemSort, Source } from './problem.dto';
import type { Status } from '../workflow/statuses';

/**
 * Sort keys from a fixed list: a SQL expression of the walk's reference instant `at`, its type,
 * and the direction; never client text. Days open is the span until resolution (or `at`), so
 * every page of one walk uses the instant of the first page and rows cannot move between pages.
 */
const SORTS: Record<
  ProblemSort,
  { key: (at: string) => string; type: 'timestamptz' | 'numeric'; descending: boolean }
> = {
  '-reportedAt': { key: () => 'p.reported_at', type: 'timestamptz', descending: true },
  reportedAt: { key: () => 'p.reported_at', type: 'timestamptz', descending: false },
  dueAt: { key: () => `COALESCE(p.due_at, 'infinity')`, type: 'timestamptz', descending: false },
  '-dueAt': { key: () => `COALESCE(p.due_at, '-infinity')`, type: 'timestamptz', descending: true },
  '-lastActivityAt': { key: () => 'p.updated_at', type: 'timestamptz', descending: true },
  lastActivityAt: { key: () => 'p.updated_at', type: 'timestamptz', descending: false },
  '-daysOpen': {
    key: (at) => `extract(epoch FROM ${openUntil(at)} - p.reported_at)`,
    type: 'numeric',
    descending: true,
  },
  daysOpen: { key: (at) => `extract(epoch FROM ${openUntil(at)} - p.reported_at)`, type: 'numeric', descending: false },
  '-daysOverdue': { key: (at) => daysOverdueSql(at), type: 'numeric', descending: true },
  daysOverdue: { key: (at) => daysOverdueSql(at), type: 'numeric', descending: false },
};

/** What every page's row carries for the cursor of the next. */
type ListCursorColumns = { sortKey: string; walkStartedAt: string };
type ListRow = ProblemRow & ListCursorColumns;

/**
 * The filters of a list query and the caller's visibility as one WHERE clause, shared by the page
 * and its count. `at` gives the walk's reference instant (overdue is judged at it).
 */
function listConditions(
  user: Pick<AuthUser, 'id' | 'role' | 'departmentId'>,
  query: ListProblemsQuery,
  p: SqlParams,
  at: () => string,
): string[] {
  const where = [visibleProblems(user as AuthUser, p, 'p', 'queue')];
  // One status as an equality, so the planner can walk the (status, due date) index in order.
  if (query.status?.length === 1) where.push(`p.status = ${p.add(query.status[0])}`);
  else if (query.status?.length) where.push(`p.status = ANY(${p.add(query.status)}::text[])`);
  if (query.departmentId) where.push(`p.department_id = ${p.add(query.departmentId)}::uuid`);
  if (query.district) where.push(`e.district_code = ${p.add(query.district)}`);
  if (query.category) where.push(`p.category_code = ${p.add(query.category)}`);
  if (query.enterpriseId) where.push(`p.enterprise_id = ${p.add(query.enterpriseId)}::uuid`);
  if (query.createdBy) {
    where.push(`p.created_by = ${p.add(query.createdBy === 'me' ? user.id : query.createdBy)}::uuid`);
  }
  if (query.escalated !== undefined) where.push(`p.escalated = ${p.add(query.escalated)}`);
  if (query.bounced !== undefined) where.push(`${isBouncedSql('p', at())} = ${p.add(query.bounced)}`);
  if (query.overdue !== undefined) {
    where.push(`${query.overdue ? '' : 'NOT '}(${OPEN_SQL} AND p.due_at IS NOT NULL AND p.due_at < ${at()})`);
  }
  if (query.reportedFrom) where.push(`p.reported_at >= ${p.add(query.reportedFrom)}::timestamptz`);
  if (query.reportedTo) where.push(`p.reported_at < ${p.add(query.reportedTo)}::timestamptz`);
  if (query.q) {
    const pattern = p.add(containsPattern(query.q));
    where.push(
      `(p.title ILIKE ${pattern} OR p.description ILIKE ${pattern} OR e.name ILIKE ${pattern} OR p.code ILIKE ${pattern})`,
    );
  }
  return where;
}

/** The walk's instant carried by a cursor, or null on the first page (then the database clock). */
function walkInstant(query: ListProblemsQuery): { walkStartedAt: string | null; afterKey?: string; afterId?: string } {
  if (!query.cursor) return { walkStartedAt: null };
  const sort = SORTS[query.sort ?? '-reportedAt'];
  const [walkStartedAt, afterKey, afterId] = decodeCursor(query.cursor, [
    cursorValue.walkInstant,
    cursorValue[sort.type],
    cursorValue.uuid,
  ]);
  return { walkStartedAt, afterKey, afterId };
}

/**
 * One page of the resolution list as a single keyset query: the filters, the caller's
 * visibility, the sort key and the cursor. The benchmark's raw baseline runs this same SQL.
 */
export function problemListQuery(
  user: Pick<AuthUser, 'id' | 'role' | 'departmentId'>,
  query: ListProblemsQuery,
): { sql: string; params: unknown[]; limit: number } {
  return keysetPageQuery(user, query, problemColumns);
}

/**
 * A page of the walk of `query` (rows, order and cursor those of problemListQuery), selecting
 * `columns` of the walk's instant.
 */
function keysetPageQuery(
  user: Pick<AuthUser, 'id' | 'role' | 'departmentId'>,
  query: ListProblemsQuery,
  columns: (at: string) => string,
): { sql: string; params: unknown[]; limit: number } {
  const limit = query.limit ?? 50;
  const sort = SORTS[query.sort ?? '-reportedAt'];
  const p = new SqlParams();
  const { walkStartedAt, afterKey, afterId } = walkInstant(query);
  // The first page takes the walk's instant from the database clock; later pages carry it.
  const at = `COALESCE(${p.add(walkStartedAt)}::timestamptz, now())`;
  const key = sort.key(at);

  const where = listConditions(user, query, p, () => at);
  if (afterKey !== undefined && afterId !== undefined) {
    where.push(
      `(${key}, p.id) ${sort.descending ? '<' : '>'} (${p.add(afterKey)}::${sort.type}, ${p.add(afterId)}::uuid)`,
    );
  }
  const direction = sort.descending ? 'DESC' : 'ASC';
  const sql = `SELECT ${columns(at)}, (${key})::text AS "sortKey", (${at})::text AS "walkStartedAt"
    FROM ${PROBLEM_FROM}
    WHERE ${where.join(' AND ')}
    ORDER BY ${key} ${direction}, p.id ${direction}
    LIMIT ${p.add(limit + 1)}`;
  return { sql, params: p.values, limit };
}

/**
 * A problem as the export writes it (see export-columns.ts): only the fields of its columns.
 * Instants are milliseconds since the epoch: the driver's parsing of timestamptz text into a Date
 * was the largest part of the service's own time per page, and the export only needs the number.
 */
export interface ExportProblemRow {
  id: string;
  code: string;
  title: string;
  enterpriseName: string;
  districtName: string;
  categoryName: string;
  source: Source;
  status: Status;
  departmentName: string | null;
  reportedAt: number;
  dueAt: number | null;
  daysOpen: number;
  daysOverdue: number;
  escalated: boolean;
  lastEventType: string;
  /** When the last event happened (the list's lastEventAt). */
  updatedAt: number;
  /** The assisting departments (协办) of the current assignment not cancelled, in the order named, joined by 、. */
  assistingDepartments: string | null;
}

/** An instant column as milliseconds since the epoch (a float8, which the driver reads as a number). */
const epochMs = (column: string) => `floor(extract(epoch FROM ${column}) * 1000)::float8`;

/**
 * The export's columns. The list's own columns cost the export most of its time per page without
 * being written: the bounced flag reads every problem's route events, the supervision and the
 * project are a subquery each, and the description, resolution and feedback are long texts. The
 * assisting departments come with the row instead of a second query per page.
 */
const exportColumns = (at: string) => `
  p.id, p.code, p.title, e.name AS "enterpriseName", dist.name AS "districtName", c.name AS "categoryName",
  p.source, p.status, dep.name AS "departmentName", ${epochMs('p.reported_at')} AS "reportedAt", ${epochMs('p.due_at')} AS "dueAt",
  ${daysOpenSql(at)} AS "daysOpen", ${daysOverdueSql(at)} AS "daysOverdue", p.escalated,
  p.last_event_type AS "lastEventType", ${epochMs('p.updated_at')} AS "updatedAt",
  (SELECT string_agg(ad.name, '、' ORDER BY pa.created_at, pa.position)
     FROM problem_assists pa JOIN departments ad ON ad.id = pa.department_id
     WHERE pa.problem_id = p.id AND pa.current AND pa.status <> 'cancelled') AS "assistingDepartments"`;

/** One page of the export: the rows, order and cursor of problemListQuery, with the export's columns. */
export function problemExportQuery(
  user: Pick<AuthUser, 'id' | 'role' | 'departmentId'>,
  query: ListProblemsQuery,
): { sql: string; params: unknown[]; limit: number } {
  return keysetPageQuery(user, query, exportColumns);
}

/**
 * How many problems the whole walk holds (every page, not only this one), at the walk's instant so
 * that the count agrees with the pages. Only the joins the filters need: no day counts, no sort.
 */
export function problemCountQuery(
  user: Pick<AuthUser, 'id' | 'role' | 'departmentId'>,
  query: ListProblemsQuery,
): { sql: string; params: unknown[] } {
  const p = new SqlParams();
  const { walkStartedAt } = walkInstant(query);
  // The instant becomes a parameter only when a filter reads it: PostgreSQL refuses an unused one.
  let at: string | undefined;
  const where = listConditions(user, query, p, () => (at ??= `COALESCE(${p.add(walkStartedAt)}::timestamptz, now())`));
  const sql = `SELECT count(*)::int AS total
    FROM problems p JOIN enterprises e ON e.id = p.enterprise_id
    WHERE ${where.join(' AND ')}`;
  return { sql, params: p.values };
}

/** The rows of problemListQuery as the page the API answers with. */
export function toProblemPage(rows: ListRow[], limit: number): Page<ProblemResponse> {
  return toPage(
    rows,
    limit,
    (row) => toProblemResponse(row),
    (row) => [row.walkStartedAt, row.sortKey, row.id],
  );
}

/**
 * Hands each row of problemExportQuery to `each`, in order, up to its limit; the extra row it reads
 * only tells whether there is a next page. Returns the cursor of that page, or null.
 */
export function exportPageRows(
  limit: number,
  each: (row: ExportProblemRow) => void,
): { row: (row: ExportProblemRow & ListCursorColumns) => void; nextCursor: () => string | null } {
  let count = 0;
  let last: (ExportProblemRow & ListCursorColumns) | undefined;
  let more = false;
  return {
    row(row) {
      if (count === limit) {
        more = true;
        return;
      }
      count += 1;
      last = row;
      each(row);
    },
    nextCursor: () => (more && last ? encodeCursor([last.walkStartedAt, last.sortKey, last.id]) : null),
  };
}
