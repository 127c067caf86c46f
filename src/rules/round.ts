/**
 * Rounds to 2 decimals, half away from zero. Binary floating point stores 1.005 as 1.00499…, so the value
 * is first cleaned to 15 significant digits (more than any level arithmetic needs) before the half test.
 */
export function round2(value: number): number {
  if (!Number.isFinite(value)) throw new Error(`Cannot round a non-finite number: ${value}`);
  let shifted = Math.abs(value) * 100;
  // Fast path: only values within float noise of a half need the (slower) string cleaning.
  if (Math.abs(shifted - Math.floor(shifted) - 0.5) < 1e-6) {
    shifted = Number((Number(Math.abs(value).toPrecision(15)) * 100).toPrecision(15));
  }
  const rounded = Math.round(shifted) / 100;
  return value < 0 && rounded !== 0 ? -rounded : rounded;
}

/** Plain, language-neutral number for arithmetic strings: at most 4 decimals, no trailing zeros. */
export function show(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(4)));
}

/** Two fixed decimals, for final scores in arithmetic strings ("3.30"). */
export function show2(value: number): string {
  return round2(value).toFixed(2);
}
