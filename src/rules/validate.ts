import type { ScoreMethodInput } from './types.ts';

/** Validation of rule parameters: each error message names the parameter and the value it got. */

export function isIntegerIn(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}

/** Throws an Error naming the problem when a method or its parameters are invalid. */
export function validateMethod(method: ScoreMethodInput): void {
  switch (method.kind) {
    case 'decayingAverage':
      if (!(Number.isFinite(method.weight) && method.weight >= 1 && method.weight <= 99))
        throw new Error(`decayingAverage weight must be a percentage from 1 to 99, got ${method.weight}`);
      return;
    case 'exponentialDecay':
      if (!(Number.isFinite(method.weight) && method.weight >= 50 && method.weight <= 99))
        throw new Error(`exponentialDecay weight must be a percentage from 50 to 99, got ${method.weight}`);
      return;
    case 'nTimes':
      if (!isIntegerIn(method.n, 1, 10)) throw new Error(`nTimes n must be an integer from 1 to 10, got ${method.n}`);
      return;
    case 'mOfN':
      if (!isIntegerIn(method.n, 1, Number.MAX_SAFE_INTEGER))
        throw new Error(`mOfN n must be an integer of at least 1, got ${method.n}`);
      if (!isIntegerIn(method.m, 1, Number.MAX_SAFE_INTEGER))
        throw new Error(`mOfN m must be an integer of at least 1, got ${method.m}`);
      if (method.m > method.n) throw new Error(`mOfN m must not exceed n, got m=${method.m} > n=${method.n}`);
      return;
    case 'inARow':
      if (!isIntegerIn(method.n, 1, Number.MAX_SAFE_INTEGER))
        throw new Error(`inARow n must be an integer of at least 1, got ${method.n}`);
      return;
    case 'mostRecent':
    case 'highest':
    case 'average':
      return;
    default: {
      const unknownKind: unknown = (method as { kind?: unknown }).kind;
      throw new Error(`Unknown score method kind: ${String(unknownKind)}`);
    }
  }
}

export function validateMasteryLevel(level: number): void {
  if (!Number.isFinite(level)) throw new Error(`masteryLevel must be a finite number, got ${level}`);
}

export function validateLevel(level: number, id: string | undefined): void {
  if (typeof level !== 'number' || !Number.isFinite(level))
    throw new Error(`Evidence level must be a finite number, got ${String(level)}${id ? ` on evidence ${id}` : ''}`);
}
