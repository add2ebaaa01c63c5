import { DataSource } from 'typeorm';
import { ConfigError, loadConfig } from '../config/app-config';
import { openDatabase } from './database';
import { dataSourceOptions } from './data-source-options';
import { ADVISORY_LOCKS } from './locks';

const MIGRATION_LOCK = ADVISORY_LOCKS.migrations;

export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const applied = await dataSource.runMigrations({ transaction: 'all' });
    return applied.map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
  }
}

/** `npm run migration:run`: applies pending migrations to the configured database. */
async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config, (line) => console.log(line));
  const dataSource = new DataSource(
    dataSourceOptions(database.url, { statementTimeoutMs: 600_000, timezone: config.reportTimezone }),
  );
  try {
    await dataSource.initialize();
    const applied = await runMigrations(dataSource);
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'the schema is up to date');
  } finally {
    await dataSource.destroy().catch(() => undefined);
    await database.stop();
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  });
}
