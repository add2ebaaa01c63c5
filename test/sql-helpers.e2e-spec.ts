import { affected, exists, maybeOne, one, rows } from '../src/common/sql';
import { createTestApp, TestApp } from './support/test-app';

/** The helpers over TypeORM's answer shapes, against PostgreSQL itself. */
describe('sql result helpers', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    await t.db.query(`CREATE TABLE helper_rows (id int PRIMARY KEY, name text NOT NULL)`);
    await t.db.query(`INSERT INTO helper_rows VALUES (1, 'a'), (2, 'b'), (3, 'c')`);
  });

  afterAll(() => t.close());

  it('reads the rows of a SELECT, typed by the caller', async () => {
    const found = await rows<{ id: number; name: string }>(t.db, `SELECT id, name FROM helper_rows ORDER BY id`);
    expect(found).toEqual([
      { id: 1, name: 'a' },
      { id: 2, name: 'b' },
      { id: 3, name: 'c' },
    ]);
    expect(await maybeOne(t.db, `SELECT name FROM helper_rows WHERE id = $1`, [2])).toEqual({ name: 'b' });
    expect(await maybeOne(t.db, `SELECT name FROM helper_rows WHERE id = $1`, [9])).toBeUndefined();
    expect(await one(t.db, `SELECT count(*)::int AS n FROM helper_rows`)).toEqual({ n: 3 });
    await expect(one(t.db, `SELECT 1 FROM helper_rows WHERE id = 9`)).rejects.toThrow('no row');
    expect(await exists(t.db, `SELECT 1 FROM helper_rows WHERE id = 1`)).toBe(true);
    expect(await exists(t.db, `SELECT 1 FROM helper_rows WHERE id = 9`)).toBe(false);
  });

  it('unwraps UPDATE … RETURNING and counts UPDATE and DELETE, also inside a transaction', async () => {
    await t.db.transaction(async (em) => {
      const updated = await rows<{ name: string }>(
        em,
        `UPDATE helper_rows SET name = name || '!' WHERE id <= $1 RETURNING name`,
        [2],
      );
      expect(updated.map((row) => row.name).sort()).toEqual(['a!', 'b!']);
      expect(await maybeOne(em, `UPDATE helper_rows SET name = 'x' WHERE id = 9 RETURNING name`)).toBeUndefined();
      expect(await affected(em, `UPDATE helper_rows SET name = 'z' WHERE id >= $1`, [2])).toBe(2);
      expect(await affected(em, `DELETE FROM helper_rows WHERE id = 9`)).toBe(0);
      expect(await affected(em, `DELETE FROM helper_rows WHERE id = 3`)).toBe(1);
    });
    expect(await rows(t.db, `SELECT id, name FROM helper_rows ORDER BY id`)).toEqual([
      { id: 1, name: 'a!' },
      { id: 2, name: 'z' },
    ]);
  });

  it('refuses to count the rows of a statement that is not an UPDATE or DELETE', async () => {
    await expect(affected(t.db, `INSERT INTO helper_rows VALUES (4, 'd')`)).rejects.toThrow('UPDATE or DELETE');
  });
});
