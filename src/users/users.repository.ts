import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { exists, maybeOne, one, rows } from '../common/sql';
import { queryPrepared } from '../database/prepared';
import type { Role } from '../access/role';
import { ADVISORY_LOCKS } from '../database/locks';

/** A user as every read selects it (never the password hash, unless asked for by name). */
export interface UserRow {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  departmentId: string | null;
  disabled: boolean;
  /** Moves on when the user's tokens must stop working (password, role, disable, sign out everywhere). */
  tokenVersion: number;
}

const USER_COLUMNS = `id, username, display_name AS "displayName", role, department_id AS "departmentId", disabled,
  token_version AS "tokenVersion"`;

/** The columns update writes. */
export interface UserUpdate {
  displayName: string;
  role: Role;
  departmentId: string | null;
  disabled: boolean;
  /** A new password's hash, or null to keep the one there is. */
  passwordHash: string | null;
  /** Whether the tokens issued so far stop working. */
  revokeTokens: boolean;
}

/** Every statement on users; the rules (a handler's department, the admin bootstrap) stay in UsersService. */
@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /** The enabled users among `ids`: the guard's check on every request, as one prepared statement. */
  findActive(ids: string[]): Promise<UserRow[]> {
    return queryPrepared<UserRow>(
      this.db.manager,
      'users.active',
      `SELECT ${USER_COLUMNS} FROM users WHERE id = ANY($1::uuid[]) AND NOT disabled`,
      [ids],
    );
  }

  /** The user of a username (any case) with the password hash login verifies. */
  findWithPasswordHash(username: string): Promise<(UserRow & { passwordHash: string }) | undefined> {
    return maybeOne(
      this.db,
      `SELECT ${USER_COLUMNS}, password_hash AS "passwordHash" FROM users WHERE lower(username) = lower($1)`,
      [username],
    );
  }

  list(): Promise<UserRow[]> {
    return rows<UserRow>(this.db, `SELECT ${USER_COLUMNS} FROM users ORDER BY username`);
  }

  /** Inserts the user; undefined when the username (in any case) is taken. */
  insert(
    user: Omit<UserRow, 'id' | 'disabled' | 'tokenVersion'> & { passwordHash: string },
  ): Promise<UserRow | undefined> {
    return maybeOne<UserRow>(
      this.db,
      `INSERT INTO users (username, display_name, role, department_id, password_hash)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (lower(username)) DO NOTHING
       RETURNING ${USER_COLUMNS}`,
      [user.username, user.displayName, user.role, user.departmentId, user.passwordHash],
    );
  }

  /** The user, locked until `em`'s transaction ends. */
  findForUpdate(em: EntityManager, id: string): Promise<UserRow | undefined> {
    return maybeOne<UserRow>(em, `SELECT ${USER_COLUMNS} FROM users WHERE id = $1 FOR UPDATE`, [id]);
  }

  /** Writes a user read with findForUpdate in the same transaction. */
  update(em: EntityManager, id: string, user: UserUpdate): Promise<UserRow> {
    return one<UserRow>(
      em,
      `UPDATE users SET display_name = $2, role = $3, department_id = $4, disabled = $5,
              password_hash = COALESCE($6, password_hash), updated_at = now(),
              token_version = token_version + CASE WHEN $7 THEN 1 ELSE 0 END
       WHERE id = $1 RETURNING ${USER_COLUMNS}`,
      [id, user.displayName, user.role, user.departmentId, user.disabled, user.passwordHash, user.revokeTokens],
    );
  }

  /** Makes every token issued so far to the user stop working; whether the user exists. */
  async revokeTokens(id: string): Promise<boolean> {
    return exists(this.db, `UPDATE users SET token_version = token_version + 1 WHERE id = $1 RETURNING id`, [id]);
  }

  /**
   * Serialises changes that may take away an enabled admin, until `em`'s transaction ends, so two
   * admins demoting each other at once cannot both see the other one remain.
   */
  async lockAdminChanges(em: EntityManager): Promise<void> {
    await rows(em, `SELECT pg_advisory_xact_lock($1)`, [ADVISORY_LOCKS.adminChanges]);
  }

  /** Whether an enabled admin other than `id` exists. */
  otherEnabledAdminExists(em: EntityManager, id: string): Promise<boolean> {
    return exists(em, `SELECT 1 FROM users WHERE role = 'admin' AND NOT disabled AND id <> $1`, [id]);
  }

  /** Inserts an admin unless a user of that name exists; whether it did. */
  async insertAdmin(username: string, passwordHash: string): Promise<boolean> {
    return exists(
      this.db,
      `INSERT INTO users (username, display_name, role, password_hash) VALUES ($1, $1, 'admin', $2)
       ON CONFLICT (lower(username)) DO NOTHING RETURNING id`,
      [username, passwordHash],
    );
  }

  departmentExists(id: string): Promise<boolean> {
    return exists(this.db, `SELECT 1 FROM departments WHERE id = $1`, [id]);
  }
}
