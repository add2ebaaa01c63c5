import { Factory, inDays, TestUser } from './factories';
import { createTestApp, TestApp } from './support/test-app';

/**
 * Visits read back, amended and withdrawn: who reads which visit (officials through their own
 * visits and their enterprises, handlers through their department's problems), the list's scope,
 * filters and keyset pages, and corrections that keep the original.
 */
describe('visits: reading, amending, withdrawing', () => {
  let t: TestApp;
  let f: Factory;
  let manager: TestUser;
  let visitor: TestUser; // went on visit 1
  let responsible: TestUser; // answers for enterprise 1 now
  let former: TestUser; // answered for enterprise 2 until ten days ago
  let stranger: TestUser; // no visit, no enterprise
  let handlerA: TestUser;
  let handlerB: TestUser;
  let handlerC: TestUser;
  let ent1: { id: string; name: string };
  let ent2: { id: string; name: string };
  let v1: string; // ent1, now, by visitor, problems of A and B
  let v2: string; // ent2, two days ago, by the manager, no problems
  let v3: string; // ent2, thirty days ago, by manager, no problems
  let problemA: { id: string; code: string };
  let problemB: { id: string; code: string };

  const api = (path: string) => `/api/v1${path}`;
  const get = (as: TestUser, path: string) => t.http().get(api(path)).set(as.auth);
  const ids = (res: { body: { items: { id: string }[] } }) => res.body.items.map((v) => v.id);

  async function visit(as: TestUser, enterpriseId: string, daysAgo: number, extra: Record<string, unknown> = {}) {
    const res = await t
      .http()
      .post(api('/visits'))
      .set(as.auth)
      .send({
        enterpriseId,
        visitedAt: inDays(-daysAgo),
        purpose: '季度走访',
        policiesPromoted: ['稳岗返还'],
        ...extra,
      })
      .expect(201);
    return res.body as { id: string; problems: { id: string; code: string }[] };
  }

  async function responsibility(userId: string, enterpriseId: string, startsDaysAgo: number, endsDaysAgo?: number) {
    await t.db.query(
      `INSERT INTO responsibilities (enterprise_id, user_id, kind, starts_at, ends_at, recorded_by, ended_recorded_at)
       VALUES ($1, $2, 'official', $3, $4, $2, $5)`,
      [
        enterpriseId,
        userId,
        inDays(-startsDaysAgo),
        endsDaysAgo === undefined ? null : inDays(-endsDaysAgo),
        endsDaysAgo === undefined ? null : inDays(-endsDaysAgo),
      ],
    );
  }

  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
    const [deptA, deptB, deptC] = [await f.department(), await f.department(), await f.department()];
    manager = await f.user('manager');
    visitor = await f.user('official');
    responsible = await f.user('official');
    former = await f.user('official');
    stranger = await f.user('official');
    handlerA = await f.user('handler', deptA.id);
    handlerB = await f.user('handler', deptB.id);
    handlerC = await f.user('handler', deptC.id);
    ent1 = await f.enterprise(manager, { district: 'suzhou', isKey: true });
    ent2 = await f.enterprise(manager, { district: 'dunhuang' });
    await responsibility(responsible.id, ent1.id, 100);
    await responsibility(former.id, ent2.id, 60, 10);

    const first = await visit(visitor, ent1.id, 0, {
      problems: [
        { title: '甲部门的问题', category: 'factor_supply' },
        { title: '乙部门的问题', category: 'financing' },
      ],
    });
    v1 = first.id;
    [problemA, problemB] = first.problems as [{ id: string; code: string }, { id: string; code: string }];
    for (const [problem, department] of [
      [problemA, deptA],
      [problemB, deptB],
    ] as const) {
      const assigned = await f.act(manager, problem.id, 'assign', { departmentId: department.id, dueAt: inDays(10) });
      expect(assigned.status).toBe(200);
    }
    v2 = (await visit(manager, ent2.id, 2)).id;
    v3 = (await visit(manager, ent2.id, 30)).id;
  });

  afterAll(() => t.close());

  describe('who reads which visit', () => {
    it('lets the visiting official read his visit with everything it recorded', async () => {
      const res = await get(visitor, `/visits/${v1}`).expect(200);
      expect(res.headers.etag).toBe('"1"');
      expect(res.body).toMatchObject({
        id: v1,
        enterpriseId: ent1.id,
        enterpriseName: ent1.name,
        district: 'suzhou',
        tier: 'key',
        purpose: '季度走访',
        policiesPromoted: ['稳岗返还'],
        status: 'recorded',
        revision: 1,
        withdrawn: null,
        createdBy: visitor.id,
        canAmend: true,
      });
      expect(res.body.officials).toEqual([{ id: visitor.id, displayName: expect.any(String) }]);
      expect(res.body.problems.map((p: { id: string }) => p.id).sort()).toEqual([problemA.id, problemB.id].sort());
      const a = res.body.problems.find((p: { id: string }) => p.id === problemA.id);
      expect(a).toMatchObject({ code: problemA.code, status: 'assigned', title: '甲部门的问题' });
      expect(a.departmentName).toEqual(expect.any(String));
      expect(Date.parse(a.dueAt)).toBeGreaterThan(Date.now());
    });

    it('lets an official answering for the enterprise read its visits, but not amend them', async () => {
      const res = await get(responsible, `/visits/${v1}`).expect(200);
      expect(res.body.canAmend).toBe(false);
      await t
        .http()
        .post(api(`/visits/${v1}/amendments`))
        .set(responsible.auth)
        .set('If-Match', '"1"')
        .send({ reason: '想改', purpose: 'x' })
        .expect(403);
    });

    it('answers 404 to an official with no part in the visit, exactly as for a missing one', async () => {
      const hidden = await get(stranger, `/visits/${v1}`).expect(404);
      const missing = await get(stranger, `/visits/00000000-0000-4000-8000-000000000000`).expect(404);
      expect(hidden.body).toEqual(missing.body);
      await get(responsible, `/visits/${v2}`).expect(404);
      await get(visitor, `/visits/${v3}/revisions`).expect(404);
    });

    it('counts a responsibility that has ended for the visits made while it ran', async () => {
      await get(former, `/visits/${v3}`).expect(200);
      await get(former, `/visits/${v2}`).expect(404);
    });

    it("shows a handler a visit only through his department's problem, and only that problem", async () => {
      const a = await get(handlerA, `/visits/${v1}`).expect(200);
      expect(a.body.problems.map((p: { id: string }) => p.id)).toEqual([problemA.id]);
      expect(JSON.stringify(a.body)).not.toContain(problemB.code);
      const b = await get(handlerB, `/visits/${v1}`).expect(200);
      expect(b.body.problems.map((p: { id: string }) => p.id)).toEqual([problemB.id]);
      await get(handlerC, `/visits/${v1}`).expect(404);
      await get(handlerA, `/visits/${v2}`).expect(404);
      expect(ids(await get(handlerA, '/visits').expect(200))).toEqual([v1]);
      expect(ids(await get(handlerC, '/visits').expect(200))).toEqual([]);
    });
  });

  describe('the list', () => {
    it("gives an official his own visits and his enterprises' visits only", async () => {
      expect(ids(await get(visitor, '/visits').expect(200))).toEqual([v1]);
      expect(ids(await get(responsible, '/visits').expect(200))).toEqual([v1]);
      expect(ids(await get(former, '/visits').expect(200))).toEqual([v3]);
      expect(ids(await get(stranger, '/visits').expect(200))).toEqual([]);
      expect(ids(await get(manager, '/visits').expect(200))).toEqual([v1, v2, v3]);
    });

    it('filters by official, enterprise, district, tier, period and problems', async () => {
      expect(ids(await get(manager, `/visits?officialId=${visitor.id}`).expect(200))).toEqual([v1]);
      expect(ids(await get(visitor, `/visits?officialId=me`).expect(200))).toEqual([v1]);
      expect(ids(await get(manager, `/visits?enterpriseId=${ent2.id}`).expect(200))).toEqual([v2, v3]);
      expect(ids(await get(manager, `/visits?district=dunhuang`).expect(200))).toEqual([v2, v3]);
      expect(ids(await get(manager, `/visits?tier=key`).expect(200))).toEqual([v1]);
      expect(ids(await get(manager, `/visits?tier=other`).expect(200))).toEqual([v2, v3]);
      const from = encodeURIComponent(inDays(-5));
      const to = encodeURIComponent(inDays(-1));
      expect(ids(await get(manager, `/visits?from=${from}&to=${to}`).expect(200))).toEqual([v2]);
      expect(ids(await get(manager, `/visits?withProblems=true`).expect(200))).toEqual([v1]);
      expect(ids(await get(manager, `/visits?withProblems=false`).expect(200))).toEqual([v2, v3]);
      expect(ids(await get(manager, `/visits?sort=visitedAt`).expect(200))).toEqual([v3, v2, v1]);
    });

    it('walks keyset pages without losing or repeating a visit, in both directions', async () => {
      for (const sort of ['visitedAt', '-visitedAt']) {
        const seen: string[] = [];
        let cursor: string | null = null;
        let pages = 0;
        do {
          const query: string = `/visits?limit=1&sort=${sort}${cursor ? `&cursor=${cursor}` : ''}`;
          const res = await get(manager, query).expect(200);
          seen.push(...ids(res));
          cursor = res.body.nextCursor;
          pages += 1;
        } while (cursor);
        expect(pages).toBe(3);
        expect(seen).toEqual(sort === 'visitedAt' ? [v3, v2, v1] : [v1, v2, v3]);
      }
    });

    it('refuses bad filters with 400 naming the field', async () => {
      for (const [query, field] of [
        ['tier=huge', 'tier'],
        ['withProblems=yes', 'withProblems'],
        ['status=deleted', 'status'],
        ['officialId=someone', 'officialId'],
        ['from=yesterday', 'from'],
        ['sort=name', 'sort'],
        ['cursor=nonsense', 'cursor'],
        ['limit=0', 'limit'],
        ['colour=red', 'colour'],
      ]) {
        const res = await get(manager, `/visits?${query}`).expect(400);
        expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      }
    });
  });

  describe('amendments', () => {
    it('keeps the original as revision 1 and lists every revision with who, why and what changed', async () => {
      const res = await t
        .http()
        .post(api(`/visits/${v1}/amendments`))
        .set(visitor.auth)
        .set('If-Match', '"1"')
        .send({ reason: '走访目的写错了', purpose: '政策宣讲', officialIds: [visitor.id, responsible.id] })
        .expect(200);
      expect(res.headers.etag).toBe('"2"');
      expect(res.body).toMatchObject({ revision: 2, purpose: '政策宣讲', policiesPromoted: ['稳岗返还'] });
      expect(res.body.officials.map((o: { id: string }) => o.id).sort()).toEqual([visitor.id, responsible.id].sort());

      const revisions = (await get(manager, `/visits/${v1}/revisions`).expect(200)).body;
      expect(revisions).toHaveLength(2);
      expect(revisions[0]).toMatchObject({ revision: 1, purpose: '季度走访', reason: null, changed: [] });
      expect(revisions[0].officials.map((o: { id: string }) => o.id)).toEqual([visitor.id]);
      expect(revisions[1]).toMatchObject({
        revision: 2,
        purpose: '政策宣讲',
        reason: '走访目的写错了',
        recordedBy: { id: visitor.id },
        changed: ['purpose', 'officials'],
      });
      // The problems logged with the visit stay with it.
      expect((await get(manager, `/visits/${v1}`).expect(200)).body.problems).toHaveLength(2);
    });

    it('wants If-Match: 428 without it, 412 when stale', async () => {
      const path = api(`/visits/${v1}/amendments`);
      await t.http().post(path).set(manager.auth).send({ reason: '补充', notes: '补记' }).expect(428);
      const stale = await t
        .http()
        .post(path)
        .set(manager.auth)
        .set('If-Match', '"1"')
        .send({ reason: '补充', notes: '补记' })
        .expect(412);
      expect(stale.body.code).toBe('VERSION_MISMATCH');
      expect((await get(manager, `/visits/${v1}`).expect(200)).body.revision).toBe(2);
    });

    it('lets one of two concurrent amendments of the same revision win; the other gets 412', async () => {
      const current = (await get(manager, `/visits/${v2}`).expect(200)).body.revision as number;
      const send = (notes: string) =>
        t
          .http()
          .post(api(`/visits/${v2}/amendments`))
          .set(manager.auth)
          .set('If-Match', `"${current}"`)
          .send({ reason: '并发修正', notes });
      const results = await Promise.all([send('甲'), send('乙'), send('丙')]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 412, 412]);
      const revisions = (await get(manager, `/visits/${v2}/revisions`).expect(200)).body;
      expect(revisions.map((r: { revision: number }) => r.revision)).toEqual([1, current + 1]);
    });

    it('refuses bad amendments with 400 naming the field', async () => {
      const amend = (body: Record<string, unknown>) =>
        t
          .http()
          .post(api(`/visits/${v3}/amendments`))
          .set(manager.auth)
          .set('If-Match', '"1"')
          .send(body);
      for (const [body, field] of [
        [{ purpose: 'x' }, 'reason'],
        [{ reason: '  ', purpose: 'x' }, 'reason'],
        [{ reason: '改' }, 'body'],
        [{ reason: '改', purpose: '季度走访', policiesPromoted: ['稳岗返还'] }, 'body'],
        [{ reason: '改', visitedAt: inDays(2) }, 'visitedAt'],
        [{ reason: '改', officialIds: [] }, 'officialIds'],
        [{ reason: '改', officialIds: [handlerA.id] }, 'officialIds'],
        [{ reason: '改', enterpriseId: ent1.id }, 'enterpriseId'],
      ] as [Record<string, unknown>, string][]) {
        const res = await amend(body).expect(400);
        expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      }
      expect((await get(manager, `/visits/${v3}/revisions`).expect(200)).body).toHaveLength(1);
    });
  });

  describe('withdrawal', () => {
    it('withdraws with a reason, keeps the problems, and refuses any later amendment with 409', async () => {
      const path = api(`/visits/${v1}/withdraw`);
      await t.http().post(path).set(visitor.auth).set('If-Match', '"2"').send({}).expect(400);
      await t.http().post(path).set(handlerA.auth).set('If-Match', '"2"').send({ reason: '误录' }).expect(403);
      await t.http().post(path).set(stranger.auth).set('If-Match', '"2"').send({ reason: '误录' }).expect(404);
      const res = await t
        .http()
        .post(path)
        .set(visitor.auth)
        .set('If-Match', '"2"')
        .send({ reason: '误录' })
        .expect(200);
      expect(res.body).toMatchObject({
        status: 'withdrawn',
        canAmend: false,
        withdrawn: { by: { id: visitor.id }, reason: '误录' },
      });
      expect(res.body.problems).toHaveLength(2);
      await get(manager, `/problems/${problemA.id}`).expect(200);

      const again = await t
        .http()
        .post(api(`/visits/${v1}/amendments`))
        .set(visitor.auth)
        .set('If-Match', '"2"')
        .send({ reason: '再改', purpose: 'y' })
        .expect(409);
      expect(again.body.code).toBe('CONFLICT');
      await t.http().post(path).set(manager.auth).set('If-Match', '"2"').send({ reason: '再撤' }).expect(409);

      expect(ids(await get(manager, '/visits?status=withdrawn').expect(200))).toEqual([v1]);
      expect(ids(await get(manager, '/visits?status=recorded').expect(200))).toEqual([v2, v3]);
      expect(ids(await get(manager, '/visits').expect(200))).toEqual([v1, v2, v3]);
    });
  });

  describe('against a model: random amendments and withdrawals by random users', () => {
    /** A small deterministic generator, so a failure can be replayed. */
    function generator(seed: number) {
      let state = seed >>> 0;
      const next = () => {
        state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
        return state / 2 ** 32;
      };
      return <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
    }

    it('answers every step as an independent model of the rules says, and leaves the visit as it says', async () => {
      const pick = generator(20251207);
      const actors = { visitor, responsible, stranger, handlerA, manager } as const;
      type Actor = keyof typeof actors;
      let steps = 0;
      let successes = 0;
      for (let round = 0; round < 4; round++) {
        const created = await visit(visitor, ent1.id, 1 + round);
        const model = { revision: 1, withdrawn: false, purpose: '季度走访', officials: new Set([visitor.id]) };
        for (let step = 0; step < 12; step++) {
          const who = pick(Object.keys(actors) as Actor[]);
          const user = actors[who];
          const action = pick(['amend', 'amend', 'withdraw'] as const);
          const ifMatch = pick(['current', 'current', 'current', 'stale', 'missing'] as const);
          const purpose = `模型-${round}-${step}`;
          const officialIds = pick([[visitor.id], [visitor.id, responsible.id], [responsible.id], undefined]);
          const body = action === 'amend' ? { reason: '模型修正', purpose, officialIds } : { reason: '模型撤回' };

          const visible =
            user.role === 'manager' ||
            user.id === visitor.id ||
            model.officials.has(user.id) ||
            user.id === responsible.id;
          const mayAct = user.role === 'manager' || user.id === visitor.id || model.officials.has(user.id);
          const expected =
            user.role === 'handler'
              ? 403
              : ifMatch === 'missing'
                ? 428
                : !visible
                  ? 404
                  : !mayAct
                    ? 403
                    : model.withdrawn
                      ? 409
                      : ifMatch === 'stale'
                        ? 412
                        : 200;

          let call = t
            .http()
            .post(api(`/visits/${created.id}/${action === 'amend' ? 'amendments' : 'withdraw'}`))
            .set(user.auth);
          if (ifMatch !== 'missing') {
            call = call.set('If-Match', `"${ifMatch === 'current' ? model.revision : model.revision - 1 || 7}"`);
          }
          const res = await call.send(body);
          expect({ round, step, who, action, ifMatch, status: res.status }).toEqual({
            round,
            step,
            who,
            action,
            ifMatch,
            status: expected,
          });
          steps += 1;
          if (expected === 200) {
            successes += 1;
            if (action === 'withdraw') model.withdrawn = true;
            else {
              model.revision += 1;
              model.purpose = purpose;
              if (officialIds) model.officials = new Set(officialIds);
            }
          }
          const now = (await get(manager, `/visits/${created.id}`).expect(200)).body;
          expect({
            revision: now.revision,
            status: now.status,
            purpose: now.purpose,
            officials: now.officials.map((o: { id: string }) => o.id).sort(),
          }).toEqual({
            revision: model.revision,
            status: model.withdrawn ? 'withdrawn' : 'recorded',
            purpose: model.purpose,
            officials: [...model.officials].sort(),
          });
        }
        const revisions = (await get(manager, `/visits/${created.id}/revisions`).expect(200)).body;
        expect(revisions.map((r: { revision: number }) => r.revision)).toEqual(
          Array.from({ length: model.revision }, (_, i) => i + 1),
        );
        expect(revisions[0].purpose).toBe('季度走访');
      }
      expect(steps).toBe(48);
      // The walk reached both outcomes often enough to mean something.
      expect(successes).toBeGreaterThanOrEqual(6);
      expect(steps - successes).toBeGreaterThanOrEqual(12);
    });
  });
});
