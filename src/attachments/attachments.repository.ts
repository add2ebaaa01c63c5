import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../access/auth-user';
import { affected, exists, maybeOne, one, rows, SqlParams } from '../common/sql';
import { visibleProblems } from '../problems/problem-access';
import { visibleVisits } from '../visits/visit-access';
import type { AttachmentKind } from './attachment-content';

export type OwnerKind = 'problem' | 'visit';

/** An attachment as the API lists it. */
export interface AttachmentRow {
  id: string;
  ownerKind: OwnerKind;
  problemId: string | null;
  visitId: string | null;
  eventId: string | null;
  kind: AttachmentKind;
  mime: string;
  size: number;
  sha256: string;
  originalName: string;
  width: number | null;
  height: number | null;
  hasThumbnail: boolean;
  createdBy: string;
  createdByName: string;
  createdAt: Date;
}

/** An attachment as it is served: where its bytes are. */
export interface StoredAttachmentRow extends AttachmentRow {
  storageKey: string;
  thumbnailKey: string | null;
}

export interface AttachmentInsert {
  ownerKind: OwnerKind;
  problemId: string | null;
  visitId: string | null;
  eventId: string | null;
  kind: AttachmentKind;
  mime: string;
  size: number;
  sha256: string;
  storageKey: string;
  thumbnailKey: string | null;
  originalName: string;
  width: number | null;
  height: number | null;
  createdBy: string;
}

const COLUMNS = `a.id, a.owner_kind AS "ownerKind", a.problem_id AS "problemId", a.visit_id AS "visitId",
  a.event_id::text AS "eventId", a.kind, a.mime, a.size, a.sha256, a.original_name AS "originalName",
  a.width, a.height, a.thumbnail_key IS NOT NULL AS "hasThumbnail", a.created_by AS "createdBy",
  u.display_name AS "createdByName", a.created_at AS "createdAt"`;

/** Every statement on `attachments`, and the visibility checks of the items they belong to. */
@Injectable()
export class AttachmentsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Whether the user may see the problem (visibleProblems); locks nothing. */
  problemVisible(user: AuthUser, problemId: string, em: EntityManager | DataSource = this.db): Promise<boolean> {
    const params = new SqlParams();
    const id = params.add(problemId);
    return exists(
      em,
      `SELECT 1 FROM problems p WHERE p.id = ${id} AND ${visibleProblems(user, params, 'p')}`,
      params.values,
    );
  }

  /** Whether the user may see the visit (visibleVisits). */
  visitVisible(user: AuthUser, visitId: string, em: EntityManager | DataSource = this.db): Promise<boolean> {
    const params = new SqlParams();
    const id = params.add(visitId);
    return exists(
      em,
      `SELECT 1 FROM visits v WHERE v.id = ${id} AND ${visibleVisits(user, params, 'v')}`,
      params.values,
    );
  }

  /** The actor of an event of this problem, or undefined when the problem has no such event. */
  async eventActor(
    em: EntityManager,
    problemId: string,
    eventId: string,
  ): Promise<{ actorId: string | null } | undefined> {
    return maybeOne(em, `SELECT actor_id AS "actorId" FROM problem_events WHERE id = $1 AND problem_id = $2`, [
      eventId,
      problemId,
    ]);
  }

  /** Inserts the rows in order; each one's created_at is the clock's, so the list keeps the order the files came in. */
  async insert(em: EntityManager, items: AttachmentInsert[]): Promise<AttachmentRow[]> {
    const ids: string[] = [];
    for (const i of items) {
      const { id } = await one<{ id: string }>(
        em,
        `INSERT INTO attachments (owner_kind, problem_id, visit_id, event_id, kind, mime, size, sha256, storage_key,
                                  thumbnail_key, original_name, width, height, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, clock_timestamp())
         RETURNING id`,
        [
          i.ownerKind,
          i.problemId,
          i.visitId,
          i.eventId,
          i.kind,
          i.mime,
          i.size,
          i.sha256,
          i.storageKey,
          i.thumbnailKey,
          i.originalName,
          i.width,
          i.height,
          i.createdBy,
        ],
      );
      ids.push(id);
    }
    const found = await rows<AttachmentRow>(
      em,
      `SELECT ${COLUMNS} FROM attachments a JOIN users u ON u.id = a.created_by WHERE a.id = ANY ($1::uuid[])`,
      [ids],
    );
    return ids.map((id) => found.find((row) => row.id === id)!);
  }

  /**
   * An attachment not removed, of an item the user may see: the problem's visibility for a problem's
   * attachment, the visit's for a visit's. Anything else answers undefined, like a missing one.
   */
  findVisible(user: AuthUser, id: string): Promise<StoredAttachmentRow | undefined> {
    const params = new SqlParams();
    const key = params.add(id);
    return maybeOne(
      this.db,
      `SELECT ${COLUMNS}, a.storage_key AS "storageKey", a.thumbnail_key AS "thumbnailKey"
         FROM attachments a
         JOIN users u ON u.id = a.created_by
         LEFT JOIN problems p ON p.id = a.problem_id
         LEFT JOIN visits v ON v.id = a.visit_id
        WHERE a.id = ${key}::uuid AND a.deleted_at IS NULL
          AND ((a.owner_kind = 'problem' AND ${visibleProblems(user, params, 'p')})
               OR (a.owner_kind = 'visit' AND ${visibleVisits(user, params, 'v')}))`,
      params.values,
    );
  }

  /** The attachments of a problem not removed, oldest first. */
  forProblem(problemId: string, em: EntityManager | DataSource = this.db): Promise<AttachmentRow[]> {
    return rows(
      em,
      `SELECT ${COLUMNS} FROM attachments a JOIN users u ON u.id = a.created_by
        WHERE a.problem_id = $1 AND a.deleted_at IS NULL ORDER BY a.created_at, a.id`,
      [problemId],
    );
  }

  /** The attachments of a visit not removed, oldest first. */
  forVisit(visitId: string, em: EntityManager | DataSource = this.db): Promise<AttachmentRow[]> {
    return rows(
      em,
      `SELECT ${COLUMNS} FROM attachments a JOIN users u ON u.id = a.created_by
        WHERE a.visit_id = $1 AND a.deleted_at IS NULL ORDER BY a.created_at, a.id`,
      [visitId],
    );
  }

  /** Marks it removed, by whom and when; false when it was removed already. */
  async markDeleted(id: string, userId: string): Promise<boolean> {
    return (
      (await affected(
        this.db,
        `UPDATE attachments SET deleted_at = now(), deleted_by = $2 WHERE id = $1 AND deleted_at IS NULL`,
        [id, userId],
      )) === 1
    );
  }
}
