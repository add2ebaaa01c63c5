import * as path from 'node:path';
import { IANAZone } from 'luxon';

/** The argon2id cost of a password hash: memory in KiB and passes (time cost). */
export interface PasswordHashCost {
  memoryKib: number;
  timeCost: number;
}

/** argon2's own defaults (64 MiB, three passes, four lanes): what production uses unless told. */
export const DEFAULT_PASSWORD_HASH_COST: PasswordHashCost = { memoryKib: 65_536, timeCost: 3 };

/** Typed, validated configuration. Built once at start from the environment. */
export interface AppConfig {
  /** External PostgreSQL; undefined means the embedded server in `dataDir`. */
  databaseUrl?: string;
  /** A streaming standby of the database that reports, exports and the trend read from (report-reader.ts). */
  replica?: {
    url: string;
    /** How far behind the primary the replica may be before the reports read from the primary instead. */
    maxLagSeconds: number;
  };
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
  /** Longest a whole request (headers and body) may take to arrive; past it Node answers 408 and closes. */
  httpRequestTimeoutSeconds: number;
  /** Longest the request headers may take to arrive. */
  httpHeadersTimeoutSeconds: number;
  /**
   * When HSTS and CSP's `upgrade-insecure-requests` are sent: `auto` only on requests that came over
   * TLS (the socket, or `X-Forwarded-Proto: https` from a proxy), `always`, or `never`.
   */
  httpsHeaders: 'auto' | 'always' | 'never';
  /** Requests one client address may make per minute on one instance; 0 turns the limit off. */
  rateLimitPerMinute: number;
  /** Data rows one enterprise import may hold; a file with more is refused while it is read. */
  importMaxRows: number;
  /** Rows an export reads from the database per query (each written as it arrives). */
  exportPageRows: number;
  /** The argon2id cost of new password hashes. */
  passwordHash: PasswordHashCost;
  attachments: {
    /** Where attachment files are kept: `local` (under `dataDir/attachments/`) is the only store for now. */
    storage: 'local';
    /** The largest file one upload may carry; a larger one is refused while it arrives. */
    maxFileBytes: number;
    /** Files one upload request may carry. */
    maxFiles: number;
  };
  warnings: {
    /** Seconds between two runs of the warning job; 0 turns the job off. */
    scanIntervalSeconds: number;
    /** A deadline within this many working days is `due_soon`. */
    dueSoonWorkingDays: number;
    /** An open problem with no event for this many days is `stale`. */
    staleDays: number;
  };
  reports: {
    /** Minutes between two runs of the job that readies the closed quarters' figures; 0 turns it off. */
    warmMinutes: number;
  };
  notifications: {
    /** The address the messages link to (the web app's origin), without a trailing slash. */
    publicUrl: string;
    /** SMTP server for the e-mail channel (`smtp://user:pass@host:587`, `smtps://…`); none turns e-mail off. */
    smtpUrl?: string;
    /** The sender of the e-mails. */
    smtpFrom: string;
    /** Delivery jobs this instance runs at once; 0 runs no worker here (another instance delivers). */
    workers: number;
    /** Attempts of one delivery before it lands in the dead-letter list. */
    maxAttempts: number;
    /** The wait before the first retry; each next one waits twice as long. */
    retryBaseMs: number;
    /** How often the worker looks for retries that have come due (new jobs arrive at once by LISTEN). */
    pollMs: number;
  };
  /** The enterprise's tracking links and page (src/tracking/). */
  tracking: {
    /** A link stops working this many days after its problem is closed or withdrawn. */
    linkDaysAfterClose: number;
    /** Requests one address may make to the public tracking routes per minute, on one instance. */
    perMinute: number;
    /** Unknown or dead tokens one address may try in ten minutes before it is locked out. */
    missLimit: number;
    /** How long such an address is locked out of the tracking routes. */
    lockMinutes: number;
    /** The address the enterprise opens, e.g. https://baolian.example.gov.cn; else the request's own. */
    publicUrl: string | undefined;
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

const SECRET_ADVICE = 'generate one, e.g. `openssl rand -base64 48`';

/**
 * Placeholders seen in compose files, READMEs and tutorials, compared with case, spaces and
 * punctuation removed: a secret equal to one, or containing one of the first group, is refused.
 */
const PLACEHOLDER_PARTS = [
  'changeme',
  'changethis',
  'replaceme',
  'replacethis',
  'yoursecret',
  'yourjwtsecret',
  'putyour',
  'insertyour',
  'placeholder',
  'examplesecret',
  'secretexample',
  'notsecret',
  'dummysecret',
];
const PLACEHOLDERS = ['secret', 'jwtsecret', 'password', 'mysecret', 'supersecret', 'topsecret', 'secretkey'];

/** Bits a secret of its length over its alphabet must at least be able to carry. */
export const MIN_SECRET_BITS = 128;
/** Fewest different characters a secret must use. */
export const MIN_SECRET_DISTINCT = 8;
/** Largest share of a secret's characters that may repeat earlier text or continue a run. */
export const MAX_PREDICTABLE_SHARE = 0.25;

export interface SecretEstimate {
  /** Length × log2 of the alphabet its characters come from (digits 10, hex 16; otherwise lower 26, upper 26, digits 10, other 33 added up). */
  bits: number;
  distinct: number;
  /**
   * Characters that repeat an earlier stretch of 4 or more (`abc1abc1`), or continue a run of
   * equal or consecutive characters (`aaaa`, `abcd`, `9876`) past its second character.
   */
  predictable: number;
  length: number;
}

/** A rough look at a secret: what its length and alphabet could carry, and how much of it is pattern. */
export function estimateSecret(secret: string): SecretEstimate {
  const chars = [...secret];
  const codes = chars.map((c) => c.codePointAt(0)!);
  let predictable = 0;
  for (let i = 0; i < chars.length;) {
    let longest = 0;
    for (let j = 0; j < i; j++) {
      let n = 0;
      while (i + n < chars.length && chars[j + n] === chars[i + n]) n++;
      longest = Math.max(longest, n);
    }
    if (longest >= 4) {
      predictable += longest;
      i += longest;
      continue;
    }
    const step = i >= 2 ? codes[i]! - codes[i - 1]! : NaN;
    if (Math.abs(step) <= 1 && step === codes[i - 1]! - codes[i - 2]!) predictable++;
    i++;
  }
  let alphabet = 0;
  if (/^[0-9]+$/.test(secret)) alphabet = 10;
  else if (/^[0-9a-f]+$/.test(secret) || /^[0-9A-F]+$/.test(secret)) alphabet = 16;
  else {
    if (/[a-z]/.test(secret)) alphabet += 26;
    if (/[A-Z]/.test(secret)) alphabet += 26;
    if (/[0-9]/.test(secret)) alphabet += 10;
    if (/[^a-zA-Z0-9]/.test(secret)) alphabet += 33;
  }
  return {
    bits: Math.floor(chars.length * Math.log2(Math.max(alphabet, 1))),
    distinct: new Set(chars).size,
    predictable,
    length: chars.length,
  };
}

/** Why a secret is too weak to sign tokens with, or undefined if it is acceptable. */
export function secretWeakness(secret: string): string | undefined {
  const folded = secret.toLowerCase().replace(/[^a-z0-9]/g, '');
  const part = PLACEHOLDER_PARTS.find((placeholder) => folded.includes(placeholder));
  if (part !== undefined || PLACEHOLDERS.includes(folded)) {
    return `is a known placeholder (it contains "${part ?? folded}"), and anyone who knows it can sign tokens`;
  }
  const estimate = estimateSecret(secret);
  if (estimate.distinct < MIN_SECRET_DISTINCT) {
    return `uses only ${estimate.distinct} different characters (at least ${MIN_SECRET_DISTINCT} needed)`;
  }
  if (estimate.bits < MIN_SECRET_BITS) {
    return `has too little entropy: its length and alphabet carry about ${estimate.bits} bits, at least ${MIN_SECRET_BITS} needed`;
  }
  if (estimate.predictable > estimate.length * MAX_PREDICTABLE_SHARE) {
    return `is too predictable: ${estimate.predictable} of its ${estimate.length} characters repeat earlier text or continue a run like "abcd" (at most a quarter may)`;
  }
  return undefined;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** A postgres:// URL from `name`, or undefined when unset. */
function postgresUrl(env: Env, name: string): string | undefined {
  const value = text(env, name);
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(name, 'not a valid URL (expected postgres://user:password@host:5432/database)');
  }
  if (!['postgres:', 'postgresql:'].includes(url.protocol)) {
    throw new ConfigError(name, `expected a postgres:// URL, got the scheme "${url.protocol}"`);
  }
  return value;
}

/** DATABASE_REPLICA_URL and its lag limit; the replica may stand beside the embedded primary too. */
function replicaConfig(env: Env): AppConfig['replica'] {
  const url = postgresUrl(env, 'DATABASE_REPLICA_URL');
  const maxLagSeconds = integer(env, 'DATABASE_REPLICA_MAX_LAG_SECONDS', 30, 1, 86_400);
  return url === undefined ? undefined : { url, maxLagSeconds };
}

export function loadConfig(env: Env = process.env): AppConfig {
  const databaseUrl = postgresUrl(env, 'DATABASE_URL');

  const jwtSecret = text(env, 'JWT_SECRET');
  if (databaseUrl !== undefined && jwtSecret === undefined) {
    throw new ConfigError('JWT_SECRET', 'required when DATABASE_URL is set (at least 32 characters)');
  }
  if (jwtSecret !== undefined && jwtSecret.length < 32) {
    throw new ConfigError('JWT_SECRET', 'must be at least 32 characters long');
  }
  if (jwtSecret !== undefined) {
    const weakness = secretWeakness(jwtSecret);
    if (weakness !== undefined) throw new ConfigError('JWT_SECRET', `${weakness}; ${SECRET_ADVICE}`);
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

  const httpRequestTimeoutSeconds = integer(env, 'HTTP_REQUEST_TIMEOUT_SECONDS', 60, 1, 3600);
  const httpHeadersTimeoutSeconds = integer(env, 'HTTP_HEADERS_TIMEOUT_SECONDS', 20, 1, 3600);
  if (httpHeadersTimeoutSeconds > httpRequestTimeoutSeconds) {
    throw new ConfigError(
      'HTTP_HEADERS_TIMEOUT_SECONDS',
      `must not be longer than HTTP_REQUEST_TIMEOUT_SECONDS (${httpRequestTimeoutSeconds})`,
    );
  }

  const httpsHeaders = text(env, 'HTTPS_HEADERS')?.toLowerCase() ?? 'auto';
  if (httpsHeaders !== 'auto' && httpsHeaders !== 'always' && httpsHeaders !== 'never') {
    throw new ConfigError('HTTPS_HEADERS', `expected auto, always or never, got "${httpsHeaders}"`);
  }

  const attachmentStorage = text(env, 'ATTACHMENT_STORAGE')?.toLowerCase() ?? 'local';
  if (attachmentStorage !== 'local') {
    throw new ConfigError('ATTACHMENT_STORAGE', `expected local (the only store for now), got "${attachmentStorage}"`);
  }

  return {
    databaseUrl,
    replica: replicaConfig(env),
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
    httpRequestTimeoutSeconds,
    httpHeadersTimeoutSeconds,
    httpsHeaders,
    rateLimitPerMinute: integer(env, 'RATE_LIMIT_PER_MINUTE', 1200, 0, 1_000_000),
    importMaxRows: integer(env, 'IMPORT_MAX_ROWS', 20_000, 1, 100_000),
    exportPageRows: integer(env, 'EXPORT_PAGE_ROWS', 2000, 50, 10_000),
    passwordHash: {
      memoryKib: integer(env, 'PASSWORD_HASH_MEMORY_KIB', DEFAULT_PASSWORD_HASH_COST.memoryKib, 4096, 1_048_576),
      timeCost: integer(env, 'PASSWORD_HASH_TIME_COST', DEFAULT_PASSWORD_HASH_COST.timeCost, 1, 10),
    },
    attachments: {
      storage: attachmentStorage,
      maxFileBytes: integer(env, 'ATTACHMENT_MAX_MB', 10, 1, 100) * 1024 * 1024,
      maxFiles: integer(env, 'ATTACHMENT_MAX_FILES', 10, 1, 50),
    },
    warnings: {
      scanIntervalSeconds: integer(env, 'WARNING_SCAN_INTERVAL_SECONDS', 300, 0, 86400),
      dueSoonWorkingDays: integer(env, 'WARNING_DUE_SOON_DAYS', 3, 1, 60),
      staleDays: integer(env, 'WARNING_STALE_DAYS', 7, 1, 365),
    },
    reports: { warmMinutes: integer(env, 'REPORTS_WARM_MINUTES', 10, 0, 59) },
    notifications: notificationConfig(env),
    tracking: trackingConfig(env),
  };
}

function notificationConfig(env: Env): AppConfig['notifications'] {
  const port = integer(env, 'PORT', 3000, 0, 65535);
  const smtpUrl = text(env, 'SMTP_URL');
  if (smtpUrl !== undefined) {
    let smtp: URL | undefined;
    try {
      smtp = new URL(smtpUrl);
    } catch {
      smtp = undefined;
    }
    if (smtp === undefined || (smtp.protocol !== 'smtp:' && smtp.protocol !== 'smtps:')) {
      throw new ConfigError('SMTP_URL', 'expected smtp://user:password@host:587 or smtps://user:password@host:465');
    }
  }
  return {
    publicUrl: publicUrl(env) ?? `http://localhost:${port}`,
    smtpUrl,
    smtpFrom: text(env, 'SMTP_FROM') ?? 'outreach@localhost',
    workers: integer(env, 'NOTIFICATION_WORKERS', 2, 0, 32),
    maxAttempts: integer(env, 'NOTIFICATION_MAX_ATTEMPTS', 5, 1, 50),
    retryBaseMs: integer(env, 'NOTIFICATION_RETRY_BASE_MS', 30_000, 10, 3_600_000),
    pollMs: integer(env, 'NOTIFICATION_POLL_MS', 2000, 50, 60_000),
  };
}

function trackingConfig(env: Env): AppConfig['tracking'] {
  return {
    linkDaysAfterClose: integer(env, 'TRACKING_LINK_DAYS_AFTER_CLOSE', 30, 0, 3650),
    perMinute: integer(env, 'TRACKING_RATE_LIMIT_PER_MINUTE', 30, 1, 100_000),
    missLimit: integer(env, 'TRACKING_MISS_LIMIT', 10, 1, 100_000),
    lockMinutes: integer(env, 'TRACKING_LOCK_MINUTES', 15, 1, 1440),
    publicUrl: publicUrl(env),
  };
}

/** PUBLIC_URL: an http(s) origin, optionally with a path prefix, kept without its trailing slash. */
function publicUrl(env: Env): string | undefined {
  const raw = text(env, 'PUBLIC_URL');
  if (raw === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('PUBLIC_URL', 'not a valid URL (expected e.g. https://baolian.example.gov.cn)');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError('PUBLIC_URL', `expected an http:// or https:// URL, got the scheme "${url.protocol}"`);
  }
  if (url.search || url.hash) throw new ConfigError('PUBLIC_URL', 'must not carry a query or a fragment');
  return url.toString().replace(/\/+$/, '');
}

/** Injection token for the AppConfig. */
export const APP_CONFIG = 'APP_CONFIG';
