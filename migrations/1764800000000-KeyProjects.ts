import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Key projects (重点项目) and enterprises under watch (生产状态). Like the rest of the schema, every
 * figure reads these as of an instant T: a stage counts once its event was recorded by T and took
 * effect by T; a month's investment is its latest entry recorded by T (an amendment is a new
 * revision, the original stays); an enterprise's production status at T is its latest status event
 * recorded by T that took effect by T.
 */
export class KeyProjects1764800000000 implements MigrationInterface {
  name = 'KeyProjects1764800000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE projects (
        id                              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code                            text NOT NULL UNIQUE,
        plan_year                       integer NOT NULL CHECK (plan_year BETWEEN 2000 AND 2100),
        name                            text NOT NULL,
        owner_enterprise_id             uuid REFERENCES enterprises (id),
        district_code                   text NOT NULL REFERENCES districts (code),
        industry                        text,
        kind                            text NOT NULL CHECK (kind IN ('new', 'continuing')),
        planned_total_investment_yuan   numeric(16, 0) CHECK (planned_total_investment_yuan >= 0),
        planned_annual_investment_yuan  numeric(16, 0) CHECK (planned_annual_investment_yuan >= 0),
        planned_start_date              date,
        department_id                   uuid REFERENCES departments (id),
        leader_name                     text,
        -- The latest stage; the history is project_stage_events.
        stage                           text NOT NULL DEFAULT 'preparation'
                                          CHECK (stage IN ('preparation', 'started', 'completed', 'in_production')),
        version                         integer NOT NULL DEFAULT 1,
        created_by                      uuid REFERENCES users (id),
        created_at                      timestamptz NOT NULL DEFAULT now(),
        updated_at                      timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX projects_plan_idx ON projects (plan_year, district_code);
      CREATE INDEX projects_department_idx ON projects (department_id);
      CREATE INDEX projects_owner_idx ON projects (owner_enterprise_id);

      -- Stage changes: effective_at is when the project entered the stage (the start of construction,
      -- say), recorded_at when the service learnt it.
      CREATE TABLE project_stage_events (
        id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        project_id    uuid NOT NULL REFERENCES projects (id),
        stage         text NOT NULL CHECK (stage IN ('preparation', 'started', 'completed', 'in_production')),
        effective_at  timestamptz NOT NULL,
        note          text,
        actor_id      uuid REFERENCES users (id),
        recorded_at   timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX project_stage_events_project_idx ON project_stage_events (project_id, effective_at);

      -- Completed investment, entered once per project and month; a correction is revision n+1 with a
      -- reason, and the earlier revisions stay.
      CREATE TABLE project_investments (
        id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        project_id   uuid NOT NULL REFERENCES projects (id),
        month        date NOT NULL CHECK (extract(day FROM month) = 1),
        revision     integer NOT NULL CHECK (revision >= 1),
        amount_yuan  numeric(16, 0) NOT NULL CHECK (amount_yuan >= 0),
        reason       text,
        recorded_by  uuid REFERENCES users (id),
        recorded_at  timestamptz NOT NULL DEFAULT now(),
        UNIQUE (project_id, month, revision),
        CONSTRAINT project_investments_reason CHECK (revision = 1 OR reason IS NOT NULL)
      );
      CREATE INDEX project_investments_month_idx ON project_investments (month, project_id);

      -- Production status (daily monitoring): every report is an event; enterprises carries the latest.
      CREATE TABLE production_status_events (
        id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        enterprise_id      uuid NOT NULL REFERENCES enterprises (id),
        status             text NOT NULL CHECK (status IN ('normal', 'reduced', 'idle')),
        effective_at       timestamptz NOT NULL,
        output_month       date CHECK (output_month IS NULL OR extract(day FROM output_month) = 1),
        output_value_yuan  numeric(16, 0) CHECK (output_value_yuan >= 0),
        note               text,
        recorded_by        uuid REFERENCES users (id),
        recorded_at        timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT production_status_output CHECK ((output_month IS NULL) = (output_value_yuan IS NULL))
      );
      CREATE INDEX production_status_events_enterprise_idx
        ON production_status_events (enterprise_id, effective_at DESC);
      ALTER TABLE enterprises
        ADD COLUMN production_status text NOT NULL DEFAULT 'normal'
          CHECK (production_status IN ('normal', 'reduced', 'idle')),
        ADD COLUMN production_status_since timestamptz;
      CREATE INDEX enterprises_production_status_idx ON enterprises (production_status)
        WHERE production_status <> 'normal';

      -- The project a problem concerns, if any.
      ALTER TABLE problems ADD COLUMN project_id uuid REFERENCES projects (id);
      CREATE INDEX problems_project_idx ON problems (project_id) WHERE project_id IS NOT NULL;
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX problems_project_idx;
      ALTER TABLE problems DROP COLUMN project_id;
      DROP INDEX enterprises_production_status_idx;
      ALTER TABLE enterprises DROP COLUMN production_status_since, DROP COLUMN production_status;
      DROP TABLE production_status_events;
      DROP TABLE project_investments;
      DROP TABLE project_stage_events;
      DROP TABLE projects;
    `);
  }
}
