import { once } from 'node:events';
import { Inject, Injectable } from '@nestjs/common';
import { excel } from '../../common/excel';
import type { Response } from 'express';
import { DateTime } from 'luxon';
import type { AuthUser } from '../../access/auth-user';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import type { ProblemResponse } from '../problem-response';
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

/** Writes the file row by row; at most two pages are held in memory (the one written and the next). */
interface SheetWriter {
  rows(rows: CellValue[][]): Promise<void>;
  finish(): Promise<void>;
}

@Injectable()
export class ProblemsExportService {
  constructor(
    private readonly problems: ProblemsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Streams the resolution list as the user may see it (the list's own scoping and filters), a
   * page at a time. The first page is read before anything is sent, so a failure there is an
   * ordinary error response; a failure after the first byte can only cut the download short,
   * which the client sees as a broken transfer rather than a complete-looking file.
   */
  async export(user: AuthUser, request: ExportRequest, res: Response): Promise<void> {
    const { format, lang = 'zh', ...filters } = request;
    const context: CellContext = { lang, timezone: this.config.reportTimezone };
    const pages = this.pages(user, filters);
    const first = await pages.next();

    res.status(200);
    res.setHeader('Content-Type', CONTENT_TYPES[format]);
    res.setHeader('Content-Disposition', this.contentDisposition(format));
    res.setHeader('Cache-Control', 'no-store');
    res.flushHeaders();

    try {
      const writer = format === 'xlsx' ? xlsxWriter(res, lang) : csvWriter(res, lang);
      for (let page = first; !page.done; page = await pages.next()) {
        await writer.rows(page.value.map((problem) => cells(problem, context)));
        // The client went away: read nothing past the page already asked for.
        if (res.destroyed) {
          void pages.return();
          return;
        }
      }
      await writer.finish();
    } catch (error) {
      res.destroy();
      throw error;
    }
  }

  /**
   * The list's pages. The next page is read while the current one is written, and no further:
   * the database and the writing work at the same time, and a slow client holds two pages at most.
   */
  private async *pages(
    user: AuthUser,
    filters: Omit<ExportRequest, 'format' | 'lang'>,
  ): AsyncGenerator<ProblemResponse[], void> {
    let next = this.page(user, filters, undefined);
    for (;;) {
      const { items, cursor } = await next;
      if (cursor !== undefined) {
        next = this.page(user, filters, cursor);
        // Read by the next turn; a client gone before then leaves its failure to nobody.
        next.catch(() => undefined);
      }
      yield items;
      if (cursor === undefined) return;
    }
  }

  private async page(
    user: AuthUser,
    filters: Omit<ExportRequest, 'format' | 'lang'>,
    cursor: string | undefined,
  ): Promise<{ items: ProblemResponse[]; cursor: string | undefined }> {
    const page = await this.problems.list(user, { ...filters, limit: this.config.exportPageRows, cursor });
    return { items: await this.problems.withAssists(page.items), cursor: page.nextCursor ?? undefined };
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
    async rows(rows) {
      for (const values of rows) {
        const row = sheet.addRow(xlsxValues(values));
        for (const [column, numFmt] of xlsxFormats(values)) row.getCell(column).numFmt = numFmt;
        row.commit();
      }
      await drained(res);
    },
    async finish() {
      sheet.commit();
      await workbook.commit();
    },
  };
}

function csvWriter(res: Response, lang: ExportLanguage): SheetWriter {
  res.write(CSV_BOM + csvRecord(headings(lang)));
  return {
    async rows(rows) {
      if (rows.length === 0) return;
      res.write(rows.map(csvRecord).join(''));
      await drained(res);
    },
    async finish() {
      await new Promise<void>((resolve) => res.end(resolve));
    },
  };
}
