/**
 * Parsing an uploaded spreadsheet into rows of text, as a stream with hard limits: rows and cells
 * are counted while they are read and parsing stops at the first one past a limit; an .xlsx is
 * inflated entry by entry with a counter of the bytes it really inflates to (the sizes its zip
 * directory declares are not believed). Runs in a worker thread (sheet-parse.worker.ts); nothing
 * here touches Nest or the database.
 */
import { StringDecoder } from 'node:string_decoder';
import { CsvError, parse } from 'csv-parse/sync';
import { createInflateRaw } from 'node:zlib';

export type SheetFormat = 'xlsx' | 'csv';

export interface SheetLimits {
  /** Data rows (rows under the headings holding any text). */
  rows: number;
  /** Cells of all rows, empty ones included (a row counts as wide as its last cell). */
  cells: number;
  /** Bytes the parts of an .xlsx that are read may inflate to, all together. */
  unpackedBytes: number;
}

export interface SheetRow {
  /** The row number as the spreadsheet shows it: the heading row is 1. */
  number: number;
  cells: string[];
}

export interface Table {
  headings: string[];
  /** The rows under the headings that hold any text. */
  rows: SheetRow[];
}

/** What is wrong with the file, in words for the `file` field of a 400. */
export class SheetError extends Error {}

/** Collects rows, counting rows and cells as they come and stopping at the first past a limit. */
class TableBuilder {
  private headings: string[] = [];
  private readonly rows: SheetRow[] = [];
  private cells = 0;

  constructor(private readonly limits: SheetLimits) {}

  /** Cells met inside a row before it is complete (an .xlsx row of many empty cells). */
  countCells(n: number): void {
    this.cells += n;
    if (this.cells > this.limits.cells) {
      throw new SheetError(
        `has more than ${this.limits.cells} cells (empty ones included): keep only the columns of the template and split the file`,
      );
    }
  }

  /** A complete row; `counted` cells of it were already counted by countCells. */
  add(number: number, cells: string[], counted = 0): void {
    if (cells.length > counted) this.countCells(cells.length - counted);
    if (number === 1) {
      this.headings = cells;
      return;
    }
    if (number < 1 || !cells.some((cell) => cell.trim() !== '')) return;
    if (this.rows.length >= this.limits.rows) {
      throw new SheetError(`has more than ${this.limits.rows} rows: split it into files of at most that many rows`);
    }
    this.rows.push({ number, cells });
  }

  table(): Table {
    return { headings: this.headings, rows: this.rows };
  }
}

export async function parseSheet(format: SheetFormat, bytes: Uint8Array, limits: SheetLimits): Promise<Table> {
  const builder = new TableBuilder(limits);
  if (format === 'csv') {
    parseCsv(decodeText(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)), (cells, number) =>
      builder.add(number, cells),
    );
  } else {
    await readXlsx(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), limits, builder);
  }
  return builder.table();
}

// ---------------------------------------------------------------- CSV

/** UTF-8 (with or without a byte-order mark), or GB18030 as Excel on a Chinese Windows saves CSV. */
export function decodeText(buffer: Buffer): string {
  // Text has no control characters but tab and line ends; binary data nearly always does.
  if (buffer.some((byte) => byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d)) {
    throw new SheetError('could not be read as a CSV file (it holds binary data)');
  }
  for (const encoding of ['utf-8', 'gb18030']) {
    try {
      return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(buffer);
    } catch {
      // try the next encoding
    }
  }
  throw new SheetError('could not be read as a CSV file (save it as CSV UTF-8)');
}

/**
 * RFC 4180 records through csv-parse, one at a time to `record` (with its 1-based number, which is
 * the row a spreadsheet shows: blank lines are records too): records end at CRLF, a lone LF or CR;
 * a quoted field may hold commas, line ends and doubled quotes; a quote inside an unquoted field,
 * or text after a closing quote, is kept as written. Nothing is collected here: `record` may throw (a limit) and parsing stops there. The upload
 * cap bounds what one record can hold before its cells are counted.
 */
export function parseCsv(text: string, record: (cells: string[], number: number) => void): void {
  try {
    parse(text, {
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: false,
      on_record: (cells: string[], { records }) => {
        record(cells, records);
        return undefined; // keep nothing: the caller has the row
      },
    });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = (error as CsvError & { lines?: number }).lines;
    if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
      throw new SheetError('could not be read as a CSV file: a quoted field never closes (a " is missing)');
    }
    throw new SheetError(`could not be read as a CSV file (line ${line}: ${error.message})`);
  }
}

