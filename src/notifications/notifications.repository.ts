import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { affected, execute, maybeOne, one, rows, SqlParams, type Queryable } from '../common/sql';
import { DELIVER_TASK, type ChannelKind, type DeliveryStatus, type NotificationType } from './notification-types';

/** The facts of a problem a message names. */
export interface ProblemFacts {
  code: string;
  title: string;
  dueAt: Date | null;
  createdBy: string;
  departmentId: string | null;
  departmentName: string | null;
}

export interface RecipientRow {
  userId: string;
  departmentId: string | null;
}

/** Who is told, by role and department; disabled users never, and never the one who acted. */
export interface RecipientQuery {
  handlersOf: string[];
  managers: boolean;
  users: string[];
  exclude: string | null;
}

/** One message for a set of users: their inbox rows share everything but the user. */
export interface MessageInput {
  /** Unique per message: the inbox rows add the user, the deliveries the channel. */
  key: string;
  type: NotificationType;
  problemId: string | null;
  title: string;
  body: string;
  link: string | null;
  at: Date;
}

export interface InboxRow {
  id: string;
  type: NotificationType;
  problemId: string | null;
  title: string;
  at: Date;
  readAt: Date | null;
  cursorAt: string;
}

export interface ChannelRow {
  id: string;
  kind: ChannelKind;
  name: string;
  departmentId: string | null;
  departmentName: string | null;
  userId: string | null;
  userName: string | null;
  target: string;
  hasToken: boolean;
  hasSecret: boolean;
  enabled: boolean;
  createdAt: Date;
  updatedAt: Date;
}

/** A delivery claimed for sending, with its channel's target and secrets. */
export interface ClaimedDelivery {
  id: string;
  type: NotificationType;
  title: string;
  body: string;
  link: string | null;
  createdAt: Date;
  attempts: number;
  kind: ChannelKind;
  target: string;
  token: string | null;
  secret: string | null;
  enabled: boolean;
}

export interface DeliveryRow {
  id: string;
  channelId: string;
  channelName: string;
  kind: ChannelKind;
  type: NotificationType;
  problemId: string | null;
  title: string;
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  updatedAt: Date;
  deliveredAt: Date | null;
}

export interface PreferenceRow {
  kind: ChannelKind;
  type: NotificationType;
  enabled: boolean;
}

const CHANNEL_COLUMNS = `c.id, c.kind, c.name, c.department_id AS "departmentId", d.name AS "departmentName",
  c.user_id AS "userId", u.display_name AS "userName", c.target, c.token IS NOT NULL AS "hasToken",
  c.secret IS NOT NULL AS "hasSecret", c.enabled, c.created_at AS "createdAt", c.updated_at AS "updatedAt"`;
const CHANNEL_FROM = `notification_channels c LEFT JOIN departments d ON d.id = c.department_id
  LEFT JOIN users u ON u.id = c.user_id`;

const DELIVERY_COLUMNS = `n.id, n.channel_id AS "channelId", c.name AS "channelName", c.kind, n.type,
  n.problem_id AS "problemId", n.title, n.status, n.attempts, n.last_error AS "lastError",
  n.created_at AS "createdAt", n.updated_at AS "updatedAt", n.delivered_at AS "deliveredAt"`;

/**
 * Queues a delivery job in the caller's transaction: it exists once the change commits and not
 * before. The job key (delivery and attempt) makes a second enqueue of the same attempt a no-op.
 */
function addJobSql(id: string, attempts: string, runAt: string): string {
  return `graphile_worker.add_job(${`'${DELIVER_TASK}'`}, json_build_object('deliveryId', ${id}),
    run_at := ${runAt}, max_attempts := 3, job_key := 'delivery:' || ${id} || ':' || ${attempts},
    job_key_mode := 'preserve_run_at')`;
}

/** Every statement on the notification tables and the queue's add_job; the rules stay in the services. */
@Injectable()
export class NotificationsRepository {
  constructor(@InjectDataSource() readonly db: DataSource) {}

  transaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  problemFacts(em: Queryable, problemId: string): Promise<ProblemFacts | undefined> {
    return maybeOne<ProblemFacts>(
      em,
      `SELECT p.code, p.title, p.due_at AS "dueAt", p.created_by AS "createdBy", p.department_id AS "departmentId",
              d.name AS "departmentName"
         FROM problems p LEFT JOIN departments d ON d.id = p.department_id WHERE p.id = $1`,
      [problemId],
    );
  }

