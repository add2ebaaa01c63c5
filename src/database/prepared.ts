import type { PoolClient } from 'pg';
import type { EntityManager } from 'typeorm';

/**
 * Runs `text` as the named prepared statement `name` on the connection `em` works on (its
 * transaction's, or one from the pool). PostgreSQL then parses and plans it once per connection
 * instead of on every request, which for a statement of several joins costs more than running it.
 * For hot statements whose text never changes: a name stands for one text. The result must name
 * its columns (no `SELECT *`): PostgreSQL refuses to run a prepared statement whose result would
 * change shape, as it would when a migration adds a column while the service runs.
 */
export async function queryPrepared<T>(em: EntityManager, name: string, text: string, values: unknown[]): Promise<T[]> {
  const runner = em.queryRunner ?? em.connection.createQueryRunner();
  try {
    const client = (await runner.connect()) as PoolClient;
    return (await client.query({ name, text, values })).rows as T[];
  } finally {
    if (!em.queryRunner) await runner.release();
  }
}
