/** Reading a backup file: its lines, checked for damage, its header, its rows and control lines. */
import { createReadStream, promises as fs } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import { BACKUP_FORMAT, BACKUP_VERSION, BackupError, BackupHeader, isFileSystemError } from './format';

/** The lines of a gzip file, without their "\n"; a last line without one means the file was cut short. */
export async function* readLines(file: string): AsyncGenerator<string> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, 'r');
  } catch (error) {
    throw new BackupError(`cannot read ${file}: ${(error as Error).message}`);
  }
  try {
    const magic = Buffer.alloc(2);
    const { bytesRead } = await handle.read(magic, 0, 2, 0);
    if (bytesRead < 2 || magic[0] !== 0x1f || magic[1] !== 0x8b) {
      throw new BackupError(`${file} is not a backup: it is not gzip-compressed`);
    }
  } finally {
    await handle.close();
  }

  const source = createReadStream(file);
  const gunzip = createGunzip();
  source.on('error', (error) => gunzip.destroy(error));
  source.pipe(gunzip);
  const decoder = new StringDecoder('utf8');
  let rest = '';
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      const text = rest + decoder.write(chunk);
      let start = 0;
      for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
        yield text.slice(start, end);
        start = end + 1;
      }
      rest = text.slice(start);
    }
    rest += decoder.end();
  } catch (error) {
    if (error instanceof BackupError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code.startsWith('Z_')) {
      throw new BackupError(`${file} is damaged or incomplete (${(error as Error).message})`);
    }
    if (isFileSystemError(error)) throw new BackupError(`cannot read ${file}: ${(error as Error).message}`);
    throw error;
  } finally {
    source.destroy();
    gunzip.destroy();
  }
  if (rest.length > 0) throw new BackupError(`${file} is incomplete: it ends in the middle of a line`);
}

export function parseHeader(line: string | undefined, file: string): BackupHeader {
  let header: Partial<BackupHeader>;
  try {
    header = JSON.parse(line ?? '') as Partial<BackupHeader>;
  } catch {
    throw new BackupError(`${file} is not a backup of this service: its first line is not a backup header`);
  }
  if (header?.format !== BACKUP_FORMAT) {
    throw new BackupError(`${file} is not a backup of this service (format "${String(header?.format)}")`);
  }
  if (header.version !== BACKUP_VERSION) {
    throw new BackupError(
      `${file} is a backup in format version ${String(header.version)}; this version reads version ${BACKUP_VERSION}`,
    );
  }
  const strings = (value: unknown) => Array.isArray(value) && value.every((v) => typeof v === 'string');
  if (!strings(header.migrations) || !strings(header.tables) || typeof header.createdAt !== 'string') {
    throw new BackupError(`${file} has a damaged header (migrations, tables or createdAt missing)`);
  }
  return header as BackupHeader;
}

/** The header of a backup file: when it was taken, at which migration, which tables. */
export async function readBackupHeader(file: string): Promise<BackupHeader> {
  const lines = readLines(file);
  try {
    const first = await lines.next();
    return parseHeader(first.done ? undefined : first.value, file);
  } finally {
    await lines.return(undefined);
  }
}

/** A row line written as a JSON string (its text has a line break): the row's text again. */
export function decodeRow(line: string, lineNumber: number, file: string): string {
  try {
    const row: unknown = JSON.parse(line);
    if (typeof row === 'string' && row.startsWith('{')) return row;
  } catch {
    // reported below
  }
  throw new BackupError(`${file} is damaged at line ${lineNumber}: not a row`);
}

/** A control line (`@table {…}`) split into its keyword and its JSON object. */
export function controlLine(line: string, lineNumber: number, file: string): { keyword: string; value: any } {
  const space = line.indexOf(' ');
  const keyword = space < 0 ? line : line.slice(0, space);
  try {
    const value = JSON.parse(line.slice(space + 1));
    if (value !== null && typeof value === 'object') return { keyword, value };
  } catch {
    // reported below
  }
  throw new BackupError(`${file} is damaged at line ${lineNumber}: "${line.slice(0, 80)}"`);
}
