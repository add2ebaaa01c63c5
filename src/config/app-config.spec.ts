import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { ConfigError, estimateSecret, loadConfig, MIN_SECRET_BITS } from './app-config';

const SECRET = 'a-jwt-secret-that-is-32-chars-ok'; // exactly 32 characters
const DATABASE_URL = 'postgres://outreach:s3cret-pw@db.internal:5432/outreach';

function configErrorOf(env: Record<string, string | undefined>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError, but the configuration loaded');
}

describe('loadConfig: defaults', () => {
  it('an empty environment gives the embedded-database defaults', () => {
    expect(loadConfig({})).toEqual({
      databaseUrl: undefined,
      dataDir: path.resolve('./.data'),
      port: 3000,
      adminUsername: undefined,
      adminPassword: undefined,
      demoData: true,
      jwtSecret: undefined,
      jwtTtlSeconds: 8 * 3600,
      reportTimezone: 'Asia/Shanghai',
      dbStatementTimeoutMs: 15000,
      logLevel: 'info',
      httpRequestTimeoutSeconds: 60,
      httpHeadersTimeoutSeconds: 20,
      httpsHeaders: 'auto',
      rateLimitPerMinute: 1200,
      importMaxRows: 20000,
      exportPageRows: 2000,
      passwordHash: { memoryKib: 65536, timeCost: 3 },
      attachments: { storage: 'local', maxFileBytes: 10 * 1024 * 1024, maxFiles: 10 },
      warnings: { scanIntervalSeconds: 300, dueSoonWorkingDays: 3, staleDays: 7 },
      reports: { warmMinutes: 10 },
      notifications: {
        publicUrl: 'http://localhost:3000',
        smtpUrl: undefined,
        smtpFrom: 'outreach@localhost',
        workers: 2,
        maxAttempts: 5,
        retryBaseMs: 30000,
        pollMs: 2000,
      },
      tracking: { linkDaysAfterClose: 30, perMinute: 30, missLimit: 10, lockMinutes: 15, publicUrl: undefined },
    });
  });

  it('blank and whitespace-only variables count as unset', () => {
    const config = loadConfig({ DATABASE_URL: '', JWT_SECRET: '   ', PORT: ' ', REPORT_TIMEZONE: '' });
    expect(config.databaseUrl).toBeUndefined();
    expect(config.jwtSecret).toBeUndefined();
    expect(config.port).toBe(3000);
    expect(config.reportTimezone).toBe('Asia/Shanghai');
  });

  it('reads every variable when all are set', () => {
    const config = loadConfig({
      DATABASE_URL,
      JWT_SECRET: SECRET,
      DATA_DIR: '/var/lib/outreach',
      PORT: '8080',
      ADMIN_USERNAME: 'admin',
      ADMIN_PASSWORD: 'Jiuquan@2025',
      DEMO_DATA: 'yes',
      JWT_TTL_SECONDS: '3600',
      REPORT_TIMEZONE: 'Asia/Urumqi',
      DB_STATEMENT_TIMEOUT_MS: '5000',
      LOG_LEVEL: 'debug',
      HTTP_REQUEST_TIMEOUT_SECONDS: '90',
      HTTP_HEADERS_TIMEOUT_SECONDS: '30',
      HTTPS_HEADERS: 'always',
      RATE_LIMIT_PER_MINUTE: '0',
      IMPORT_MAX_ROWS: '500',
      EXPORT_PAGE_ROWS: '300',
      PASSWORD_HASH_MEMORY_KIB: '19456',
      PASSWORD_HASH_TIME_COST: '2',
      ATTACHMENT_STORAGE: 'local',
      ATTACHMENT_MAX_MB: '4',
      ATTACHMENT_MAX_FILES: '3',
      WARNING_SCAN_INTERVAL_SECONDS: '0',
      REPORTS_WARM_MINUTES: '30',
      WARNING_DUE_SOON_DAYS: '5',
      WARNING_STALE_DAYS: '14',
      PUBLIC_URL: 'https://outreach.jiuquan.gov.cn/',
      SMTP_URL: 'smtps://notify:pw@mail.jiuquan.gov.cn:465',
      SMTP_FROM: '包联走访 <notify@jiuquan.gov.cn>',
      NOTIFICATION_WORKERS: '0',
      NOTIFICATION_MAX_ATTEMPTS: '8',
      NOTIFICATION_RETRY_BASE_MS: '1000',
      NOTIFICATION_POLL_MS: '500',
      TRACKING_LINK_DAYS_AFTER_CLOSE: '7',
      TRACKING_RATE_LIMIT_PER_MINUTE: '60',
      TRACKING_MISS_LIMIT: '5',
      TRACKING_LOCK_MINUTES: '30',
    });
    expect(config).toEqual({
      databaseUrl: DATABASE_URL,
      dataDir: '/var/lib/outreach',
      port: 8080,
      adminUsername: 'admin',
      adminPassword: 'Jiuquan@2025',
      demoData: true,
      jwtSecret: SECRET,
      jwtTtlSeconds: 3600,
      reportTimezone: 'Asia/Urumqi',
      dbStatementTimeoutMs: 5000,
      logLevel: 'debug',
      httpRequestTimeoutSeconds: 90,
      httpHeadersTimeoutSeconds: 30,
      httpsHeaders: 'always',
      rateLimitPerMinute: 0,
      importMaxRows: 500,
      exportPageRows: 300,
      passwordHash: { memoryKib: 19456, timeCost: 2 },
      attachments: { storage: 'local', maxFileBytes: 4 * 1024 * 1024, maxFiles: 3 },
      warnings: { scanIntervalSeconds: 0, dueSoonWorkingDays: 5, staleDays: 14 },
      reports: { warmMinutes: 30 },
      notifications: {
        publicUrl: 'https://outreach.jiuquan.gov.cn',
        smtpUrl: 'smtps://notify:pw@mail.jiuquan.gov.cn:465',
        smtpFrom: '包联走访 <notify@jiuquan.gov.cn>',
        workers: 0,
        maxAttempts: 8,
        retryBaseMs: 1000,
        pollMs: 500,
      },
      tracking: {
        linkDaysAfterClose: 7,
        perMinute: 60,
        missLimit: 5,
        lockMinutes: 30,
        publicUrl: 'https://outreach.jiuquan.gov.cn',
      },
    });
  });

  it.each([
    ['PUBLIC_URL', 'outreach.jiuquan.gov.cn'],
    ['PUBLIC_URL', 'ftp://outreach.jiuquan.gov.cn'],
    ['SMTP_URL', 'mail.jiuquan.gov.cn:25'],
    ['SMTP_URL', 'https://mail.jiuquan.gov.cn'],
    ['NOTIFICATION_MAX_ATTEMPTS', '0'],
  ])('refuses %s=%s, naming the variable', (variable, value) => {
    expect(configErrorOf({ [variable]: value }).variable).toBe(variable);
  });
});

