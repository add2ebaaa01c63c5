/**
 * The department assessment's arithmetic (docs/domain.md, "Department assessment"), pure and exact:
 * points are fractions of integers (bigint), rounded half-up only when shown, so that no binary
 * fraction tips a .x5 case and a score is the same wherever it is computed.
 */

export const COMPONENTS = ['signFor', 'onTime', 'returns', 'redos', 'satisfaction', 'supervision'] as const;
export type Component = (typeof COMPONENTS)[number];
export type Weights = Record<Component, number>;

/** In force until an admin records others; they add up to 100. */
export const DEFAULT_WEIGHTS: Weights = {
  signFor: 15,
  onTime: 30,
  returns: 10,
  redos: 10,
  satisfaction: 25,
  supervision: 10,
};

export const SUPERVISION_LEVELS = ['reminder', 'supervision', 'listed'] as const;
export type SupervisionLevel = (typeof SUPERVISION_LEVELS)[number];

/** Points each supervision opened against a department costs it; twice that when it went unanswered past its date. */
export const SUPERVISION_POINTS: Record<SupervisionLevel, number> = { reminder: 1, supervision: 2, listed: 4 };

/** A level as recorded; anything else (an escalation from before the ladder) is a 督办. */
export function supervisionLevel(level: string | null): SupervisionLevel {
  return level === 'reminder' || level === 'listed' ? level : 'supervision';
}

/** A non-negative fraction n / d. */
export class Fraction {
  constructor(
    readonly n: bigint,
    readonly d: bigint = 1n,
  ) {
    if (d <= 0n) throw new Error('a fraction needs a positive denominator');
  }

  static of(n: number, d = 1): Fraction {
    return new Fraction(BigInt(n), BigInt(d));
  }

  plus(other: Fraction): Fraction {
    return new Fraction(this.n * other.d + other.n * this.d, this.d * other.d);
  }

  minus(other: Fraction): Fraction {
    return new Fraction(this.n * other.d - other.n * this.d, this.d * other.d);
  }

  times(other: Fraction): Fraction {
    return new Fraction(this.n * other.n, this.d * other.d);
  }

  /** max(this, 0). */
  floorAtZero(): Fraction {
    return this.n < 0n ? Fraction.of(0) : this;
  }

  /** In units of 10^-decimals, rounded half-up (for non-negative values). */
  units(decimals: number): bigint {
    const scale = 10n ** BigInt(decimals);
    const n = this.n * scale * 2n + this.d;
    const d = this.d * 2n;
    return n >= 0n ? n / d : -((-n + d - 1n) / d);
  }

  round(decimals: number): number {
    return Number(this.units(decimals)) / 10 ** decimals;
  }
}

/** What one department's items add up to, per component. */
export interface Tally {
  signFor: { ok: number; total: number };
  onTime: { ok: number; total: number };
  /** Returns, and the assignments the department received. */
  returns: { returns: number; assignments: number };
  /** Redos, and the resolutions. */
  redos: { redos: number; resolutions: number };
  satisfaction: { ok: number; total: number };
  /** Every supervision opened against the department, its level and whether it went overdue. */
  supervisions: { level: SupervisionLevel; overdue: boolean; count: number }[];
}

export function emptyTally(): Tally {
  return {
    signFor: { ok: 0, total: 0 },
    onTime: { ok: 0, total: 0 },
    returns: { returns: 0, assignments: 0 },
    redos: { redos: 0, resolutions: 0 },
    satisfaction: { ok: 0, total: 0 },
    supervisions: [],
  };
}

export interface ComponentScore {
  numerator: number;
  denominator: number;
  ratePercent: number | null;
  /** The points awarded, two decimals half-up. */
  points: number;
  /** weight − points, two decimals half-up. */
  deducted: number;
  /** The denominator is 0: full points. */
  noData: boolean;
}

export interface DepartmentScore {
  score: number;
  components: Record<Component, ComponentScore>;
  /** The exact points of each component, for the drill-down. */
  exact: Record<Component, Fraction>;
  /** What each failing item of a component costs before any floor: an exact fraction. */
  perItem: Record<Exclude<Component, 'supervision'>, Fraction>;
}

