import fc from 'fast-check';

/**
 * Generators of bad input for the fuzz spec: wrong types, odd Unicode, out-of-range instants,
 * deep nesting, and mutations of a valid body (a field replaced, dropped, or one added).
 */

/** JSON text spliced into a body verbatim: nesting too deep for JSON.stringify, literals it cannot write. */
export class RawJson {
  constructor(readonly text: string) {}
}

/** JSON of a generated value (RawJson inlined). Lone surrogates come out as \ud800 escapes, as JSON.stringify writes them. */
export function toJson(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map(toJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return `{${Object.keys(record)
      .map((key) => `${JSON.stringify(key)}:${toJson(record[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const NASTY_TEXTS = [
  '',
  ' ',
  '   ',
  '\t\n',
  '\u0000',
  'a\u0000b',
  '\u0000\u0000\u0000',
  '\u0001\u0002\u001f\u007f',
  '\ud800',
  'x\udfffy',
  '\udc00\ud800',
  '\u202eevil\u202c.txt',
  '\u200f\u200e',
  'مرحبا بالعالم',
  'שלום\u200f',
  '\u200b',
  '\u2060',
  '\ufeff',
  '\ufffe\uffff',
  '😀',
  '👨‍👩‍👧‍👦',
  '🏳️‍🌈',
  '😀'.repeat(60),
  'e\u0301',
  'Z\u0351\u0308\u0334\u0321\u0327\u0338\u035a'.repeat(8),
  '\u0301\u0301\u0301',
  '酒泉市肃州区',
  '𠮷野家',
  '\u3000',
  '\u00a0',
  '\u2028\u2029',
  '\r\n',
  '\u0085',
  "'; DROP TABLE problems; --",
  "' OR '1'='1",
  '%s%s%n',
  '${7*7}',
  '{{7*7}}',
  '<script>alert(1)</script>',
  '../../../etc/passwd',
  '=HYPERLINK("http://x")',
  '@SUM(1)',
  'null',
  'undefined',
  'NaN',
  'true',
  '0',
  '-1',
  '1e309',
  '\\',
  '"',
  '\\u0000',
  '%00',
  'A'.repeat(41),
  'A'.repeat(101),
  'A'.repeat(201),
  'A'.repeat(301),
  'A'.repeat(2001),
  'A'.repeat(5001),
];

const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n));

/** Text of every kind: named nasties, any UTF-16 code units (lone surrogates included), graphemes, huge runs. */
export const text: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...NASTY_TEXTS) },
  { weight: 2, arbitrary: fc.string({ unit: anyCodeUnit, maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.constantFrom('x', '酒', '😀', ' ', '\u0000', 'e\u0301'),
        fc.constantFrom(100, 101, 200, 201, 300, 2000, 2001, 5001, 20_000, 60_000),
      )
      .map(([unit, n]) => unit.repeat(n)),
  },
);

/** Text made for HTTP header values: visible ASCII and Latin-1 (Node refuses anything else on the wire). */
export const headerText = fc.oneof(
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((n) => String.fromCharCode(n)), maxLength: 60 }),
  fc.constantFrom('', ' ', '\t', 'clé', '\u00ff\u00fe', 'x'.repeat(201), 'x'.repeat(5000)),
);

export const number: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    0,
    -0,
    1,
    -1,
    0.5,
    1.5,
    365,
    366,
    2_147_483_647,
    2_147_483_648,
    -2_147_483_649,
    1e308,
    -1e308,
    5e-324,
  ),
  fc.constant(Number.MAX_SAFE_INTEGER + 2),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc
    .constantFrom('1e999', '-1e999', `1${'0'.repeat(400)}`, `0.${'0'.repeat(400)}1`, '-0.0', '1E2')
    .map((t) => new RawJson(t)),
);

