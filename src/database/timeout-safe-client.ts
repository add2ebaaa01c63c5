import { Client } from 'pg';

/**
 * pg's `query_timeout` hands the caller an error but leaves the query running on the connection;
 * back in the pool, that connection would later finish the abandoned statement inside a stale
 * transaction and lend it to the next request. A client whose query read timed out therefore
 * closes its connection, and the pool replaces it.
 */
export class TimeoutSafeClient extends Client {
  override query(...args: unknown[]): never {
    const result = (Client.prototype.query as (...a: unknown[]) => unknown).apply(this, args);
    if (result instanceof Promise) {
      result.catch((error: unknown) => {
        if ((error as Error | undefined)?.message === 'Query read timeout') {
          (this as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
        }
      });
    }
    return result as never;
  }
}