describe('loadConfig: DATABASE_REPLICA_URL', () => {
  const REPLICA = 'postgres://outreach:s3cret-pw@replica.internal:5432/outreach';

  it('is unset by default, whatever its lag limit says', () => {
    expect(loadConfig({ DATABASE_REPLICA_MAX_LAG_SECONDS: '5' }).replica).toBeUndefined();
  });

  it('reads the replica beside an external primary, with a lag limit of 30 s by default', () => {
    const config = loadConfig({ DATABASE_URL, JWT_SECRET: SECRET, DATABASE_REPLICA_URL: REPLICA });
    expect(config.replica).toEqual({ url: REPLICA, maxLagSeconds: 30 });
  });

  it('reads the replica beside the embedded primary too, with its lag limit', () => {
    const config = loadConfig({ DATABASE_REPLICA_URL: REPLICA, DATABASE_REPLICA_MAX_LAG_SECONDS: '5' });
    expect(config.databaseUrl).toBeUndefined();
    expect(config.replica).toEqual({ url: REPLICA, maxLagSeconds: 5 });
  });

  it.each([{ url: 'replica.internal:5432' }, { url: 'mysql://u:p@replica/db' }])(
    'rejects $url, naming DATABASE_REPLICA_URL',
    ({ url }) => {
      const error = configErrorOf({ DATABASE_REPLICA_URL: url });
      expect(error.variable).toBe('DATABASE_REPLICA_URL');
      expect(error.message).toMatch(/not a valid URL|expected a postgres:\/\/ URL/);
    },
  );

  it.each(['0', '1.5', 'soon'])('rejects a lag limit of %s, naming it', (value) => {
    const error = configErrorOf({ DATABASE_REPLICA_URL: REPLICA, DATABASE_REPLICA_MAX_LAG_SECONDS: value });
    expect(error.variable).toBe('DATABASE_REPLICA_MAX_LAG_SECONDS');
  });
});