/** Instants out of range, malformed, without an offset, on impossible dates, and random ones. */
export const instant: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    '0000-01-01T00:00:00Z',
    '0001-01-01T00:00:00+00:00',
    '1899-12-31T23:59:59Z',
    '1969-12-31T23:59:59.999Z',
    '1999-12-31T23:59:59Z',
    '2000-01-01T00:00:00Z',
    '2099-12-31T23:59:59Z',
    '2100-01-01T00:00:00Z',
    '9999-12-31T23:59:59Z',
    '+275760-09-13T00:00:00Z',
    '-271821-04-20T00:00:00Z',
    '+010000-01-01T00:00:00Z',
    '2025-02-29T00:00:00Z',
    '2025-02-30T10:00:00+08:00',
    '2025-13-01T00:00:00Z',
    '2025-00-10T00:00:00Z',
    '2025-01-01T24:00:00Z',
    '2025-01-01T23:60:00Z',
    '2025-01-01T23:59:60Z',
    '2025-01-01T00:00:00+24:00',
    '2025-01-01T00:00:00+14:01',
    '2025-01-01T00:00:00-12:30',
    '2025-01-01T00:00:00.1234567Z',
    '2025-01-01',
    '2025-01-01T00:00:00',
    '2025-01-01 00:00:00+08',
    '20250101T000000Z',
    '2025-W01-1',
    '2025-001',
    'Infinity',
    'now',
    ' 2025-01-01T00:00:00Z',
  ),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  fc
    .tuple(
      fc.date({ noInvalidDate: true, min: new Date('1990-01-01T00:00:00Z'), max: new Date('2200-01-01T00:00:00Z') }),
      fc.constantFrom('Z', '+08:00', '-00:00', '+23:59', '+0800', '+08', ''),
    )
    .map(([d, offset]) => d.toISOString().slice(0, 19) + offset),
  fc.integer({ min: -1e12, max: 1e13 }),
);

const depth = fc.oneof(
  fc.integer({ min: 2, max: 200 }),
  fc.integer({ min: 200, max: 5_000 }),
  fc.integer({ min: 5_000, max: 50_000 }),
);

/** Arrays or objects nested up to 50,000 deep (the deepest exceed the body limit). */
export const deep: fc.Arbitrary<RawJson> = fc
  .tuple(depth, fc.constantFrom('array', 'object'))
  .map(
    ([n, kind]) =>
      new RawJson(kind === 'array' ? `${'['.repeat(n)}1${']'.repeat(n)}` : `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`),
  );

/** Values shaped like ids: random and nil UUIDs, malformed ones, and real ids of the wrong kind. */
export function idLike(known: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    fc.uuid(),
    fc.constantFrom(
      '00000000-0000-0000-0000-000000000000',
      'ffffffff-ffff-ffff-ffff-ffffffffffff',
      '6F9619FF-8B86-D011-B42D-00C04FC964FF',
      '{6f9619ff-8b86-d011-b42d-00c04fc964ff}',
      '6f9619ff8b86d011b42d00c04fc964ff',
      ' 6f9619ff-8b86-d011-b42d-00c04fc964ff',
      '6f9619ff-8b86-d011-b42d-00c04fc964f',
      '6f9619ff-8b86-d011-b42d-00c04fc964ffz',
    ),
    ...(known.length ? [fc.constantFrom(...known)] : []),
  );
}

/** Any wrong value for a field. */
export function anyValue(known: string[]): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 6, arbitrary: text },
    { weight: 2, arbitrary: number },
    { weight: 1, arbitrary: fc.constantFrom(true, false, null) },
    { weight: 2, arbitrary: instant },
    { weight: 2, arbitrary: idLike(known) },
    { weight: 1, arbitrary: fc.array(text, { maxLength: 4 }) },
    { weight: 1, arbitrary: fc.array(idLike(known), { maxLength: 3 }) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
    { weight: 1, arbitrary: fc.dictionary(text, text, { maxKeys: 3 }) },
    { weight: 1, arbitrary: deep },
  );
}

const extraKey = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    // Every other member of Object.prototype: a validator that looks fields up on the instance sees them all.
    ...Object.getOwnPropertyNames(Object.prototype).filter((k) => k !== '__proto__' && k !== 'constructor'),
    'then',
    'id',
    'version',
    'status',
    'createdBy',
    'passwordHash',
    'isAdmin',
    '$where',
    '',
    ' ',
    'name ',
    'NAME',
    'a.b',
    '0',
    'problems[0]',
  ),
  text.filter((s) => s.length < 60),
);

