/**
 * The unified social credit code (统一社会信用代码) of GB 32100-2015: 18 characters from a
 * 31-character alphabet (digits and capitals without I, O, Z, S, V); the last is a check
 * character computed from the first 17 with fixed weights, modulo 31.
 */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character for the first 17 characters, or null when there are not 17 or one is outside the alphabet. */
export function usccCheckCharacter(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const value = USCC_ALPHABET.indexOf(first17[i] ?? '');
    if (value < 0) return null;
    sum += value * WEIGHTS[i]!;
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31]!;
}

/** Why a code is not valid, or null when it is. Expects the code already upper-cased. */
export function usccProblem(code: string): string | null {
  if (code.length !== 18) return `must be 18 characters long, got ${code.length}`;
  const bad = [...code].find((c) => !USCC_ALPHABET.includes(c));
  if (bad !== undefined) return `contains "${bad}", which is not allowed (digits and capitals except I, O, Z, S, V)`;
  const expected = usccCheckCharacter(code.slice(0, 17));
  if (code[17] !== expected) return `the check character should be ${expected}, not ${code[17]}`;
  return null;
}