  recipients(em: Queryable, query: RecipientQuery): Promise<RecipientRow[]> {
    return rows<RecipientRow>(
      em,
      `SELECT u.id AS "userId", u.department_id AS "departmentId" FROM users u
        WHERE NOT u.disabled AND u.id IS DISTINCT FROM $4::uuid
          AND ((u.role = 'handler' AND u.department_id = ANY($1::uuid[]))
            OR ($2::boolean AND u.role = 'manager')
            OR u.id = ANY($3::uuid[]))
        ORDER BY u.id`,
      [query.handlersOf, query.managers, query.users, query.exclude],
    );
  }

  /** The officials answering for these enterprises now (official and leader). */
  responsibleOfficials(em: Queryable, enterpriseIds: string[]): Promise<{ enterpriseId: string; userId: string }[]> {
    return rows(
      em,
      `SELECT r.enterprise_id AS "enterpriseId", r.user_id AS "userId"
         FROM responsibilities r JOIN users u ON u.id = r.user_id AND NOT u.disabled
        WHERE r.enterprise_id = ANY($1::uuid[]) AND r.starts_at <= now() AND (r.ends_at IS NULL OR r.ends_at > now())`,
      [enterpriseIds],
    );
  }

  enterpriseNames(em: Queryable, ids: string[]): Promise<{ id: string; name: string }[]> {
    return rows(em, `SELECT id, name FROM enterprises WHERE id = ANY($1::uuid[])`, [ids]);
  }

  /** The warnings of these ids, as recorded. */
  warnings(
    em: Queryable,
    ids: string[],
  ): Promise<
    {
      id: string;
      level: string;
      problemId: string | null;
      enterpriseId: string | null;
      departmentId: string | null;
      details: Record<string, unknown>;
    }[]
  > {
    return rows(
      em,
      `SELECT id::text AS id, level, problem_id AS "problemId", enterprise_id AS "enterpriseId",
              department_id AS "departmentId", details
         FROM warnings WHERE id = ANY($1::bigint[]) ORDER BY id`,
      [ids],
    );
  }

  /** The inbox rows of one message; a key seen before adds nothing. Answers the users newly told. */
  async insertNotifications(em: Queryable, message: MessageInput, userIds: string[]): Promise<string[]> {
    if (userIds.length === 0) return [];
    const inserted = await rows<{ userId: string }>(
      em,
      `INSERT INTO notifications (user_id, type, problem_id, title, body, link, at, dedupe_key)
       SELECT u, $2, $3, $4, $5, $6, $7, $8 || ':' || u FROM unnest($1::uuid[]) AS u
       ON CONFLICT (dedupe_key) DO NOTHING
       RETURNING user_id AS "userId"`,
      [userIds, message.type, message.problemId, message.title, message.body, message.link, message.at, message.key],
    );
    return inserted.map((row) => row.userId);
  }

  /**
   * The enabled channels a message goes to: the users' own, unless they switched this type off
   * for that kind, and their departments' (group robots, shared mailboxes).
   */
  async channelsFor(
    em: Queryable,
    type: NotificationType,
    userIds: string[],
    departmentIds: string[],
  ): Promise<string[]> {
    const found = await rows<{ id: string }>(
      em,
      `SELECT c.id FROM notification_channels c
        WHERE c.enabled AND (
          c.department_id = ANY($3::uuid[])
          OR (c.user_id = ANY($2::uuid[]) AND NOT EXISTS (
                SELECT 1 FROM notification_preferences p
                 WHERE p.user_id = c.user_id AND p.kind = c.kind AND p.type = $1 AND NOT p.enabled)))
        ORDER BY c.id`,
      [type, userIds, departmentIds],
    );
    return found.map((row) => row.id);
  }

  /** One delivery per channel, each with its first job, in the caller's transaction. Answers how many were new. */
  async insertDeliveries(em: Queryable, message: MessageInput, channelIds: string[]): Promise<number> {
    if (channelIds.length === 0) return 0;
    const { count } = await one<{ count: number }>(
      em,
      `WITH inserted AS (
         INSERT INTO notification_deliveries (channel_id, message_key, type, problem_id, title, body, link, created_at, updated_at)
         SELECT ch, $2, $3, $4, $5, $6, $7, $8, $8 FROM unnest($1::uuid[]) AS ch
         ON CONFLICT (message_key, channel_id) DO NOTHING
         RETURNING id::text AS id)
       SELECT count(*)::int AS count FROM inserted, LATERAL ${addJobSql('inserted.id', `'0'`, 'now()')} AS job`,
      [channelIds, message.key, message.type, message.problemId, message.title, message.body, message.link, message.at],
    );
    return count;
  }

