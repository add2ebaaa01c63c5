import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { createAttachmentStorage } from '../attachments/attachment-storage';
import { ConfigError, loadConfig } from '../config/app-config';
import { BackupError, backupDatabase, partialFileOf, restoreDatabase, TableCount } from '../database/backup';
import { consoleOutput, CliOutput, CliRunning, runMain, withCliContext } from './cli-context';

const USAGE = `usage: npm run db:backup [-- <file>]     one gzip file of every table (default name: outreach-backup-<date>-<time>.jsonl.gz)
       npm run db:restore -- <file>      into an empty database: the migrations, then every row, in one transaction
       node dist/src/cli/backup-cli.js backup [<file>] | restore <file>
The database is DATABASE_URL's, or without it the embedded PostgreSQL in DATA_DIR (default ./.data).`;

class UsageError extends Error {}

/** The backup never signs tokens: JWT_SECRET, which loadConfig wants beside DATABASE_URL, is not needed here. */
const UNUSED_JWT_SECRET = 'not-used-by-backup-or-restore-0123456789';

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function tableLine(tables: TableCount[]): string {
  return tables.map((t) => `${t.name} ${t.rows}`).join(' · ');
}

interface Running extends CliRunning {
  partial?: string;
}

/**
 * `backup [<file>]` and `restore <file>`; answers the exit code (0, or 1 with a message on stderr).
 * `running` lets the signal handler of the command line undo what is under way.
 */
export async function runBackupCli(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
  io: CliOutput = consoleOutput,
  running: Running = {},
): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { help: { type: 'boolean', short: 'h', default: false } },
      allowPositionals: true,
    });
    if (values.help) {
      io.out(USAGE);
      return 0;
    }
    const [command, file, ...extra] = positionals;
    if (command !== 'backup' && command !== 'restore') {
      throw new UsageError(command ? `unknown command "${command}"` : 'a command is required: backup or restore');
    }
    if (extra.length > 0) throw new UsageError(`unexpected arguments: ${extra.join(' ')}`);
    if (command === 'restore' && !file) throw new UsageError('restore needs the backup file to read');

    const config = loadConfig(
      env.DATABASE_URL?.trim() && !env.JWT_SECRET?.trim() ? { ...env, JWT_SECRET: UNUSED_JWT_SECRET } : env,
    );
    const target = path.resolve(
      file ?? `outreach-backup-${DateTime.now().setZone(config.reportTimezone).toFormat('yyyyLLdd-HHmmss')}.jsonl.gz`,
    );
    if (command === 'restore') {
      // Before the database starts: a missing file is reported at once.
      await fs.access(target).catch((error: Error) => {
        throw new BackupError(`cannot read ${target}: ${error.message}`);
      });
    }

    await withCliContext({ config, statementTimeoutMs: 600_000, io, running }, async (context) => {
      const db = context.get(DataSource);
      // The attachment files travel inside the backup file, beside the rows that name them.
      const files = createAttachmentStorage(config);
      if (command === 'backup') {
        running.partial = partialFileOf(target);
        const summary = await backupDatabase(db, target, { files });
        running.partial = undefined;
        io.out(`backup written to ${summary.file} (${megabytes(summary.bytes)})`);
        io.out(`  ${summary.tables.length} tables, ${summary.rows} rows in ${summary.seconds.toFixed(1)} s`);
        io.out(`  ${summary.files} attachment files (${megabytes(summary.fileBytes)})`);
        io.out(`  migrations: ${summary.migrations.join(', ')}`);
        io.out(`  ${tableLine(summary.tables)}`);
      } else {
        const summary = await restoreDatabase(db, target, { files });
        io.out(`restored ${summary.file} (taken ${summary.createdAt})`);
        io.out(`  ${summary.tables.length} tables, ${summary.rows} rows in ${summary.seconds.toFixed(1)} s`);
        io.out(`  ${summary.files} attachment files written back to the attachment store`);
        if (summary.migrationsBefore.length) io.out(`  migrations run first: ${summary.migrationsBefore.join(', ')}`);
        if (summary.migrationsAfter.length) {
          io.out(`  migrations newer than the backup, run over its rows: ${summary.migrationsAfter.join(', ')}`);
        }
        io.out(`  ${tableLine(summary.tables)}`);
      }
    });
    return 0;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (error instanceof UsageError || code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`${(error as Error).message}\n${USAGE}`);
      return 1;
    }
    const command = argv.find((a) => a === 'backup' || a === 'restore') ?? 'backup';
    if (error instanceof BackupError || error instanceof ConfigError) {
      io.err(error.message);
    } else {
      io.err(`${command} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    // A restore is one transaction: whatever failed, it was rolled back.
    if (command === 'restore' && running.opened) io.err('nothing was restored: the database is as it was');
    return 1;
  }
}

if (require.main === module) {
  const running: Running = {};
  // Ctrl-C: the unfinished file goes, the embedded database (if this process started it) stops,
  // and a restore's transaction is rolled back by the server when the connection closes.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.error(`interrupted (${signal}): nothing was written or restored`);
      void (async () => {
        if (running.partial) await fs.rm(running.partial, { force: true }).catch(() => undefined);
        await running.database?.stop().catch(() => undefined);
        process.exit(130);
      })();
    });
  }
  runMain(() => runBackupCli(process.argv.slice(2), process.env, undefined, running));
}