describe('loadConfig: DATABASE_URL', () => {
  it.each([{ url: 'postgres://u:p@localhost:5432/db' }, { url: 'postgresql://u:p@localhost/db' }])(
    'accepts $url',
    ({ url }) => {
      expect(loadConfig({ DATABASE_URL: url, JWT_SECRET: SECRET }).databaseUrl).toBe(url);
    },
  );

  it('rejects a value that is not a URL, naming DATABASE_URL', () => {
    const error = configErrorOf({ DATABASE_URL: 'outreach@db.internal/outreach', JWT_SECRET: SECRET });
    expect(error.variable).toBe('DATABASE_URL');
    expect(error.message).toContain('Configuration error in DATABASE_URL: not a valid URL');
  });

  it.each([{ url: 'mysql://u:p@localhost:3306/db' }, { url: 'http://localhost:5432/db' }, { url: 'file:///tmp/db' }])(
    'rejects the wrong scheme in $url, naming DATABASE_URL',
    ({ url }) => {
      const error = configErrorOf({ DATABASE_URL: url, JWT_SECRET: SECRET });
      expect(error.variable).toBe('DATABASE_URL');
      expect(error.message).toContain('expected a postgres:// URL');
    },
  );

  it('does not repeat the password of a rejected URL in the error', () => {
    const error = configErrorOf({ DATABASE_URL: 'mysql://root:hunter2-secret@db/outreach', JWT_SECRET: SECRET });
    expect(error.message).not.toContain('hunter2-secret');
  });

  it('requires JWT_SECRET when DATABASE_URL is set', () => {
    const error = configErrorOf({ DATABASE_URL });
    expect(error.variable).toBe('JWT_SECRET');
    expect(error.message).toBe(
      'Configuration error in JWT_SECRET: required when DATABASE_URL is set (at least 32 characters)',
    );
  });
});

describe('loadConfig: JWT_SECRET', () => {
  it('rejects a secret shorter than 32 characters without printing it', () => {
    const short = 'only-31-characters-long-secret!';
    expect(short).toHaveLength(31);
    const error = configErrorOf({ JWT_SECRET: short });
    expect(error.variable).toBe('JWT_SECRET');
    expect(error.message).toBe('Configuration error in JWT_SECRET: must be at least 32 characters long');
    expect(error.message).not.toContain(short);
  });

  it('accepts a secret of exactly 32 characters', () => {
    expect(SECRET).toHaveLength(32);
    expect(loadConfig({ JWT_SECRET: SECRET }).jwtSecret).toBe(SECRET);
  });

  it.each([
    ['the old compose default', 'change-me-to-a-long-random-secret-of-32-chars-or-more'],
    ['"changeme" padded out', 'changeme-changeme-changeme-changeme'],
    ['a tutorial placeholder', 'Your-JWT-Secret-Goes-Here-1234567890'],
    ['another placeholder', 'please-REPLACE-ME-with-a-real-secret-2025'],
  ])('refuses a known placeholder (%s), saying why and without printing it', (_what, secret) => {
    const error = configErrorOf({ JWT_SECRET: secret });
    expect(error.variable).toBe('JWT_SECRET');
    expect(error.message).toMatch(
      /^Configuration error in JWT_SECRET: is a known placeholder \(it contains "[a-z]+"\)/,
    );
    expect(error.message).toContain('openssl rand');
    expect(error.message).not.toContain(secret);
  });

  it.each([
    ['one repeated character', 'x'.repeat(40), /uses only 1 different characters/],
    ['"secret" repeated', 'secret'.repeat(6), /uses only 5 different characters/],
    ['digits only', '73049182653019285746301982374650', /carry about 106 bits, at least 128 needed/],
    ['a short unit repeated', 'abc123XY'.repeat(5), /too predictable: 34 of its 40 characters/],
    ['runs of the alphabet and digits', 'abcdefghijklmnopqrstuvwxyz0123456789', /too predictable: 32 of its 36/],
    ['a keyboard row three times', 'qwertyuiopqwertyuiopqwertyuiop1234', /too predictable: 22 of its 34/],
    ['a hex string doubled', 'deadbeef0123456789deadbeef0123456789', /too predictable/],
  ])('refuses a secret of low entropy (%s), saying why', (_what, secret, why) => {
    expect(secret.length).toBeGreaterThanOrEqual(32);
    const error = configErrorOf({ JWT_SECRET: secret });
    expect(error.variable).toBe('JWT_SECRET');
    expect(error.message).toMatch(why);
    expect(error.message).not.toContain(secret);
  });

  it('accepts generated secrets of every usual shape, and the ones the tests use', () => {
    const generated = Array.from({ length: 200 }, () => [
      randomBytes(16).toString('hex'), // openssl rand -hex 16: exactly 128 bits
      randomBytes(32).toString('hex'), // openssl rand -hex 32
      randomBytes(48).toString('base64'), // openssl rand -base64 48
      randomBytes(48).toString('base64url'), // the embedded database's own
      randomBytes(24).toString('base64'), // 32 characters
    ]).flat();
    const inTests = [
      'test-secret-that-is-long-enough-0123456789',
      'two-instances-secret-that-is-long-enough-0123',
      'reliability-secret-that-is-long-enough-0123456789',
      'not-used-by-backup-or-restore-0123456789',
      SECRET,
    ];
    for (const secret of [...generated, ...inTests]) {
      expect([secret, estimateSecret(secret).bits >= MIN_SECRET_BITS]).toEqual([secret, true]);
      expect(loadConfig({ JWT_SECRET: secret }).jwtSecret).toBe(secret);
    }
  });

  it('counts hex at 4 bits a character, and repeats and runs as predictable', () => {
    expect(estimateSecret('0f1e2d3c4b5a69788796a5b4c3d2e1f0')).toEqual({
      bits: 128,
      distinct: 16,
      predictable: 0,
      length: 32,
    });
    expect(estimateSecret('Zq8#Zq8#Zq8#Zq8#').predictable).toBe(12);
    expect(estimateSecret('aaaa').predictable).toBe(2);
    expect(estimateSecret('x-9876-y').predictable).toBe(2);
  });
});

