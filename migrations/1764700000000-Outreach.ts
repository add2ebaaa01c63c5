import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outreach itself (包联走访): who answers for each enterprise and from when to when, each
 * enterprise's tier and each tier's visit interval, visits that are amended and withdrawn instead of
 * edited, and enterprises edited through the API with a version.
 *
 * Every figure reads these as of an instant T: a row counts only once it was recorded by T
 * (`recorded_at`, `set_at`), an end only once the end was recorded by T (`ended_recorded_at`), a
 * visit as its latest revision recorded by T, and a withdrawal only once it happened by T.
 */
export class Outreach1764700000000 implements MigrationInterface {
  name = 'Outreach1764700000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- Tiers (企业层级) and their visit intervals; an admin's change is a new row, so the interval
      -- in force at any instant can be read back.
      CREATE TABLE tier_intervals (
        id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        tier                 text NOT NULL CHECK (tier IN ('key', 'above_scale', 'other')),
        visit_interval_days  integer NOT NULL CHECK (visit_interval_days BETWEEN 1 AND 366),
        set_by               uuid REFERENCES users (id),
        set_at               timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX tier_intervals_tier_idx ON tier_intervals (tier, set_at DESC);
      INSERT INTO tier_intervals (tier, visit_interval_days, set_at) VALUES
        ('key', 30, '2000-01-01T00:00:00Z'),
        ('above_scale', 60, '2000-01-01T00:00:00Z'),
        ('other', 90, '2000-01-01T00:00:00Z');

      -- The enterprise's tier now, and every change of it (the first row is its tier at registration).
      -- A new enterprise whose insert names no tier takes it from its flags (key, else above
      -- designated size, else other), and its first tier change is written with it, whichever path
      -- (API, import, demo data) inserts it.
      ALTER TABLE enterprises
        ADD COLUMN tier text CHECK (tier IN ('key', 'above_scale', 'other')),
        ADD COLUMN version integer NOT NULL DEFAULT 1;
      UPDATE enterprises
         SET tier = CASE WHEN is_key THEN 'key' WHEN is_above_scale THEN 'above_scale' ELSE 'other' END;
      ALTER TABLE enterprises ALTER COLUMN tier SET NOT NULL;
      CREATE INDEX enterprises_tier_idx ON enterprises (tier);

      CREATE TABLE enterprise_tier_changes (
        id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        enterprise_id  uuid NOT NULL REFERENCES enterprises (id),
        tier           text NOT NULL CHECK (tier IN ('key', 'above_scale', 'other')),
        set_by         uuid REFERENCES users (id),
        set_at         timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX enterprise_tier_changes_enterprise_idx ON enterprise_tier_changes (enterprise_id, set_at DESC);
      INSERT INTO enterprise_tier_changes (enterprise_id, tier, set_by, set_at)
        SELECT id, tier, created_by, created_at FROM enterprises;

      CREATE FUNCTION enterprise_default_tier() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.tier := coalesce(NEW.tier,
          CASE WHEN NEW.is_key THEN 'key' WHEN NEW.is_above_scale THEN 'above_scale' ELSE 'other' END);
        RETURN NEW;
      END $$;
      CREATE TRIGGER enterprises_default_tier BEFORE INSERT ON enterprises
        FOR EACH ROW EXECUTE FUNCTION enterprise_default_tier();

      CREATE FUNCTION enterprise_first_tier() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO enterprise_tier_changes (enterprise_id, tier, set_by, set_at)
          VALUES (NEW.id, NEW.tier, NEW.created_by, NEW.created_at);
        RETURN NULL;
      END $$;
      CREATE TRIGGER enterprises_first_tier AFTER INSERT ON enterprises
        FOR EACH ROW EXECUTE FUNCTION enterprise_first_tier();

      -- Edits through the API are recorded beside those of imports.
      ALTER TABLE enterprise_changes DROP CONSTRAINT enterprise_changes_source_check;
      ALTER TABLE enterprise_changes
        ADD CONSTRAINT enterprise_changes_source_check CHECK (source IN ('import', 'edit'));

      -- Responsibility (包联关系): an official (包联干部) or the leader (包联领导) who answers for an
      -- enterprise from starts_at until ends_at (open: still). A row is never deleted; ending it
      -- records who ended it, when and why.
      CREATE TABLE responsibilities (
        id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        enterprise_id      uuid NOT NULL REFERENCES enterprises (id),
        user_id            uuid NOT NULL REFERENCES users (id),
        kind               text NOT NULL CHECK (kind IN ('official', 'leader')),
        starts_at          timestamptz NOT NULL,
        ends_at            timestamptz,
        recorded_by        uuid NOT NULL REFERENCES users (id),
        recorded_at        timestamptz NOT NULL DEFAULT now(),
        ended_by           uuid REFERENCES users (id),
        ended_recorded_at  timestamptz,
        end_reason         text,
        CONSTRAINT responsibilities_period CHECK (ends_at IS NULL OR ends_at > starts_at),
        CONSTRAINT responsibilities_end_recorded CHECK ((ends_at IS NULL) = (ended_recorded_at IS NULL))
      );
      -- One open row per person and enterprise, and one open leader per enterprise.
      CREATE UNIQUE INDEX responsibilities_open_person_key
        ON responsibilities (enterprise_id, user_id) WHERE ends_at IS NULL;
      CREATE UNIQUE INDEX responsibilities_open_leader_key
        ON responsibilities (enterprise_id) WHERE ends_at IS NULL AND kind = 'leader';
      CREATE INDEX responsibilities_user_idx ON responsibilities (user_id, starts_at);
      CREATE INDEX responsibilities_enterprise_idx ON responsibilities (enterprise_id, starts_at);

      -- Visits are never edited in place: each amendment is a new revision (revision 1 is the visit
      -- as first recorded), and the visits row carries the latest one. A withdrawn visit stops
      -- counting from its withdrawal.
      ALTER TABLE visits
        ADD COLUMN revision integer NOT NULL DEFAULT 1,
        ADD COLUMN withdrawn_at timestamptz,
        ADD COLUMN withdrawn_by uuid REFERENCES users (id),
        ADD COLUMN withdraw_reason text,
        ADD CONSTRAINT visits_withdrawal CHECK ((withdrawn_at IS NULL) = (withdrawn_by IS NULL));
      CREATE INDEX visits_visited_at_idx ON visits (visited_at, id);
      CREATE INDEX visit_officials_user_idx ON visit_officials (user_id, visit_id);

      CREATE TABLE visit_revisions (
        visit_id           uuid NOT NULL REFERENCES visits (id),
        revision           integer NOT NULL CHECK (revision >= 1),
        visited_at         timestamptz NOT NULL,
        purpose            text,
        notes              text,
        policies_promoted  text[] NOT NULL DEFAULT '{}',
        official_ids       uuid[] NOT NULL,
        reason             text,
        recorded_by        uuid NOT NULL REFERENCES users (id),
        recorded_at        timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (visit_id, revision),
        CONSTRAINT visit_revisions_reason CHECK (revision = 1 OR reason IS NOT NULL)
      );
      CREATE INDEX visit_revisions_recorded_idx ON visit_revisions (recorded_at);
      INSERT INTO visit_revisions (visit_id, revision, visited_at, purpose, notes, policies_promoted,
                                   official_ids, recorded_by, recorded_at)
        SELECT v.id, 1, v.visited_at, v.purpose, v.notes, v.policies_promoted,
               coalesce((SELECT array_agg(vo.user_id ORDER BY vo.user_id) FROM visit_officials vo
                         WHERE vo.visit_id = v.id), ARRAY[v.created_by]),
               v.created_by, v.created_at
        FROM visits v;
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE visit_revisions;
      DROP INDEX visit_officials_user_idx;
      DROP INDEX visits_visited_at_idx;
      ALTER TABLE visits DROP CONSTRAINT visits_withdrawal,
        DROP COLUMN withdraw_reason, DROP COLUMN withdrawn_by, DROP COLUMN withdrawn_at, DROP COLUMN revision;
      DROP TABLE responsibilities;
      DELETE FROM enterprise_changes WHERE source = 'edit';
      ALTER TABLE enterprise_changes DROP CONSTRAINT enterprise_changes_source_check;
      ALTER TABLE enterprise_changes ADD CONSTRAINT enterprise_changes_source_check CHECK (source IN ('import'));
      DROP TRIGGER enterprises_first_tier ON enterprises;
      DROP FUNCTION enterprise_first_tier();
      DROP TRIGGER enterprises_default_tier ON enterprises;
      DROP FUNCTION enterprise_default_tier();
      DROP TABLE enterprise_tier_changes;
      DROP INDEX enterprises_tier_idx;
      ALTER TABLE enterprises DROP COLUMN version, DROP COLUMN tier;
      DROP TABLE tier_intervals;
    `);
  }
}
