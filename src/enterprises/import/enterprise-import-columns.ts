import type { CreateEnterpriseDto } from '../enterprise.dto';

export type ImportField = keyof CreateEnterpriseDto;

export interface ImportColumn {
  field: ImportField;
  /** The heading of the template and of the error that lists what is expected. */
  zh: string;
  /** Other headings that name the same column (the English one first). */
  aliases: string[];
  kind: 'text' | 'boolean' | 'district';
  /** Spreadsheet column width of the template, in characters. */
  width: number;
}

/** The columns an import reads, in the template's order; any other column is ignored. */
export const IMPORT_COLUMNS: ImportColumn[] = [
  { field: 'name', zh: '企业名称', aliases: ['name'], kind: 'text', width: 32 },
  { field: 'uscc', zh: '统一社会信用代码', aliases: ['uscc'], kind: 'text', width: 22 },
  { field: 'district', zh: '县区', aliases: ['district'], kind: 'district', width: 14 },
  { field: 'industry', zh: '行业', aliases: ['industry'], kind: 'text', width: 20 },
  { field: 'isAboveScale', zh: '规上企业', aliases: ['isAboveScale'], kind: 'boolean', width: 10 },
  { field: 'isKey', zh: '重点企业', aliases: ['isKey'], kind: 'boolean', width: 10 },
  { field: 'address', zh: '地址', aliases: ['address'], kind: 'text', width: 36 },
  { field: 'contactName', zh: '联系人', aliases: ['contactName'], kind: 'text', width: 12 },
  { field: 'contactPhone', zh: '联系电话', aliases: ['contactPhone'], kind: 'text', width: 18 },
];

/** Headings compare without case, spaces, underscores or a "required" asterisk: `Contact Name`, `*企业名称`. */
function normaliseHeading(heading: string): string {
  return heading
    .replace(/^\uFEFF/, '')
    .replace(/[\s_*＊]/g, '')
    .toLowerCase();
}

const BY_HEADING = new Map<string, ImportColumn>(
  IMPORT_COLUMNS.flatMap((column) => [column.zh, ...column.aliases].map((h) => [normaliseHeading(h), column])),
);

export function columnForHeading(heading: string): ImportColumn | undefined {
  return BY_HEADING.get(normaliseHeading(heading));
}

/** `企业名称 (name), 统一社会信用代码 (uscc), …` for the message about a file without the name column. */
export function expectedHeadings(): string {
  return IMPORT_COLUMNS.map((column) => `${column.zh} (${column.aliases[0]})`).join(', ');
}

const TRUE_TEXT = new Set(['是', 'true', '1', 'yes', 'y']);
const FALSE_TEXT = new Set(['否', 'false', '0', 'no', 'n']);

/** 是/否, true/false, 1/0 (yes/no too); undefined for anything else. */
export function parseFlag(text: string): boolean | undefined {
  const value = text.trim().toLowerCase();
  if (TRUE_TEXT.has(value)) return true;
  if (FALSE_TEXT.has(value)) return false;
  return undefined;
}

export const FLAG_MESSAGE = (field: string) => `${field} must be 是 or 否 (true/false and 1/0 work too)`;
