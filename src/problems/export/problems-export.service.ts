import { once } from 'node:events';
import { Inject, Injectable } from '@nestjs/common';
import { excel } from '../../common/excel';
import type { Response } from 'express';
import { DateTime } from 'luxon';
import type { AuthUser } from '../../access/auth-user';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import type { ListProblemsQuery } from '../problem.dto';
import { ProblemsService } from '../problems.service';
import {
  cells,
  type CellContext,
  type CellValue,
  csvRecord,
  xlsxFormats,
  xlsxValues,
  EXPORT_COLUMNS,
  type ExportFormat,
  type ExportLanguage,
  headings,
} from './export-columns';
import { CSV_BOM } from '../../common/spreadsheet-text';

/** The list's filters (no page size or cursor: the export walks every page) plus the file's form. */
export type ExportRequest = Omit<ListProblemsQuery, 'limit' | 'cursor' | 'withTotal'> & {
  format: ExportFormat;
  lang?: ExportLanguage;
};

const CONTENT_TYPES: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

/**
 * Writes the file row by row as the rows arrive from the database; what a page wrote is handed
 * to the response before the next page is read, so a slow client holds one page at most.
 */
interface SheetWriter {
  row(values: CellValue[]): void;
  /** The page's rows are written: waits until the response has taken them. */
  pageDone(): Promise<void>;
  finish(): Promise<void>;
}

/**
 * How much CSV text (UTF-16 code units) is gathered before a write. A page's text as one string
 * (about 400 kB of mostly Chinese text, twice that in memory) is made in V8's large-object space,
 * part of the old generation, which only a full collection frees; chunks of this size are young
 * objects that die young.
 */
const CSV_CHUNK_CHARS = 16_384;

@Injectable()
export class ProblemsExportService {
  constructor(
    private readonly problems: ProblemsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Streams the resolution list as the user may see it (the list's own scoping and filters), a
   * page at a time, each row written as the database sends it. Nothing is sent before the first
   * row (or the end of an empty first page), so a failure before it (the database unreachable, a
   * bad cursor) is an ordinary error response; a failure after the first byte can only cut the
   * download short, which the client sees as a broken transfer rather than a complete-looking file.
   *
   * Rows are written as they arrive: the database sends the rest of a page while the service
   * writes its first rows, so both work at once without a page read ahead, and no page of rows is
   * held (a slow client holds only the text of the page written).
   */
  async export(user: AuthUser, request: ExportRequest, res: Response): Promise<void> {
    const { format, lang = 'zh', ...filters } = request;
    const context: CellContext = { lang, timezone: this.config.reportTimezone };
    let writer: SheetWriter | undefined;
    const started = (): SheetWriter => {
      if (writer) return writer;
      res.status(200);
      res.setHeader('Content-Type', CONTENT_TYPES[format]);
      res.setHeader('Content-Disposition', this.contentDisposition(format));
      res.setHeader('Cache-Control', 'no-store');
      res.flushHeaders();
      return (writer = format === 'xlsx' ? xlsxWriter(res, lang) : csvWriter(res, lang));
    };

    try {
      let cursor: string | null = null;
      do {
        cursor = await this.problems.exportPage(
          user,
          { ...filters, limit: this.config.exportPageRows, cursor: cursor ?? undefined },
          (problem) => started().row(cells(problem, context)),
        );
        await started().pageDone();
        // The client went away: read no further page.
        if (res.destroyed) return;
      } while (cursor !== null);
      await started().finish();
    } catch (error) {
      // Nothing sent yet: the error is answered as any other.
      if (writer) res.destroy();
      throw error;
    }
  }

  /** `problems-20250401.xlsx` for every client, `问题清单-20250401.xlsx` (RFC 5987) for those that read it. */
  private contentDisposition(format: ExportFormat): string {
    const day = DateTime.now().setZone(this.config.reportTimezone).toFormat('yyyyMMdd');
    const chinese = encodeURIComponent(`问题清单-${day}.${format}`);
    return `attachment; filename="problems-${day}.${format}"; filename*=UTF-8''${chinese}`;
  }
}

/**
 * Waits until the response has taken what was written (or has gone away). The listener left
 * waiting is removed: a long export waits hundreds of times on the same response.
 */
async function drained(res: Response): Promise<void> {
  if (!res.writableNeedDrain || res.destroyed) return;
  const done = new AbortController();
  try {
    await Promise.race([once(res, 'drain', { signal: done.signal }), once(res, 'close', { signal: done.signal })]);
  } finally {
    done.abort();
  }
}

function xlsxWriter(res: Response, lang: ExportLanguage): SheetWriter {
  const workbook = new (excel().stream.xlsx.WorkbookWriter)({ stream: res, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(lang === 'zh' ? '问题清单' : 'Problems', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = EXPORT_COLUMNS.map((column) => ({ width: column.width }));
  const heading = sheet.addRow(headings(lang));
  heading.font = { bold: true };
  heading.commit();
  return {
    row(values) {
      const row = sheet.addRow(xlsxValues(values));
      for (const [column, numFmt] of xlsxFormats(values)) row.getCell(column).numFmt = numFmt;
      row.commit();
    },
    pageDone: () => drained(res),
    async finish() {
      sheet.commit();
      await workbook.commit();
    },
  };
}

function csvWriter(res: Response, lang: ExportLanguage): SheetWriter {
  res.write(CSV_BOM + csvRecord(headings(lang)));
  let text = '';
  return {
    row(values) {
      text += csvRecord(values);
      if (text.length < CSV_CHUNK_CHARS) return;
      res.write(text);
      text = '';
    },
    async pageDone() {
      if (text) res.write(text);
      text = '';
      await drained(res);
    },
    async finish() {
      await new Promise<void>((resolve) => res.end(resolve));
    },
  };
}
