import { AsyncLocalStorage } from 'node:async_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { one, type Queryable } from '../common/sql';
import { dataSourceOptions } from './data-source-options';
import { PRIMARY_WAL_POSITION, REPLICA_REPLAY_POSITION } from './report-reader.sql';
import { SETTLED_NOW } from './settled-now.sql';

/** Where a request's report reads go, and up to which instant that database holds every change. */
export interface ReadPoint {
  db: DataSource;
  source: 'replica' | 'primary';
  /** With the replica: it holds every change committed on the primary before this instant. */
  replayedTo?: Date;
}

/** What a report answered from the replica says about it (`readFrom` in the JSON). */
export interface ReadFrom {
  source: 'replica';
  replayedTo: string;
}

/** One request's read point; `settledTo` caps its "now" while it reads from the replica. */
interface ReadContext extends ReadPoint {
  settledTo?: Date;
  /** Began on the replica and lost it midway: the rest was read from the primary. */
  fellBack?: boolean;
}

/** A look at the primary: every change stamped before `settledAt` was committed before `lsn`. */
interface PrimarySample {
  lsn: bigint;
  at: Date;
  settledAt: Date;
}

type ReplicaState =
  | { kind: 'replica'; replayedTo: Date; settledTo: Date }
  | { kind: 'behind' | 'unreachable' | 'not a standby' | 'unsampled'; reason: string };

/** The replica is looked at no more often than this, whatever the number of requests. */
const CHECK_EVERY_MS = 1_000;
/** Longest a look at the replica may take: a replica that hangs must not hold the reports up. */
const LOOK_TIMEOUT_MS = 1_000;
/** Looks at the primary kept, at most (one a second while requests come). */
const MAX_SAMPLES = 120;
/** A replica behind the primary's latest position is looked at again this many times, this long apart. */
const CATCH_UP_PAUSES = 4;
const CATCH_UP_PAUSE_MS = 25;
/** Connections the replica's pool holds: reports only, a few at a time. */
const REPLICA_POOL_SIZE = 4;

/**
 * Where reports, exports and the trend read: the replica of DATABASE_REPLICA_URL while it follows
 * the primary closely enough, else the primary. They only read, and a streaming standby takes
 * that load off the primary; but a standby lags, so a figure "as of now" read from it is a figure
 * as of the instant up to which it holds every change (see `now`), and says so (`readFrom`).
 *
 * A request picks its read point once (`within`), so its reads and its instant agree. The replica
 * is never a reason to fail: unreachable, promoted, too far behind or failing a query, the reads
 * go to the primary, with one log line each time that changes.
 */
@Injectable()
export class ReportReader implements OnApplicationShutdown {
  private readonly logger = new Logger('ReportReader');
  private readonly context = new AsyncLocalStorage<ReadContext>();
  private readonly replica: DataSource | undefined;
  private replicaOpening: Promise<void> | undefined;
  /** The primary's recent positions, newest last, none older than the lag limit. */
  private samples: PrimarySample[] = [];
  private check: { at: number; state: Promise<ReplicaState> } | undefined;
  /** The last state logged; a replica is expected, so only leaving it (and coming back) is logged. */
  private loggedKind: ReplicaState['kind'] = 'replica';

  constructor(
    @InjectDataSource() readonly primary: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.replica = config.replica && new DataSource(replicaOptions(config, config.replica.url));
  }

  /** Whether DATABASE_REPLICA_URL is set (the responses then say where they read, X-Read-From). */
  get replicaConfigured(): boolean {
    return this.replica !== undefined;
  }

  /** Runs one request's reads from the read point chosen now. */
  async within<T>(work: () => Promise<T>): Promise<T> {
    if (!this.replica) return work();
    return this.context.run(await this.choose(this.replica), work);
  }

  /** The current request's read point: the primary outside `within` or without a replica. */
  point(): ReadPoint {
    const { db, source, replayedTo } = this.context.getStore() ?? { db: this.primary, source: 'primary' };
    return { db, source, replayedTo };
  }

  /** What to put in a report that has `asOf`: `readFrom` when the replica answers it. */
  readFrom(): { readFrom?: ReadFrom } {
    const { source, replayedTo } = this.point();
    return source === 'replica' && replayedTo ? { readFrom: { source, replayedTo: replayedTo.toISOString() } } : {};
  }

  /** Whether the current request began on the replica and lost it midway (see `read`). */
  fellBack(): boolean {
    return this.context.getStore()?.fellBack === true;
  }