/** 100 × part / whole, one decimal half-up; null when whole is 0. */
function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : Fraction.of(100 * part, whole).round(1);
}

/** Score one department from its tally with these weights. */
export function score(tally: Tally, weights: Weights): DepartmentScore {
  const w = (c: Component) => Fraction.of(weights[c]);
  /** weight × ok / total (the share done right). */
  const share = (c: Component, ok: number, total: number) => (total === 0 ? w(c) : w(c).times(Fraction.of(ok, total)));
  /** weight × (1 − bad / total), floored at 0. */
  const lessShare = (c: Component, bad: number, total: number) =>
    total === 0
      ? w(c)
      : w(c)
          .times(Fraction.of(total - bad, total))
          .floorAtZero();

  const supervisions = tally.supervisions.reduce((sum, s) => sum + s.count, 0);
  const supervisionMet = tally.supervisions.filter((s) => !s.overdue).reduce((sum, s) => sum + s.count, 0);
  const supervisionCharge = tally.supervisions.reduce(
    (sum, s) => sum + SUPERVISION_POINTS[s.level] * (s.overdue ? 2 : 1) * s.count,
    0,
  );

  const exact: Record<Component, Fraction> = {
    signFor: share('signFor', tally.signFor.ok, tally.signFor.total),
    onTime: share('onTime', tally.onTime.ok, tally.onTime.total),
    returns: lessShare('returns', tally.returns.returns, tally.returns.assignments),
    redos: lessShare('redos', tally.redos.redos, tally.redos.resolutions),
    satisfaction: share('satisfaction', tally.satisfaction.ok, tally.satisfaction.total),
    supervision: w('supervision').minus(Fraction.of(supervisionCharge)).floorAtZero(),
  };
  const counts: Record<Component, [number, number]> = {
    signFor: [tally.signFor.ok, tally.signFor.total],
    onTime: [tally.onTime.ok, tally.onTime.total],
    returns: [tally.returns.returns, tally.returns.assignments],
    redos: [tally.redos.redos, tally.redos.resolutions],
    satisfaction: [tally.satisfaction.ok, tally.satisfaction.total],
    supervision: [supervisionMet, supervisions],
  };
  const components = {} as Record<Component, ComponentScore>;
  let total = Fraction.of(0);
  for (const c of COMPONENTS) {
    const [numerator, denominator] = counts[c];
    total = total.plus(exact[c]);
    components[c] = {
      numerator,
      denominator,
      ratePercent: percent(numerator, denominator),
      points: exact[c].round(2),
      deducted: w(c).minus(exact[c]).round(2),
      noData: denominator === 0,
    };
  }
  const per = (c: Component, total: number) => (total === 0 ? Fraction.of(0) : w(c).times(Fraction.of(1, total)));
  return {
    score: total.round(1),
    components,
    exact,
    perItem: {
      signFor: per('signFor', tally.signFor.total),
      onTime: per('onTime', tally.onTime.total),
      returns: per('returns', tally.returns.assignments),
      redos: per('redos', tally.redos.resolutions),
      satisfaction: per('satisfaction', tally.satisfaction.total),
    },
  };
}

/**
 * Shares `total` (an exact amount) out to `count` equal items in hundredths, so that the shown
 * items add up to the shown total exactly: each gets the floor, and the first few one hundredth
 * more (largest remainder, ties in order).
 */
export function apportion(total: Fraction, count: number): number[] {
  if (count === 0) return [];
  const hundredths = total.units(2);
  const base = hundredths / BigInt(count);
  const extra = Number(hundredths - base * BigInt(count));
  return Array.from({ length: count }, (_, i) => Number(base + (i < extra ? 1n : 0n)) / 100);
}

/** Competition ranking (1, 2, 2, 4) by score, highest first; equal scores in name order. */
export function rank<T extends { score: number; name: string }>(rows: T[]): (T & { rank: number })[] {
  const sorted = [...rows].sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, 'zh-CN'));
  let previous: { score: number; rank: number } | undefined;
  return sorted.map((row, i) => {
    const r = previous && previous.score === row.score ? previous.rank : i + 1;
    previous = { score: row.score, rank: r };
    return { ...row, rank: r };
  });
}
