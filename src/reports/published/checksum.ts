import { createHash } from 'node:crypto';

/**
 * The checksum of a published figure: SHA-256 (lower-case hex) of the UTF-8 bytes of its canonical
 * text. The text names the figure's identity and lists its items, so two publications with the
 * same checksum counted the same items the same way. docs/checking-figures.md ("Publishing a
 * figure") states the form so an auditor can recompute it from the stored rows.
 */

/** Which groups a figure covers: everything, every group of a grouping, the group without a key, or one group. */
export type GroupScope =
  | { kind: 'all' }
  | { kind: 'every'; groupBy: string }
  | { kind: 'keyless'; groupBy: string }
  | { kind: 'one'; groupBy: string; key: string };

export interface ChecksumItem {
  itemKey: string;
  inNumerator: boolean;
  statusAsOf: string | null;
  departmentIdAsOf: string | null;
}

export interface ChecksumInput {
  definitionId: string;
  /** Instants as ISO 8601 in UTC with milliseconds (`2024-12-31T16:00:00.000Z`). */
  periodFrom: string;
  periodTo: string;
  asOf: string;
  group: GroupScope;
  items: ChecksumItem[];
}

/** The version line that opens the canonical text: a new form would get a new one. */
export const CANONICAL_VERSION = 'published-figure/1';

/** An instant in the one form the canonical text uses, whatever offset it was written with. */
export function utcInstant(at: string | Date): string {
  const date = at instanceof Date ? at : new Date(at);
  if (Number.isNaN(date.getTime())) throw new Error(`not an instant: ${String(at)}`);
  return date.toISOString();
}

function groupLine(group: GroupScope): string {
  switch (group.kind) {
    case 'all':
      return 'group\t-\t-';
    case 'every':
      return `group\t${group.groupBy}\t*`;
    case 'keyless':
      return `group\t${group.groupBy}\t-`;
    case 'one':
      return `group\t${group.groupBy}\t=${group.key}`;
  }
}

/** Compares by UTF-16 code units, which for the ASCII item keys is their byte order. */
function byKey(a: ChecksumItem, b: ChecksumItem): number {
  return a.itemKey < b.itemKey ? -1 : a.itemKey > b.itemKey ? 1 : 0;
}

/**
 * The canonical text: one line per fact, each ending in a line feed, fields separated by a tab,
 * a missing value written `-`; the items sorted by item key.
 */
export function canonicalText(input: ChecksumInput): string {
  const lines = [
    CANONICAL_VERSION,
    `definition\t${input.definitionId}`,
    // The period by its instants only: `2025-Q1` and `from=2025-01-01&to=2025-04-01` are one period.
    `period\t${utcInstant(input.periodFrom)}\t${utcInstant(input.periodTo)}`,
    `asOf\t${utcInstant(input.asOf)}`,
    groupLine(input.group),
    ...[...input.items]
      .sort(byKey)
      .map(
        (item) =>
          `item\t${item.itemKey}\t${item.inNumerator ? '1' : '0'}\t${item.statusAsOf ?? '-'}\t${item.departmentIdAsOf ?? '-'}`,
      ),
  ];
  return lines.map((line) => `${line}\n`).join('');
}

export function checksum(input: ChecksumInput): string {
  return createHash('sha256').update(canonicalText(input), 'utf8').digest('hex');
}
