import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The supervision ladder (督办): one row per supervision a manager opened on a problem, with its
 * level (催办 reminder, 督办 supervision, 挂牌督办 listed), the leader who supervises it, the date by
 * which the department must answer, when and by which event it answered, and how it ended: lifted
 * by a manager with a note, or superseded by a higher level (superseded_by names the new row). At
 * most one is active (not ended) per problem, and problems.escalated is true exactly while one is.
 *
 * Problems escalated before the ladder get a `supervision`-level row opened at their latest
 * escalate event, due three working days later (report time zone), answered by the first
 * progress, request_extension or resolve event after it.
 */
export class Supervision1764920000000 implements MigrationInterface {
  name = 'Supervision1764920000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE supervisions (
        id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        problem_id       uuid NOT NULL REFERENCES problems (id),
        level            text NOT NULL CHECK (level IN ('reminder', 'supervision', 'listed')),
        leader_id        uuid REFERENCES users (id),
        answer_by        timestamptz NOT NULL,
        opened_at        timestamptz NOT NULL,
        opened_event_id  bigint NOT NULL REFERENCES problem_events (id),
        opened_by        uuid NOT NULL REFERENCES users (id),
        answered_at      timestamptz,
        answer_event_id  bigint REFERENCES problem_events (id),
        lifted_at        timestamptz,
        lift_event_id    bigint REFERENCES problem_events (id),
        lifted_by        uuid REFERENCES users (id),
        lift_note        text,
        superseded_by    uuid REFERENCES supervisions (id) DEFERRABLE INITIALLY DEFERRED,
        CHECK ((answered_at IS NULL) = (answer_event_id IS NULL)),
        CHECK ((lifted_at IS NULL) = (lift_event_id IS NULL)),
        CHECK (superseded_by IS NULL OR lifted_at IS NOT NULL)
      );
      CREATE UNIQUE INDEX supervisions_one_active ON supervisions (problem_id) WHERE lifted_at IS NULL;
      CREATE INDEX supervisions_problem_idx ON supervisions (problem_id, opened_at);
      CREATE INDEX supervisions_opened_idx ON supervisions (opened_at);

      ALTER TABLE warnings DROP CONSTRAINT warnings_level_check;
      ALTER TABLE warnings ADD CONSTRAINT warnings_level_check
        CHECK (level IN ('due_soon', 'overdue', 'stale', 'not_visited', 'unassigned', 'project_not_started',
                         'idle_not_visited', 'sign_for_overdue', 'supervision_overdue'));

      INSERT INTO supervisions (problem_id, level, answer_by, opened_at, opened_event_id, opened_by,
                                answered_at, answer_event_id)
      SELECT p.id, 'supervision',
             ((SELECT g.d FROM generate_series((esc.at AT TIME ZONE current_setting('TimeZone'))::date + 1,
                                               (esc.at AT TIME ZONE current_setting('TimeZone'))::date + 60,
                                               interval '1 day') AS g(d)
               WHERE is_working_day(g.d::date) ORDER BY g.d OFFSET 2 LIMIT 1)::date + 1)::timestamp
               AT TIME ZONE current_setting('TimeZone'),
             esc.at, esc.id, esc.actor_id, answer.at, answer.id
      FROM problems p
      CROSS JOIN LATERAL (
        SELECT ev.id, ev.at, ev.actor_id FROM problem_events ev
        WHERE ev.problem_id = p.id AND ev.type = 'escalate'
        ORDER BY ev.at DESC, ev.id DESC LIMIT 1
      ) esc
      LEFT JOIN LATERAL (
        SELECT ev.id, ev.at FROM problem_events ev
        WHERE ev.problem_id = p.id AND ev.type IN ('progress', 'request_extension', 'resolve')
          AND (ev.at, ev.id) > (esc.at, esc.id)
        ORDER BY ev.at, ev.id LIMIT 1
      ) answer ON true
      WHERE p.escalated;
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DELETE FROM warnings WHERE level = 'supervision_overdue';
      ALTER TABLE warnings DROP CONSTRAINT warnings_level_check;
      ALTER TABLE warnings ADD CONSTRAINT warnings_level_check
        CHECK (level IN ('due_soon', 'overdue', 'stale', 'not_visited', 'unassigned', 'project_not_started',
                         'idle_not_visited', 'sign_for_overdue'));
      DROP TABLE supervisions;
    `);
  }
}
