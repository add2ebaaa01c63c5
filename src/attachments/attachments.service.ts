import type { EntityManager } from 'typeorm';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AuthUser } from '../access/auth-user';
import { DomainError } from '../common/domain-error';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { cleanName, prepareFile, type PreparedFile } from './attachment-content';
import { ATTACHMENT_STORAGE, type AttachmentStorage } from './attachment-storage';
import type { ReceivedFile } from './attachment-upload';
import { AttachmentResponse, AttachmentUploadResponse, toAttachmentResponse } from './attachment.response';
import { AttachmentInsert, AttachmentsRepository, type StoredAttachmentRow } from './attachments.repository';

/** An event id as the API writes it: a positive whole number. */
const EVENT_ID = /^[1-9][0-9]{0,17}$/;

/** The bytes of an attachment to send, with what the response says about them. */
export interface AttachmentContent {
  row: StoredAttachmentRow;
  mime: string;
  stream: Readable;
}

interface Owner {
  ownerKind: 'problem' | 'visit';
  problemId: string | null;
  visitId: string | null;
  eventId: string | null;
}

/**
 * Attachments of problems and visits: who may add, see and remove them, and what is stored (see
 * prepareFile). Uploads are idempotent under an `Idempotency-Key` like the creates they follow.
 */
@Injectable()
export class AttachmentsService {
  private readonly logger = new Logger('Attachments');

  constructor(
    private readonly repository: AttachmentsRepository,
    private readonly idempotency: IdempotencyService,
    @Inject(ATTACHMENT_STORAGE) private readonly storage: AttachmentStorage,
  ) {}

  /** Files for a problem the user may see, optionally tied to an event of it that the user recorded. */
  async addToProblem(
    user: AuthUser,
    problemId: string,
    files: ReceivedFile[],
    eventIdText: string | undefined,
    key: string | undefined,
  ): Promise<AttachmentUploadResponse> {
    if (!(await this.repository.problemVisible(user, problemId))) throw DomainError.notFound('problem');
    const eventId = parseEventId(eventIdText);
    return this.add(user, { ownerKind: 'problem', problemId, visitId: null, eventId }, files, key);
  }

  /** Files for a visit the user may see. */
  async addToVisit(
    user: AuthUser,
    visitId: string,
    files: ReceivedFile[],
    eventIdText: string | undefined,
    key: string | undefined,
  ): Promise<AttachmentUploadResponse> {
    if (!(await this.repository.visitVisible(user, visitId))) throw DomainError.notFound('visit');
    if (eventIdText !== undefined)
      throw DomainError.invalidField('eventId', "only a problem's attachment names an event");
    return this.add(user, { ownerKind: 'visit', problemId: null, visitId, eventId: null }, files, key);
  }

  private async add(
    user: AuthUser,
    owner: Owner,
    files: ReceivedFile[],
    key: string | undefined,
  ): Promise<AttachmentUploadResponse> {
    if (files.length === 0)
      throw DomainError.invalidField('file', 'send at least one file in the multipart field "file"');
    const names = files.map((file) => cleanName(file.originalname));
    // What a retry is recognised by: the item, the event and the bytes of each file as sent.
    const fingerprint = {
      ...owner,
      files: await Promise.all(files.map(async (file, i) => ({ name: names[i], sha256: await sha256Of(file.path) }))),
    };
    // One at a time: a decoded photo takes tens of MB; ten at once would take the rest.
    const prepared: PreparedFile[] = [];
    for (const [i, file] of files.entries()) prepared.push(await prepareFile(file.path, names[i]!));

    // Stored before the rows: the keys are content hashes, so a retry stores nothing new, and a
    // rolled-back insert leaves only files no row names (see docs/domain.md, Attachments).
    const inserts: AttachmentInsert[] = [];
    for (const [i, file] of prepared.entries()) {
      const stored = await this.storage.put(file.kind === 'image' ? file.content : createReadStream(file.path));
      const thumbnail = file.kind === 'image' ? await this.storage.put(file.thumbnail) : null;
      inserts.push({
        ...owner,
        kind: file.kind,
        mime: file.mime,
        size: stored.size,
        sha256: stored.sha256,
        storageKey: stored.key,
        thumbnailKey: thumbnail?.key ?? null,
        originalName: names[i]!,
        width: file.kind === 'image' ? file.width : null,
        height: file.kind === 'image' ? file.height : null,
        createdBy: user.id,
      });
    }

    const route = owner.ownerKind === 'problem' ? 'POST /problems/:id/attachments' : 'POST /visits/:id/attachments';
    return this.idempotency.run(user.id, key, { route, body: fingerprint }, async (em) => {
      if (owner.problemId !== null && !(await this.repository.problemVisible(user, owner.problemId, em)))
        throw DomainError.notFound('problem');
      if (owner.eventId !== null) {
        const event = await this.repository.eventActor(em, owner.problemId!, owner.eventId);
        if (!event) throw DomainError.invalidField('eventId', 'no such event of this problem');
        if (event.actorId !== user.id)
          throw DomainError.invalidField('eventId', 'attach files only to an event you recorded');
      }
      const rows = await this.repository.insert(em, inserts);
      return { items: rows.map(toAttachmentResponse) };
    });
  }

  /** The attachments of a problem, for its page and timeline (the caller has checked visibility). */
  async ofProblem(problemId: string, em?: EntityManager): Promise<AttachmentResponse[]> {
    return (await this.repository.forProblem(problemId, em)).map(toAttachmentResponse);
  }

  /** The attachments of a visit (the caller has checked visibility). */
  async ofVisit(visitId: string): Promise<AttachmentResponse[]> {
    return (await this.repository.forVisit(visitId)).map(toAttachmentResponse);
  }

  /** The stored file or its thumbnail, when the user may see the item it belongs to; 404 otherwise. */
  async open(user: AuthUser, id: string, variant: 'file' | 'thumbnail'): Promise<AttachmentContent> {
    const row = await this.repository.findVisible(user, id);
    const key = variant === 'file' ? row?.storageKey : row?.thumbnailKey;
    if (!row || !key) throw DomainError.notFound('attachment');
    try {
      const stream = await this.storage.get(key);
      return { row, stream, mime: variant === 'file' ? row.mime : 'image/jpeg' };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      this.logger.error(`attachment ${id}: its file ${key} is missing from the store`);
      throw DomainError.notFound('attachment');
    }
  }

  /** Removes an attachment from its item (soft: the row records who and when); the uploader's or a manager's. */
  async remove(user: AuthUser, id: string): Promise<void> {
    const row = await this.repository.findVisible(user, id);
    if (!row) throw DomainError.notFound('attachment');
    if (row.createdBy !== user.id && user.role !== 'manager' && user.role !== 'admin') {
      throw DomainError.forbidden('only the uploader or a manager may remove an attachment');
    }
    if (!(await this.repository.markDeleted(id, user.id))) throw DomainError.notFound('attachment');
  }
}

function parseEventId(text: string | undefined): string | null {
  if (text === undefined || text === '') return null;
  if (!EVENT_ID.test(text)) throw DomainError.invalidField('eventId', "must be the id of one of the problem's events");
  return text;
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
}
