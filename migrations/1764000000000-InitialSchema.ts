import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The whole first schema: reference data, people, enterprises, visits, problems and their
 * append-only event history, idempotency keys and the per-year counters behind problem codes.
 */
export class InitialSchema1764000000000 implements MigrationInterface {
  name = 'InitialSchema1764000000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE districts (
        code        text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]{0,39}$'),
        name        text NOT NULL UNIQUE,
        name_en     text,
        sort_order  integer NOT NULL DEFAULT 0
      );

      CREATE TABLE categories (
        code        text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]{0,39}$'),
        name        text NOT NULL UNIQUE,
        name_en     text,
        sort_order  integer NOT NULL DEFAULT 0
      );

      CREATE TABLE departments (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code        text NOT NULL UNIQUE,
        name        text NOT NULL UNIQUE,
        created_at  timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE users (
        id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username       text NOT NULL,
        display_name   text NOT NULL,
        role           text NOT NULL CHECK (role IN ('admin', 'manager', 'official', 'handler')),
        department_id  uuid REFERENCES departments (id),
        password_hash  text NOT NULL,
        disabled       boolean NOT NULL DEFAULT false,
        created_at     timestamptz NOT NULL DEFAULT now(),
        updated_at     timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT users_handler_has_department CHECK (role <> 'handler' OR department_id IS NOT NULL)
      );
      CREATE UNIQUE INDEX users_username_key ON users (lower(username));

      CREATE TABLE enterprises (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name            text NOT NULL,
        uscc            char(18) UNIQUE,
        district_code   text NOT NULL REFERENCES districts (code),
        industry        text,
        is_above_scale  boolean NOT NULL DEFAULT false,
        is_key          boolean NOT NULL DEFAULT false,
        address         text,
        contact_name    text,
        contact_phone   text,
        created_by      uuid REFERENCES users (id),
        created_at      timestamptz NOT NULL DEFAULT now(),
        updated_at      timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX enterprises_district_idx ON enterprises (district_code);
      CREATE INDEX enterprises_name_idx ON enterprises (name, id);

      CREATE TABLE visits (
        id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        enterprise_id      uuid NOT NULL REFERENCES enterprises (id),
        visited_at         timestamptz NOT NULL,
        purpose            text,
        notes              text,
        policies_promoted  text[] NOT NULL DEFAULT '{}',
        created_by         uuid NOT NULL REFERENCES users (id),
        created_at         timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX visits_enterprise_idx ON visits (enterprise_id, visited_at DESC);

      CREATE TABLE visit_officials (
        visit_id  uuid NOT NULL REFERENCES visits (id),
        user_id   uuid NOT NULL REFERENCES users (id),
        PRIMARY KEY (visit_id, user_id)
      );

      CREATE TABLE problem_code_counters (
        year        integer PRIMARY KEY,
        last_value  integer NOT NULL
      );

      CREATE TABLE problems (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code            text NOT NULL UNIQUE,
        enterprise_id   uuid NOT NULL REFERENCES enterprises (id),
        visit_id        uuid REFERENCES visits (id),
        source          text NOT NULL CHECK (source IN ('visit', 'hotline', 'online', 'meeting', 'other')),
        category_code   text NOT NULL REFERENCES categories (code),
        title           text NOT NULL,
        description     text,
        reported_at     timestamptz NOT NULL,
        status          text NOT NULL CHECK (status IN ('reported', 'assigned', 'in_progress', 'resolved', 'closed', 'withdrawn')),
        department_id   uuid REFERENCES departments (id),
        due_at          timestamptz,
        resolution      text,
        satisfaction    text CHECK (satisfaction IN ('satisfied', 'basically_satisfied', 'unsatisfied')),
        feedback        text,
        escalated       boolean NOT NULL DEFAULT false,
        duplicate_of    uuid REFERENCES problems (id),
        version         integer NOT NULL DEFAULT 1,
        created_by      uuid NOT NULL REFERENCES users (id),
        created_at      timestamptz NOT NULL DEFAULT now(),
        updated_at      timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT problems_assigned_has_department
          CHECK (status NOT IN ('assigned', 'in_progress') OR department_id IS NOT NULL)
      );
      CREATE INDEX problems_reported_idx ON problems (reported_at DESC, id DESC);
      CREATE INDEX problems_department_idx ON problems (department_id, reported_at DESC, id DESC);
      CREATE INDEX problems_enterprise_idx ON problems (enterprise_id);
      CREATE INDEX problems_status_idx ON problems (status);

      CREATE TABLE problem_events (
        id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        problem_id     uuid NOT NULL REFERENCES problems (id),
        type           text NOT NULL,
        from_status    text,
        to_status      text NOT NULL,
        department_id  uuid REFERENCES departments (id),
        actor_id       uuid NOT NULL REFERENCES users (id),
        at             timestamptz NOT NULL DEFAULT clock_timestamp(),
        note           text,
        data           jsonb NOT NULL DEFAULT '{}'
      );
      CREATE INDEX problem_events_problem_idx ON problem_events (problem_id, at DESC, id DESC) INCLUDE (to_status, department_id);

      CREATE FUNCTION problem_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'problem_events is append-only: % is not allowed', TG_OP
          USING ERRCODE = 'restrict_violation';
      END;
      $$;
      CREATE TRIGGER problem_events_no_update_delete
        BEFORE UPDATE OR DELETE ON problem_events
        FOR EACH ROW EXECUTE FUNCTION problem_events_append_only();
      CREATE TRIGGER problem_events_no_truncate
        BEFORE TRUNCATE ON problem_events
        FOR EACH STATEMENT EXECUTE FUNCTION problem_events_append_only();

      CREATE TABLE idempotency_keys (
        user_id       uuid NOT NULL REFERENCES users (id),
        key           text NOT NULL,
        request_hash  text NOT NULL,
        status_code   integer,
        response      json,
        created_at    timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, key)
      );
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE idempotency_keys;
      DROP TRIGGER problem_events_no_truncate ON problem_events;
      DROP TRIGGER problem_events_no_update_delete ON problem_events;
      DROP TABLE problem_events;
      DROP FUNCTION problem_events_append_only();
      DROP TABLE problems;
      DROP TABLE problem_code_counters;
      DROP TABLE visit_officials;
      DROP TABLE visits;
      DROP TABLE enterprises;
      DROP TABLE users;
      DROP TABLE departments;
      DROP TABLE categories;
      DROP TABLE districts;
    `);
  }
}
