import type { AuthUser } from '../access/auth-user';
import { cursorValue, decodeCursor, Page, toPage } from '../common/pagination';
import { containsPattern, SqlParams } from '../common/sql';
import { isBouncedSql } from '../reports/bounced.sql';
import { visibleProblems } from './problem-access';
import {
  daysOverdueSql,
  OPEN_SQL,
  openUntil,
  problemColumns,
  PROBLEM_FROM,
  ProblemResponse,
  ProblemRow,
  toProblemResponse,
} from './problem-response';
import type { ListProblemsQuery, ProblemSort } from './problem.dto';

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

type ListRow = ProblemRow & { sortKey: string; walkStartedAt: string };

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
  const sql = `SELECT ${problemColumns(at)}, (${key})::text AS "sortKey", (${at})::text AS "walkStartedAt"
    FROM ${PROBLEM_FROM}
    WHERE ${where.join(' AND ')}
    ORDER BY ${key} ${direction}, p.id ${direction}
    LIMIT ${p.add(limit + 1)}`;
  return { sql, params: p.values, limit };
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
