import type { Response } from 'supertest';
import { Factory, inDays, TestUser } from '../factories';
import { countRows, sleep } from '../factories/more';
import { createTestApp, TestApp } from '../support/test-app';
import { figure, listen, TEST_ENV, Wire } from './support-http';

/**
 * Concurrent writers on one problem and one idempotency key, through a keep-alive agent with
 * enough sockets that the requests really are in flight together (the app's pool has 10
 * connections, so they also queue for it).
 */
const ROUNDS = Number(process.env.CONCURRENCY_ROUNDS ?? 3);
const PARALLEL_ACTIONS = 50;
const NOTE_CLIENTS = 100;
const MAX_ATTEMPTS = 60;
const IDEMPOTENT_RETRIES = 20;

describe('concurrent writers', () => {
  let t: TestApp;
  let f: Factory;
  let wire: Wire;
  let manager: TestUser;
  let official: TestUser;
  let handler: TestUser;
  let departmentA: { id: string };
  let departmentB: { id: string };
  let enterprise: { id: string };

  beforeAll(async () => {
    t = await createTestApp(TEST_ENV);
    f = new Factory(t);
    wire = await listen(t);
    departmentA = await f.department('并发甲局');
    departmentB = await f.department('并发乙局');
    manager = await f.user('manager');
    official = await f.user('official');
    handler = await f.user('handler', departmentA.id);
    enterprise = await f.enterprise(official);
  }, 60_000);

  afterAll(async () => {
    wire?.close();
    await t?.close();
  });

  const events = (problemId: string) => countRows(t, 'problem_events', 'problem_id = $1', [problemId]);

  /** The seven actions a manager may take on an assigned problem, each with a valid body. */
  const fromAssigned = (i: number): [string, Record<string, unknown>] =>
    (
      [
        ['accept', { note: '签收' }],
        ['progress', { note: `进展 ${i}` }],
        ['resolve', { resolution: '办结' }],
        ['return', { reason: '退回' }],
        ['escalate', { note: '督办' }],
        ['assign', { departmentId: departmentB.id, dueAt: inDays(20), note: `改派 ${i}` }],
        ['withdraw', { reason: '撤回' }],
      ] as [string, Record<string, unknown>][]
    )[i % 7]!;

  it(`lets exactly one of ${PARALLEL_ACTIONS} parallel actions on the same version through; the others get 412`, async () => {
    let succeeded = 0;
    let stale = 0;
    let newEvents = 0;
    for (let round = 0; round < ROUNDS; round += 1) {
      const created = await f.problem(official, enterprise.id, { title: `并发动作 第${round}轮` });
      const assigned = await f.act(
        manager,
        created.id,
        'assign',
        { departmentId: departmentA.id, dueAt: inDays(10) },
        1,
      );
      expect(assigned.status).toBe(200);
      const version: number = assigned.body.version;
      const eventsBefore = await events(created.id);
      expect(eventsBefore).toBe(2);

      const answers = await Promise.all(
        Array.from({ length: PARALLEL_ACTIONS }, (_, i) => {
          const [action, body] = fromAssigned(i + round);
          return wire
            .call('post', `/api/v1/problems/${created.id}/${action}`)
            .set(manager.auth)
            .set('If-Match', `"${version}"`)
            .send(body)
            .then((res) => ({ action, res }));
        }),
      );

      const winners = answers.filter((a) => a.res.status === 200);
      const losers = answers.filter((a) => a.res.status !== 200);
      expect(winners).toHaveLength(1);
      expect(losers.map((a) => a.res.status)).toEqual(Array(PARALLEL_ACTIONS - 1).fill(412));
      for (const { res } of losers) {
        expect(res.body).toMatchObject({ statusCode: 412, code: 'VERSION_MISMATCH', currentVersion: version + 1 });
      }

      const winner = winners[0]!;
      const after = (await t.http().get(`/api/v1/problems/${created.id}`).set(manager.auth).expect(200)).body;
      expect(after.version).toBe(version + 1);
      expect(after.status).toBe(winner.res.body.status);
      expect(after.events).toHaveLength(eventsBefore + 1);
      expect(after.events.at(-1)).toMatchObject({ type: winner.action, fromStatus: 'assigned' });
      expect(await events(created.id)).toBe(eventsBefore + 1);

      succeeded += winners.length;
      stale += losers.length;
      newEvents += (await events(created.id)) - eventsBefore;
    }
    figure('concurrency/same-version', {
      rounds: ROUNDS,
      parallel: PARALLEL_ACTIONS,
      succeeded,
      answered412: stale,
      newEvents,
      expectedPerRound: '1/49/1',
    });
    expect(succeeded).toBe(ROUNDS);
    expect(stale).toBe(ROUNDS * (PARALLEL_ACTIONS - 1));
    expect(newEvents).toBe(ROUNDS);
  }, 120_000);

  it(`keeps all ${NOTE_CLIENTS} progress notes of clients that re-read and retry on 412 or 503, none lost or doubled`, async () => {
    const created = await f.problem(official, enterprise.id, { title: '并发进展' });
    const assigned = await f.act(manager, created.id, 'assign', { departmentId: departmentA.id, dueAt: inDays(10) }, 1);
    expect(assigned.status).toBe(200);
    const accepted = await f.act(handler, created.id, 'accept', { note: '签收' }, 2);
    expect(accepted.status).toBe(200);
    const startVersion: number = accepted.body.version;
    const startEvents = await events(created.id);

    let requests = 0;
    let answered412 = 0;
    let answered503 = 0;
    let postsBusy = 0;
    const versionsWon: number[] = [];
    const started = Date.now();

    /** A 503 (every connection busy past the pool's wait) is the overloaded service's "try again". */
    const busy = (res: Response) => {
      if (res.status !== 503) return false;
      expect(res.body.code).toBe('DATABASE_UNAVAILABLE');
      expect(res.headers['retry-after']).toBeDefined();
      answered503 += 1;
      return true;
    };

    async function client(i: number): Promise<number> {
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
        // Exponential back-off with full jitter before every retry, as a well-behaved client would.
        if (attempt > 1) await sleep(Math.random() * Math.min(2_000, 10 * 2 ** attempt));
        const read = await wire.call('get', `/api/v1/problems/${created.id}`).set(handler.auth);
        if (busy(read)) continue;
        expect(read.status).toBe(200);
        expect(read.headers.etag).toBe(`"${read.body.version}"`);
        const res = await wire
          .call('post', `/api/v1/problems/${created.id}/progress`)
          .set(handler.auth)
          .set('If-Match', read.headers.etag)
          .send({ note: `并发进展 #${i}` });
        requests += 1;
        if (res.status === 200) {
          versionsWon.push(res.body.version);
          return attempt;
        }
        if (busy(res)) {
          postsBusy += 1;
          continue;
        }
        expect(res.status).toBe(412);
        expect(res.body.code).toBe('VERSION_MISMATCH');
        answered412 += 1;
      }
      throw new Error(`client ${i} gave up after ${MAX_ATTEMPTS} attempts`);
    }

    const attempts = await Promise.all(Array.from({ length: NOTE_CLIENTS }, (_, i) => client(i)));

    const after = (await t.http().get(`/api/v1/problems/${created.id}`).set(manager.auth).expect(200)).body;
    const notes: string[] = after.events
      .filter((e: { type: string }) => e.type === 'progress')
      .map((e: { note: string }) => e.note);
    const expectedNotes = Array.from({ length: NOTE_CLIENTS }, (_, i) => `并发进展 #${i}`);
    const lost = expectedNotes.filter((n) => !notes.includes(n));
    const doubled = notes.length - new Set(notes).size;
    figure('concurrency/retrying-notes', {
      clients: NOTE_CLIENTS,
      requests,
      answered412,
      answered503,
      maxAttempts: Math.max(...attempts),
      notesPresent: new Set(notes).size,
      lost: lost.length,
      doubled,
      startVersion,
      finalVersion: after.version,
      seconds: ((Date.now() - started) / 1000).toFixed(1),
    });

    expect(lost).toEqual([]);
    expect(doubled).toBe(0);
    expect([...notes].sort()).toEqual([...expectedNotes].sort());
    expect(after.events).toHaveLength(startEvents + NOTE_CLIENTS);
    expect(await events(created.id)).toBe(startEvents + NOTE_CLIENTS);
    expect(after.version).toBe(startVersion + NOTE_CLIENTS);
    expect(after.status).toBe('in_progress');
    // Every winner saw its own version: 100 distinct versions, start + 1 to start + 100.
    expect([...versionsWon].sort((a, b) => a - b)).toEqual(
      Array.from({ length: NOTE_CLIENTS }, (_, i) => startVersion + 1 + i),
    );
    // A write answered 503 wrote nothing: every note is there once, so none of them did.
    expect(requests).toBe(NOTE_CLIENTS + answered412 + postsBusy);
  }, 300_000);

  it(`answers ${IDEMPOTENT_RETRIES} parallel retries of one Idempotency-Key with one visit and byte-identical bodies`, async () => {
    const purpose = '并发幂等重试';
    const body = {
      enterpriseId: enterprise.id,
      visitedAt: inDays(-1),
      purpose,
      policiesPromoted: ['稳岗返还'],
      problems: [
        { title: '并发幂等-用电', category: 'factor_supply' },
        { title: '并发幂等-融资', category: 'financing', description: '贷款' },
      ],
    };
    const before = {
      visits: await countRows(t, 'visits'),
      problems: await countRows(t, 'problems'),
      events: await countRows(t, 'problem_events'),
    };

    const answers = await Promise.all(
      Array.from({ length: IDEMPOTENT_RETRIES }, () =>
        wire
          .call('post', '/api/v1/visits')
          .set(official.auth)
          .set('Idempotency-Key', 'concurrent-visit-key')
          .send(body),
      ),
    );

    const statuses = answers.map((res) => res.status);
    const distinctBodies = new Set(answers.map((res) => res.text));
    const visitId = answers[0]!.body.id;
    const visitRows = await countRows(t, 'visits', 'purpose = $1', [purpose]);
    figure('concurrency/idempotent-visit', {
      retries: IDEMPOTENT_RETRIES,
      answered201: statuses.filter((s) => s === 201).length,
      distinctBodies: distinctBodies.size,
      visitRows,
      problemRows: await countRows(t, 'problems', 'visit_id = $1', [visitId]),
      keyRows: await countRows(t, 'idempotency_keys', 'key = $1', ['concurrent-visit-key']),
    });

    expect(statuses).toEqual(Array(IDEMPOTENT_RETRIES).fill(201));
    expect(distinctBodies.size).toBe(1);
    expect(answers[0]!.body.problems).toHaveLength(2);
    expect(visitRows).toBe(1);
    expect(await countRows(t, 'visits')).toBe(before.visits + 1);
    expect(await countRows(t, 'visit_officials', 'visit_id = $1', [visitId])).toBe(1);
    expect(await countRows(t, 'problems', 'visit_id = $1', [visitId])).toBe(2);
    expect(await countRows(t, 'problems')).toBe(before.problems + 2);
    expect(await countRows(t, 'problem_events')).toBe(before.events + 2);
    expect(await countRows(t, 'idempotency_keys', 'key = $1', ['concurrent-visit-key'])).toBe(1);
  }, 120_000);
});
