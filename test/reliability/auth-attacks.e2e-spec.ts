import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import {
  HASHES_AT_ONCE,
  HASHES_WAITING,
  LOGINS_PER_ADDRESS,
  LOGINS_WAITING_PER_ADDRESS,
} from '../../src/auth/login-gate';
import { LoginThrottle, SLOWDOWN_MS } from '../../src/auth/login-throttle';
import { Factory, TestUser } from '../factories';
import { ADMIN, createTestApp, PRODUCTION_HASH_COST, TestApp } from '../support/test-app';
import { printFigure } from './figures';
import { listen, TEST_ENV, Wire } from './support-http';

interface Answer {
  status: number;
  body: { code?: string; message?: string; accessToken?: string; [key: string]: unknown };
  ms: number;
}

const PASSWORD = 'Password-123';

/** A login flood in a process of its own: argv port; prints its counts as JSON when told to stop on stdin. */
const FLOOD_SCRIPT = `
const http = require('node:http');
const crypto = require('node:crypto');
const port = Number(process.argv[1]);
const counts = { 401: 0, 429: 0, other: 0 };
let flooding = true;
const once = (from) => new Promise((resolve) => {
  const body = JSON.stringify({ username: 'flood-' + crypto.randomBytes(4).toString('hex'), password: 'guess' });
  const req = http.request({ host: '127.0.0.1', port, localAddress: from, method: 'POST', path: '/api/v1/auth/login',
    agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
    res.resume();
    res.on('end', () => { if (res.statusCode === 401 || res.statusCode === 429) counts[res.statusCode] += 1; else counts.other += 1; resolve(); });
  });
  req.on('error', () => { counts.other += 1; resolve(); });
  req.end(body);
});
const flooder = async (from) => { while (flooding) await once(from); };
['127.0.0.41', '127.0.0.42', '127.0.0.43', '127.0.0.44'].flatMap((from) => Array.from({ length: 16 }, () => flooder(from)));
process.stdin.on('data', () => { flooding = false; process.stdout.write(JSON.stringify(counts), () => process.exit(0)); });
`;
const unique = () => randomBytes(4).toString('hex');

/**
 * Sign-in under attack (issue 19, items 5 to 8): a lockout an attacker holds, a login flood,
 * tokens that outlive a password change, and the last admin removing itself. The service counts
 * by the socket's address, so each simulated client binds its own loopback address (127.0.0.x).
 */
