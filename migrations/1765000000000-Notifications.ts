import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications (issue 16): the in-app inbox, the external channels admins configure per
 * department or per user, each user's choice of what reaches them on which kind of channel, and
 * one delivery row per message and channel, which records its outcome so that a message is sent
 * once. The queue that runs the deliveries (graphile-worker) installs its own schema at start.
 */
export class Notifications1765000000000 implements MigrationInterface {
  name = 'Notifications1765000000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notifications (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        type        text NOT NULL CHECK (type IN ('assigned', 'returned', 'sign_for_due', 'due_soon', 'overdue',
                      'escalated', 'reopened', 'resolved', 'extension_requested', 'extension_decided',
                      'visit_due', 'weekly_ready')),
        problem_id  uuid REFERENCES problems (id) ON DELETE CASCADE,
        title       text NOT NULL,
        body        text NOT NULL,
        link        text,
        at          timestamptz NOT NULL DEFAULT now(),
        read_at     timestamptz,
        dedupe_key  text NOT NULL UNIQUE
      );
      CREATE INDEX notifications_user_at ON notifications (user_id, at DESC, id DESC);
      CREATE INDEX notifications_user_unread ON notifications (user_id) WHERE read_at IS NULL;

      CREATE TABLE notification_channels (
        id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind           text NOT NULL CHECK (kind IN ('wecom', 'dingtalk', 'email', 'webhook')),
        name           text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 60),
        department_id  uuid REFERENCES departments (id) ON DELETE CASCADE,
        user_id        uuid REFERENCES users (id) ON DELETE CASCADE,
        target         text NOT NULL CHECK (char_length(target) BETWEEN 1 AND 500),
        token          text,
        secret         text,
        enabled        boolean NOT NULL DEFAULT true,
        created_at     timestamptz NOT NULL DEFAULT now(),
        updated_at     timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT notification_channels_one_owner CHECK ((department_id IS NULL) <> (user_id IS NULL))
      );
      CREATE INDEX notification_channels_department ON notification_channels (department_id) WHERE department_id IS NOT NULL;
      CREATE INDEX notification_channels_user ON notification_channels (user_id) WHERE user_id IS NOT NULL;

      CREATE TABLE notification_preferences (
        user_id  uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        kind     text NOT NULL CHECK (kind IN ('wecom', 'dingtalk', 'email', 'webhook')),
        type     text NOT NULL,
        enabled  boolean NOT NULL,
        PRIMARY KEY (user_id, kind, type)
      );

      CREATE TABLE notification_deliveries (
        id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        channel_id    uuid NOT NULL REFERENCES notification_channels (id) ON DELETE CASCADE,
        message_key   text NOT NULL,
        type          text NOT NULL,
        problem_id    uuid REFERENCES problems (id) ON DELETE CASCADE,
        title         text NOT NULL,
        body          text NOT NULL,
        link          text,
        status        text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
        attempts      integer NOT NULL DEFAULT 0,
        last_error    text,
        created_at    timestamptz NOT NULL DEFAULT now(),
        updated_at    timestamptz NOT NULL DEFAULT now(),
        delivered_at  timestamptz,
        UNIQUE (message_key, channel_id)
      );
      CREATE INDEX notification_deliveries_status ON notification_deliveries (status, created_at DESC);
    `);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notification_deliveries, notification_preferences, notification_channels, notifications`);
  }
}
