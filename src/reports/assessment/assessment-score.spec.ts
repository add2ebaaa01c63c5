import { apportion, DEFAULT_WEIGHTS, emptyTally, Fraction, rank, score } from './assessment-score';

describe('assessment arithmetic', () => {
  it('the default weights add up to 100', () => {
    expect(Object.values(DEFAULT_WEIGHTS).reduce((a, b) => a + b, 0)).toBe(100);
  });

  it('rounds half-up exactly, with no binary fraction tipping a .x5', () => {
    expect(Fraction.of(1, 8).round(2)).toBe(0.13); // 0.125
    expect(Fraction.of(2005, 1000).round(2)).toBe(2.01); // 2.005 is 2.00499… as a double
    expect(Fraction.of(178, 3).round(1)).toBe(59.3);
    expect(Fraction.of(1, 20).round(1)).toBe(0.1);
  });

  it('gives full points for a zero denominator and floors returns, redos and supervision at 0', () => {
    const tally = emptyTally();
    tally.returns = { returns: 3, assignments: 2 };
    tally.redos = { redos: 4, resolutions: 0 };
    tally.supervisions = [{ level: 'listed', overdue: true, count: 2 }];
    const result = score(tally, DEFAULT_WEIGHTS);
    expect(result.components.returns).toMatchObject({ points: 0, deducted: 10, noData: false });
    expect(result.components.redos).toMatchObject({ points: 10, deducted: 0, noData: true });
    expect(result.components.supervision).toMatchObject({ points: 0, deducted: 10, numerator: 0, denominator: 2 });
    expect(result.components.signFor).toMatchObject({ points: 15, noData: true, ratePercent: null });
    expect(result.score).toBe(15 + 30 + 0 + 10 + 25 + 0);
  });

  it('shares a deduction out in hundredths that add up to it', () => {
    expect(apportion(Fraction.of(30 * 2, 7), 2)).toEqual([4.29, 4.28]); // 8.571… → 8.57
    expect(apportion(Fraction.of(10), 3)).toEqual([3.34, 3.33, 3.33]);
    expect(apportion(Fraction.of(0), 0)).toEqual([]);
  });

  it('ranks equal scores together, in name order', () => {
    const ranked = rank([
      { name: '乙', score: 90 },
      { name: '甲', score: 95 },
      { name: '丙', score: 90 },
      { name: '丁', score: 80 },
    ]);
    expect(ranked.map((r) => [r.name, r.rank])).toEqual([
      ['甲', 1],
      ['丙', 2],
      ['乙', 2],
      ['丁', 4],
    ]);
  });
});