  /**
   * Locks a pending delivery for the sender until its transaction ends; another instance that
   * holds a job for it meanwhile skips it. Undefined when it is delivered, failed or locked.
   */
  claim(em: EntityManager, id: string): Promise<ClaimedDelivery | undefined> {
    return maybeOne<ClaimedDelivery>(
      em,
      `SELECT n.id, n.type, n.title, n.body, n.link, n.created_at AS "createdAt", n.attempts,
              c.kind, c.target, c.token, c.secret, c.enabled
         FROM notification_deliveries n JOIN notification_channels c ON c.id = n.channel_id
        WHERE n.id = $1 AND n.status = 'pending'
        FOR UPDATE OF n SKIP LOCKED`,
      [id],
    );
  }

  async markDelivered(em: EntityManager, id: string): Promise<void> {
    await execute(
      em,
      `UPDATE notification_deliveries SET status = 'delivered', attempts = attempts + 1, last_error = NULL,
              delivered_at = now(), updated_at = now() WHERE id = $1`,
      [id],
    );
  }

  /** Records a failed attempt; with `retryAt`, queues the next attempt, otherwise it lands in the dead-letter list. */
  async markFailed(em: EntityManager, id: string, error: string, retryAt: Date | null): Promise<void> {
    const attempts = await one<{ attempts: number }>(
      em,
      `UPDATE notification_deliveries SET attempts = attempts + 1, last_error = $2, updated_at = now(),
              status = CASE WHEN $3::timestamptz IS NULL THEN 'failed' ELSE 'pending' END
        WHERE id = $1 RETURNING attempts`,
      [id, error.slice(0, 1000), retryAt],
    );
    if (retryAt !== null) await this.enqueue(em, id, attempts.attempts, retryAt);
  }

  async enqueue(em: Queryable, id: string, attempts: number, runAt: Date): Promise<void> {
    await execute(em, `SELECT 1 FROM ${addJobSql('$1::text', '$2::text', '$3::timestamptz')} AS job`, [
      id,
      String(attempts),
      runAt,
    ]);
  }

  /**
   * A job for every pending delivery (after a restore, or a queue emptied by hand); the job key
   * keeps an existing one, and the sender's lock and status check make an extra one harmless.
   */
  async requeuePending(): Promise<number> {
    const { count } = await one<{ count: number }>(
      this.db,
      `SELECT count(*)::int AS count FROM notification_deliveries n,
              LATERAL ${addJobSql('n.id::text', 'n.attempts::text', 'now()')} AS job
        WHERE n.status = 'pending'`,
    );
    return count;
  }

  // The inbox

  async inbox(userId: string, unread: boolean, limit: number, after: [string, string] | null): Promise<InboxRow[]> {
    const p = new SqlParams();
    const where = [`user_id = ${p.add(userId)}`];
    if (unread) where.push('read_at IS NULL');
    if (after) where.push(`(at, id) < (${p.add(after[0])}::timestamptz, ${p.add(after[1])}::uuid)`);
    return rows<InboxRow>(
      this.db,
      `SELECT id, type, problem_id AS "problemId", title, at, read_at AS "readAt", at::text AS "cursorAt"
         FROM notifications WHERE ${where.join(' AND ')}
        ORDER BY at DESC, id DESC LIMIT ${p.add(limit + 1)}`,
      p.values,
    );
  }

  async unreadCount(userId: string): Promise<number> {
    return (
      await one<{ count: number }>(
        this.db,
        `SELECT count(*)::int AS count FROM notifications WHERE user_id = $1 AND read_at IS NULL`,
        [userId],
      )
    ).count;
  }

  /** Marks one of the user's notifications read (the first reading stays); undefined when it is not theirs. */
  markRead(userId: string, id: string): Promise<InboxRow | undefined> {
    return maybeOne<InboxRow>(
      this.db,
      `UPDATE notifications SET read_at = coalesce(read_at, now()) WHERE id = $1 AND user_id = $2
       RETURNING id, type, problem_id AS "problemId", title, at, read_at AS "readAt", at::text AS "cursorAt"`,
      [id, userId],
    );
  }

  markAllRead(userId: string): Promise<number> {
    return affected(this.db, `UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL`, [
      userId,
    ]);
  }

  // Preferences

  preferences(userId: string): Promise<PreferenceRow[]> {
    return rows<PreferenceRow>(
      this.db,
      `SELECT kind, type, enabled FROM notification_preferences WHERE user_id = $1 ORDER BY kind, type`,
      [userId],
    );
  }

