import { ApiProperty } from '@nestjs/swagger';
import { UserResponse } from '../users/user-response';
import type { LoginResponse as LoginShape } from './auth.service';
import type { LoginLockRow } from './login-throttle.repository';

export class LoginResponse implements LoginShape {
  @ApiProperty({ description: 'send as `Authorization: Bearer <token>`' })
  accessToken: string;

  @ApiProperty({ enum: ['Bearer'] })
  tokenType: 'Bearer';

  @ApiProperty({ type: 'integer', example: 28800, description: 'seconds until the token expires' })
  expiresIn: number;

  @ApiProperty({ type: UserResponse })
  user: UserResponse;
}

/** Failed logins of one username from one client address. */
export class LoginLockResponse {
  @ApiProperty({ format: 'uuid', description: 'name it to lift the lock' })
  id: string;

  @ApiProperty({ description: 'the username tried (lower-cased), whether or not such a user exists' })
  username: string;

  @ApiProperty({ example: '203.0.113.7', description: 'the client address' })
  address: string;

  @ApiProperty({ type: 'integer', description: 'failures within the current 15-minute window' })
  failures: number;

  @ApiProperty({ type: String, format: 'date-time' })
  windowStartedAt: string;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'until when this address is refused for this username; null when not locked',
  })
  lockedUntil: string | null;

  @ApiProperty({ description: 'whether this address signed in for this username within 90 days' })
  knownAddress: boolean;
}

export function toLoginLockResponse(row: LoginLockRow): LoginLockResponse {
  return {
    id: row.id,
    username: row.username,
    address: row.address,
    failures: row.failures,
    windowStartedAt: row.windowStartedAt.toISOString(),
    lockedUntil: row.lockedUntil?.toISOString() ?? null,
    knownAddress: row.knownAddress,
  };
}