  /**
   * "Now" for a figure: on the replica, no later than the instant before which it holds every
   * change, settled on the primary (SETTLED_NOW, which a standby cannot tell: it does not list
   * the primary's open transactions). A figure as of that instant is the one the primary gives.
   */
  now(zone: string): DateTime {
    const now = DateTime.now().setZone(zone);
    const settledTo = this.context.getStore()?.settledTo;
    return settledTo && settledTo < now.toJSDate() ? DateTime.fromJSDate(settledTo, { zone }) : now;
  }

  /** A figure as of an instant the replica may not hold yet is read from the primary, the whole request. */
  readAsOf(instant: DateTime): void {
    const context = this.context.getStore();
    if (context?.settledTo && instant.toJSDate() > context.settledTo) this.usePrimary(context);
  }

  /** Statements on the current read point, each retried once on the primary if the replica fails it. */
  readonly db: Queryable = { query: (sql, parameters) => this.read((db) => db.query(sql, parameters)) };

  /** Runs `work` on the current read point; a replica lost meanwhile is left for the primary, once. */
  async read<T>(work: (db: DataSource) => Promise<T>): Promise<T> {
    const context = this.context.getStore();
    if (!context || context.source === 'primary') return work(this.primary);
    try {
      return await work(context.db);
    } catch (error) {
      if (!lostReplica(error)) throw error;
      this.usePrimary(context);
      context.fellBack = true;
      this.check = undefined;
      this.enter({ kind: 'unreachable', reason: `replica failed a query (${describe(error)})` });
      return work(this.primary);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.replicaOpening?.catch(() => undefined);
    if (this.replica?.isInitialized) await this.replica.destroy();
  }

  private async choose(replica: DataSource): Promise<ReadContext> {
    const state = await this.state();
    this.enter(state);
    if (state.kind !== 'replica') return { db: this.primary, source: 'primary' };
    return { db: replica, source: 'replica', replayedTo: state.replayedTo, settledTo: state.settledTo };
  }

  /** The replica's state, looked at once a second at most: requests meanwhile share the look. */
  private state(): Promise<ReplicaState> {
    const now = Date.now();
    if (!this.check || now - this.check.at >= CHECK_EVERY_MS) {
      // Stamped again when the look ends: a look that timed out is not stale at once, so requests
      // do not each wait a second for a replica that hangs.
      const check = { at: now, state: this.look() };
      void check.state.then(() => (check.at = Date.now()));
      this.check = check;
    }
    return this.check.state;
  }

  /** Where the primary stands, then the replica: a replica that does not answer in time counts as unreachable. */
  private async look(): Promise<ReplicaState> {
    let sample: PrimarySample;
    try {
      sample = await this.samplePrimary();
    } catch (error) {
      return { kind: 'unsampled', reason: `the primary's WAL position could not be read (${describe(error)})` };
    }
    try {
      return await Promise.race([
        this.lookAtReplica(sample),
        sleep(LOOK_TIMEOUT_MS, undefined, { ref: false }).then(() => {
          throw new Error(`no answer within ${LOOK_TIMEOUT_MS} ms`);
        }),
      ]);
    } catch (error) {
      return { kind: 'unreachable', reason: `replica unreachable (${describe(error)})` };
    }
  }

  /** The latest sample the replica has replayed, if it is a standby and has replayed one. */
  private async lookAtReplica(sample: PrimarySample): Promise<ReplicaState> {
    const replica = await this.openReplica();
    let position = await replayPosition(replica);
    // Under writes a standby trails by milliseconds: wait that long rather than leave it for a second.
    for (let pause = 0; position.inRecovery && position.replayed < sample.lsn && pause < CATCH_UP_PAUSES; pause++) {
      await sleep(CATCH_UP_PAUSE_MS);
      position = await replayPosition(replica);
    }
    if (!position.inRecovery) {
      return { kind: 'not a standby', reason: 'replica is not a standby in recovery (promoted?)' };
    }
    const held = this.samples.filter((s) => s.lsn <= position.replayed).at(-1);
    if (!held) {
      return { kind: 'behind', reason: `replica behind by ${this.lagSeconds(position.lastReplayAt, sample)} s` };
    }
    // SETTLED_NOW keeps five seconds back by itself; past that, a transaction holds it.
    const settledLag = (held.at.getTime() - held.settledAt.getTime()) / 1000 - 5;
    if (settledLag > this.config.replica!.maxLagSeconds) {
      // A long transaction on the primary (a backup, say) holds the settled instant back: the
      // primary's own figures as of now stay current, so it answers instead.
      return { kind: 'behind', reason: `the settled instant is ${Math.round(settledLag)} s back` };
    }
    return {
      kind: 'replica',
      replayedTo: held.at,
      settledTo: new Date(Math.min(held.at.getTime(), held.settledAt.getTime())),
    };
  }

  /**
   * Notes where the primary stands: first the settled instant, then the WAL position, so that
   * every change stamped before the one was committed before the other. Looks older than the lag
   * limit are dropped (a replica that holds none of the rest is too far behind), and past
   * MAX_SAMPLES the oldest, so that a long limit costs no more.
   */
  private async samplePrimary(): Promise<PrimarySample> {
    const { at: settledAt } = await one<{ at: Date }>(this.primary, SETTLED_NOW);
    const position = await one<{ lsn: string; at: Date }>(this.primary, PRIMARY_WAL_POSITION);
    const sample = { lsn: lsnValue(position.lsn), at: position.at, settledAt };
    const oldest = sample.at.getTime() - this.config.replica!.maxLagSeconds * 1000;
    this.samples = [...this.samples.filter((s) => s.at.getTime() >= oldest), sample].slice(-MAX_SAMPLES);
    return sample;
  }

  /** The replica's pool, opened on first use and again after a failed opening (never at start: it may be down). */
  private async openReplica(): Promise<DataSource> {
    const replica = this.replica!;
    if (!replica.isInitialized) {
      this.replicaOpening ??= replica
        .initialize()
        .then(() => undefined)
        .finally(() => (this.replicaOpening = undefined));
      await this.replicaOpening;
    }
    return replica;
  }

  /** Seconds since the replica replayed its last transaction, as the primary's clock tells. */
  private lagSeconds(lastReplayAt: Date | null, sample: PrimarySample): string {
    if (lastReplayAt === null) return `more than ${this.config.replica!.maxLagSeconds}`;
    return String(Math.round((sample.at.getTime() - lastReplayAt.getTime()) / 1000));
  }

  private usePrimary(context: ReadContext): void {
    context.db = this.primary;
    context.source = 'primary';
    context.replayedTo = undefined;
    context.settledTo = undefined;
  }

  /** One log line per change of state, not per request. */
  private enter(state: ReplicaState): void {
    if (state.kind === this.loggedKind) return;
    this.loggedKind = state.kind;
    if (state.kind === 'replica') this.logger.log('replica caught up; reports read from it again');
    else this.logger.warn(`${state.reason}; reports read from the primary`);
  }
}

/** The replica's pool: small, named in pg_stat_activity, and read-only even if pointed at a primary. */
function replicaOptions(config: AppConfig, url: string) {
  const options = dataSourceOptions(url, {
    statementTimeoutMs: config.dbStatementTimeoutMs,
    timezone: config.reportTimezone,
  });
  const extra = options.extra as { options: string };
  return {
    ...options,
    migrations: [],
    extra: {
      ...extra,
      max: REPLICA_POOL_SIZE,
      application_name: 'jiuquan-outreach-reports',
      options: `${extra.options} -c default_transaction_read_only=on`,
    },
  };
}

/** Whether the replica is a standby, the WAL position it has replayed (-1 if none) and its last replayed commit. */
async function replayPosition(
  replica: DataSource,
): Promise<{ inRecovery: boolean; replayed: bigint; lastReplayAt: Date | null }> {
  const row = await one<{ inRecovery: boolean; lsn: string | null; lastReplayAt: Date | null }>(
    replica,
    REPLICA_REPLAY_POSITION,
  );
  return {
    inRecovery: row.inRecovery,
    replayed: row.lsn === null ? -1n : lsnValue(row.lsn),
    lastReplayAt: row.lastReplayAt,
  };
}

/** `16/B374D848` as a number, to compare WAL positions. */
export function lsnValue(lsn: string): bigint {
  const [high, low] = lsn.split('/');
  return (BigInt(`0x${high}`) << 32n) + BigInt(`0x${low}`);
}

/**
 * Errors that say the replica (not the statement) failed: no connection, one lost or refused,
 * the server shutting down or in crash recovery, a statement cancelled for a conflict with
 * recovery. The same statement on the primary can succeed.
 */
export function lostReplica(error: unknown): boolean {
  const { code } = (error ?? {}) as { code?: unknown };
  // Without a code: the connection ended, or a read timeout (TimeoutSafeClient: statement_timeout
  // plus a second, and not even the server's own cancellation came), the replica gone silent.
  if (typeof code !== 'string') return true;
  return /^(08|57P0)/.test(code) || code === '40001' || /^E[A-Z]+$/.test(code);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
