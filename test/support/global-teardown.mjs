import { rm } from 'node:fs/promises';
import pg from 'pg';

export default async function globalTeardown() {
  const embedded = globalThis.__EMBEDDED_PG__;
  if (embedded) {
    await embedded.server.stop();
    await rm(embedded.dir, { recursive: true, force: true });
    return;
  }
  // On a server of DATABASE_URL: drop this run's template databases (test/support/test-app.ts).
  const run = process.env.TEST_RUN_ID;
  if (!process.env.DATABASE_URL || !run || !/^[0-9a-f]{8}$/.test(run)) return;
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query(
      "SELECT datname FROM pg_database WHERE datname LIKE 'outreach\\_tpl\\_' || $1 || '\\_%'",
      [run],
    );
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
