import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { Request } from 'express';
import { DomainError, ErrorCode } from '../common/domain-error';
import type { Role } from '../access/role';
import { UsersService } from '../users/users.service';
import { AuthUser, IS_PUBLIC, ROLES_KEY } from '../access/auth-user';

const unauthenticated = (message: string) => new DomainError(ErrorCode.Unauthenticated, message);

/** Tokens whose signature has been checked, at most this many (the oldest give way). */
const VERIFIED_TOKENS = 10_000;

/**
 * The one global guard: a valid HS256 bearer token whose user still exists and is enabled, then
 * the role the database holds now (a token's claims are never trusted for role or department).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  /**
   * A token's signature is checked once, its expiry on every request: a phone sends the same token
   * all day, and checking the signature again cost about 40 µs of CPU per request under load.
   */
  private readonly verified = new Map<string, { subject: string; expiresAt: number }>();

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

    const subject = await this.subjectOf(token);
    const user = subject === null ? null : await this.users.findActive(subject);
    if (!user) throw unauthenticated('the token is invalid or has expired');
    request.user = user;

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(user.role)) throw DomainError.forbidden();
    return true;
  }

  /** The user id a token names, or null when its signature, algorithm or expiry is wrong. */
  private async subjectOf(token: string): Promise<string | null> {
    const known = this.verified.get(token);
    if (known) {
      if (Date.now() < known.expiresAt) return known.subject;
      this.verified.delete(token);
    }
    let claims: { sub?: unknown; exp?: unknown };
    try {
      claims = await this.jwt.verifyAsync<{ sub?: unknown; exp?: unknown }>(token);
    } catch {
      return null;
    }
    if (typeof claims.sub !== 'string') return null;
    if (typeof claims.exp === 'number') {
      if (this.verified.size >= VERIFIED_TOKENS) this.verified.delete(this.verified.keys().next().value!);
      this.verified.set(token, { subject: claims.sub, expiresAt: claims.exp * 1000 });
    }
    return claims.sub;
  }
}
