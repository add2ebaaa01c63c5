import { chmod, mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source-options';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres';
import { runMigrations } from '../src/database/migrate';
import { generateDataset } from './dataset';

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
      await db.query(
        `CREATE TABLE IF NOT EXISTS bench_dataset (problems integer PRIMARY KEY, generated_at timestamptz NOT NULL)`,
      );
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
        log(`reusing the data set in ${name} (generated ${done.rows[0].generated_at.toISOString()})`);
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
