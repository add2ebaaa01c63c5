import type ExcelJS from 'exceljs';

let exceljs: typeof ExcelJS | undefined;

/**
 * exceljs, loaded on first use: loading it takes about 0.3 s, which every start-up would otherwise
 * pay before its first request, for the few requests that read or write a workbook.
 */
export function excel(): typeof ExcelJS {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy require is the point
  exceljs ??= require('exceljs') as typeof ExcelJS;
  return exceljs;
}