  /** Replaces the user's choices with these (switched-off pairs only: the rest is on). */
  async savePreferences(
    em: EntityManager,
    userId: string,
    off: { kind: ChannelKind; type: NotificationType }[],
  ): Promise<void> {
    await execute(em, `DELETE FROM notification_preferences WHERE user_id = $1`, [userId]);
    if (off.length === 0) return;
    await execute(
      em,
      `INSERT INTO notification_preferences (user_id, kind, type, enabled)
       SELECT $1, k, t, false FROM unnest($2::text[], $3::text[]) AS x(k, t)`,
      [userId, off.map((o) => o.kind), off.map((o) => o.type)],
    );
  }

  // Channels

  channels(): Promise<ChannelRow[]> {
    return rows<ChannelRow>(this.db, `SELECT ${CHANNEL_COLUMNS} FROM ${CHANNEL_FROM} ORDER BY c.created_at, c.id`);
  }

  channel(db: Queryable, id: string): Promise<ChannelRow | undefined> {
    return maybeOne<ChannelRow>(db, `SELECT ${CHANNEL_COLUMNS} FROM ${CHANNEL_FROM} WHERE c.id = $1`, [id]);
  }

  async insertChannel(
    em: EntityManager,
    input: {
      kind: ChannelKind;
      name: string;
      departmentId: string | null;
      userId: string | null;
      target: string;
      token: string | null;
      secret: string | null;
      enabled: boolean;
    },
  ): Promise<string> {
    return (
      await one<{ id: string }>(
        em,
        `INSERT INTO notification_channels (kind, name, department_id, user_id, target, token, secret, enabled)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [
          input.kind,
          input.name,
          input.departmentId,
          input.userId,
          input.target,
          input.token,
          input.secret,
          input.enabled,
        ],
      )
    ).id;
  }

  /** Writes the given fields only (undefined leaves a field; a null token or secret clears it). */
  async updateChannel(
    em: EntityManager,
    id: string,
    change: { name?: string; target?: string; token?: string | null; secret?: string | null; enabled?: boolean },
  ): Promise<boolean> {
    const p = new SqlParams();
    const sets = ['updated_at = now()'];
    for (const [field, column] of [
      ['name', 'name'],
      ['target', 'target'],
      ['token', 'token'],
      ['secret', 'secret'],
      ['enabled', 'enabled'],
    ] as const) {
      if (change[field] !== undefined) sets.push(`${column} = ${p.add(change[field])}`);
    }
    return (
      (await affected(em, `UPDATE notification_channels SET ${sets.join(', ')} WHERE id = ${p.add(id)}`, p.values)) > 0
    );
  }

  async deleteChannel(id: string): Promise<boolean> {
    return (await affected(this.db, `DELETE FROM notification_channels WHERE id = $1`, [id])) > 0;
  }

  departmentExists(em: Queryable, id: string): Promise<boolean> {
    return rows(em, `SELECT 1 FROM departments WHERE id = $1`, [id]).then((r) => r.length > 0);
  }

  userExists(em: Queryable, id: string): Promise<boolean> {
    return rows(em, `SELECT 1 FROM users WHERE id = $1`, [id]).then((r) => r.length > 0);
  }

  // Deliveries

  deliveries(status: DeliveryStatus | undefined, limit: number): Promise<DeliveryRow[]> {
    return rows<DeliveryRow>(
      this.db,
      `SELECT ${DELIVERY_COLUMNS} FROM notification_deliveries n JOIN notification_channels c ON c.id = n.channel_id
        WHERE $1::text IS NULL OR n.status = $1 ORDER BY n.updated_at DESC, n.id DESC LIMIT $2`,
      [status ?? null, limit],
    );
  }

  delivery(db: Queryable, id: string): Promise<DeliveryRow | undefined> {
    return maybeOne<DeliveryRow>(
      db,
      `SELECT ${DELIVERY_COLUMNS} FROM notification_deliveries n JOIN notification_channels c ON c.id = n.channel_id
        WHERE n.id = $1`,
      [id],
    );
  }

  /** Puts a failed delivery back in the queue with fresh attempts; false unless it had failed. */
  async retry(em: EntityManager, id: string): Promise<boolean> {
    const row = await maybeOne<{ id: string }>(
      em,
      `UPDATE notification_deliveries SET status = 'pending', attempts = 0, updated_at = now()
        WHERE id = $1 AND status = 'failed' RETURNING id`,
      [id],
    );
    if (!row) return false;
    // A key of its own: the first round's job keys may still be held by finished jobs' history.
    await execute(em, `SELECT 1 FROM ${addJobSql('$1::text', `'retry-' || $2::text`, 'now()')} AS job`, [
      id,
      String(Date.now()),
    ]);
    return true;
  }
}
