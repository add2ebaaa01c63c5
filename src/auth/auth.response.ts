import { ApiProperty } from '@nestjs/swagger';
import { UserResponse } from '../users/user-response';
import type { LoginResponse as LoginShape } from './auth.service';

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
