import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { execute, exists, one } from '../common/sql';

/** A claimed key as it is stored: the hash of the request it was first used with, and the answer once there is one. */
export interface StoredKey {
  requestHash: string;
  response: unknown;
}

/** The idempotency keys per user; each statement runs in the transaction of the create it guards. */
@Injectable()
export class IdempotencyRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /** The manager outside any transaction, for work that needs none. */
  get manager(): EntityManager {
    return this.db.manager;
  }

  /** Claims the key for this request; false when it was claimed before (a parallel claim waits for its commit). */
  claim(em: EntityManager, userId: string, key: string, requestHash: string): Promise<boolean> {
    return exists(
      em,
      `INSERT INTO idempotency_keys (user_id, key, request_hash) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING RETURNING key`,
      [userId, key, requestHash],
    );
  }

  /** A key claimed before, locked until the transaction ends. */
  findForUpdate(em: EntityManager, userId: string, key: string): Promise<StoredKey> {
    return one<StoredKey>(
      em,
      `SELECT request_hash AS "requestHash", response FROM idempotency_keys
       WHERE user_id = $1 AND key = $2 FOR UPDATE`,
      [userId, key],
    );
  }

  async storeResponse(em: EntityManager, userId: string, key: string, response: unknown): Promise<void> {
    await execute(em, `UPDATE idempotency_keys SET response = $3, status_code = 201 WHERE user_id = $1 AND key = $2`, [
      userId,
      key,
      JSON.stringify(response),
    ]);
  }
}
