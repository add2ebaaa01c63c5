import { Factory, TestUser } from '../factories';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * Repeated bad passwords lock a username for the client's address for a while, in the database,
 * whatever the client claims to be (X-Forwarded-For is not believed: every request here comes from
 * the loopback address). Other addresses: auth-attacks.e2e-spec.ts.
 */
describe('brute force and rate limits', () => {
  let t: TestApp;
  let f: Factory;
  let victim: TestUser;
  let bystander: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
    victim = await f.user('manager');
    bystander = await f.user('official');
  });

  afterAll(() => t.close());

  const login = (username: string, password: string, forwardedFor = '203.0.113.7') =>
    t.http().post('/api/v1/auth/login').set('X-Forwarded-For', forwardedFor).send({ username, password });

  it('locks a username after five failures, whatever X-Forwarded-For says, and answers 429 with Retry-After', async () => {
    for (let i = 1; i <= 5; i += 1) {
      const res = await login(victim.username, `wrong-${i}`, `198.51.100.${i}`);
      expect(res.status).toBe(401);
    }
    // Even the right password is refused while the lock holds, and a forged address changes nothing.
    const locked = await login(victim.username, 'Password-123', '192.0.2.99');
    expect(locked.status).toBe(429);
    expect(locked.body).toMatchObject({ statusCode: 429, code: 'RATE_LIMITED' });
    const retryAfter = Number(locked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    // The lock is a row in the database, so every instance sees it.
    const [row] = await t.db.query(
      `SELECT failures, locked_until > now() AS locked FROM login_throttle WHERE username_key = lower($1)`,
      [victim.username],
    );
    expect(row).toEqual({ failures: 5, locked: true });
  });

  it('lets no more than five of a burst of parallel guesses through', async () => {
    const target = await f.user('official');
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => login(target.username, `guess-${i}`)));
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses).toEqual([...Array(5).fill(401), ...Array(7).fill(429)]);
  });

  it('keeps other accounts working and lets tokens already issued work', async () => {
    expect((await login(bystander.username, 'Password-123')).status).toBe(200);
    await t.http().get('/api/v1/problems').set(victim.auth).expect(200);
  });

  it('answers an unknown username exactly as a known one, locked included', async () => {
    const unknown = 'no-such-user-anywhere';
    const known = await f.user('official');
    const unknownAnswers = [];
    const knownAnswers = [];
    for (let i = 0; i < 6; i += 1) {
      unknownAnswers.push(await login(unknown, 'guess'));
      knownAnswers.push(await login(known.username, 'guess'));
    }
    expect(unknownAnswers.map((r) => r.status)).toEqual([401, 401, 401, 401, 401, 429]);
    expect(knownAnswers.map((r) => r.status)).toEqual(unknownAnswers.map((r) => r.status));
    for (let i = 0; i < 6; i += 1) {
      // The seconds a lock has left may differ by one between the two; everything else may not.
      const { retryAfterSeconds: _u, lockedForSeconds: _ul, ...unknownBody } = unknownAnswers[i]!.body;
      const { retryAfterSeconds: _k, lockedForSeconds: _kl, ...knownBody } = knownAnswers[i]!.body;
      expect(knownBody).toEqual(unknownBody);
    }
  });

  it('lets the user in once the lock has passed, and a success clears the count', async () => {
    await t.db.query(
      `UPDATE login_throttle SET locked_until = now() - interval '1 second', window_started_at = now() - interval '1 hour'
       WHERE username_key = lower($1)`,
      [victim.username],
    );
    expect((await login(victim.username, 'Password-123')).status).toBe(200);
    // The count starts again; the row stays to remember the address as known for the user.
    const rows = await t.db.query(
      `SELECT failures, locked_until, succeeded_at IS NOT NULL AS known FROM login_throttle WHERE username_key = lower($1)`,
      [victim.username],
    );
    expect(rows).toEqual([{ failures: 0, locked_until: null, known: true }]);
  });

  it('counts failures in a window: four, a success, four more do not lock', async () => {
    const user = await f.user('official');
    for (let i = 0; i < 4; i += 1) expect((await login(user.username, 'bad')).status).toBe(401);
    expect((await login(user.username, 'Password-123')).status).toBe(200);
    for (let i = 0; i < 4; i += 1) expect((await login(user.username, 'bad')).status).toBe(401);
    expect((await login(user.username, 'Password-123')).status).toBe(200);
  });

  it('limits requests per client address with a general limit', async () => {
    const limited = await createTestApp({ RATE_LIMIT_PER_MINUTE: '10' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 12; i += 1) statuses.push((await limited.http().get('/api/v1/districts')).status);
      // Ten requests a minute are allowed (each answers 401: no token); the eleventh is refused.
      expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
      expect(statuses.slice(10)).toEqual([429, 429]);
      const refused = await limited.http().get('/api/v1/districts');
      expect(refused.body).toMatchObject({ statusCode: 429, code: 'RATE_LIMITED' });
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      // Health checks are not counted: a load balancer polls them.
      await limited.http().get('/api/v1/health').expect(200);
    } finally {
      await limited.close();
    }
  });
});
