import { ApiProperty } from '@nestjs/swagger';
import type { AttachmentRow } from './attachments.repository';

/** One attachment as the API lists it; its bytes are at `url` (and a small JPEG at `thumbnailUrl`). */
export class AttachmentResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: ['problem', 'visit'] })
  ownerKind: 'problem' | 'visit';

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  problemId: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  visitId: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: "the problem event it came with (a progress note, the resolution), as the events' id",
  })
  eventId: string | null;

  @ApiProperty({ enum: ['image', 'pdf'] })
  kind: 'image' | 'pdf';

  @ApiProperty({ example: 'image/jpeg' })
  mime: string;

  @ApiProperty({ description: 'bytes, as stored (an image after downscaling)' })
  size: number;

  @ApiProperty({ example: '现场照片.jpg' })
  originalName: string;

  @ApiProperty({ type: Number, nullable: true, description: 'pixels, images only' })
  width: number | null;

  @ApiProperty({ type: Number, nullable: true, description: 'pixels, images only' })
  height: number | null;

  @ApiProperty({ example: '/api/v1/attachments/0e6c…' })
  url: string;

  @ApiProperty({ type: String, nullable: true, description: 'a JPEG at most 320 px, images only' })
  thumbnailUrl: string | null;

  @ApiProperty({ format: 'uuid' })
  createdBy: string;

  @ApiProperty()
  createdByName: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

/** The attachments one upload stored, in the order the files were sent. */
export class AttachmentUploadResponse {
  @ApiProperty({ type: [AttachmentResponse] })
  items: AttachmentResponse[];
}

export function toAttachmentResponse(row: AttachmentRow): AttachmentResponse {
  const url = `/api/v1/attachments/${row.id}`;
  return {
    id: row.id,
    ownerKind: row.ownerKind,
    problemId: row.problemId,
    visitId: row.visitId,
    eventId: row.eventId,
    kind: row.kind,
    mime: row.mime,
    size: row.size,
    originalName: row.originalName,
    width: row.width,
    height: row.height,
    url,
    thumbnailUrl: row.hasThumbnail ? `${url}/thumbnail` : null,
    createdBy: row.createdBy,
    createdByName: row.createdByName,
    createdAt: row.createdAt.toISOString(),
  };
}
