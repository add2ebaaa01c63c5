import { DataSource } from 'typeorm';
import { ADVISORY_LOCKS } from './locks';

/** Serialises migration runs of several instances starting at once on one database. */
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

/** The code's migrations the database has not applied, found without writing (no migrations table is created). */
export async function pendingMigrations(dataSource: DataSource): Promise<string[]> {
  const table = dataSource.options.migrationsTableName ?? 'migrations';
  const [{ exists }]: { exists: boolean }[] = await dataSource.query(`SELECT to_regclass($1) IS NOT NULL AS exists`, [
    `public."${table.replace(/"/g, '""')}"`,
  ]);
  const applied: { name: string }[] = exists
    ? await dataSource.query(`SELECT name FROM "${table.replace(/"/g, '""')}"`)
    : [];
  const names = new Set(applied.map((row) => row.name));
  return dataSource.migrations.map((m) => m.name ?? m.constructor.name).filter((name) => !names.has(name));
}
