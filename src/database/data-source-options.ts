import type { DataSourceOptions } from 'typeorm';
import { migrations } from '../../migrations';
import { TimeoutSafeClient } from './timeout-safe-client';

/**
 * One pool for the app, the migration runner and the report CLI. Queries are plain SQL (see the
 * services), so no entities are registered; TypeORM provides the pool, transactions and migrations.
 */
export function dataSourceOptions(
  url: string,
  { statementTimeoutMs, timezone }: { statementTimeoutMs: number; timezone: string },
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'all',
    synchronize: false,
    logging: false,
    extra: {
      Client: TimeoutSafeClient,
      max: 10,
      connectionTimeoutMillis: 5000,
      statement_timeout: statementTimeoutMs,
      query_timeout: statementTimeoutMs + 1000,
      idle_in_transaction_session_timeout: 60000,
      keepAlive: true,
      application_name: 'jiuquan-outreach',
      // Day boundaries in SQL (::date, working days) are those of the report time zone.
      options: `-c TimeZone=${timezone}`,
    },
  };
}
