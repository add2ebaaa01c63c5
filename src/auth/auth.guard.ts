import { CanActivate, ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { Request } from 'express';
import { DomainError, ErrorCode } from '../common/domain-error';
import type { Role } from '../users/role';
import { UsersService } from '../users/users.service';
import { AuthUser, IS_PUBLIC, ROLES_KEY } from './auth-user';

const unauthenticated = (message: string) =>
  new DomainError(HttpStatus.UNAUTHORIZED, ErrorCode.Unauthenticated, message);

/**
 * The one global guard: a valid HS256 bearer token whose user still exists and is enabled, then
 * the role the database holds now (a token's claims are never trusted for role or department).
 */
@Injectable()
export class AuthGuard implements CanActivate {
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

    let subject: string;
    try {
      subject = (await this.jwt.verifyAsync<{ sub: string }>(token)).sub;
    } catch {
      throw unauthenticated('the token is invalid or has expired');
    }
    const user = typeof subject === 'string' ? await this.users.findActive(subject) : null;
    if (!user) throw unauthenticated('the token is invalid or has expired');
    request.user = user;

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(user.role)) throw DomainError.forbidden();
    return true;
  }
}
