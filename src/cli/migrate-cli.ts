import { DataSource } from 'typeorm';
import { ConfigError, loadConfig } from '../config/app-config';
import { runMigrations } from '../database/migrate';
import { consoleOutput, runMain, withCliContext } from './cli-context';

/** `npm run migration:run`: applies the pending migrations to the configured database. */
async function main(): Promise<number> {
  try {
    const config = loadConfig();
    await withCliContext({ config, statementTimeoutMs: 600_000, io: consoleOutput }, async (context) => {
      const applied = await runMigrations(context.get(DataSource));
      console.log(applied.length ? `applied: ${applied.join(', ')}` : 'the schema is up to date');
    });
    return 0;
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : error);
    return 1;
  }
}

runMain(main);
