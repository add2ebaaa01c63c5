import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { Request } from 'express';
import { DomainError, ErrorCode } from '../common/domain-error';
import type { Role } from '../access/role';
import { UsersService } from '../users/users.service';
import { AuthUser, IS_PUBLIC, ROLES_KEY } from '../access/auth-user';

const unauthenticated = (message: string) => new DomainError(ErrorCode.Unauthenticated, message);

interface Claims {
  subject: string;
  version: number;
}

/** Tokens whose signature has been checked, at most this many (the oldest give way). */
const VERIFIED_TOKENS = 10_000;

/**
 * The one global guard: a valid HS256 bearer token whose user still exists and is enabled, whose
 * token version is the user's current one, then
 * the role the database holds now (a token's claims are never trusted for role or department).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  /**
   * A token's signature is checked once, its expiry on every request: a phone sends the same token
   * all day, and checking the signature again cost about 40 µs of CPU per request under load.
   */
  private readonly verified = new Map<string, Claims & { expiresAt: number }>();

  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly users: UsersService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest<Request & { user?: AuthUser }>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) throw unauthenticated('a bearer token is required');

    const claims = await this.claimsOf(token);
    const active = claims === null ? null : await this.users.findActive(claims.subject);
    // A token issued before the user's password, role or status changed, or before a sign-out
    // everywhere, carries an older version than the user row and is refused.
    if (!active || active.tokenVersion !== claims!.version)
      throw unauthenticated('the token is invalid or has expired');
    const user = active.user;
    request.user = user;

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(user.role)) throw DomainError.forbidden();
    return true;
  }

  /** The user id and token version a token names, or null when its signature, algorithm or expiry is wrong. */
  private async claimsOf(token: string): Promise<Claims | null> {
    const known = this.verified.get(token);
    if (known) {
      if (Date.now() < known.expiresAt) return known;
      this.verified.delete(token);
    }
    let claims: { sub?: unknown; exp?: unknown; ver?: unknown };
    try {
      claims = await this.jwt.verifyAsync<{ sub?: unknown; exp?: unknown; ver?: unknown }>(token);
    } catch {
      return null;
    }
    if (typeof claims.sub !== 'string') return null;
    // Tokens issued before versions existed carry none: they count as the first version.
    if (claims.ver !== undefined && !Number.isSafeInteger(claims.ver)) return null;
    const found: Claims = { subject: claims.sub, version: (claims.ver as number | undefined) ?? 0 };
    if (typeof claims.exp === 'number') {
      if (this.verified.size >= VERIFIED_TOKENS) this.verified.delete(this.verified.keys().next().value!);
      this.verified.set(token, { ...found, expiresAt: claims.exp * 1000 });
    }
    return found;
  }
}