describe('loadConfig: HTTP timeouts and HTTPS headers', () => {
  it('rejects a headers timeout longer than the request timeout', () => {
    const error = configErrorOf({ HTTP_REQUEST_TIMEOUT_SECONDS: '10', HTTP_HEADERS_TIMEOUT_SECONDS: '20' });
    expect(error.variable).toBe('HTTP_HEADERS_TIMEOUT_SECONDS');
    expect(error.message).toContain('HTTP_REQUEST_TIMEOUT_SECONDS (10)');
  });

  it.each(['0', '3601', '1.5', 'soon'])('rejects HTTP_REQUEST_TIMEOUT_SECONDS=%s', (value) => {
    expect(configErrorOf({ HTTP_REQUEST_TIMEOUT_SECONDS: value }).variable).toBe('HTTP_REQUEST_TIMEOUT_SECONDS');
  });

  it('reads HTTPS_HEADERS in any case and rejects other words', () => {
    expect(loadConfig({ HTTPS_HEADERS: 'Never' }).httpsHeaders).toBe('never');
    expect(configErrorOf({ HTTPS_HEADERS: 'yes' }).variable).toBe('HTTPS_HEADERS');
  });
});

describe('loadConfig: PORT and other numbers', () => {
  it.each([{ port: 'abc' }, { port: '30OO' }, { port: '3000.5' }, { port: '-1' }, { port: '1e3' }, { port: '65536' }])(
    'rejects PORT=$port, naming PORT',
    ({ port }) => {
      const error = configErrorOf({ PORT: port });
      expect(error.variable).toBe('PORT');
      expect(error.message).toBe(`Configuration error in PORT: expected a whole number from 0 to 65535, got "${port}"`);
    },
  );

  it.each(['0', '100001', '20k'])('rejects IMPORT_MAX_ROWS=%s, naming it', (rows) => {
    const error = configErrorOf({ IMPORT_MAX_ROWS: rows });
    expect(error.variable).toBe('IMPORT_MAX_ROWS');
    expect(error.message).toContain('expected a whole number from 1 to 100000');
  });

  it('accepts PORT with surrounding spaces', () => {
    expect(loadConfig({ PORT: ' 8080 ' }).port).toBe(8080);
  });

  it('rejects a JWT_TTL_SECONDS below one minute', () => {
    expect(configErrorOf({ JWT_TTL_SECONDS: '59' }).variable).toBe('JWT_TTL_SECONDS');
    expect(loadConfig({ JWT_TTL_SECONDS: '60' }).jwtTtlSeconds).toBe(60);
  });

  it('rejects a DB_STATEMENT_TIMEOUT_MS that is not a number', () => {
    expect(configErrorOf({ DB_STATEMENT_TIMEOUT_MS: 'fast' }).variable).toBe('DB_STATEMENT_TIMEOUT_MS');
  });
});

