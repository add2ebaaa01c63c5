import { ApiProperty } from '@nestjs/swagger';
import { STATUSES, type Status } from '../workflow/statuses';

/** A tracking link for the enterprise: the same one again while it is valid. */
export class TrackingLinkResponse {
  @ApiProperty({ example: 'https://baolian.example.gov.cn/t/3q2-…', description: 'the page the enterprise opens' })
  url: string;

  @ApiProperty({ description: '32 random bytes, base64url (43 characters)' })
  token: string;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'null while the problem is open; then its closing (or withdrawal) plus the configured days',
  })
  expiresAt: string | null;
}

export class PublicNoteResponse {
  @ApiProperty({ format: 'date-time' })
  at: string;

  @ApiProperty({ description: 'a progress note marked public, or the resolution text' })
  note: string;
}

/** What the enterprise sees on its tracking page, and nothing else. */
export class TrackResponse {
  @ApiProperty({ example: 'JQ-2025-0042', description: 'the tracking code (the problem’s code)' })
  code: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ enum: STATUSES })
  status: Status;

  @ApiProperty({ type: String, nullable: true, description: 'the responsible department, once assigned' })
  departmentName: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'the committed date (办理时限)' })
  dueAt: string | null;

  @ApiProperty({ type: [PublicNoteResponse] })
  publicNotes: PublicNoteResponse[];

  @ApiProperty({ description: 'true while the problem is resolved and awaits the enterprise’s rating' })
  canRate: boolean;
}

/** The problem's status after the rating: closed, or in progress again when unsatisfied. */
export class RatingResponse {
  @ApiProperty({ enum: STATUSES })
  status: Status;
}
