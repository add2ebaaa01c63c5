/** The demo data set's clock (Beijing time, epoch milliseconds) and its seeded randomness. */
import { createHash } from 'node:crypto';

// ---------------------------------------------------------------------------------------------
// Time: all instants are epoch milliseconds; the calendar is Beijing time (UTC+8, no DST)
// ---------------------------------------------------------------------------------------------

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
const BEIJING_OFFSET = 8 * HOUR;

export function beijing(year: number, month: number, day: number, hour = 0, minute = 0): number {
  return Date.UTC(year, month - 1, day, hour, minute) - BEIJING_OFFSET;
}

export function beijingMidnight(t: number): number {
  return Math.floor((t + BEIJING_OFFSET) / DAY) * DAY - BEIJING_OFFSET;
}

function isWeekend(t: number): boolean {
  const weekday = new Date(t + BEIJING_OFFSET).getUTCDay();
  return weekday === 0 || weekday === 6;
}

export function beijingYear(t: number): number {
  return new Date(t + BEIJING_OFFSET).getUTCFullYear();
}

/** "3月18日", as written in assignment notes. */
export function monthDay(t: number): string {
  const d = new Date(t + BEIJING_OFFSET);
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

export const iso = (t: number): string => new Date(t).toISOString();

/** Nothing happens on or after this instant, so the data set does not depend on today's date. */
export const DATA_END = beijing(2026, 1, 1);
/** Enterprises and people were registered when the programme went live. */
export const GO_LIVE = beijing(2023, 12, 1);

/** The quarter whose published figure the data set reproduces, and the figure itself. */
export const KEY_QUARTER = { from: beijing(2025, 1, 1), to: beijing(2025, 4, 1) };
export const KEY_RECORDED = 127;
export const KEY_RESOLVED = 116;

/** Problems per quarter (by reportedAt). 2025-Q1 holds the 127 recorded ones plus withdrawn duplicates. */
export const QUARTERS: { year: number; quarter: number; problems: number }[] = [
  { year: 2024, quarter: 1, problems: 92 },
  { year: 2024, quarter: 2, problems: 108 },
  { year: 2024, quarter: 3, problems: 117 },
  { year: 2024, quarter: 4, problems: 121 },
  { year: 2025, quarter: 1, problems: KEY_RECORDED },
  { year: 2025, quarter: 2, problems: 124 },
  { year: 2025, quarter: 3, problems: 113 },
  { year: 2025, quarter: 4, problems: 104 },
];
export const KEY_QUARTER_DUPLICATES = 3;

/** Working hours: things happen on weekdays between 08:30 and 18:00. */
const WORKDAY_START = 8.5 * HOUR;
export const WORKDAY_END = 18 * HOUR;
/** Two events of one problem are at least this far apart. */
export const MIN_GAP = 5 * MINUTE;

/** The first working instant at or after `t` (moved to the next morning or Monday), in whole seconds. */
export function workingTime(t: number, rng: Random): number {
  let day = beijingMidnight(t);
  let offset = t - day;
  if (offset < WORKDAY_START) {
    offset = WORKDAY_START + rng.between(0, 1) * HOUR;
  } else if (offset >= WORKDAY_END) {
    day += DAY;
    offset = WORKDAY_START + rng.between(0, 1) * HOUR;
  }
  while (isWeekend(day)) day += DAY;
  return Math.ceil((day + offset) / 1000) * 1000;
}

/** A working-day instant in [from, to): weekends are rare (one in ten is kept). */
export function randomWorkingInstant(rng: Random, from: number, to: number): number {
  const days = Math.round((to - from) / DAY);
  for (;;) {
    const day = from + rng.int(0, days - 1) * DAY;
    if (isWeekend(day) && !rng.chance(0.1)) continue;
    return Math.round((day + rng.between(WORKDAY_START, WORKDAY_END - 15 * MINUTE)) / MINUTE) * MINUTE;
  }
}

// ---------------------------------------------------------------------------------------------
// Randomness: mulberry32, seeded per phase so that one phase does not shift another
// ---------------------------------------------------------------------------------------------

const SEED = 'jiuquan-demo-2025';

export class Random {
  private state: number;

  constructor(label: string) {
    // FNV-1a of the label, so every phase and every problem has its own stream.
    let hash = 0x811c9dc5;
    for (const char of `${SEED}:${label}`) {
      hash ^= char.codePointAt(0)!;
      hash = Math.imul(hash, 0x01000193);
    }
    this.state = hash >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  between(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  weighted<T extends string>(weights: Partial<Record<T, number>>): T {
    const entries = Object.entries(weights) as [T, number][];
    let roll = this.next() * entries.reduce((sum, [, w]) => sum + w, 0);
    for (const [key, weight] of entries) {
      roll -= weight;
      if (roll < 0) return key;
    }
    return entries[entries.length - 1]![0];
  }

  /** `count` distinct items, in a random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    for (let i = pool.length - 1; i > 0; i -= 1) {
      const j = Math.floor(this.next() * (i + 1));
      [pool[i], pool[j]] = [pool[j]!, pool[i]!];
    }
    return pool.slice(0, count);
  }
}

/** A stable UUID (version 5 layout) from a name, so reloading gives the same ids. */
export function demoId(kind: string, key: string): string {
  const hash = createHash('sha1').update(`jiuquan-demo:${kind}:${key}`).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
