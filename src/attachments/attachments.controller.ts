import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Param,
  Post,
  Res,
  StreamableFile,
  UploadedFiles,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiDefaultResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { type AuthUser, CurrentUser, Roles } from '../access/auth-user';
import { ErrorResponse } from '../common/error.response';
import { idParam } from '../common/ids';
import { AttachmentUpload, type ReceivedFile, removeReceived } from './attachment-upload';
import { AttachmentUploadResponse } from './attachment.response';
import { type AttachmentContent, AttachmentsService } from './attachments.service';

const UPLOAD_BODY = ApiBody({
  schema: {
    type: 'object',
    required: ['file'],
    properties: {
      file: {
        type: 'array',
        items: { type: 'string', format: 'binary' },
        description: 'one or more photos (JPEG, PNG, WebP) or PDFs, checked by content; at most 10 MB and 10 files',
      },
      eventId: { type: 'string', description: 'problems only: the event (progress note, resolution) they come with' },
    },
  },
});
const IDEMPOTENCY = ApiHeader({
  name: 'Idempotency-Key',
  required: false,
  description: 'a retry with the same key and the same files stores nothing new',
});

/** The multipart text fields; files arrive through the interceptor. */
interface UploadFields {
  eventId?: unknown;
}

const problemId = idParam('problem');
const visitId = idParam('visit');
const attachmentId = idParam('attachment');

@ApiTags('attachments')
@ApiBearerAuth()
@ApiDefaultResponse({ type: ErrorResponse, description: 'an error' })
@Controller()
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Post('problems/:id/attachments')
  @UseInterceptors(AttachmentUpload)
  @ApiConsumes('multipart/form-data')
  @UPLOAD_BODY
  @IDEMPOTENCY
  @ApiOperation({
    summary: 'Attach photos or PDFs to a problem the caller may see (with a progress note or the resolution: eventId)',
  })
  @ApiCreatedResponse({ type: AttachmentUploadResponse })
  addToProblem(
    @CurrentUser() user: AuthUser,
    @Param('id', problemId) id: string,
    @UploadedFiles() files: ReceivedFile[] | undefined,
    @Body() fields: UploadFields | undefined,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    return removingReceived(files, (received) =>
      this.attachments.addToProblem(user, id, received, textField(fields?.eventId), key),
    );
  }

  @Post('visits/:id/attachments')
  @Roles('official', 'manager', 'admin')
  @UseInterceptors(AttachmentUpload)
  @ApiConsumes('multipart/form-data')
  @UPLOAD_BODY
  @IDEMPOTENCY
  @ApiOperation({ summary: 'Attach photos or PDFs to a visit the caller may see' })
  @ApiCreatedResponse({ type: AttachmentUploadResponse })
  addToVisit(
    @CurrentUser() user: AuthUser,
    @Param('id', visitId) id: string,
    @UploadedFiles() files: ReceivedFile[] | undefined,
    @Body() fields: UploadFields | undefined,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    return removingReceived(files, (received) =>
      this.attachments.addToVisit(user, id, received, textField(fields?.eventId), key),
    );
  }

  @Get('attachments/:id')
  @ApiProduces('image/jpeg', 'image/png', 'image/webp', 'application/pdf')
  @ApiOperation({ summary: 'The file, to those who may see its problem or visit (404 to anyone else)' })
  @ApiOkResponse({ description: 'the file', schema: { type: 'string', format: 'binary' } })
  async file(
    @CurrentUser() user: AuthUser,
    @Param('id', attachmentId) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return send(res, await this.attachments.open(user, id, 'file'), '');
  }

  @Get('attachments/:id/thumbnail')
  @ApiProduces('image/jpeg')
  @ApiOperation({ summary: "An image's thumbnail (JPEG, at most 320 px); 404 for a PDF" })
  @ApiOkResponse({ description: 'the thumbnail', schema: { type: 'string', format: 'binary' } })
  async thumbnail(
    @CurrentUser() user: AuthUser,
    @Param('id', attachmentId) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return send(res, await this.attachments.open(user, id, 'thumbnail'), 'thumbnail-');
  }

  @Delete('attachments/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove an attachment (the uploader, a manager or an admin); the record stays' })
  @ApiNoContentResponse({ description: 'removed' })
  async remove(@CurrentUser() user: AuthUser, @Param('id', attachmentId) id: string): Promise<void> {
    await this.attachments.remove(user, id);
  }
}

/** Runs the upload, then removes the received files before the answer goes out, whatever it is. */
async function removingReceived<T>(files: ReceivedFile[] | undefined, work: (files: ReceivedFile[]) => Promise<T>) {
  try {
    return await work(files ?? []);
  } finally {
    await removeReceived(files ?? []);
  }
}

function textField(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/**
 * The file with headers that keep it inert: its own type and nosniff, shown inline under its name,
 * and a policy that lets a PDF or an image render but runs nothing and frames nothing.
 */
function send(res: Response, content: AttachmentContent, prefix: string): StreamableFile {
  const name = prefix + content.row.originalName;
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader(
    'Content-Security-Policy',
    "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'; base-uri 'none'; form-action 'none'" +
      (content.mime === 'application/pdf' ? "; object-src 'self'" : ''),
  );
  res.setHeader('Cache-Control', 'private, max-age=3600');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  return new StreamableFile(content.stream, {
    type: content.mime,
    disposition: `inline; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
  });
}
