import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { FieldError } from './domain-error';

export class FieldErrorResponse implements FieldError {
  @ApiProperty({ example: 'dueAt', description: 'the field of the body or query, dotted for nested ones' })
  field: string;

  @ApiProperty({ example: 'dueAt must be in the future' })
  message: string;
}

/** What every 4xx and 5xx answer carries (see the global error filter). */
export class ErrorResponse {
  @ApiProperty({ type: 'integer', example: 409 })
  statusCode: number;

  @ApiProperty({
    example: 'VERSION_MISMATCH',
    description: 'stable and meant for programs: VALIDATION_FAILED, NOT_FOUND, VERSION_MISMATCH, …',
  })
  code: string;

  @ApiProperty({ example: 'the problem has changed since you read it (current version 4); reload it and try again' })
  message: string;

  @ApiPropertyOptional({ type: [FieldErrorResponse], description: 'the fields a 400 (or a duplicate 409) names' })
  errors?: FieldErrorResponse[];

  @ApiPropertyOptional({ type: 'integer', example: 4, description: 'VERSION_MISMATCH: the version now stored' })
  currentVersion?: number;

  @ApiPropertyOptional({
    type: 'integer',
    example: 30,
    description: 'RATE_LIMITED: when to try again',
  })
  retryAfterSeconds?: number;

  @ApiPropertyOptional({
    description: 'RATE_LIMITED on login: true when the username is locked for this address (not merely a busy service)',
  })
  locked?: boolean;

  @ApiPropertyOptional({
    type: 'integer',
    example: 1,
    description: 'a failed login (401): failures this username may still have from this address before it locks',
  })
  attemptsLeft?: number;

  @ApiPropertyOptional({
    type: 'integer',
    example: 900,
    description: 'a failed login (401) that has just locked the username for this address: for how long',
  })
  lockedForSeconds?: number;

  @ApiPropertyOptional({ description: '5xx: the id of the log line that tells what happened' })
  correlationId?: string;
}
