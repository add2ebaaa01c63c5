import { createHash, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import type { AppConfig } from '../config/app-config';

/** What the store answers for a file it took: its key, its size and the SHA-256 of its bytes. */
export interface StoredFile {
  key: string;
  size: number;
  sha256: string;
}

/**
 * Where attachment files live. The rest of the service knows only this interface: the rows in
 * `attachments` name files by the key `put` answered. The local store is the only one today
 * (`ATTACHMENT_STORAGE=local`); an S3-compatible store would implement the same five methods
 * (content-addressed keys as object names, `put` as a PutObject of a temporary name then a copy, or a
 * PutObject with a checksum) and be chosen in `createAttachmentStorage`.
 */
export interface AttachmentStorage {
  /** Stores the bytes and answers their key. The same bytes give the same key; a second put is a no-op. */
  put(content: Buffer | Readable): Promise<StoredFile>;
  /** The bytes of a stored file; rejects with an error whose `code` is `ENOENT` when there is none. */
  get(key: string): Promise<Readable>;
  /** Removes a file; removing a missing one is not an error. */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
  /** Writes the bytes a backup carried under the key they had; refuses bytes that do not match the key. */
  restore(key: string, content: Buffer): Promise<void>;
}

export const ATTACHMENT_STORAGE = Symbol('ATTACHMENT_STORAGE');

const KEY = /^[0-9a-f]{64}$/;

/**
 * Files under `<root>/<first two hex digits>/<sha256>`, content-addressed: the key is the SHA-256 of
 * the bytes. A file is written under a temporary name in `<root>/tmp/`, flushed to disk, then renamed
 * into place, so a crash never leaves a half-written file under a key.
 */
export class LocalAttachmentStorage implements AttachmentStorage {
  readonly tmpDir: string;

  constructor(readonly root: string) {
    this.tmpDir = path.join(root, 'tmp');
  }

  async put(content: Buffer | Readable): Promise<StoredFile> {
    await fs.mkdir(this.tmpDir, { recursive: true });
    const temp = path.join(this.tmpDir, `put-${process.pid}-${randomBytes(8).toString('hex')}`);
    const hash = createHash('sha256');
    let size = 0;
    const source = Buffer.isBuffer(content) ? Readable.from([content]) : content;
    try {
      const handle = await fs.open(temp, 'wx', 0o600);
      try {
        for await (const chunk of source as AsyncIterable<Buffer>) {
          hash.update(chunk);
          size += chunk.length;
          await handle.write(chunk);
        }
        await handle.sync();
      } finally {
        await handle.close();
      }
      const sha256 = hash.digest('hex');
      const target = this.pathOf(sha256);
      await fs.mkdir(path.dirname(target), { recursive: true });
      await fs.rename(temp, target);
      return { key: sha256, size, sha256 };
    } catch (error) {
      await fs.rm(temp, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<Readable> {
    const file = this.pathOf(key);
    // Open first, so a missing file rejects here rather than in the middle of a response.
    const handle = await fs.open(file, 'r');
    return handle.createReadStream();
  }

  async delete(key: string): Promise<void> {
    await fs.rm(this.pathOf(key), { force: true });
  }

  async exists(key: string): Promise<boolean> {
    return fs.access(this.pathOf(key)).then(
      () => true,
      () => false,
    );
  }

  async restore(key: string, content: Buffer): Promise<void> {
    if (createHash('sha256').update(content).digest('hex') !== key) {
      throw new Error(`the bytes of file ${key} do not match its key`);
    }
    await this.put(content);
  }

  /** The path of a key; a key that is not a SHA-256 in hex names nothing (never a path outside the root). */
  pathOf(key: string): string {
    if (!KEY.test(key)) throw Object.assign(new Error(`not a file key: ${key.slice(0, 80)}`), { code: 'ENOENT' });
    return path.join(this.root, key.slice(0, 2), key);
  }
}

/** The store the configuration names (`ATTACHMENT_STORAGE`). */
export function createAttachmentStorage(config: AppConfig): AttachmentStorage {
  switch (config.attachments.storage) {
    case 'local':
      return new LocalAttachmentStorage(path.join(config.dataDir, 'attachments'));
  }
}

/** Drains a stream into one buffer (the files here are at most a few MB). */
export async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}
