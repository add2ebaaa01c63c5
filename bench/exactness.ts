import { DateTime } from 'luxon';
import type { Pool } from 'pg';
import { parsePeriod, type Period } from '../src/reports/periods';
import { rateFromEvents } from './hand-sql';

/** A small deterministic generator: every run asks for the same pages and the same cases. */
export function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface RateAnswer {
  recorded: number;
  resolved: number;
  groups?: { key: string | null; recorded: number; resolved: number }[];
}

const EXACTNESS_CASES = 200;

/**
 * EXACTNESS_CASES random cases over the given quarters and the months in them: a period, an
 * instant inside it or up to a month after its end (never in the future), and a grouping or
 * none. Each answer of the service is compared group by group with rateFromEvents; two cases
 * run at a time. The same seed asks the same cases every run.
 */
export async function exactnessCheck(
  ask: (path: string) => Promise<RateAnswer>,
  pool: Pool,
  quarters: Period[],
  zone: string,
): Promise<{ cases: number; groups: number; differing: string[] }> {
  const random = prng(2025);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const groupings = [undefined, 'department', 'district', 'category', 'industry'] as const;
  const now = DateTime.now().setZone(zone);
  const cases = Array.from({ length: EXACTNESS_CASES }, () => {
    const quarter = pick(quarters);
    const month = parsePeriod(quarter.from.plus({ months: Math.floor(random() * 3) }).toFormat('yyyy-MM'), zone);
    // A month not begun yet (in the current quarter) gives way to its quarter.
    const period = random() < 0.5 && month.from < now ? month : quarter;
    const latest = DateTime.min(period.to.plus({ months: 1 }), now.minus({ seconds: 1 }));
    const asOf = period.from.plus({ milliseconds: Math.floor(random() * latest.diff(period.from).toMillis()) });
    return { period, asOf, groupBy: pick(groupings) };
  });
  const differing: string[] = [];
  // Groups compared that hold at least one problem: a check of nothing would say 0 too.
  let groups = 0;
  const check = async ({ period, asOf, groupBy }: (typeof cases)[number]) => {
    const query = new URLSearchParams({ period: period.label, asOf: asOf.toISO()!, ...(groupBy && { groupBy }) });
    const [answer, hand] = await Promise.all([
      ask(`/api/v1/reports/resolution-rate?${query}`),
      pool.query<{ key: string | null; recorded: number; resolved: number }>(rateFromEvents(groupBy ?? 'total'), [
        period.from.toJSDate(),
        period.to.toJSDate(),
        asOf.toJSDate(),
      ]),
    ]);
    const served = new Map((answer.groups ?? [{ key: 'total', ...answer }]).map((g) => [g.key, g]));
    const counted = new Map(hand.rows.map((g) => [g.key, g]));
    for (const key of new Set([...served.keys(), ...counted.keys()])) {
      const a = served.get(key) ?? { recorded: 0, resolved: 0 };
      const b = counted.get(key) ?? { recorded: 0, resolved: 0 };
      if (b.recorded > 0) groups++;
      if (a.recorded !== b.recorded || a.resolved !== b.resolved) {
        differing.push(`${query}: ${key} service ${a.recorded}/${a.resolved}, events ${b.recorded}/${b.resolved}`);
        return;
      }
    }
  };
  for (let i = 0; i < cases.length; i += 2) await Promise.all(cases.slice(i, i + 2).map(check));
  return { cases: cases.length, groups, differing };
}
