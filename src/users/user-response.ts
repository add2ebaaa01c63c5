import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type Role } from '../access/role';

export class UserResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) departmentId: string | null;
  @ApiPropertyOptional() disabled?: boolean;
}

export function toUserResponse(user: {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  departmentId: string | null;
  disabled?: boolean;
}): UserResponse {
  const response: UserResponse = {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    departmentId: user.departmentId,
  };
  if (user.disabled !== undefined) response.disabled = user.disabled;
  return response;
}
