import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { ATTACHMENT_STORAGE, createAttachmentStorage } from './attachment-storage';
import { AttachmentUpload } from './attachment-upload';
import { AttachmentsController } from './attachments.controller';
import { AttachmentsRepository } from './attachments.repository';
import { AttachmentsService } from './attachments.service';

@Module({
  imports: [IdempotencyModule],
  controllers: [AttachmentsController],
  providers: [
    AttachmentsRepository,
    AttachmentsService,
    AttachmentUpload,
    {
      provide: ATTACHMENT_STORAGE,
      useFactory: (config: AppConfig) => createAttachmentStorage(config),
      inject: [APP_CONFIG],
    },
  ],
  exports: [AttachmentsService],
})
export class AttachmentsModule {}
