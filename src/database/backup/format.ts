/**
 * Backup and restore with Node alone (no pg_dump, no psql): one gzip file of JSON lines.
 *
 * The file, once gunzipped, is UTF-8 text, one record per line (each line ends with "\n"):
 *
 *   {"format":"jiuquan-outreach-backup","version":1,"createdAt":…,"migrations":[…],"tables":[…],…}
 *   @table {"name":"districts","columns":["code","name",…],"primaryKey":["code"]}
 *   {"code":"suzhou","name":"肃州区",…}                      one row: PostgreSQL's row_to_json
 *   …
 *   @end {"name":"districts","rows":7}
 *   @table {"name":"categories",…}
 *   …
 *   @file {"key":"<sha256>","bytes":48213,"sha256":"<hex>"}   the attachment files, after every table
 *   <the file's bytes in base64, one line>
 *   …
 *   @done {"tables":15,"rows":12345,"files":2,"sha256":"<hex>"}
 *
 * - Line 1, the header: the format and its version, when the backup was taken, the migrations the
 *   database had applied (in order; the schema the rows fit), and the tables in the order they follow.
 * - Then one section per table, parents before the tables that reference them: `@table` names the
 *   table, its columns and primary key; the rows follow in primary-key order; `@end` repeats the
 *   name and gives the number of rows.
 * - A row line is the text of `row_to_json(row)` exactly as PostgreSQL wrote it (so numbers, json
 *   values and timestamps keep every digit and character). Should that text contain a line break (a
 *   `json` column keeps its whitespace), the line is instead that text as one JSON string ("…").
 * - Then the files the rows name (FILE_COLUMNS: the attachments' stored files and thumbnails), each
 *   once, by key: `@file` gives its key, size and SHA-256, the next line its bytes in base64. A
 *   backup of a database without attachments has none; `files` in `@done` counts them (left out
 *   when there are none, so such a backup is written exactly as before attachments existed).
 * - `@done`, the last line: the number of tables, rows and files, and the SHA-256 of every byte before it.
 *   A file that lacks it, or whose checksum does not match, is incomplete or damaged.
 *
 * A restore goes into an empty database, in one transaction: the migrations the backup was taken at
 * run first (those already applied are skipped), the seeded reference rows are replaced by the
 * backup's, every table's rows are inserted, identity sequences are set past the highest id, and the
 * migrations newer than the backup run last, over the restored rows. Any error rolls all of it back.
 */
import { promises as fs } from 'node:fs';
import type { Readable } from 'node:stream';

export const BACKUP_FORMAT = 'jiuquan-outreach-backup';
export const BACKUP_VERSION = 1;

/** Rows per FETCH when reading, and per INSERT when restoring. */
export const BATCH_SIZE = 1000;

/** Columns that name a file in the attachment store: a backup carries those files, a restore writes them back. */
export const FILE_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  attachments: ['storage_key', 'thumbnail_key'],
};

/**
 * The attachment store as a backup sees it (the service's AttachmentStorage fits): read a file by
 * its key, write one back under its key.
 */
export interface BackupFileStore {
  get(key: string): Promise<Readable>;
  restore(key: string, content: Buffer): Promise<void>;
}

/**
 * The tables the migrations fill with rows (the reference rows of ReferenceData and ManagersTools,
 * the tiers' visit intervals of Outreach, the settled figures' generation of SettledFigures). A
 * database holding rows in these alone is still empty; a restore replaces their rows with the
 * backup's.
 */
export const SEEDED_TABLES: readonly string[] = [
  'districts',
  'categories',
  'calendar_days',
  'tier_intervals',
  'settled_generation',
];

/**
 * Tables of rows computed from the others (the settled figures), which a service started on the
 * new database may have written before the restore: they do not make it non-empty, and a restore
 * clears them, then brings back the backup's.
 */
export const DERIVED_TABLES: readonly string[] = ['settled_figures'];

/** A refusal or a damaged file: the message says what is wrong and what to do; nothing was changed. */
export class BackupError extends Error {}

export interface BackupHeader {
  format: string;
  version: number;
  createdAt: string;
  migrations: string[];
  tables: string[];
  postgres?: string;
}

export interface TableCount {
  name: string;
  rows: number;
}

export interface BackupSummary {
  file: string;
  createdAt: string;
  migrations: string[];
  tables: TableCount[];
  rows: number;
  /** Attachment files carried, and their bytes before compression. */
  files: number;
  fileBytes: number;
  bytes: number;
  seconds: number;
}

export interface RestoreSummary {
  file: string;
  /** When the backup was taken (from its header). */
  createdAt: string;
  tables: TableCount[];
  rows: number;
  /** Attachment files written back to the store. */
  files: number;
  /** Migrations run inside the restore, before the rows (the database had no schema yet) and after them (newer than the backup). */
  migrationsBefore: string[];
  migrationsAfter: string[];
  seconds: number;
}

// Files on disk

export async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

export function isFileSystemError(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code);
}
