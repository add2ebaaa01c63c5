import { type Pool, type PoolClient, Query, type QueryConfig, type QueryResultRow } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

const ignoreLostConnection = () => undefined;

/**
 * Runs `query` on a connection of the pg pool under TypeORM's data source, without the query
 * runner TypeORM creates, connects, announces and releases around every statement (some 20 µs of
 * CPU each under load). As TypeORM does: through the promise API, so that a read
 * timeout closes the connection (TimeoutSafeClient), and released without the error, so that
 * while the database is unreachable the next request fails at once on that closed connection
 * instead of waiting five seconds for a new one (test/reliability/outage.e2e-spec.ts).
 */
async function onPooledConnection<T>(db: DataSource, query: QueryConfig): Promise<T[]> {
  const client = await ((db.driver as PostgresDriver).master as Pool).connect();
  // A connection lost while lent fails the query and is also emitted as an error event, which
  // would end the process without a listener; the pool drops the connection on release.
  client.on('error', ignoreLostConnection);
  try {
    return (await client.query(query)).rows as T[];
  } finally {
    client.removeListener('error', ignoreLostConnection);
    client.release();
  }
}

/** The rows of one statement outside any transaction: for the hottest reads. */
export function queryRows<T>(db: DataSource, text: string, values: unknown[]): Promise<T[]> {
  return onPooledConnection<T>(db, { text, values });
}

/**
 * Runs one statement outside any transaction and hands each row to `each` as it arrives, keeping
 * none: for a long read (the problem-list export) that can work on the first rows while the
 * database still sends the rest. A throw from `each` fails the promise; the rest of the rows are
 * read and dropped, so that the connection goes back to the pool ready.
 */
export async function forEachRow<T>(
  db: DataSource,
  text: string,
  values: unknown[],
  each: (row: T) => void,
): Promise<void> {
  const client = await ((db.driver as PostgresDriver).master as Pool).connect();
  client.on('error', ignoreLostConnection);
  try {
    await new Promise<void>((resolve, reject) => {
      let failed: { error: unknown } | undefined;
      // Settled by the callback, which pg calls once on success and on every failure (a database
      // error, the read timeout, a lost connection): a query with a callback emits no 'error',
      // and the pool's read timeout gives every query one.
      const query = new Query<T & QueryResultRow>(text, values, (error) => {
        if (error) reject(error);
        else if (failed) reject(failed.error as Error);
        else resolve();
      });
      query.on('row', (row: T, result?: { rows: unknown[] }) => {
        // The driver gathers the rows as well when the query has a callback: keep none of them.
        // Gathered, a page of rows lived long enough for V8 to move them all to the old
        // generation, which then grew by some 150 MB between full collections during an export.
        if (result) result.rows.length = 0;
        if (failed) return;
        try {
          each(row);
        } catch (error) {
          failed = { error };
        }
      });
      client.query(query);
    });
  } finally {
    client.removeListener('error', ignoreLostConnection);
    client.release();
  }
}

/**
 * Runs `text` as the named prepared statement `name` on the connection `em` works on (its
 * transaction's, or one from the pool). PostgreSQL then parses and plans it once per connection
 * instead of on every request, which for a statement of several joins costs more than running it.
 * For hot statements whose text never changes: a name stands for one text. The result must name
 * its columns (no `SELECT *`): PostgreSQL refuses to run a prepared statement whose result would
 * change shape, as it would when a migration adds a column while the service runs.
 */
export async function queryPrepared<T>(em: EntityManager, name: string, text: string, values: unknown[]): Promise<T[]> {
  if (!em.queryRunner) return onPooledConnection<T>(em.connection, { name, text, values });
  const client = (await em.queryRunner.connect()) as PoolClient;
  return (await client.query({ name, text, values })).rows as T[];
}
