import { Inject, Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import type { AuthUser } from '../access/auth-user';
import { Batcher } from '../common/batcher';
import { DomainError, ErrorCode } from '../common/domain-error';
import { isUuid } from '../common/ids';
import { CreateUserDto, UpdateUserDto } from './user.dto';
import { toUserResponse, UserResponse } from './user-response';
import type { Role } from '../access/role';
import { UsersRepository } from './users.repository';
import { APP_CONFIG, type AppConfig, type PasswordHashCost } from '../config/app-config';

/** An argon2id hash of `password` at `cost` (the hash carries its cost: any cost verifies). */
export function hashPassword(password: string, cost: PasswordHashCost): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id, memoryCost: cost.memoryKib, timeCost: cost.timeCost });
}

/** An enabled user as the guard and login see it, with the version its tokens carry. */
export interface ActiveUser {
  user: AuthUser;
  tokenVersion: number;
}

@Injectable()
export class UsersService {
  /** Verified against when the username is unknown, so both failures take the same time. */
  private readonly dummyHash: Promise<string>;

  /**
   * The guard's check on every request that its user still exists and is enabled: requests that
   * come together under load share one query (see Batcher), and none is answered from memory.
   */
  private readonly activeUsers = new Batcher<ActiveUser>(async (ids) => {
    const rows = await this.users.findActive(ids);
    return new Map(rows.map((row) => [row.id, { user: toUserResponse(row), tokenVersion: row.tokenVersion }]));
  });

  constructor(
    private readonly users: UsersRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.dummyHash = this.hash('not-a-real-password');
  }

  /** A new hash at the configured cost. */
  private hash(password: string): Promise<string> {
    return hashPassword(password, this.config.passwordHash);
  }

  /** An enabled user and the token version its tokens must carry, or null. */
  async findActive(id: string): Promise<ActiveUser | null> {
    if (!isUuid(id)) return null;
    return (await this.activeUsers.get(id.toLowerCase())) ?? null;
  }

  /**
   * The user these credentials belong to; `'disabled'` when the password is right but the account
   * is disabled (only someone who knows the password learns that), null otherwise.
   */
  async verifyCredentials(username: string, password: string): Promise<ActiveUser | 'disabled' | null> {
    const row = await this.users.findWithPasswordHash(username);
    const matches = await argon2.verify(row?.passwordHash ?? (await this.dummyHash), password);
    if (!row || !matches) return null;
    if (row.disabled) return 'disabled';
    return { user: toUserResponse(row), tokenVersion: row.tokenVersion };
  }

  /** Signs the user out everywhere: every token issued so far stops working. */
  async revokeTokens(id: string): Promise<void> {
    if (!isUuid(id) || !(await this.users.revokeTokens(id))) throw DomainError.notFound('user');
  }

  async list(): Promise<UserResponse[]> {
    return (await this.users.list()).map(toUserResponse);
  }

  async create(dto: CreateUserDto): Promise<UserResponse> {
    await this.assertDepartment(dto.role, dto.departmentId ?? null);
    const row = await this.users.insert({
      username: dto.username,
      displayName: dto.displayName,
      role: dto.role,
      departmentId: dto.departmentId ?? null,
      passwordHash: await this.hash(dto.password),
    });
    if (!row) throw DomainError.duplicate('username', 'a user with this username exists');
    return toUserResponse(row);
  }

  async update(id: string, dto: UpdateUserDto): Promise<UserResponse> {
    return this.users.transaction(async (em) => {
      if (dto.role !== undefined || dto.disabled !== undefined) await this.users.lockAdminChanges(em);
      const current = await this.users.findForUpdate(em, id);
      if (!current) throw DomainError.notFound('user');
      const role: Role = dto.role ?? current.role;
      const departmentId = dto.departmentId === undefined ? current.departmentId : dto.departmentId;
      const disabled = dto.disabled ?? current.disabled;
      await this.assertDepartment(role, departmentId);
      const wasAdmin = current.role === 'admin' && !current.disabled;
      if (wasAdmin && (role !== 'admin' || disabled) && !(await this.users.otherEnabledAdminExists(em, id))) {
        throw new DomainError(
          ErrorCode.LastAdmin,
          'this is the last enabled admin: make another user an admin before disabling it or changing its role',
        );
      }
      const row = await this.users.update(em, id, {
        displayName: dto.displayName ?? current.displayName,
        role,
        departmentId,
        disabled,
        passwordHash: dto.password === undefined ? null : await this.hash(dto.password),
        revokeTokens: dto.password !== undefined || role !== current.role || (disabled && !current.disabled),
      });
      return toUserResponse(row);
    });
  }

  /** Creates the configured admin unless a user of that name exists (then it is left as it is). */
  async ensureAdmin(username: string, password: string): Promise<boolean> {
    return this.users.insertAdmin(username, await this.hash(password));
  }

  private async assertDepartment(role: Role, departmentId: string | null): Promise<void> {
    if (role === 'handler' && departmentId === null) {
      throw DomainError.invalidField('departmentId', 'a handler must belong to a department');
    }
    if (departmentId !== null) {
      if (!(await this.users.departmentExists(departmentId)))
        throw DomainError.invalidField('departmentId', 'no such department');
    }
  }
}
