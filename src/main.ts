import 'reflect-metadata';
import type { Server } from 'node:http';
import { createApp } from './app';
import { ConfigError, loadConfig } from './config/app-config';
import { openDatabase, resolveJwtSecret } from './database/database';

const log = (line: string) => console.log(`[startup] ${line}`);

async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config, log);
  let stopping = false;
  try {
    const app = await createApp({ config, databaseUrl: database.url, jwtSecret: await resolveJwtSecret(config) });
    await app.listen(config.port);
    log(`listening on http://localhost:${config.port}/api/v1 (docs: http://localhost:${config.port}/api/docs)`);
    if (database.embedded) log(`embedded PostgreSQL data in ${config.dataDir}`);

    const shutdown = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      log(`${signal}: finishing requests in flight and stopping`);
      // Stop accepting, let the requests in flight answer (at most 25 s), then close the app and
      // its pool, and only then stop the embedded database under it.
      const server = app.getHttpServer() as Server;
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 25_000).unref();
      });
      await app.close();
      await database.stop();
      process.exit(0);
    };
    for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.once(signal, () => void shutdown(signal));
  } catch (error) {
    await database.stop();
    throw error;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