describe('sign-in attacks', () => {
  let t: TestApp;
  let f: Factory;
  let wire: Wire;
  let port: number;

  beforeAll(async () => {
    // The general limit per address at its default: it is part of what a flood meets.
    // Hashes at production's cost: what the login gate holds back under a flood is their CPU.
    t = await createTestApp({ ...TEST_ENV, ...PRODUCTION_HASH_COST, RATE_LIMIT_PER_MINUTE: '1200' });
    f = new Factory(t);
    wire = await listen(t);
    port = Number(new URL(wire.base).port);
  });

  afterAll(async () => {
    wire.close();
    await t.close();
  });

  /** A request from the loopback address `from`, on a connection of its own. */
  const send = (from: string, method: string, path: string, body?: unknown, token?: string) =>
    new Promise<Answer>((resolve, reject) => {
      const started = performance.now();
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port,
          localAddress: from,
          method,
          path: `/api/v1${path}`,
          agent: false,
          headers: {
            ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            resolve({ status: res.statusCode!, body: text ? JSON.parse(text) : {}, ms: performance.now() - started });
          });
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  const login = (from: string, username: string, password: string) =>
    send(from, 'POST', '/auth/login', { username, password });

  describe('a lockout anyone could hold', () => {
    let victim: TestUser;
    const attacker = '127.0.0.10';

    beforeAll(async () => {
      victim = await f.user('manager');
    });

    it("locks the attacker's address, not the user's sign-in from another address", async () => {
      const attempts: number[] = [];
      for (let i = 0; i < 8; i += 1) attempts.push((await login(attacker, victim.username, `wrong-${i}`)).status);
      expect(attempts).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
      const refused = await login(attacker, victim.username, PASSWORD);
      expect(refused.status).toBe(429);
      expect(refused.body.retryAfterSeconds).toBeGreaterThan(14 * 60);
      const real = await login('127.0.0.11', victim.username, PASSWORD);
      expect(real.status).toBe(200);
      printFigure('sign-in lockout held by one address', {
        attackerStatuses: attempts.join('/'),
        realUserFromOtherAddress: real.status,
        realUserMs: Math.round(real.ms),
      });
    });

    it('slows a known address down and refuses unknown ones while guesses come from many addresses', async () => {
      const target = await f.user('official');
      const known = '127.0.0.12';
      expect((await login(known, target.username, PASSWORD)).status).toBe(200);
      // Four guesses from each of five addresses: no address is locked, the username is under attack.
      for (let a = 20; a < 25; a += 1) {
        for (let i = 0; i < 4; i += 1) expect((await login(`127.0.0.${a}`, target.username, 'guess')).status).toBe(401);
      }
      const slowed = await login(known, target.username, PASSWORD);
      expect(slowed.status).toBe(200);
      expect(slowed.ms).toBeGreaterThanOrEqual(SLOWDOWN_MS - 50);
      const stranger = await login('127.0.0.13', target.username, PASSWORD);
      expect(stranger.status).toBe(429);
      expect(stranger.body.code).toBe('RATE_LIMITED');
      printFigure('sign-in spread over 5 addresses', {
        guesses: 20,
        knownAddress: slowed.status,
        knownAddressMs: Math.round(slowed.ms),
        unknownAddress: stranger.status,
      });
    });

    it('shows the locks to an admin, and an admin lifts one', async () => {
      const admin = (await f.login(ADMIN.username, ADMIN.password)) as string;
      const manager = await f.user('manager');
      expect((await send('127.0.0.1', 'GET', '/auth/locks', undefined, manager.token)).status).toBe(403);
      const list = await send('127.0.0.1', 'GET', '/auth/locks', undefined, admin);
      expect(list.status).toBe(200);
      const locks = list.body as unknown as { id: string; username: string; address: string; lockedUntil: string }[];
      const lock = locks.find((l) => l.username === victim.username.toLowerCase() && l.address === attacker);
      expect(lock).toMatchObject({ failures: 5, knownAddress: false, lockedUntil: expect.any(String) });
      expect(new Date(lock!.lockedUntil).getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
      expect((await send('127.0.0.1', 'DELETE', `/auth/locks/${lock!.id}`, undefined, manager.token)).status).toBe(403);
      expect((await send('127.0.0.1', 'DELETE', `/auth/locks/${lock!.id}`, undefined, admin)).status).toBe(204);
      expect((await login(attacker, victim.username, 'wrong-again')).status).toBe(401);
      const missing = await send(
        '127.0.0.1',
        'DELETE',
        `/auth/locks/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`,
        undefined,
        admin,
      );
      expect(missing.status).toBe(404);
    });
  });

  describe('a login flood', () => {
    it('lets one address have 4 logins in progress and 16 waiting, and refuses the rest at once', async () => {
      const from = '127.0.0.30';
      const sent = LOGINS_PER_ADDRESS + LOGINS_WAITING_PER_ADDRESS + 8;
      const answers = await Promise.all(Array.from({ length: sent }, () => login(from, `nobody-${unique()}`, 'guess')));
      const checked = answers.filter((a) => a.status === 401);
      const refused = answers.filter((a) => a.status === 429);
      // Sent together, but a loaded machine may end a check before the last arrives: at most 8 refused.
      expect(checked.length + refused.length).toBe(sent);
      expect(checked.length).toBeGreaterThanOrEqual(LOGINS_PER_ADDRESS + LOGINS_WAITING_PER_ADDRESS);
      expect(refused.length).toBeGreaterThan(0);
      expect(refused.every((a) => /at once from this address/.test(a.body.message!))).toBe(true);
      // A refusal does not wait its turn: every one is answered before the waiting logins are
      // checked, that is before the second round of four checks ends. (Not before the first check
      // ends: on a loaded machine the last requests of the burst may arrive after it.)
      const checkedMs = checked.map((a) => a.ms).sort((a, b) => a - b);
      expect(Math.max(...refused.map((a) => a.ms))).toBeLessThan(checkedMs[2 * LOGINS_PER_ADDRESS - 1]!);
      printFigure('sign-in 28 parallel logins from one address', {
        checked401: checked.length,
        refused429: refused.length,
        slowestRefusalMs: Math.round(Math.max(...refused.map((a) => a.ms))),
        fastestCheckedMs: Math.round(Math.min(...checked.map((a) => a.ms))),
      });
    });

    it("keeps a real user's login within two seconds while four addresses flood, and purges the rows", async () => {
      const real = await f.user('manager');
      // The same login without a flood, on the same machine at the same time, as the yardstick.
      const quiet: number[] = [];
      for (let i = 0; i < 3; i += 1) quiet.push((await login('127.0.0.45', real.username, PASSWORD)).ms);
      const quietMs = quiet.sort((a, b) => a - b)[1]!;
      // The flood comes from another process, as an attacker's would: 16 logins at once from each
      // of four addresses, each sent again as soon as it is answered, for as long as the test runs.
      const flood = spawn(process.execPath, ['-e', FLOOD_SCRIPT, String(port)], { stdio: ['pipe', 'pipe', 'inherit'] });
      let output = '';
      flood.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const times: number[] = [];
      for (let i = 0; i < 5; i += 1) {
        const a = await login('127.0.0.45', real.username, PASSWORD);
        expect(a.status).toBe(200);
        times.push(a.ms);
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
      const ended = new Promise((resolve) => flood.on('exit', resolve));
      flood.stdin.end('stop\n');
      await ended;
      const counts = JSON.parse(output) as { 401: number; 429: number; other: number };
      expect(counts.other).toBe(0);
      expect(counts[401]).toBeGreaterThan(0);
      // Within two seconds (the median of five); on a machine so loaded that a quiet login alone
      // takes longer than two thirds of a second, within three quiet logins. The slowest is
      // printed. (Before the gate, the real user's check queued behind the whole flood's.)
      const median = [...times].sort((a, b) => a - b)[2]!;
      expect(median).toBeLessThan(Math.max(2000, 3 * quietMs));

      // The logins the flood left waiting when it hung up are dropped unchecked; then every
      // flooded name has left a row, which the purge deletes once its window has passed, keeping
      // the real user's known address.
      const drained = performance.now();
      await t.db.query(`SELECT 1`);
      while ((await login('127.0.0.46', `after-${unique()}`, 'guess')).ms > 5 * quietMs) {
        if (performance.now() - drained > 20_000) throw new Error('the hung-up flood was not dropped within 20 s');
      }
      const [{ before }] = await t.db.query(
        `SELECT count(*)::int AS before FROM login_throttle WHERE username_key LIKE 'flood-%'`,
      );
      expect(before).toBeGreaterThanOrEqual(counts[401]);
      await t.db.query(`UPDATE login_throttle SET window_started_at = now() - interval '16 minutes'`);
      const purged = await t.app.get(LoginThrottle).purge();
      const [{ after }] = await t.db.query(
        `SELECT count(*)::int AS after FROM login_throttle WHERE username_key LIKE 'flood-%'`,
      );
      expect(after).toBe(0);
      expect(purged).toBeGreaterThanOrEqual(before);
      const kept = await t.db.query(
        `SELECT 1 FROM login_throttle WHERE username_key = lower($1) AND address = '127.0.0.45'`,
        [real.username],
      );
      expect(kept).toHaveLength(1);
      printFigure('sign-in flood, 4 addresses x 16 parallel random names', {
        checked401: counts[401],
        refused429: counts[429],
        realUserLogins: times.length,
        realUserQuietMs: Math.round(quietMs),
        realUserMedianMs: Math.round(median),
        realUserMaxMs: Math.round(Math.max(...times)),
        rowsPurged: purged,
      });
    });

    it('answers 429 at once when the hashing queue is full', async () => {
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, a) => a + 50).flatMap((a) =>
          Array.from({ length: 4 }, () => login(`127.0.0.${a}`, `queue-${unique()}`, 'guess')),
        ),
      );
      const busy = answers.filter((a) => a.status === 429 && /busy signing others in/.test(a.body.message!));
      expect(answers.every((a) => a.status === 401 || a.status === 429)).toBe(true);
      expect(busy.length).toBeGreaterThan(0);
      expect(answers.filter((a) => a.status === 401).length).toBeGreaterThanOrEqual(
        Math.min(HASHES_AT_ONCE + HASHES_WAITING, answers.length - busy.length),
      );
      printFigure('sign-in 40 parallel logins from 10 addresses', {
        checked401: answers.filter((a) => a.status === 401).length,
        queueFull429: busy.length,
        slowestRefusalMs: Math.round(Math.max(...busy.map((a) => a.ms))),
      });
    });
  });

  describe('sessions after a password change', () => {
    it('refuses tokens issued before a password change, role change, disable or sign-out everywhere', async () => {
      const admin = await f.admin();
      const user = await f.user('official');
      const bystander = await f.user('official');
      const token = async () => f.login(user.username, PASSWORD);
      const works = async (tok: string) =>
        (
          await t
            .http()
            .get('/api/v1/departments')
            .set({ Authorization: `Bearer ${tok}` })
        ).status;
      const patch = (body: object) => t.http().patch(`/api/v1/users/${user.id}`).set(admin).send(body);
      const seen: Record<string, number> = {};

      let old = await token();
      await patch({ displayName: '改名不登出' }).expect(200);
      expect(await works(old)).toBe(200);
      await patch({ password: 'Password-456' }).expect(200);
      seen.afterPassword = await works(old);
      await patch({ password: PASSWORD }).expect(200);

      old = await token();
      await patch({ role: 'manager' }).expect(200);
      seen.afterRole = await works(old);

      old = await token();
      await patch({ disabled: true }).expect(200);
      await patch({ disabled: false }).expect(200);
      seen.afterDisableEnable = await works(old);

      old = await token();
      const again = await token();
      const self = await t
        .http()
        .post('/api/v1/auth/logout-all')
        .set({ Authorization: `Bearer ${again}` });
      expect(self.status).toBe(204);
      seen.afterOwnLogoutAll = await works(old);

      old = await token();
      await t.http().post(`/api/v1/users/${user.id}/logout-all`).set(admin).expect(204);
      seen.afterAdminLogoutAll = await works(old);
      await t.http().post(`/api/v1/users/${user.id}/logout-all`).set(bystander.auth).expect(403);

      expect(seen).toEqual({
        afterPassword: 401,
        afterRole: 401,
        afterDisableEnable: 401,
        afterOwnLogoutAll: 401,
        afterAdminLogoutAll: 401,
      });
      expect(await works(await token())).toBe(200);
      expect(await works(bystander.token)).toBe(200);
      printFigure('sign-in tokens after changes', { ...seen, newToken: 200 });
    });
  });

  describe('the last admin', () => {
    it('cannot disable or demote itself, nor two admins demote each other at once', async () => {
      const first = await f.admin();
      const x = await f.user('admin');
      const [bootstrap] = await t.db.query(`SELECT id FROM users WHERE username = $1`, [ADMIN.username]);
      // The bootstrap admin steps down; x is then the last enabled admin.
      await t.http().patch(`/api/v1/users/${bootstrap.id}`).set(first).send({ role: 'manager' }).expect(200);
      const disable = await t.http().patch(`/api/v1/users/${x.id}`).set(x.auth).send({ disabled: true });
      const demote = await t.http().patch(`/api/v1/users/${x.id}`).set(x.auth).send({ role: 'official' });
      for (const res of [disable, demote]) {
        expect(res.status).toBe(409);
        expect(res.body).toMatchObject({ code: 'LAST_ADMIN', message: expect.stringContaining('last enabled admin') });
      }
      const [row] = await t.db.query(`SELECT role, disabled FROM users WHERE id = $1`, [x.id]);
      expect(row).toEqual({ role: 'admin', disabled: false });

      // Two admins demote each other at the same moment: one of them stays.
      const y = await t
        .http()
        .post('/api/v1/users')
        .set(x.auth)
        .send({ username: `admin-${unique()}`, password: PASSWORD, displayName: 'y', role: 'admin' })
        .expect(201);
      const yToken = await f.login(y.body.username, PASSWORD);
      const both = await Promise.all([
        t.http().patch(`/api/v1/users/${y.body.id}`).set(x.auth).send({ disabled: true }),
        t
          .http()
          .patch(`/api/v1/users/${x.id}`)
          .set({ Authorization: `Bearer ${yToken}` })
          .send({ disabled: true }),
      ]);
      // The one that comes second is refused: 409, or 401 if its caller was disabled before its guard ran.
      const statuses = both.map((r) => r.status).sort();
      expect(statuses[0]).toBe(200);
      expect([401, 409]).toContain(statuses[1]);
      const [{ admins }] = await t.db.query(
        `SELECT count(*)::int AS admins FROM users WHERE role = 'admin' AND NOT disabled`,
      );
      expect(admins).toBe(1);
      printFigure('sign-in last admin', {
        selfDisable: disable.status,
        selfDemote: demote.status,
        mutual: both
          .map((r) => r.status)
          .sort()
          .join('/'),
        enabledAdminsLeft: admins,
      });
    });
  });
});
