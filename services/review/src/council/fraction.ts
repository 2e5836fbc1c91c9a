/**
 * Fractions of the council's rules (`"p/q"`), compared in exact integer arithmetic: a count meets
 * `p/q` of a total when `count · q ≥ p · total` (2 of 3 meets 2/3; 3 of 5 does not). Pure.
 */

/** A fraction `p/q` with `q ≥ 1` and `0 < p ≤ q`. */
export interface Fraction {
  p: bigint;
  q: bigint;
}

const FRACTION = /^(\d{1,4})\/(\d{1,4})$/;

/** The fraction written `p/q`, or null when malformed or not with `q ≥ 1` and `0 < p ≤ q`. */
export function parseFraction(text: string): Fraction | null {
  const match = FRACTION.exec(text);
  if (!match) return null;
  const p = BigInt(match[1] ?? '0');
  const q = BigInt(match[2] ?? '0');
  if (q < 1n || p < 1n || p > q) return null;
  return { p, q };
}

/** The fraction written `p/q`; throws on a malformed one (rules are checked when configured). */
export function fractionOf(text: string): Fraction {
  const fraction = parseFraction(text);
  if (!fraction) throw new RangeError(`not a fraction p/q with 0 < p ≤ q: ${text}`);
  return fraction;
}

/** True when `count ÷ total ≥ p/q`, exactly (`count · q ≥ p · total`). */
export function reaches(count: number, total: number, fraction: Fraction): boolean {
  return BigInt(count) * fraction.q >= fraction.p * BigInt(total);
}
