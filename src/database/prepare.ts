import { DataSource, type DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { loadDemoDataIfEmpty } from '../demo/demo-loader';
import { UsersService } from '../users/users.service';
import { UsersRepository } from '../users/users.repository';
import { runMigrations } from './migrate';

/** Before anything is served: pending migrations, then the configured admin, then the demo data. */
export async function prepareDatabase(db: DataSource, config: AppConfig, log: (line: string) => void): Promise<void> {
  const applied = await migrateWithoutTimeouts(db);
  if (applied.length) log(`applied migrations: ${applied.join(', ')}`);
  const { adminUsername, adminPassword } = config;
  if (
    adminUsername &&
    adminPassword &&
    (await new UsersService(new UsersRepository(db)).ensureAdmin(adminUsername, adminPassword))
  ) {
    log(`created the admin "${adminUsername}"`);
  }
  if (config.demoData) {
    const summary = await loadDemoDataIfEmpty(db);
    if (summary) log(`loaded the demo data: ${JSON.stringify(summary)}`);
  }
}

/** A migration may build indexes on tables of millions of rows: a statement may take up to an hour. */
const MIGRATION_TIMEOUT_MS = 3_600_000;

/** Runs the pending migrations on a connection of their own, free of the request timeouts of the app's pool. */
async function migrateWithoutTimeouts(db: DataSource): Promise<string[]> {
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
