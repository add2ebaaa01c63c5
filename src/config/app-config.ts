import * as path from 'node:path';
import { IANAZone } from 'luxon';

/** Typed, validated configuration. Built once at start from the environment. */
export interface AppConfig {
  /** External PostgreSQL; undefined means the embedded server in `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
  port: number;
  adminUsername?: string;
  adminPassword?: string;
  demoData: boolean;
  /** Undefined only with the embedded database, which keeps a generated one in `dataDir`. */
  jwtSecret?: string;
  jwtTtlSeconds: number;
  reportTimezone: string;
  /** Longest a single SQL statement may run before the request answers 503. */
  dbStatementTimeoutMs: number;
  logLevel: string;
  /** Requests one client address may make per minute on one instance; 0 turns the limit off. */
  rateLimitPerMinute: number;
  /** Data rows one enterprise import may hold; a file with more is refused while it is read. */
  importMaxRows: number;
  warnings: {
    /** Seconds between two runs of the warning job; 0 turns the job off. */
    scanIntervalSeconds: number;
    /** A deadline within this many working days is `due_soon`. */
    dueSoonWorkingDays: number;
    /** An open problem with no event for this many days is `stale`. */
    staleDays: number;
    /** An enterprise with no visit for this many days is `not_visited`. */
    notVisitedDays: number;
  };
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`Configuration error in ${variable}: ${problem}`);
  }
}

type Env = Record<string, string | undefined>;

function text(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = text(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(name, `expected a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return Number(raw);
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = text(env, name)?.toLowerCase();
  if (raw === undefined) return fallback;
  if (['true', '1', 'yes'].includes(raw)) return true;
  if (['false', '0', 'no'].includes(raw)) return false;
  throw new ConfigError(name, `expected true or false, got "${raw}"`);
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export function loadConfig(env: Env = process.env): AppConfig {
  const databaseUrl = text(env, 'DATABASE_URL');
  if (databaseUrl !== undefined) {
    let url: URL;
    try {
      url = new URL(databaseUrl);
    } catch {
      throw new ConfigError('DATABASE_URL', 'not a valid URL (expected postgres://user:password@host:5432/database)');
    }
    if (!['postgres:', 'postgresql:'].includes(url.protocol)) {
      throw new ConfigError('DATABASE_URL', `expected a postgres:// URL, got the scheme "${url.protocol}"`);
    }
  }

  const jwtSecret = text(env, 'JWT_SECRET');
  if (databaseUrl !== undefined && jwtSecret === undefined) {
    throw new ConfigError('JWT_SECRET', 'required when DATABASE_URL is set (at least 32 characters)');
  }
  if (jwtSecret !== undefined && jwtSecret.length < 32) {
    throw new ConfigError('JWT_SECRET', 'must be at least 32 characters long');
  }

  const adminUsername = text(env, 'ADMIN_USERNAME');
  const adminPassword = text(env, 'ADMIN_PASSWORD');
  if ((adminUsername === undefined) !== (adminPassword === undefined)) {
    throw new ConfigError(
      adminUsername === undefined ? 'ADMIN_USERNAME' : 'ADMIN_PASSWORD',
      'ADMIN_USERNAME and ADMIN_PASSWORD must be set together',
    );
  }
  if (adminPassword !== undefined && adminPassword.length < 8) {
    throw new ConfigError('ADMIN_PASSWORD', 'must be at least 8 characters long');
  }

  const reportTimezone = text(env, 'REPORT_TIMEZONE') ?? 'Asia/Shanghai';
  if (!IANAZone.isValidZone(reportTimezone)) {
    throw new ConfigError('REPORT_TIMEZONE', `"${reportTimezone}" is not an IANA time zone such as Asia/Shanghai`);
  }

  const logLevel = text(env, 'LOG_LEVEL') ?? 'info';
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `expected one of ${LOG_LEVELS.join(', ')}`);
  }

  return {
    databaseUrl,
    dataDir: path.resolve(text(env, 'DATA_DIR') ?? './.data'),
    port: integer(env, 'PORT', 3000, 0, 65535),
    adminUsername,
    adminPassword,
    demoData: flag(env, 'DEMO_DATA', databaseUrl === undefined),
    jwtSecret,
    jwtTtlSeconds: integer(env, 'JWT_TTL_SECONDS', 8 * 3600, 60, 30 * 24 * 3600),
    reportTimezone,
    dbStatementTimeoutMs: integer(env, 'DB_STATEMENT_TIMEOUT_MS', 15000, 100, 600000),
    logLevel,
    rateLimitPerMinute: integer(env, 'RATE_LIMIT_PER_MINUTE', 1200, 0, 1_000_000),
    importMaxRows: integer(env, 'IMPORT_MAX_ROWS', 20_000, 1, 100_000),
    warnings: {
      scanIntervalSeconds: integer(env, 'WARNING_SCAN_INTERVAL_SECONDS', 300, 0, 86400),
      dueSoonWorkingDays: integer(env, 'WARNING_DUE_SOON_DAYS', 3, 1, 60),
      staleDays: integer(env, 'WARNING_STALE_DAYS', 7, 1, 365),
      notVisitedDays: integer(env, 'WARNING_NOT_VISITED_DAYS', 90, 1, 3650),
    },
  };
}

/** Injection token for the AppConfig. */
export const APP_CONFIG = 'APP_CONFIG';
