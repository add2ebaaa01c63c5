/**
 * Reading an uploaded spreadsheet into rows of text: the format (.xlsx or .csv) and the worker
 * thread that parses it under hard limits (sheet-parse.ts). What the rows mean is the import's
 * business (enterprise-import.service.ts).
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { DomainError } from '../../common/domain-error';
import type { SheetFormat, SheetLimits, Table } from './sheet-parse';
import type { ParseJob } from './sheet-parse.worker';

export type { SheetFormat, SheetLimits, SheetRow, Table } from './sheet-parse';

/** The part of an uploaded file the import reads (multer's memory storage gives these). */
export interface UploadedSheet {
  originalname: string;
  mimetype: string;
  buffer: Buffer;
}

/** The largest file accepted (the upload limit). */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;

/** What an .xlsx may unpack to: a 5 MB file of rows unpacks to a few tens of MB; a zip bomb to far more. */
export const XLSX_MAX_UNPACKED_BYTES = 100 * 1024 * 1024;
/** Cells a row may have on average before the file is refused (the template has 9 columns). */
export const CELLS_PER_ROW = 50;

/** The limits for a given row cap. */
export function sheetLimits(rows: number): SheetLimits {
  return { rows, cells: (rows + 1) * CELLS_PER_ROW, unpackedBytes: XLSX_MAX_UNPACKED_BYTES };
}

/** A parse taking longer than this is stopped (20,000 real rows take well under a second). */
const PARSE_TIMEOUT_MS = 30_000;
/** The worker's heap: far above what the limits let a file use, far below what would hurt the service. */
const WORKER_HEAP_MB = 192;
/** Workers parsing at once on one instance; more uploads wait their turn (they queue, not fail). */
const PARSES_AT_ONCE = 2;

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CSV_TYPES = ['text/csv', 'application/csv', 'text/plain', 'application/vnd.ms-excel'];

export const fileError = (message: string) => DomainError.invalidField('file', message);

/** The first sheet of an .xlsx, or a CSV file: its heading row and the rows under it. */
export async function readTable(file: UploadedSheet | undefined, limits: SheetLimits): Promise<Table> {
  if (!file) throw fileError('a file is required: send an .xlsx or .csv file in the multipart field "file"');
  const format = sheetFormat(file);
  if (!format) throw fileError('must be an .xlsx or .csv file');
  if (file.buffer.length === 0) throw fileError('the file is empty');
  await turns.acquire();
  try {
    return await parseInWorker({ format, bytes: file.buffer, limits });
  } finally {
    turns.release();
  }
}

/** A counting semaphore: at most `size` holders, the others wait in order. */
class Turns {
  private held = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly size: number) {}

  acquire(): Promise<void> {
    if (this.held < this.size) {
      this.held += 1;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.held -= 1;
  }
}

const turns = new Turns(PARSES_AT_ONCE);

/** By the file name's extension, or by the declared type when the name has none we know. */
function sheetFormat(file: UploadedSheet): SheetFormat | undefined {
  const name = file.originalname.toLowerCase();
  if (name.endsWith('.xlsx')) return 'xlsx';
  if (name.endsWith('.csv')) return 'csv';
  if (/\.[a-z0-9]{1,5}$/.test(name)) return undefined;
  const type = file.mimetype.split(';')[0]!.trim().toLowerCase();
  if (type === XLSX_TYPE) return 'xlsx';
  if (CSV_TYPES.includes(type)) return 'csv';
  return undefined;
}

/**
 * The compiled worker script. Under ts-jest this module is TypeScript in src/, and the worker
 * (a plain Node thread) runs the build's JavaScript in dist/ (`npm run build` comes first).
 */
function workerScript(): string {
  const beside = path.join(__dirname, 'sheet-parse.worker.js');
  if (existsSync(beside)) return beside;
  const root = path.resolve(__dirname, '..', '..', '..');
  return path.join(root, 'dist', path.relative(root, __dirname), 'sheet-parse.worker.js');
}

function parseInWorker(job: ParseJob): Promise<Table> {
  return new Promise<Table>((resolve, reject) => {
    const worker = new Worker(workerScript(), {
      workerData: job,
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: 32 },
    });
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      outcome();
    };
    const timer = setTimeout(
      () => settle(() => reject(fileError('took too long to read: split it into smaller files'))),
      PARSE_TIMEOUT_MS,
    );
    worker.on('message', (message: { table?: Table; refused?: string; failed?: string }) => {
      if (message.table) settle(() => resolve(message.table!));
      else if (message.refused !== undefined) settle(() => reject(fileError(message.refused!)));
      else settle(() => reject(new Error(`the spreadsheet worker failed: ${message.failed}`)));
    });
    worker.on('error', (error: NodeJS.ErrnoException) =>
      settle(() =>
        reject(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? fileError('is too large to read: split it into smaller files')
            : error,
        ),
      ),
    );
    worker.on('exit', () => settle(() => reject(new Error('the spreadsheet worker stopped before it answered'))));
  });
}
