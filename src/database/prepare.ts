import { DataSource, type DataSourceOptions } from 'typeorm';
import { runMigrations } from './migrate';

/** A migration may build indexes on tables of millions of rows: a statement may take up to an hour. */
const MIGRATION_TIMEOUT_MS = 3_600_000;

/** Runs the pending migrations on a connection of their own, free of the request timeouts of the app's pool. */
export async function migrateWithoutTimeouts(db: DataSource): Promise<string[]> {
  const migrator = new DataSource({
    ...db.options,
    extra: {
      ...(db.options as { extra?: object }).extra,
      // One connection holds the migration lock, another runs the migrations.
      max: 2,
      statement_timeout: MIGRATION_TIMEOUT_MS,
      query_timeout: MIGRATION_TIMEOUT_MS + 1000,
    },
  } as DataSourceOptions);
  await migrator.initialize();
  try {
    return await runMigrations(migrator);
  } finally {
    await migrator.destroy();
  }
}
