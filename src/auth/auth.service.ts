import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DomainError, ErrorCode } from '../common/domain-error';
import { UsersService } from '../users/users.service';
import { LoginThrottle } from './login-throttle';
import { toUserResponse, UserResponse } from '../users/user-response';

export interface LoginResponse {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  user: UserResponse;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly jwt: JwtService,
    private readonly throttle: LoginThrottle,
  ) {}

  async login(username: string, password: string): Promise<LoginResponse> {
    await this.throttle.countAttempt(username);
    const user = await this.users.verifyCredentials(username, password);
    if (!user) {
      throw new DomainError(ErrorCode.Unauthenticated, 'invalid username or password');
    }
    await this.throttle.recordSuccess(username);
    const accessToken = await this.jwt.signAsync({ sub: user.id });
    const { exp } = this.jwt.decode<{ exp: number }>(accessToken);
    return {
      accessToken,
      tokenType: 'Bearer',
      expiresIn: exp - Math.floor(Date.now() / 1000),
      user: toUserResponse(user),
    };
  }
}
