import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import multer, { MulterError } from 'multer';
import { finalize, type Observable } from 'rxjs';
import { DomainError, ErrorCode } from '../common/domain-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

/** A file as multer's disk storage leaves it: under a random name in the incoming folder. */
export type ReceivedFile = Express.Multer.File;

/** Room for the multipart boundaries, part headers and the `eventId` field beside the files. */
const MULTIPART_OVERHEAD = 64 * 1024;

const tooLarge = (message: string) =>
  new DomainError(ErrorCode.PayloadTooLarge, `file: ${message}`, { errors: [{ field: 'file', message }] });

/**
 * Receives the multipart field `file` (one or several files) and the optional text field `eventId`.
 * Files stream to disk under `DATA_DIR/attachments/incoming/` and never sit whole in memory; a file
 * past the size limit, or one file too many, stops the upload at once (413 naming `file`) and multer
 * removes what it had written. Whatever the route does, the received files are removed when the
 * request ends (the route removes them before it answers; this is the net for a route that throws
 * before its handler runs): only what the service stored remains.
 */
@Injectable()
export class AttachmentUpload implements NestInterceptor {
  private receiver?: (req: Request, res: Response, done: (error?: unknown) => void) => void;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  private get maxMb(): number {
    return this.config.attachments.maxFileBytes / 1024 / 1024;
  }

  /** Multer, made on first use (the OpenAPI document is built with a stand-in configuration). */
  private receive(req: Request, res: Response, done: (error?: unknown) => void): void {
    if (!this.receiver) {
      const incoming = path.join(this.config.dataDir, 'attachments', 'incoming');
      this.receiver = multer({
        storage: multer.diskStorage({
          destination: (_req, _file, callback) => {
            fs.mkdir(incoming, { recursive: true }).then(
              () => callback(null, incoming),
              (error: Error) => callback(error, incoming),
            );
          },
        }),
        limits: {
          fileSize: this.config.attachments.maxFileBytes,
          files: this.config.attachments.maxFiles,
          fields: 4,
          fieldSize: 1024,
          parts: this.config.attachments.maxFiles + 4,
        },
        defParamCharset: 'utf8',
      }).array('file');
    }
    this.receiver(req, res, done);
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const req = context.switchToHttp().getRequest<Request>();
    const res = context.switchToHttp().getResponse<Response>();
    const { maxFileBytes, maxFiles } = this.config.attachments;
    const declared = Number(req.headers['content-length'] ?? 0);
    // A body announced larger than the most files could be is refused before a byte is read.
    if (declared > maxFiles * (maxFileBytes + MULTIPART_OVERHEAD)) {
      throw tooLarge(`at most ${maxFiles} files of at most ${this.maxMb} MB each`);
    }
    try {
      await new Promise<void>((resolve, reject) =>
        this.receive(req, res, (error) => (error ? reject(error) : resolve())),
      );
    } catch (error) {
      throw this.refusal(error);
    }
    const files = (req.files as ReceivedFile[] | undefined) ?? [];
    return next.handle().pipe(finalize(() => void removeReceived(files)));
  }

  private refusal(error: unknown): unknown {
    if (!(error instanceof MulterError)) {
      // busboy's own (a broken body, no boundary) are the client's.
      return error instanceof Error &&
        !('code' in error && typeof error.code === 'string' && /^E[A-Z]+$/.test(error.code))
        ? DomainError.invalidField('file', 'the multipart body could not be read')
        : error;
    }
    switch (error.code) {
      case 'LIMIT_FILE_SIZE':
        return tooLarge(`each file must be at most ${this.maxMb} MB`);
      case 'LIMIT_FILE_COUNT':
        return tooLarge(`at most ${this.config.attachments.maxFiles} files per request`);
      case 'LIMIT_UNEXPECTED_FILE':
        return DomainError.invalidField(error.field ?? 'file', 'send files in the multipart field "file"');
      default:
        return DomainError.invalidField(error.field ?? 'file', 'the multipart body has too many or too long fields');
    }
  }
}

/** Removes files multer wrote for this request (those the service stored were copied into the store). */
export async function removeReceived(files: ReceivedFile[]): Promise<void> {
  await Promise.all(files.map((file) => fs.rm(file.path, { force: true })));
}
