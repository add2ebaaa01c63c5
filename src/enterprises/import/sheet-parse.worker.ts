/**
 * The worker thread that parses one uploaded spreadsheet (sheet-parse.ts), so a large or hostile
 * file costs this thread's time and memory, never the event loop that answers requests.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { parseSheet, SheetError, type SheetFormat, type SheetLimits } from './sheet-parse';

export interface ParseJob {
  format: SheetFormat;
  bytes: Uint8Array;
  limits: SheetLimits;
}

const job = workerData as ParseJob;
parseSheet(job.format, job.bytes, job.limits).then(
  (table) => parentPort!.postMessage({ table }),
  (error: unknown) =>
    parentPort!.postMessage(
      error instanceof SheetError ? { refused: error.message } : { failed: String((error as Error)?.stack ?? error) },
    ),
);