type Path = (string | number)[];

function define(target: object, key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function clone(value: unknown): unknown {
  if (value instanceof RawJson) return value;
  if (Array.isArray(value)) return value.map(clone);
  if (value !== null && typeof value === 'object') {
    const out = {};
    for (const key of Object.keys(value)) define(out, key, clone((value as Record<string, unknown>)[key]));
    return out;
  }
  return value;
}

function isContainer(value: unknown): value is Record<string | number, unknown> {
  return value !== null && typeof value === 'object' && !(value instanceof RawJson);
}

/** Every path to a field, nested ones included (`problems.0.title`). */
function paths(value: unknown, prefix: Path = []): Path[] {
  if (!isContainer(value)) return [];
  return Object.keys(value).flatMap((key) => {
    const k = Array.isArray(value) ? Number(key) : key;
    const path = [...prefix, k];
    return [path, ...paths(value[k], path)];
  });
}

function parentOf(root: unknown, path: Path): Record<string | number, unknown> | undefined {
  let node: unknown = root;
  for (const key of path.slice(0, -1)) {
    if (!isContainer(node)) return undefined;
    node = node[key];
  }
  return isContainer(node) ? node : undefined;
}

function setAt(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = clone(root);
  const parent = parentOf(copy, path);
  if (parent) define(parent, path[path.length - 1]!, value);
  return copy;
}

function getAt(root: unknown, path: Path): unknown {
  return path.reduce<unknown>((node, key) => (isContainer(node) ? node[key] : undefined), root);
}

function deleteAt(root: unknown, drop: Path[]): unknown {
  const copy = clone(root);
  // Deepest and last first, so that earlier array indexes stay valid.
  const ordered = [...drop].sort((a, b) => b.length - a.length || String(b.at(-1)).localeCompare(String(a.at(-1))));
  for (const path of ordered) {
    const parent = parentOf(copy, path);
    const key = path[path.length - 1]!;
    if (!parent) continue;
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key];
  }
  return copy;
}

export interface Mutation {
  value: unknown;
  what: string;
  /** The body carries a field the endpoint does not know: docs/api.md says it must be refused. */
  unknownField?: boolean;
}

/** A valid body, broken in one of the ways a client (or an attacker) breaks bodies. */
export function mutated(template: Record<string, unknown>, known: string[]): fc.Arbitrary<Mutation> {
  const all = paths(template);
  const field = fc.constantFrom(...all);
  const value = anyValue(known);
  // Extra fields go into objects only: an array with an own `constructor` breaks Array.prototype.map.
  const containers: Path[] = [
    [],
    ...all.filter((p) => {
      const node = getAt(template, p);
      return isContainer(node) && !Array.isArray(node);
    }),
  ];
  const label = (p: Path) => p.join('.') || '(body)';
  return fc.oneof(
    {
      weight: 8,
      arbitrary: fc
        .tuple(field, value)
        .map(([p, v]) => ({ value: setAt(template, p, v), what: `${label(p)} replaced` })),
    },
    {
      weight: 2,
      arbitrary: fc.tuple(field, value, field, value).map(([p1, v1, p2, v2]) => ({
        value: setAt(setAt(template, p1, v1), p2, v2),
        what: `${label(p1)} and ${label(p2)} replaced`,
      })),
    },
    {
      weight: 3,
      arbitrary: fc
        .subarray(all, { minLength: 1, maxLength: Math.min(3, all.length) })
        .map((drop) => ({ value: deleteAt(template, drop), what: `missing ${drop.map(label).join(', ')}` })),
    },
    {
      weight: 3,
      arbitrary: fc.tuple(fc.constantFrom(...containers), extraKey, value).map(([p, key, v]) => ({
        value: setAt(template, [...p, key], v),
        what: `extra field ${JSON.stringify(key).slice(0, 40)} in ${label(p)}`,
        unknownField: !Object.prototype.hasOwnProperty.call(getAt(template, p), key),
      })),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(field, fc.constantFrom('array', 'object')).map(([p, wrap]) => {
        const inner = getAt(template, p);
        return {
          value: setAt(template, p, wrap === 'array' ? [inner] : { value: inner }),
          what: `${label(p)} wrapped`,
        };
      }),
    },
    {
      weight: 1,
      arbitrary: fc
        .oneof(
          value,
          fc.constant([template]),
          fc.constant([]),
          fc.array(fc.constant(template), { minLength: 2, maxLength: 3 }),
        )
        .map((v) => ({ value: v, what: 'whole body replaced' })),
    },
    { weight: 1, arbitrary: fc.constant({ value: template, what: 'the valid template' }) },
  );
}

