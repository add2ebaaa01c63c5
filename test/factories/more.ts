import { TestApp } from '../support/test-app';

/** Rows in a table right now (table names are fixed strings in the specs, never input). */
export async function countRows(t: TestApp, table: string, where = 'TRUE', params: unknown[] = []): Promise<number> {
  const [row] = await t.db.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, params);
  return row.n;
}

/** The row counts of every table a create might write, to prove a refused request wrote nothing. */
export async function snapshot(t: TestApp): Promise<Record<string, number>> {
  const tables = [
    'enterprises',
    'visits',
    'visit_officials',
    'problems',
    'problem_events',
    'problem_code_counters',
    'idempotency_keys',
    'users',
    'departments',
  ];
  const counts: Record<string, number> = {};
  for (const table of tables) counts[table] = await countRows(t, table);
  return counts;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The current instant, with a pause on each side so that it lies strictly between two actions. */
export async function instant(): Promise<string> {
  await sleep(25);
  const at = new Date().toISOString();
  await sleep(25);
  return at;
}

const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** GB 32100-2015 check character, written here independently of the source under test. */
export function usccCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += USCC_ALPHABET.indexOf(first17[i]!) * USCC_WEIGHTS[i]!;
  return USCC_ALPHABET[(31 - (sum % 31)) % 31]!;
}

/** A valid credit code whose first 17 characters end with the given digits (unique per call site). */
export function validUscc(serial: number): string {
  const first17 = `91620900MA${String(serial).padStart(7, '0')}`;
  return first17 + usccCheck(first17);
}

/** The year in the report time zone (problem codes are numbered per year of reportedAt there). */
export function shanghaiYear(at = new Date()): number {
  return Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(at));
}
