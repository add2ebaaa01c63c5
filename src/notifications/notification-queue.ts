import { Logger as GraphileLogger, runMigrations } from 'graphile-worker';
import { Pool } from 'pg';
import { ADVISORY_LOCKS } from '../database/locks';

/**
 * Installs or upgrades the queue's own schema (`graphile_worker`) with graphile-worker's
 * migrations, after ours, one instance at a time. Its tables are not business data: backups leave
 * them out (they cover schema `public` only).
 */
export async function installQueue(databaseUrl: string): Promise<void> {
  const pool = new Pool({ connectionString: databaseUrl, max: 2, application_name: 'jiuquan-outreach-queue' });
  watchErrors(pool);
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [ADVISORY_LOCKS.notificationQueue]);
    await runMigrations({ pgPool: pool, logger: quietLogger() });
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [ADVISORY_LOCKS.notificationQueue]).catch(() => undefined);
    client.release();
    await pool.end();
  }
}

/** A pool whose connections may drop (a database restart) logs it instead of crashing the process. */
export function watchErrors(pool: Pool, log: (message: string) => void = () => undefined): void {
  pool.on('error', (error) => log(`queue connection: ${error.message}`));
  pool.on('connect', (client) => client.on('error', (error) => log(`queue connection: ${error.message}`)));
}

/** graphile-worker's log lines through a Nest logger: errors and warnings only, the rest at debug. */
export function queueLogger(log?: {
  error(m: string): void;
  warn(m: string): void;
  debug(m: string): void;
}): GraphileLogger {
  return new GraphileLogger(() => (level, message) => {
    if (!log) return;
    if (level === 'error') log.error(message);
    else if (level === 'warning') log.warn(message);
    else log.debug(message);
  });
}

function quietLogger(): GraphileLogger {
  return queueLogger(undefined);
}
