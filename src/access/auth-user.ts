import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from './role';

/** The caller, as the database says now (not as the token claimed). */
export interface AuthUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  departmentId: string | null;
}

export const IS_PUBLIC = 'isPublic';
export const ROLES_KEY = 'roles';

/** No token needed. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Only these roles may call the handler; others get 403. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

export const CurrentUser = createParamDecorator(
  (_: unknown, context: ExecutionContext): AuthUser => context.switchToHttp().getRequest<{ user: AuthUser }>().user,
);
