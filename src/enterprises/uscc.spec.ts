import { USCC_ALPHABET, usccCheckCharacter, usccProblem } from './uscc';

/*
 * GB 32100-2015 check character, computed by hand.
 *
 * Character values: 0–9 → 0–9, then A10 B11 C12 D13 E14 F15 G16 H17 J18 K19 L20 M21 N22 P23 Q24
 * R25 T26 U27 W28 X29 Y30 (no I, O, Z, S, V).
 * Weights of positions 1–17 (3^(i-1) mod 31): 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28.
 * Check value = (31 − (Σ value × weight) mod 31) mod 31, written with the same alphabet.
 *
 * 1) 91350100M000100Y43, the widely published example:
 *    chars   9  1  3   5  0   1  0  0   M  0  0  0  1  0  0   Y   4
 *    value   9  1  3   5  0   1  0  0  21  0  0  0  1  0  0  30   4
 *    × wt    9  3 27 135  0  26  0  0 420  0  0  0  8  0  0 900 112
 *    Σ = 9+3+27+135+26+420+8+900+112 = 1640; 1640 mod 31 = 1640 − 52×31 (1612) = 28;
 *    31 − 28 = 3 → check character "3". The published code ends in 3: valid.
 *
 * 2) 91620902MA72B3K5R? (a made-up Suzhou district enterprise):
 *    chars   9  1  6  2  0   9  0  2   M   A   7  2  B  3   K   5   R
 *    value   9  1  6  2  0   9  0  2  21  10   7  2 11  3  19   5  25
 *    × wt    9  3 54 54  0 234  0 34 420 290 175 26 88 72 190 150 700
 *    Σ = 2499; 2499 mod 31 = 2499 − 80×31 (2480) = 19; 31 − 19 = 12 → "C".
 *    So 91620902MA72B3K5RC is valid.
 *
 * 3) 91620902MA72B3K5M? — the same first 16 characters sum to 1799 (2499 − 700); M is 21 and
 *    21 × 28 = 588; Σ = 2387 = 77 × 31, so Σ mod 31 = 0 and (31 − 0) mod 31 = 0 → "0".
 *    So 91620902MA72B3K5M0 is valid (the case where the modulo wraps).
 *
 * 4) 91620902MA72B3K50? — the last weighted term is 0 × 28 = 0; Σ = 1799 = 58 × 31 + 1;
 *    31 − 1 = 30 → "Y". So 91620902MA72B3K50Y is valid (the highest check value).
 */
const PUBLISHED = '91350100M000100Y43';
const MADE_UP_C = '91620902MA72B3K5RC';
const MADE_UP_0 = '91620902MA72B3K5M0';
const MADE_UP_Y = '91620902MA72B3K50Y';

describe('USCC alphabet', () => {
  it('has 31 characters: the digits and the capitals without I, O, Z, S, V', () => {
    expect(USCC_ALPHABET).toHaveLength(31);
    for (const forbidden of 'IOZSV') expect(USCC_ALPHABET).not.toContain(forbidden);
    expect(USCC_ALPHABET.indexOf('M')).toBe(21);
    expect(USCC_ALPHABET.indexOf('Y')).toBe(30);
  });
});

describe('usccCheckCharacter', () => {
  it.each([
    { first17: '91350100M000100Y4', check: '3' },
    { first17: '91620902MA72B3K5R', check: 'C' },
    { first17: '91620902MA72B3K5M', check: '0' },
    { first17: '91620902MA72B3K50', check: 'Y' },
  ])('the check character of $first17 is $check (worked out by hand above)', ({ first17, check }) => {
    expect(usccCheckCharacter(first17)).toBe(check);
  });

  it('is null when one of the 17 characters is outside the alphabet', () => {
    expect(usccCheckCharacter('91350100I000100Y4')).toBeNull();
    expect(usccCheckCharacter('91350100m000100Y4')).toBeNull();
  });

  it('is null unless given exactly 17 characters', () => {
    expect(usccCheckCharacter('9135')).toBeNull();
    expect(usccCheckCharacter('')).toBeNull();
    expect(usccCheckCharacter('91350100M000100Y43')).toBeNull();
  });
});

describe('usccProblem: valid codes', () => {
  it.each([{ code: PUBLISHED }, { code: MADE_UP_C }, { code: MADE_UP_0 }, { code: MADE_UP_Y }])(
    'accepts $code',
    ({ code }) => {
      expect(usccProblem(code)).toBeNull();
    },
  );
});

describe('usccProblem: wrong length', () => {
  it.each([
    { code: '', length: 0 },
    { code: '91350100M000100Y4', length: 17 },
    { code: '91350100M000100Y433', length: 19 },
    { code: ' 91350100M000100Y43', length: 19 },
  ])('rejects a code of $length characters', ({ code, length }) => {
    expect(usccProblem(code)).toBe(`must be 18 characters long, got ${length}`);
  });
});

describe('usccProblem: forbidden characters', () => {
  it.each([{ letter: 'I' }, { letter: 'O' }, { letter: 'Z' }, { letter: 'S' }, { letter: 'V' }])(
    'rejects the letter $letter and names it',
    ({ letter }) => {
      const code = `91350100${letter}000100Y43`;
      expect(code).toHaveLength(18);
      expect(usccProblem(code)).toBe(
        `contains "${letter}", which is not allowed (digits and capitals except I, O, Z, S, V)`,
      );
    },
  );

  it('rejects lowercase letters (the caller upper-cases first)', () => {
    expect(usccProblem('91350100m000100Y43')).toContain('contains "m"');
    expect(usccProblem('91350100M000100y43')).toContain('contains "y"');
  });

  it('rejects punctuation, spaces and Chinese characters', () => {
    expect(usccProblem('91350100M000100-43')).toContain('contains "-"');
    expect(usccProblem('91350100M000100 43')).toContain('contains " "');
    expect(usccProblem('91350100M000100酒43')).toContain('contains "酒"');
  });

  it('rejects a forbidden letter in the check position as a forbidden character', () => {
    expect(usccProblem('91350100M000100Y4O')).toContain('contains "O"');
  });
});

describe('usccProblem: wrong check character', () => {
  it('says which check character was expected for the published example with a wrong last digit', () => {
    expect(usccProblem('91350100M000100Y44')).toBe('the check character should be 3, not 4');
  });

  it('says which check character was expected for a made-up code', () => {
    expect(usccProblem('91620902MA72B3K5R9')).toBe('the check character should be C, not 9');
    expect(usccProblem('91620902MA72B3K5MY')).toBe('the check character should be 0, not Y');
  });

  it('detects two swapped adjacent characters', () => {
    // 91350100M000100Y43 with positions 15/16 swapped: 0 × 10 + Y(30) × 30 becomes Y(30) × 10 + 0 × 30,
    // Σ = 1640 − 900 + 300 = 1040; 1040 mod 31 = 1040 − 33×31 (1023) = 17; 31 − 17 = 14 → "E".
    expect(usccProblem('91350100M00010Y043')).toBe('the check character should be E, not 3');
  });
});
