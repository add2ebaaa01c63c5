import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DomainError, ErrorCode } from '../common/domain-error';
import { UsersService } from '../users/users.service';
import { LoginGate } from './login-gate';
import { LoginThrottle } from './login-throttle';
import { toUserResponse, UserResponse } from '../users/user-response';

export interface LoginResponse {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  user: UserResponse;
}

/** The client address a throttle counts by: the socket's, an IPv4-mapped IPv6 one written as IPv4. */
export function clientAddress(ip: string | undefined): string {
  if (!ip) return 'unknown';
  return ip.startsWith('::ffff:') && ip.includes('.') ? ip.slice(7) : ip;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly jwt: JwtService,
    private readonly throttle: LoginThrottle,
    private readonly gate: LoginGate,
  ) {}

  /** `gone` tells whether the client has hung up: a login it left waiting is not checked. */
  login(
    username: string,
    password: string,
    address: string,
    gone: () => boolean = () => false,
  ): Promise<LoginResponse> {
    return this.gate.login(address, async () => {
      if (gone()) throw new DomainError(ErrorCode.RateLimited, 'the client went away', { retryAfterSeconds: 1 });
      const attemptsLeft = await this.throttle.countAttempt(username, address);
      const found = await this.gate.hash(address, async () =>
        gone() ? 'gone' : await this.users.verifyCredentials(username, password),
      );
      if (found === 'gone') {
        throw new DomainError(ErrorCode.RateLimited, 'the client went away', { retryAfterSeconds: 1 });
      }
      if (found === 'disabled') {
        // Said only to whoever gave the right password: to anyone else a disabled account
        // answers as a wrong password does (docs/api.md, "Signing in").
        throw new DomainError(ErrorCode.AccountDisabled, 'this account is disabled; ask an administrator');
      }
      if (!found) {
        // The attempts left count per username and address, for names that exist and names that
        // do not alike, so they tell nothing about which usernames exist.
        const lock =
          attemptsLeft === 0 ? { lockedForSeconds: await this.throttle.lockedSeconds(username, address) } : {};
        throw new DomainError(ErrorCode.Unauthenticated, 'invalid username or password', { attemptsLeft, ...lock });
      }
      await this.throttle.recordSuccess(username, address);
      const accessToken = await this.jwt.signAsync({ sub: found.user.id, ver: found.tokenVersion });
      const { exp } = this.jwt.decode<{ exp: number }>(accessToken);
      return {
        accessToken,
        tokenType: 'Bearer',
        expiresIn: exp - Math.floor(Date.now() / 1000),
        user: toUserResponse(found.user),
      };
    });
  }

  /** Signs a user out everywhere: every token issued to it so far stops working. */
  signOutEverywhere(userId: string): Promise<void> {
    return this.users.revokeTokens(userId);
  }
}
