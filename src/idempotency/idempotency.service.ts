import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DomainError, ErrorCode } from '../common/domain-error';
import { IdempotencyRepository } from './idempotency.repository';

const KEY = /^[\x21-\x7e]{1,200}$/;

/** The value with every object's keys in sorted order, at every depth; arrays keep their order. */
export function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/** What a stored key is compared by: the route and the body, key order aside. */
export function requestFingerprint(route: string, body: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify([route, canonical(body)]))
    .digest('hex');
}

/**
 * Runs a create at most once per (user, Idempotency-Key). The key row is inserted in the same
 * transaction as the create (without a key, the create runs in a transaction of its own, or in
 * none when it is one statement): a parallel retry blocks on it until the first commits, then reads
 * the stored answer; if the first rolls back, the retry does the work itself.
 */
@Injectable()
export class IdempotencyService {
  constructor(private readonly keys: IdempotencyRepository) {}

  async run<T>(
    userId: string,
    key: string | undefined,
    request: { route: string; body: unknown; oneStatement?: boolean },
    work: (em: EntityManager) => Promise<T>,
  ): Promise<T> {
    // Work that writes in one statement is atomic by itself: alone, it needs no transaction.
    if (key === undefined) return request.oneStatement ? work(this.keys.manager) : this.keys.transaction(work);
    if (!KEY.test(key)) {
      throw DomainError.invalidField('Idempotency-Key', 'must be 1 to 200 visible ASCII characters');
    }
    const hash = requestFingerprint(request.route, request.body);

    return this.keys.transaction(async (em) => {
      if (!(await this.keys.claim(em, userId, key, hash))) {
        const stored = await this.keys.findForUpdate(em, userId, key);
        if (stored.requestHash !== hash) {
          throw new DomainError(
            ErrorCode.IdempotencyKeyReused,
            'this Idempotency-Key was used with a different request',
          );
        }
        // A key without an answer never completed its work: do it now, under the key's row lock.
        if (stored.response !== null) return stored.response as T;
      }
      const result = await work(em);
      await this.keys.storeResponse(em, userId, key, result);
      return result;
    });
  }
}
