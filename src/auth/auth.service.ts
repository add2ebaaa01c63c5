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
      await this.throttle.countAttempt(username, address);
      const found = await this.gate.hash(address, async () =>
        gone() ? 'gone' : await this.users.verifyCredentials(username, password),
      );
      if (found === 'gone') {
        throw new DomainError(ErrorCode.RateLimited, 'the client went away', { retryAfterSeconds: 1 });
      }
      if (!found) {
        throw new DomainError(ErrorCode.Unauthenticated, 'invalid username or password');
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
