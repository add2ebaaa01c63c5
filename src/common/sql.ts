/** Collects query parameters and hands out their `$n` placeholders, so values are never spliced into SQL. */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** A pattern for `ILIKE` that finds `text` anywhere, its own `%`, `_` and `\` taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, '\\$&')}%`;
}

/** What a repository runs its statements on: the data source, or a transaction's entity manager. */
export interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/**
 * TypeORM answers UPDATE and DELETE with `[rows, rowCount]` and every other statement with the rows
 * alone. A row is an object, never a number, so the pair cannot be mistaken for two rows.
 */
function unwrap(raw: unknown): { rows: unknown[]; count: number | null } {
  const result = raw as unknown[];
  if (result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') {
    return { rows: result[0], count: result[1] };
  }
  return { rows: result, count: null };
}

/** Every row of a statement (SELECT, or a write with RETURNING), as the caller's row type. */
export async function rows<T>(db: Queryable, sql: string, parameters: unknown[] = []): Promise<T[]> {
  return unwrap(await db.query(sql, parameters)).rows as T[];
}

/** The first row of a statement, or undefined when it gave none. */
export async function maybeOne<T>(db: Queryable, sql: string, parameters: unknown[] = []): Promise<T | undefined> {
  return (await rows<T>(db, sql, parameters))[0];
}

/** The one row a statement must give (an aggregate, a write whose target is locked): none is a bug, not a 404. */
export async function one<T>(db: Queryable, sql: string, parameters: unknown[] = []): Promise<T> {
  const row = await maybeOne<T>(db, sql, parameters);
  if (row === undefined) throw new Error('the statement gave no row where one was expected');
  return row;
}

/** How many rows an UPDATE or DELETE touched. */
export async function affected(db: Queryable, sql: string, parameters: unknown[] = []): Promise<number> {
  const { count } = unwrap(await db.query(sql, parameters));
  if (count === null) throw new Error('affected() counts the rows of an UPDATE or DELETE only');
  return count;
}

/** Runs a write whose answer nobody reads (an INSERT without RETURNING, a DELETE whose count does not matter). */
export async function execute(db: Queryable, sql: string, parameters: unknown[] = []): Promise<void> {
  await db.query(sql, parameters);
}

/** Whether a statement gave any row (`SELECT 1 … WHERE …`). */
export async function exists(db: Queryable, sql: string, parameters: unknown[] = []): Promise<boolean> {
  return (await rows<unknown>(db, sql, parameters)).length > 0;
}