const RAW_TEXTS = [
  '',
  '{',
  '}',
  '[',
  '{"a":',
  '{"a":1,}',
  "{'a':1}",
  '{a:1}',
  'nul',
  'tru',
  '\ufeff{}',
  '{}\u0000',
  '{"a":1}{"b":2}',
  '{"a":"\\ud800"}',
  '{"a":"\\u0000"}',
  '{"a":"\\x00"}',
  '{"a":1,"a":2}',
  '"text"',
  '1',
  '-0',
  '1e999',
  'null',
  'true',
  '[]',
  '[[]]',
  '{}',
  '{"__proto__":{"isAdmin":true}}',
  '{"constructor":{"prototype":{"polluted":1}}}',
];

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=latin1',
  'application/json; charset=utf-16',
  'application/json; charset=bogus',
  'APPLICATION/JSON',
  'application/vnd.api+json',
  'application/merge-patch+json',
  'text/plain',
  'text/json',
  'application/x-www-form-urlencoded',
  'application/xml',
  'multipart/form-data',
  'multipart/form-data; boundary=zz',
  'application/octet-stream',
  '*/*',
  'json',
  ';',
  'application/json, text/plain',
];

export interface RawBody {
  contentType: string;
  data: string | Buffer;
}

/** Bodies that are not what they claim: broken JSON, other media types, binary. */
export function rawBody(template: Record<string, unknown>): fc.Arbitrary<RawBody> {
  const valid = toJson(template);
  return fc.record({
    contentType: fc.constantFrom(...CONTENT_TYPES),
    data: fc.oneof(
      fc.constantFrom(...RAW_TEXTS),
      fc.integer({ min: 0, max: Math.max(0, valid.length - 1) }).map((n) => valid.slice(0, n)),
      fc.constant(valid),
      fc.string({ maxLength: 60 }),
      fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes)),
    ),
  });
}

/** The template with one field (or a new one) padded past the 100 kB body limit. */
export function oversized(template: Record<string, unknown>): fc.Arbitrary<Mutation> {
  return fc
    .tuple(
      fc.constantFrom(...Object.keys(template), 'padding'),
      fc.constantFrom(102_400, 150_000, 1_000_000),
      fc.constantFrom('x', '酒'),
    )
    .map(([key, bytes, unit]) => ({
      value: setAt(template, [key], unit.repeat(Math.ceil(bytes / Buffer.byteLength(unit)))),
      what: `${key} padded to ${bytes} bytes`,
    }));
}

/** A path segment with every byte outside the unreserved set percent-encoded. */
export function encodeSegment(segment: string): string {
  return [...Buffer.from(segment, 'utf8')]
    .map((byte) => {
      const char = String.fromCharCode(byte);
      return /[A-Za-z0-9\-._~]/.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    })
    .join('');
}

/** Path segments that are not what the route expects, some with broken percent-encoding. */
export function junkSegment(extra: string[] = []): fc.Arbitrary<string> {
  return fc.oneof(
    text.filter((s) => s.length < 300).map(encodeSegment),
    fc.uuid(),
    fc.constantFrom('%', '%zz', '%E0%A4%A', '%C0%AF', '%ED%A0%80', '%FF%FE', '%00', '%2e%2e', '%2F', 'a%2Fb', '..'),
    ...(extra.length ? [fc.constantFrom(...extra)] : []),
  );
}