// ---------------------------------------------------------------- xlsx

interface ZipEntry {
  method: number;
  /** Where the entry's data starts and how many compressed bytes it has. */
  start: number;
  size: number;
}

const notXlsx = () => new SheetError('could not be read as an .xlsx spreadsheet');

/** The entries of a zip by name, from its central directory (zip64 and encrypted entries refused). */
function zipEntries(buffer: Buffer): Map<string, ZipEntry> {
  const END = 0x06054b50;
  const ENTRY = 0x02014b50;
  const LOCAL = 0x04034b50;
  let end = -1;
  for (let i = buffer.length - 22; i >= Math.max(0, buffer.length - 22 - 0xffff); i -= 1) {
    if (buffer.readUInt32LE(i) === END) {
      end = i;
      break;
    }
  }
  if (end < 0) throw notXlsx();
  const count = buffer.readUInt16LE(end + 10);
  let at = buffer.readUInt32LE(end + 16);
  if (count === 0 || count === 0xffff || at === 0xffffffff) throw notXlsx();
  const entries = new Map<string, ZipEntry>();
  for (let k = 0; k < count; k += 1) {
    if (at + 46 > buffer.length || buffer.readUInt32LE(at) !== ENTRY) throw notXlsx();
    const flags = buffer.readUInt16LE(at + 8);
    const method = buffer.readUInt16LE(at + 10);
    const size = buffer.readUInt32LE(at + 20);
    const nameLength = buffer.readUInt16LE(at + 28);
    const local = buffer.readUInt32LE(at + 42);
    const name = buffer.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + buffer.readUInt16LE(at + 30) + buffer.readUInt16LE(at + 32);
    if (flags & 1) throw new SheetError('is an encrypted .xlsx: save it without a password');
    if (local + 30 > buffer.length || buffer.readUInt32LE(local) !== LOCAL) throw notXlsx();
    const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    if (start + size > buffer.length) throw notXlsx();
    entries.set(name.replace(/^\//, ''), { method, start, size });
  }
  return entries;
}

/** Inflates zip entries as streams, counting every byte they really inflate to against one limit. */
class Inflater {
  private inflated = 0;

  constructor(
    private readonly buffer: Buffer,
    private readonly limit: number,
  ) {}

  /** Feeds the entry's text to `text` chunk by chunk; stops at the limit whatever the zip declares. */
  async read(entry: ZipEntry, text: (chunk: string) => void): Promise<void> {
    const data = this.buffer.subarray(entry.start, entry.start + entry.size);
    const decoder = new StringDecoder('utf8');
    if (entry.method === 0) {
      this.count(data.length);
      text(decoder.write(data));
      text(decoder.end());
      return;
    }
    if (entry.method !== 8) throw notXlsx();
    const inflate = createInflateRaw({ chunkSize: 64 * 1024 });
    const done = new Promise<void>((resolve, reject) => {
      inflate.on('data', (chunk: Buffer) => {
        try {
          this.count(chunk.length);
          text(decoder.write(chunk));
        } catch (error) {
          inflate.destroy();
          reject(error);
        }
      });
      inflate.on('error', () => reject(notXlsx()));
      inflate.on('end', () => {
        try {
          text(decoder.end());
          resolve();
        } catch (error) {
          reject(error);
        }
      });
    });
    inflate.end(data);
    await done;
  }

  private count(bytes: number): void {
    this.inflated += bytes;
    if (this.inflated > this.limit) {
      throw new SheetError(
        `the spreadsheet is too large once unpacked (more than ${Math.round(this.limit / 1024 / 1024)} MB)`,
      );
    }
  }
}

type Attributes = Record<string, string>;

interface XmlHandler {
  open(name: string, attributes: Attributes, selfClosing: boolean): void;
  close(name: string): void;
  text(text: string): void;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescapeXml(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
    return ENTITIES[name] ?? whole;
  });
}

/**
 * A minimal streaming XML tokenizer for the parts of a SpreadsheetML package: tags (prefixes
 * dropped), attributes and text, fed in chunks of any size. Comments, declarations and CDATA are
 * skipped or passed as text; nothing is resolved from outside the file.
 */
class XmlStream {
  private pending = '';

  constructor(private readonly handler: XmlHandler) {}

  write(chunk: string): void {
    let data = this.pending + chunk;
    let i = 0;
    for (;;) {
      const lt = data.indexOf('<', i);
      if (lt < 0) {
        if (i < data.length) this.handler.text(unescapeXml(data.slice(i)));
        i = data.length;
        break;
      }
      if (lt > i) this.handler.text(unescapeXml(data.slice(i, lt)));
      i = lt;
      if (data.startsWith('<!--', i)) {
        const end = data.indexOf('-->', i + 4);
        if (end < 0) break;
        i = end + 3;
        continue;
      }
      if (data.startsWith('<![CDATA[', i)) {
        const end = data.indexOf(']]>', i + 9);
        if (end < 0) break;
        this.handler.text(data.slice(i + 9, end));
        i = end + 3;
        continue;
      }
      const gt = data.indexOf('>', i);
      if (gt < 0) break;
      this.tag(data.slice(i + 1, gt));
      i = gt + 1;
    }
    data = data.slice(i);
    if (data.length > 1024 * 1024) throw notXlsx(); // one tag or comment that never ends
    this.pending = data;
  }

  private tag(body: string): void {
    if (body.startsWith('?') || body.startsWith('!')) return;
    if (body.startsWith('/')) {
      this.handler.close(localName(body.slice(1).trim()));
      return;
    }
    const selfClosing = body.endsWith('/');
    const inner = selfClosing ? body.slice(0, -1) : body;
    const space = inner.search(/\s/);
    const name = localName(space < 0 ? inner : inner.slice(0, space));
    const attributes: Attributes = {};
    if (space >= 0) {
      for (const match of inner.slice(space).matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
        attributes[localName(match[1]!)] = unescapeXml(match[2] ?? match[3] ?? '');
      }
    }
    this.handler.open(name, attributes, selfClosing);
    if (selfClosing) this.handler.close(name);
  }
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** `AB12` → 28 (1-based column); undefined when the reference is not a cell's. */
function columnOf(reference: string | undefined): number | undefined {
  const letters = /^([A-Za-z]{1,3})\d+$/.exec(reference ?? '')?.[1];
  if (!letters) return undefined;
  let column = 0;
  for (const letter of letters.toUpperCase()) column = column * 26 + (letter.charCodeAt(0) - 64);
  return column;
}

/** The widest sheet Excel makes (XFD). */
const MAX_COLUMNS = 16384;
/** The most characters Excel keeps in one cell. */
const MAX_CELL_TEXT = 32767;

/** Text joined to a cell's text, refused past what Excel itself would hold. */
function append(text: string, more: string): string {
  if (text.length + more.length > MAX_CELL_TEXT) {
    throw new SheetError(`has a cell of more than ${MAX_CELL_TEXT} characters`);
  }
  return text + more;
}

async function readXlsx(buffer: Buffer, limits: SheetLimits, builder: TableBuilder): Promise<void> {
  const entries = zipEntries(buffer);
  const inflater = new Inflater(buffer, limits.unpackedBytes);
  const textOf = async (name: string, handler: XmlHandler) => {
    const entry = entries.get(name);
    if (!entry) return false;
    const xml = new XmlStream(handler);
    await inflater.read(entry, (chunk) => xml.write(chunk));
    return true;
  };

  // The first sheet of the workbook, and where it and the shared strings are.
  let firstSheetId: string | undefined;
  const workbookFound = await textOf('xl/workbook.xml', {
    open: (name, attributes) => {
      if (name === 'sheet' && firstSheetId === undefined) firstSheetId = attributes.id ?? '';
    },
    close: () => undefined,
    text: () => undefined,
  });
  if (!workbookFound) throw notXlsx();
  if (firstSheetId === undefined) throw new SheetError('the spreadsheet has no sheet');
  const targets = new Map<string, string>();
  let sharedStringsPart = 'xl/sharedStrings.xml';
  await textOf('xl/_rels/workbook.xml.rels', {
    open: (name, attributes) => {
      if (name !== 'Relationship' || !attributes.Target) return;
      const target = attributes.Target.startsWith('/')
        ? attributes.Target.slice(1)
        : `xl/${attributes.Target.replace(/^\.\//, '')}`;
      if (attributes.Id) targets.set(attributes.Id, target);
      if (attributes.Type?.endsWith('/sharedStrings')) sharedStringsPart = target;
    },
    close: () => undefined,
    text: () => undefined,
  });
  const sheetPart = targets.get(firstSheetId) ?? 'xl/worksheets/sheet1.xml';
  if (!entries.has(sheetPart)) throw notXlsx();

  // Shared strings: each <si> is its <t> texts joined (runs of rich text), phonetic guides left out.
  const shared: string[] = [];
  let current: string | undefined;
  let inText = 0;
  let inPhonetic = 0;
  await textOf(sharedStringsPart, {
    open: (name, _attributes, selfClosing) => {
      if (name === 'si') {
        current = '';
        // A string per cell at most, so the cell limit bounds the table too.
        if (shared.length >= limits.cells) throw new SheetError(`has more than ${limits.cells} different texts`);
      } else if (name === 't' && !selfClosing) inText += 1;
      else if (name === 'rPh' && !selfClosing) inPhonetic += 1;
    },
    close: (name) => {
      if (name === 'si') {
        shared.push(current ?? '');
        current = undefined;
      } else if (name === 't') inText = Math.max(0, inText - 1);
      else if (name === 'rPh') inPhonetic = Math.max(0, inPhonetic - 1);
    },
    text: (text) => {
      if (current !== undefined && inText > 0 && inPhonetic === 0) current = append(current, text);
    },
  });

  // The sheet, row by row: every <c> is counted as it is met.
  let rowNumber = 0;
  let cells: string[] = [];
  let counted = 0;
  let column = 0;
  let type = '';
  let value: string | undefined;
  let inline: string | undefined;
  let reading: 'v' | 't' | undefined;
  await textOf(sheetPart, {
    open: (name, attributes, selfClosing) => {
      switch (name) {
        case 'row': {
          const r = Number(attributes.r);
          rowNumber = Number.isInteger(r) && r > rowNumber ? r : rowNumber + 1;
          cells = [];
          counted = 0;
          column = 0;
          break;
        }
        case 'c': {
          builder.countCells(1);
          counted += 1;
          column = columnOf(attributes.r) ?? column + 1;
          if (column > MAX_COLUMNS) throw new SheetError(`has a cell past column XFD (${attributes.r})`);
          type = attributes.t ?? 'n';
          value = undefined;
          inline = undefined;
          break;
        }
        case 'v':
          if (!selfClosing) reading = 'v';
          value ??= '';
          break;
        case 'is':
          inline = '';
          break;
        case 't':
          if (inline !== undefined && !selfClosing) reading = 't';
          break;
        case 'rPh':
          if (inline !== undefined) reading = undefined;
          break;
      }
    },
    close: (name) => {
      if (name === 'v' || name === 't') reading = undefined;
      else if (name === 'c') {
        const text = cellText(type, value, inline, shared);
        // Padding up to this column counts as cells too (added when the row is complete).
        if (text !== '' && column - 1 > cells.length) cells.length = column - 1;
        if (text !== '') cells[column - 1] = text;
      } else if (name === 'row') {
        builder.add(
          rowNumber,
          Array.from(cells, (cell) => cell ?? ''),
          counted,
        );
      }
    },
    text: (text) => {
      if (reading === 'v') value = append(value ?? '', text);
      else if (reading === 't') inline = append(inline ?? '', text);
    },
  });
}

/** A cell as the text it shows: shared or inline text, a number, a formula's cached result. */
function cellText(type: string, value: string | undefined, inline: string | undefined, shared: string[]): string {
  switch (type) {
    case 's': {
      const index = Number(value);
      return Number.isInteger(index) ? (shared[index] ?? '') : '';
    }
    case 'inlineStr':
      return inline ?? value ?? '';
    case 'b':
      return value === '1' ? 'true' : value === '0' ? 'false' : (value ?? '');
    case 'n': {
      if (value === undefined || value.trim() === '') return '';
      const number = Number(value);
      return Number.isFinite(number) ? String(number) : value;
    }
    default:
      // str (a formula's text result), e (an error such as #N/A), d (an ISO date)
      return value ?? inline ?? '';
  }
}
