import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import * as argon2 from 'argon2';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../access/auth-user';
import { Batcher } from '../common/batcher';
import { DomainError } from '../common/domain-error';
import { isUuid } from '../common/ids';
import { queryPrepared } from '../database/prepared';
import { CreateUserDto, UpdateUserDto } from './user.dto';
import { toUserResponse, UserResponse } from './user-response';
import type { Role } from '../access/role';

const USER_COLUMNS = `id, username, display_name AS "displayName", role, department_id AS "departmentId", disabled`;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

@Injectable()
export class UsersService {
  /** Verified against when the username is unknown, so both failures take the same time. */
  private readonly dummyHash = hashPassword('not-a-real-password');

  /**
   * The guard's check on every request that its user still exists and is enabled: requests that
   * come together under load share one query (see Batcher), and none is answered from memory.
   */
  private readonly activeUsers = new Batcher<AuthUser>(async (ids) => {
    const rows = await queryPrepared<Parameters<typeof toUserResponse>[0]>(
      this.db.manager,
      'users.active',
      `SELECT ${USER_COLUMNS} FROM users WHERE id = ANY($1::uuid[]) AND NOT disabled`,
      [ids],
    );
    return new Map(rows.map((row) => [row.id, toUserResponse(row)]));
  });

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async findActive(id: string): Promise<AuthUser | null> {
    if (!isUuid(id)) return null;
    return (await this.activeUsers.get(id.toLowerCase())) ?? null;
  }

  async verifyCredentials(username: string, password: string): Promise<AuthUser | null> {
    const [row] = await this.db.query(
      `SELECT ${USER_COLUMNS}, password_hash AS "passwordHash" FROM users WHERE lower(username) = lower($1)`,
      [username],
    );
    const matches = await argon2.verify(row?.passwordHash ?? (await this.dummyHash), password);
    if (!row || !matches || row.disabled) return null;
    return toUserResponse(row);
  }

  async list(): Promise<UserResponse[]> {
    const rows = await this.db.query(`SELECT ${USER_COLUMNS} FROM users ORDER BY username`);
    return rows.map(toUserResponse);
  }

  async create(dto: CreateUserDto): Promise<UserResponse> {
    await this.assertDepartment(dto.role, dto.departmentId ?? null);
    const [row] = await this.db.query(
      `INSERT INTO users (username, display_name, role, department_id, password_hash)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (lower(username)) DO NOTHING
       RETURNING ${USER_COLUMNS}`,
      [dto.username, dto.displayName, dto.role, dto.departmentId ?? null, await hashPassword(dto.password)],
    );
    if (!row) throw DomainError.duplicate('username', 'a user with this username exists');
    return toUserResponse(row);
  }

  async update(id: string, dto: UpdateUserDto): Promise<UserResponse> {
    return this.db.transaction(async (em) => {
      const [current] = await em.query(`SELECT ${USER_COLUMNS} FROM users WHERE id = $1 FOR UPDATE`, [id]);
      if (!current) throw DomainError.notFound('user');
      const role: Role = dto.role ?? current.role;
      const departmentId = dto.departmentId === undefined ? current.departmentId : dto.departmentId;
      await this.assertDepartment(role, departmentId);
      const [[row]] = await em.query(
        `UPDATE users SET display_name = $2, role = $3, department_id = $4, disabled = $5,
                password_hash = COALESCE($6, password_hash), updated_at = now()
         WHERE id = $1 RETURNING ${USER_COLUMNS}`,
        [
          id,
          dto.displayName ?? current.displayName,
          role,
          departmentId,
          dto.disabled ?? current.disabled,
          dto.password === undefined ? null : await hashPassword(dto.password),
        ],
      );
      return toUserResponse(row);
    });
  }

  /** Creates the configured admin unless a user of that name exists (then it is left as it is). */
  async ensureAdmin(username: string, password: string): Promise<boolean> {
    const rows = await this.db.query(
      `INSERT INTO users (username, display_name, role, password_hash) VALUES ($1, $1, 'admin', $2)
       ON CONFLICT (lower(username)) DO NOTHING RETURNING id`,
      [username, await hashPassword(password)],
    );
    return rows.length > 0;
  }

  private async assertDepartment(role: Role, departmentId: string | null): Promise<void> {
    if (role === 'handler' && departmentId === null) {
      throw DomainError.invalidField('departmentId', 'a handler must belong to a department');
    }
    if (departmentId !== null) {
      const found = await this.db.query(`SELECT 1 FROM departments WHERE id = $1`, [departmentId]);
      if (found.length === 0) throw DomainError.invalidField('departmentId', 'no such department');
    }
  }
}
