import type { TestApp } from '../support/test-app';

/**
 * Shared bookkeeping for the reliability campaign: a tally of checked cells and the mismatches
 * among them, printed as one figure line that shows in the jest output, and a log of every
 * response body a spec received, so that whole-run properties (no password hash ever leaves the
 * service) can be asserted over all of them at once.
 */

/** Prints `RELIABILITY <name>: k=v k=v` on its own line (process.stdout, not console: jest keeps it). */
export function printFigure(name: string, fields: Record<string, number | string>): string {
  const line = `RELIABILITY ${name}: ${Object.entries(fields)
    .map(([key, value]) => `${key}=${value}`)
    .join(' ')}`;
  process.stdout.write(`\n${line}\n`);
  return line;
}

/** Counts checked cells and remembers each mismatch with enough detail to reproduce it. */
export class Tally {
  cells = 0;
  readonly mismatches: string[] = [];

  constructor(readonly name: string) {}

  /** One cell: `ok` or a mismatch described by `detail` (built only when needed). */
  check(label: string, ok: boolean, detail: () => string = () => ''): boolean {
    this.cells += 1;
    if (!ok) this.mismatches.push(`${label}${detail ? ` -> ${detail()}` : ''}`);
    return ok;
  }

  print(extra: Record<string, number | string> = {}): string {
    return printFigure(this.name, { cells: this.cells, mismatches: this.mismatches.length, ...extra });
  }
}

/** What a response looked like, as far as leak checks care. */
export interface Seen {
  label: string;
  status: number;
  text: string;
}

/** Every response body a spec collected, searched at the end for what must never leave the service. */
export class ResponseLog {
  readonly seen: Seen[] = [];

  add(label: string, res: { status: number; text?: string; body?: unknown }): void {
    const text = typeof res.text === 'string' && res.text.length > 0 ? res.text : JSON.stringify(res.body ?? null);
    this.seen.push({ label, status: res.status, text });
  }

  /**
   * Responses carrying an argon2 hash, a key that names a stored hash, or a password the tests
   * set in plain text. (A `password` key alone is not a leak: the API document describes the
   * login and user bodies with one.)
   */
  passwordLeaks(plaintexts: string[] = ['Password-123', 'Password-456']): string[] {
    return this.seen
      .filter(
        (s) =>
          s.text.includes('$argon2') ||
          /"(passwordHash|password_hash|hash)"\s*:/i.test(s.text) ||
          plaintexts.some((p) => s.text.includes(p)),
      )
      .map((s) => `${s.label} (${s.status})`);
  }
}

/** Row counts of the tables a request could write, in one query, to prove a refused request wrote nothing. */
export async function tableCounts(t: TestApp): Promise<Record<string, number>> {
  const tables = [
    'users',
    'departments',
    'enterprises',
    'visits',
    'visit_officials',
    'problems',
    'problem_events',
    'problem_code_counters',
    'idempotency_keys',
    'calendar_days',
    'categories',
    'warnings',
    'responsibilities',
    'tier_intervals',
    'enterprise_changes',
    'enterprise_tier_changes',
    'projects',
    'project_stage_events',
    'project_investments',
    'saved_views',
  ];
  const [row] = await t.db.query(
    `SELECT ${tables.map((table) => `(SELECT count(*)::int FROM ${table}) AS ${table}`).join(', ')}`,
  );
  return row;
}

/** The differences between two count snapshots, `table: before -> after`. */
export function countChanges(before: Record<string, number>, after: Record<string, number>): string[] {
  return Object.keys(before)
    .filter((table) => before[table] !== after[table])
    .map((table) => `${table}: ${before[table]} -> ${after[table]}`);
}

/** Runs `work` over `items` with at most `limit` in flight; results keep the order of `items`. */
export async function inPool<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