/** Values a forged cursor may carry in any position: what PostgreSQL would choke on, and the rest. */
const CURSOR_VALUES = [
  'infinity',
  '-infinity',
  'Infinity',
  'NaN',
  'now',
  'epoch',
  'allballs',
  '0000-01-01 00:00:00+00',
  '0999-12-31 23:59:59+00',
  '1999-12-31 23:59:59+00',
  '2025-02-30 10:00:00+08',
  '2025-02-29 00:00:00+08',
  '2025-13-01 00:00:00+08',
  '2025-01-01 24:00:00+08',
  '2025-01-01 23:59:60+08',
  '2025-01-01 00:00:00+16',
  '2025-01-01 00:00:00+15:59',
  '2025-01-01 00:00:00-15:59',
  '9999-12-31 23:59:59.999999-15',
  '294277-01-01 00:00:00+00',
  '2025-03-01 09:00:00.1234567+08',
  '2025-03-01T09:00:00Z',
  '2099-01-01 00:00:00+08',
  '1e999',
  '-1e999',
  '9'.repeat(16),
  '999999999999999.999999999999',
  '-999999999999999',
  '0.0000000000001',
  '1e5',
  '0x10',
  '',
  ' ',
  'a\u0000b',
  '\u0000',
  '\ud800',
  "' OR 1=1 --",
  'x'.repeat(401),
  '00000000-0000-0000-0000-000000000000',
  '6f9619ff-8b86-d011-b42d-00c04fc964ff',
  '6F9619FF-8B86-D011-B42D-00C04FC964FF',
  '6f9619ff-8b86-d011-b42d-00c04fc964f',
];

/** Any value in a cursor's JSON array: the strings above, numbers, other types, nested arrays. */
export const cursorValueArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...CURSOR_VALUES) },
  { weight: 1, arbitrary: fc.constantFrom(0, -1, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, true, false, null) },
  { weight: 1, arbitrary: fc.constantFrom([], ['infinity'], {}, { 0: 'infinity' }) },
  {
    weight: 1,
    arbitrary: fc.date({ noInvalidDate: true }).map((d) => d.toISOString().replace('T', ' ').replace('Z', '+00')),
  },
  { weight: 1, arbitrary: fc.double().map(String) },
  { weight: 1, arbitrary: fc.string({ unit: anyCodeUnit, maxLength: 20 }) },
);

export function encodeCursorValues(values: unknown): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/**
 * A forged cursor for a list whose real cursors carry `valid` (one handed out): each position
 * kept or replaced by a hostile value, the array cut short or lengthened, another JSON shape, or
 * bytes that are not a cursor at all.
 */
export function forgedCursor(valid: string[]): fc.Arbitrary<{ cursor: string; what: string }> {
  const positions = valid.map((value) =>
    fc.oneof({ weight: 1, arbitrary: fc.constant<unknown>(value) }, { weight: 2, arbitrary: cursorValueArb }),
  );
  return fc.oneof(
    {
      weight: 8,
      arbitrary: fc.tuple(...positions).map((values) => ({ cursor: encodeCursorValues(values), what: toJson(values) })),
    },
    {
      weight: 1,
      arbitrary: fc
        .array(cursorValueArb, { maxLength: valid.length + 2 })
        .map((values) => ({ cursor: encodeCursorValues(values), what: toJson(values) })),
    },
    {
      weight: 1,
      arbitrary: fc
        .oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant('{"__proto__":1}'))
        .map((value) => ({ cursor: encodeCursorValues(value), what: `json ${toJson(value)}` })),
    },
    {
      weight: 1,
      arbitrary: fc
        .oneof(
          fc.string({ unit: anyCodeUnit, maxLength: 60 }),
          fc.constantFrom('=', '%00', 'W10', 'bnVsbA', 'WyJpbmZpbml0eSJd', '!!!', 'x'.repeat(1001)),
        )
        .map((raw) => ({ cursor: raw, what: `raw ${JSON.stringify(raw)}` })),
    },
  );
}
