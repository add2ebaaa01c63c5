import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The clock-starting assignments by their sign-for deadline (签收时限, `data.signForDueAt`), so
 * that the weekly report's late sign-fors read the deadlines of the week, not every assignment of
 * the months before it.
 *
 * An index needs an immutable expression, and a cast of text to timestamptz is only stable: it
 * reads the session's time zone when the text has no offset. Every deadline the service writes
 * is an ISO 8601 instant with its offset (`Date.prototype.toISOString`), for which the cast does
 * not depend on the session; `event_instant` states that, and the queries that want the index
 * call it by name.
 */
export class SignForDeadlineIndex1765500000000 implements MigrationInterface {
  name = 'SignForDeadlineIndex1765500000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION event_instant(value text) RETURNS timestamptz
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        AS $$ SELECT value::timestamptz $$;
      CREATE INDEX problem_events_sign_for_due_idx ON problem_events (event_instant(data->>'signForDueAt'))
        WHERE type = 'assign' AND data ? 'signForDueAt';
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX problem_events_sign_for_due_idx;
      DROP FUNCTION event_instant(text);
    `);
  }
}