describe('loadConfig: REPORT_TIMEZONE', () => {
  it.each([{ zone: 'Mars/Olympus_Mons' }, { zone: 'Beijing' }, { zone: 'CST+8' }])(
    'rejects REPORT_TIMEZONE=$zone, naming REPORT_TIMEZONE',
    ({ zone }) => {
      const error = configErrorOf({ REPORT_TIMEZONE: zone });
      expect(error.variable).toBe('REPORT_TIMEZONE');
      expect(error.message).toBe(
        `Configuration error in REPORT_TIMEZONE: "${zone}" is not an IANA time zone such as Asia/Shanghai`,
      );
    },
  );

  it('accepts another IANA zone', () => {
    expect(loadConfig({ REPORT_TIMEZONE: 'UTC' }).reportTimezone).toBe('UTC');
  });
});

describe('loadConfig: DEMO_DATA', () => {
  it('defaults to true with the embedded database (no DATABASE_URL)', () => {
    expect(loadConfig({}).demoData).toBe(true);
  });

  it('defaults to false with an external database (DATABASE_URL set)', () => {
    expect(loadConfig({ DATABASE_URL, JWT_SECRET: SECRET }).demoData).toBe(false);
  });

  it('can be switched either way explicitly', () => {
    expect(loadConfig({ DEMO_DATA: 'false' }).demoData).toBe(false);
    expect(loadConfig({ DEMO_DATA: '0' }).demoData).toBe(false);
    expect(loadConfig({ DATABASE_URL, JWT_SECRET: SECRET, DEMO_DATA: 'TRUE' }).demoData).toBe(true);
    expect(loadConfig({ DATABASE_URL, JWT_SECRET: SECRET, DEMO_DATA: '1' }).demoData).toBe(true);
  });

  it('rejects a value that is not a boolean', () => {
    const error = configErrorOf({ DEMO_DATA: 'maybe' });
    expect(error.variable).toBe('DEMO_DATA');
    expect(error.message).toBe('Configuration error in DEMO_DATA: expected true or false, got "maybe"');
  });
});

describe('loadConfig: ADMIN_USERNAME and ADMIN_PASSWORD', () => {
  it('rejects ADMIN_USERNAME without ADMIN_PASSWORD, naming the missing ADMIN_PASSWORD', () => {
    const error = configErrorOf({ ADMIN_USERNAME: 'admin' });
    expect(error.variable).toBe('ADMIN_PASSWORD');
    expect(error.message).toContain('ADMIN_USERNAME and ADMIN_PASSWORD must be set together');
  });

  it('rejects ADMIN_PASSWORD without ADMIN_USERNAME, naming the missing ADMIN_USERNAME', () => {
    const error = configErrorOf({ ADMIN_PASSWORD: 'Jiuquan@2025' });
    expect(error.variable).toBe('ADMIN_USERNAME');
    expect(error.message).toContain('must be set together');
  });

  it('rejects an admin password shorter than 8 characters', () => {
    const error = configErrorOf({ ADMIN_USERNAME: 'admin', ADMIN_PASSWORD: 'short' });
    expect(error.variable).toBe('ADMIN_PASSWORD');
    expect(error.message).toBe('Configuration error in ADMIN_PASSWORD: must be at least 8 characters long');
  });

  it('accepts both together', () => {
    const config = loadConfig({ ADMIN_USERNAME: 'admin', ADMIN_PASSWORD: 'Jiuquan@2025' });
    expect(config.adminUsername).toBe('admin');
    expect(config.adminPassword).toBe('Jiuquan@2025');
  });
});

describe('loadConfig: LOG_LEVEL', () => {
  it('rejects an unknown log level', () => {
    expect(configErrorOf({ LOG_LEVEL: 'verbose' }).variable).toBe('LOG_LEVEL');
  });
});
