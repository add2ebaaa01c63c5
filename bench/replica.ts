import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { Client } from 'pg';
import { freePort } from '../src/database/embedded-postgres';
import { followPrimary, postgresOwner, runPostgres, startArgs } from '../test/support/standby';
import { type BenchDatabase, restartBenchServer } from './database';

/** The primary started again and a hot standby streaming from it, caught up. */
export interface BenchReplica {
  primary: BenchDatabase;
  standbyUrl: string;
  /** Stops the standby and removes its copy of the data. */
  stopStandby(): Promise<void>;
}

/**
 * A streaming standby of the benchmark's embedded primary, made as the replica test makes one
 * (test/support/standby.ts): with the primary stopped (as the caller leaves it), its cluster copied as it is, `standby.signal`
 * and `primary_conninfo` added to the copy, both started. Returns once the standby has replayed
 * everything the primary held when it started again.
 */
export async function startBenchReplica(
  problems: number,
  dataDir: string,
  log: (line: string) => void,
): Promise<BenchReplica> {
  const owner = postgresOwner();
  const cluster = path.resolve(dataDir, 'pg');
  const copy = path.resolve(dataDir, '..', 'standby');
  await fs.rm(copy, { recursive: true, force: true });
  const started = Date.now();
  // cp -a keeps the owner ("postgres" when run as root) and the cluster's 0700 mode.
  await new Promise<void>((resolve, reject) =>
    execFile('cp', ['-a', cluster, copy], (error) => (error ? reject(error) : resolve())),
  );
  await fs.rm(path.join(copy, 'postmaster.pid'), { force: true });
  log(`standby: the primary's cluster copied in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const primary = await restartBenchServer(problems, dataDir, log);
  const primaryUrl = new URL(primary.url);
  await followPrimary(copy, Number(primaryUrl.port), owner, decodeURIComponent(primaryUrl.password));
  const port = await freePort();
  await runPostgres(owner, 'pg_ctl', startArgs({ dir: copy, port }));
  const standbyUrl = new URL(primary.url);
  standbyUrl.port = String(port);

  const primaryLsn = await single<{ lsn: string }>(primary.url, `SELECT pg_current_wal_lsn()::text AS lsn`);
  for (const deadline = Date.now() + 120_000; ;) {
    const { caughtUp } = await single<{ caughtUp: boolean }>(
      standbyUrl.toString(),
      `SELECT pg_last_wal_replay_lsn() >= '${primaryLsn.lsn}'::pg_lsn AS "caughtUp"`,
    );
    if (caughtUp) break;
    if (Date.now() > deadline) throw new Error('the standby did not catch up with the primary in 120 s');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  log(`standby: streaming on port ${port}, caught up`);
  return {
    primary,
    standbyUrl: standbyUrl.toString(),
    stopStandby: async () => {
      await runPostgres(owner, 'pg_ctl', ['-D', copy, '-m', 'fast', '-w', 'stop']).catch(() => undefined);
      await fs.rm(copy, { recursive: true, force: true });
    },
  };
}

async function single<T>(url: string, sql: string): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows[0] as T;
  } finally {
    await client.end();
  }
}
