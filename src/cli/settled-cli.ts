import { parseArgs } from 'node:util';
import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ConfigError, loadConfig } from '../config/app-config';
import { pendingMigrations } from '../database/migrate';
import { LiveBases } from '../reports/settled/live-bases';
import { SettledFigures } from '../reports/settled/settled-figures';
import { consoleOutput, runMain, withCliContext } from './cli-context';

const USAGE = `usage: npm run settled -- check     recompute every kept figure and live base from the events and compare
       npm run settled -- rebuild   the same, replacing the figures that differ and forgetting such bases`;

@Module({ providers: [SettledFigures, LiveBases] })
class SettledCliModule {}

/**
 * `npm run settled`: the settled figures and the live bases (src/reports/settled) checked against,
 * or rebuilt from, the events. Exits 1 when `check` finds a difference.
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
        const repair = command === 'rebuild';
        const figures = await context.get(SettledFigures).check(db, repair);
        const bases = await context.get(LiveBases).check(db, repair);
        const differing = [...figures.differing, ...bases.differing];
        for (const entry of differing) {
          console.log(`differs: ${entry.key} as of ${String(entry.asOf)}`);
          console.log(`  kept     ${JSON.stringify(entry.kept)}`);
          console.log(`  computed ${JSON.stringify(entry.computed)}`);
        }
        const verb = command === 'rebuild' ? 'rebuilt' : 'checked';
        console.log(
          `${verb} ${figures.checked} settled figures and ${bases.checked} live bases in ${((Date.now() - started) / 1000).toFixed(1)} s: ` +
            `${differing.length} differ${command === 'rebuild' && differing.length ? ' (replaced)' : ''}`,
        );
        return command === 'check' && differing.length > 0 ? 1 : 0;
      },
    );
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : error);
    return 1;
  }
}

runMain(main);
