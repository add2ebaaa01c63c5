import { parseArgs } from 'node:util';
import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ConfigError, loadConfig } from '../config/app-config';
import { pendingMigrations } from '../database/migrate';
import { SettledFigures } from '../reports/settled/settled-figures';
import { consoleOutput, runMain, withCliContext } from './cli-context';

const USAGE = `usage: npm run settled -- check     recompute every kept figure from the events and compare
       npm run settled -- rebuild   the same, replacing what differs`;

@Module({ providers: [SettledFigures] })
class SettledCliModule {}

/**
 * `npm run settled`: the settled figures (src/reports/settled) checked against, or rebuilt from,
 * the events. Exits 1 when `check` finds a difference.
 */
async function main(): Promise<number> {
  const { positionals } = parseArgs({ allowPositionals: true });
  const command = positionals[0];
  if (command !== 'check' && command !== 'rebuild') {
    console.error(USAGE);
    return 1;
  }
  try {
    const config = loadConfig();
    return await withCliContext(
      { config, imports: [SettledCliModule], statementTimeoutMs: 3_600_000, io: consoleOutput },
      async (context) => {
        const db = context.get(DataSource);
        const pending = await pendingMigrations(db);
        if (pending.length > 0) {
          console.error(`the database lacks migrations ${pending.join(', ')}: run "npm run migration:run" first`);
          return 1;
        }
        const started = Date.now();
        const result = await context.get(SettledFigures).check(db, command === 'rebuild');
        for (const entry of result.differing) {
          console.log(`differs: ${entry.key} as of ${String(entry.asOf)}`);
          console.log(`  kept     ${JSON.stringify(entry.kept)}`);
          console.log(`  computed ${JSON.stringify(entry.computed)}`);
        }
        const verb = command === 'rebuild' ? 'rebuilt' : 'checked';
        console.log(
          `${verb} ${result.checked} settled figures in ${((Date.now() - started) / 1000).toFixed(1)} s: ` +
            `${result.differing.length} differ${command === 'rebuild' && result.differing.length ? ' (replaced)' : ''}`,
        );
        return command === 'check' && result.differing.length > 0 ? 1 : 0;
      },
    );
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : error);
    return 1;
  }
}

runMain(main);
