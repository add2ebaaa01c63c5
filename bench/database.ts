import { chmod, mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source-options';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres';
import { runMigrations } from '../src/database/migrate';
import { generateDataset, MARKER_TABLE } from './dataset';

export interface BenchDatabase {
  /** The benchmark's own database, migrated and filled. */
  url: string;
  stop(): Promise<void>;
}

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/**
 * The database `outreach_bench_<size>` on DATABASE_URL's server, or on an embedded PostgreSQL in
 * `dataDir` when DATABASE_URL is unset (as for a new user). A data set generated once is reused
 * by later runs of the same size: a marker row says it was completed.
 */
export async function openBenchDatabase(
  problems: number,
  dataDir: string,
  log: (line: string) => void,
): Promise<BenchDatabase> {
  if (!process.env.DATABASE_URL) {
    // The embedded server runs as the "postgres" user when we are root: it must be able to enter the parent.
    await mkdir(dirname(resolve(dataDir)), { recursive: true });
    await chmod(dirname(resolve(dataDir)), 0o755);
  }
  const server = process.env.DATABASE_URL
    ? { url: process.env.DATABASE_URL, stop: async () => undefined }
    : await startEmbeddedPostgres(resolve(dataDir), log);
  const name = `outreach_bench_${problems}`;
  const url = withDatabase(server.url, name);
  try {
    const admin = new Client({ connectionString: withDatabase(server.url, 'postgres') });
    await admin.connect();
    const exists = await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();

    const dataSource = new DataSource(
      dataSourceOptions(url, { statementTimeoutMs: 3_600_000, timezone: 'Asia/Shanghai' }),
    );
    await dataSource.initialize();
    await runMigrations(dataSource);
    await dataSource.destroy();

    const db = new Client({ connectionString: url, options: '-c TimeZone=Asia/Shanghai' });
    await db.connect();
    try {
      await db.query(MARKER_TABLE);
      const done = await db.query(`SELECT generated_at FROM bench_dataset WHERE problems = $1`, [problems]);
      if (done.rowCount === 0) {
        const empty = await db.query(`SELECT NOT EXISTS (SELECT 1 FROM problems) AS empty`);
        if (!empty.rows[0].empty) {
          throw new Error(`${name} holds an unfinished data set; drop the database and run again`);
        }
        log(`generating ${problems.toLocaleString('en')} problems into ${name}`);
        const started = Date.now();
        await generateDataset(db, problems, log);
        log(`generated in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      } else {
        const generatedAt: Date = done.rows[0].generated_at;
        log(`reusing the data set in ${name} (generated ${generatedAt.toISOString()})`);
        await removeEarlierRuns(db, generatedAt, log);
      }
    } finally {
      await db.end();
    }
  } catch (error) {
    await server.stop();
    throw error;
  }
  return { url, stop: server.stop };
}

/**
 * Each run starts from the data set as generated: the problems earlier runs recorded through POST
 * (entered after the set was generated) go, with their events, and the tables are vacuumed. Left
 * in, every run would add tens of thousands of problems entered in the same minute, which no real
 * service sees, and the lists would be measured on a different data set each time. The settled
 * figures earlier runs kept go too. This is the
 * benchmark's own data: the append-only rule on events is lifted for this one transaction.
 */
async function removeEarlierRuns(db: Client, generatedAt: Date, log: (line: string) => void): Promise<void> {
  const started = Date.now();
  await db.query('BEGIN');
  try {
    await db.query(`CREATE TEMP TABLE posted ON COMMIT DROP AS SELECT id FROM problems WHERE created_at > $1`, [
      generatedAt,
    ]);
    await db.query(`ALTER TABLE problem_events DISABLE TRIGGER problem_events_no_update_delete`);
    // Each deleted problem's foreign-key check looks for problems marked as its duplicate; without
    // an index (the service never deletes) that is a scan of the table per row. Dropped at commit.
    await db.query(`CREATE INDEX bench_duplicate_of_idx ON problems (duplicate_of) WHERE duplicate_of IS NOT NULL`);
    await db.query(`DELETE FROM warnings WHERE problem_id IN (SELECT id FROM posted)`);
    await db.query(`DELETE FROM problem_events WHERE problem_id IN (SELECT id FROM posted)`);
    const removed = await db.query(`DELETE FROM problems WHERE id IN (SELECT id FROM posted)`);
    await db.query(`DROP INDEX bench_duplicate_of_idx`);
    // Figures kept by an earlier run would turn this run's cache misses into hits, and its live
    // bases count the problems just removed.
    await db.query(`DELETE FROM settled_figures`);
    await db.query(`DELETE FROM live_bases`);
    await db.query(`ALTER TABLE problem_events ENABLE TRIGGER problem_events_no_update_delete`);
    await db.query('COMMIT');
    if (!removed.rowCount) return;
    await db.query(`VACUUM (ANALYZE) problems, problem_events, warnings`);
    log(
      `removed ${removed.rowCount.toLocaleString('en')} problems recorded by earlier runs, in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  } catch (error) {
    await db.query('ROLLBACK');
    throw error;
  }
}

/**
 * The benchmark's embedded server started again on its data, as it is: no migration, no clean-up
 * (for the replica section, after its cluster was copied while stopped).
 */
export async function restartBenchServer(
  problems: number,
  dataDir: string,
  log: (line: string) => void,
): Promise<BenchDatabase> {
  const server = await startEmbeddedPostgres(resolve(dataDir), log);
  return { url: withDatabase(server.url, `outreach_bench_${problems}`), stop: server.stop };
}
