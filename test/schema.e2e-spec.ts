import { runMigrations } from '../src/database/migrate';
import { Factory } from './factories';
import { countRows } from './factories/more';
import { createTestApp, TestApp } from './support/test-app';
import { migrations } from '../migrations';

describe('the database schema', () => {
  let t: TestApp;
  let problemId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const f = new Factory(t);
    const official = await f.user('official');
    const enterprise = await f.enterprise(official);
    // Row triggers fire only on rows that exist: make some events first.
    problemId = (await f.problem(official, enterprise.id)).id;
    await f.problem(official, enterprise.id);
    const manager = await f.user('manager');
    const escalated = await f.act(manager, problemId, 'escalate', { note: '督办' }, 1);
    expect(escalated.status).toBe(200);
  });

  afterAll(() => t.close());

  describe('problem_events is append-only in the database itself', () => {
    it('has the three events written through the API', async () => {
      expect(await countRows(t, 'problem_events')).toBe(3);
    });

    it('refuses a raw UPDATE', async () => {
      await expect(t.db.query(`UPDATE problem_events SET note = 'x'`)).rejects.toThrow(/append-only/);
      await expect(
        t.db.query(`UPDATE problem_events SET to_status = 'closed' WHERE problem_id = $1`, [problemId]),
      ).rejects.toThrow(/append-only/);
      expect(await countRows(t, 'problem_events', `note = 'x'`)).toBe(0);
      expect(await countRows(t, 'problem_events', `to_status = 'closed'`)).toBe(0);
    });

    it('refuses a raw DELETE', async () => {
      await expect(t.db.query(`DELETE FROM problem_events`)).rejects.toThrow(/append-only/);
      await expect(t.db.query(`DELETE FROM problem_events WHERE problem_id = $1`, [problemId])).rejects.toThrow(
        /append-only/,
      );
      expect(await countRows(t, 'problem_events')).toBe(3);
    });

    it('refuses TRUNCATE', async () => {
      await expect(t.db.query(`TRUNCATE problem_events CASCADE`)).rejects.toThrow(/append-only/);
      expect(await countRows(t, 'problem_events')).toBe(3);
    });

    it('still accepts new events (INSERT)', async () => {
      const [{ actor }] = await t.db.query(`SELECT actor_id AS actor FROM problem_events LIMIT 1`);
      await t.db.query(
        `INSERT INTO problem_events (problem_id, type, from_status, to_status, actor_id, note)
         VALUES ($1, 'progress', 'reported', 'reported', $2, 'raw insert')`,
        [problemId, actor],
      );
      expect(await countRows(t, 'problem_events')).toBe(4);
    });
  });

  it('records every migration in the migrations table, once each', async () => {
    const rows: { name: string; timestamp: string }[] = await t.db.query(
      `SELECT name, timestamp::text AS timestamp FROM migrations ORDER BY timestamp`,
    );
    // Every migration of the code, in order, recorded once; the timestamp is the name's suffix.
    expect(rows).toEqual(
      migrations.map((Migration) => {
        const { name } = new Migration();
        return { name, timestamp: name!.replace(/^\D+/, '') };
      }),
    );
    expect(rows[0]!.name).toBe('InitialSchema1764000000000');
  });

  it('applies nothing when the migrations run again', async () => {
    expect(await runMigrations(t.db)).toEqual([]);
    expect(await countRows(t, 'migrations')).toBe(migrations.length);
  });

  it('keeps recording problems when a migration adds a column to problems while the service runs', async () => {
    // Creating a problem is a prepared statement on each pooled connection, whose result must not
    // change shape with the table (see queryPrepared): enough creates at once to prepare it on
    // every connection, then a column a later migration might add, then again.
    const f = new Factory(t);
    const official = await f.user('official');
    const enterprise = await f.enterprise(official);
    const createMany = () => Promise.all(Array.from({ length: 12 }, () => f.problem(official, enterprise.id)));
    await createMany();
    await t.db.query(`ALTER TABLE problems ADD COLUMN added_later text`);
    try {
      const created = await createMany();
      expect(created.map((problem) => problem.status)).toEqual(Array(12).fill('reported'));
    } finally {
      await t.db.query(`ALTER TABLE problems DROP COLUMN added_later`);
    }
  });

  it('has loaded the reference data of the second migration', async () => {
    expect(await countRows(t, 'districts')).toBe(7);
    expect(await countRows(t, 'categories')).toBe(8);
  });
});
