import { Agent } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import type { TestApp } from '../support/test-app';

/**
 * The environment of the apps these specs start: no periodic warning job (it writes events of its
 * own) and no per-address rate limit (one test client sends thousands of requests a minute).
 */
export const TEST_ENV = { WARNING_SCAN_INTERVAL_SECONDS: '0', RATE_LIMIT_PER_MINUTE: '0' };

/**
 * The app on a real loopback port, reached through one keep-alive agent. supertest given the bare
 * server binds a fresh port per request; thousands of generated requests run about a third faster
 * this way.
 */
export interface Wire {
  base: string;
  agent: Agent;
  /** A supertest request builder for `base`, on the shared agent. */
  call(method: 'get' | 'post' | 'put' | 'patch' | 'delete', path: string): request.Test;
  close(): void;
}

export async function listen(t: TestApp): Promise<Wire> {
  const server = t.app.getHttpServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // An idle socket is dropped by the client after 2 s, well before the server's 5 s keep-alive
  // timeout: otherwise a busy test process can write a request on a socket the server has just
  // closed, and the request dies with ECONNRESET through no fault of the service.
  const agent = new Agent({ keepAlive: true, maxSockets: 256, timeout: 2_000 });
  return {
    base,
    agent,
    call: (method, path) => request(base)[method](path).agent(agent),
    close: () => agent.destroy(),
  };
}

/**
 * A fingerprint of every table of the schema: the row count and an order-independent sum of a
 * 64-bit hash of each whole row. Any insert, delete or change of any column of any row changes
 * it (bar a 64-bit collision). One statement; a few milliseconds on a test database.
 */
export async function fingerprinter(t: TestApp): Promise<() => Promise<Record<string, string>>> {
  const tables: { name: string }[] = await t.db.query(
    `SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const sql = `SELECT ${tables
    .map(
      ({ name }) =>
        `(SELECT count(*)::text || ':' || COALESCE(sum(hashtextextended(x::text, 0)), 0)::text FROM "${name}" x) AS "${name}"`,
    )
    .join(', ')}`;
  return async () => (await t.db.query(sql))[0] as Record<string, string>;
}

/**
 * Which tables changed since the last call. A committed write always advances the server's WAL
 * insert position, so while that position stands still nothing can have changed and the (dearer)
 * fingerprint is skipped; when it moved (our write, or any other database of the server, or hint
 * bits) the fingerprints are compared table by table.
 */
export interface ChangeDetector {
  changed(): Promise<string[]>;
  /** Forget changes made since the last call (after an accepted request). */
  rebase(): Promise<void>;
  fingerprints: number;
}

export async function changeDetector(t: TestApp): Promise<ChangeDetector> {
  const fingerprint = await fingerprinter(t);
  const lsn = async (): Promise<string> => (await t.db.query(`SELECT pg_current_wal_insert_lsn()::text AS at`))[0].at;
  let position = await lsn();
  let base = await fingerprint();
  const detector: ChangeDetector = {
    fingerprints: 1,
    async changed() {
      const now = await lsn();
      if (now === position) return [];
      position = now;
      const next = await fingerprint();
      detector.fingerprints += 1;
      const changed = changedTables(base, next);
      base = next;
      return changed;
    },
    async rebase() {
      position = await lsn();
      base = await fingerprint();
      detector.fingerprints += 1;
    },
  };
  return detector;
}

/** The tables whose fingerprint differs. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys({ ...before, ...after }).filter((table) => before[table] !== after[table]);
}

/** One figure line, in the form the campaign's collector greps for. */
export function figure(name: string, values: Record<string, string | number>): void {
  const pairs = Object.entries(values).map(([k, v]) => `${k}=${v}`);
  process.stdout.write(`RELIABILITY ${name}: ${pairs.join(' ')}\n`);
}

/** JSON of a value for a failure message, cut short so that a 90 kB input does not flood the log. */
export function preview(value: unknown, max = 400): string {
  let text: string;
  try {
    text = typeof value === 'string' ? value : JSON.stringify(value);
  } catch {
    text = String(value);
  }
  text ??= String(value);
  return text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text;
}
