import { randomUUID } from 'node:crypto';
import { Factory, TestUser } from './factories';
import { createTestApp, TestApp } from './support/test-app';
import { SAVED_VIEWS_PER_USER } from '../src/saved-views/saved-views.service';

describe('saved views: each user keeps their own list filters in the service', () => {
  let t: TestApp;
  let f: Factory;
  let manager: TestUser;
  let other: TestUser;
  const url = '/api/v1/me/saved-views';

  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
    manager = await f.user('manager');
    other = await f.user('manager');
  });

  afterAll(async () => {
    await t.close();
  });

  const save = (who: TestUser, body: Record<string, unknown>) => t.http().post(url).set(who.auth).send(body);
  const list = async (who: TestUser) => (await t.http().get(url).set(who.auth).expect(200)).body as { name: string }[];

  it('saves, lists by name and shows each user only their own', async () => {
    const first = await save(manager, { name: '  超期督办 ', query: 'status=assigned&overdue=true' }).expect(201);
    expect(first.body).toMatchObject({ name: '超期督办', query: 'status=assigned&overdue=true' });
    expect(first.body.id).toMatch(/^[0-9a-f-]{36}$/);
    await save(manager, { name: 'A 全部', query: '' }).expect(201);
    await save(other, { name: '别人的', query: 'q=x' }).expect(201);

    expect((await list(manager)).map((v) => v.name)).toEqual(['A 全部', '超期督办']);
    expect((await list(other)).map((v) => v.name)).toEqual(['别人的']);
    const stored = await t.db.query(`SELECT user_id, query FROM saved_views WHERE id = $1`, [first.body.id]);
    expect(stored).toEqual([{ user_id: manager.id, query: 'status=assigned&overdue=true' }]);
  });

  it('refuses a name the user already has (any case) with 409, and replaces it when asked', async () => {
    await save(manager, { name: 'Mine', query: 'a=1' }).expect(201);
    const dup = await save(manager, { name: 'MINE', query: 'a=2' }).expect(409);
    expect(dup.body.code).toBe('DUPLICATE');
    expect(dup.body.errors).toEqual([{ field: 'name', message: expect.any(String) }]);
    // Another user may use the same name.
    await save(other, { name: 'mine', query: 'b=1' }).expect(201);

    const replaced = await save(manager, { name: 'MINE', query: 'a=2', replace: true }).expect(201);
    expect(replaced.body).toMatchObject({ name: 'MINE', query: 'a=2' });
    const rows = await t.db.query(`SELECT name, query FROM saved_views WHERE user_id = $1 AND lower(name) = 'mine'`, [
      manager.id,
    ]);
    expect(rows).toEqual([{ name: 'MINE', query: 'a=2' }]);
  });

  it('answers 404 for another user’s view, a missing id and a malformed one, and deletes its own', async () => {
    const theirs = (await save(other, { name: '删不掉', query: 'x=1' }).expect(201)).body.id as string;
    for (const id of [theirs, randomUUID(), 'not-a-uuid']) {
      const res = await t.http().delete(`${url}/${id}`).set(manager.auth).expect(404);
      expect(res.body.code).toBe('NOT_FOUND');
    }
    expect(await t.db.query(`SELECT 1 FROM saved_views WHERE id = $1`, [theirs])).toHaveLength(1);

    await t.http().delete(`${url}/${theirs}`).set(other.auth).expect(204);
    expect(await t.db.query(`SELECT 1 FROM saved_views WHERE id = $1`, [theirs])).toHaveLength(0);
  });

  it('rejects bad input with 400 naming the field and writes nothing', async () => {
    const before = (await list(manager)).length;
    const cases: [Record<string, unknown>, string][] = [
      [{ query: 'a=1' }, 'name'],
      [{ name: '   ', query: 'a=1' }, 'name'],
      [{ name: 'x'.repeat(41), query: 'a=1' }, 'name'],
      [{ name: 'ok', query: 'q='.padEnd(2001, 'x') }, 'query'],
      [{ name: 'ok', query: 5 }, 'query'],
      [{ name: 'ok' }, 'query'],
      [{ name: 'ok', query: '', replace: 'yes' }, 'replace'],
      [{ name: 'ok', query: '', owner: other.id }, 'owner'],
    ];
    for (const [body, field] of cases) {
      const res = await save(manager, body).expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect((await list(manager)).length).toBe(before);
  });

  it(`keeps at most ${SAVED_VIEWS_PER_USER} views per user, and replacing still works at the cap`, async () => {
    const user = await f.user('official');
    await t.db.query(
      `INSERT INTO saved_views (user_id, name, query)
       SELECT $1, 'v' || n, 'page=' || n FROM generate_series(1, $2::int - 1) n`,
      [user.id, SAVED_VIEWS_PER_USER],
    );
    await save(user, { name: 'last', query: 'x=1' }).expect(201);
    const over = await save(user, { name: 'one too many', query: 'x=2' }).expect(409);
    expect(over.body.code).toBe('CONFLICT');
    await save(user, { name: 'v1', query: 'x=3', replace: true }).expect(201);
    expect((await list(user)).length).toBe(SAVED_VIEWS_PER_USER);
  });

  it('lets every role use its own views and refuses the anonymous', async () => {
    const dept = await f.department();
    const handler = await f.user('handler', dept.id);
    await save(handler, { name: '我的', query: 'status=assigned' }).expect(201);
    expect((await list(handler)).map((v) => v.name)).toEqual(['我的']);
    await t.http().get(url).expect(401);
    await t.http().post(url).send({ name: 'x', query: '' }).expect(401);
  });
});
