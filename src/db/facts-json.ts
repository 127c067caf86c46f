/**
 * A student's facts as JSON, written again from the JSON of the same facts last time: a pull rewrites each
 * child's facts once per page, with a few new facts among the old (other tablets' evidence of the same
 * days lands in between), and stringifying two thousand facts for the sake of twenty cost more than the
 * page's own records. Knowing where each fact's JSON ends, the old facts keep their JSON as they are (the
 * same objects, in the same order, are the same text) and only the new ones are stringified.
 */
export interface FactsJson {
  readonly json: string;
  readonly facts: readonly unknown[];
  /** Where each fact's JSON ends in `json` (null when the facts came from parsing it). */
  readonly ends: readonly number[] | null;
}

/** `facts` as a JSON array, reusing `before`'s text for the facts it had (the very same objects). */
export function factsJson(facts: readonly unknown[], before?: FactsJson): FactsJson {
  return (before?.ends && spliced(facts, before, before.ends)) || whole(facts);
}

function whole(facts: readonly unknown[]): FactsJson {
  const parts = facts.map(stringify);
  const ends: number[] = [];
  let length = 1;
  for (const part of parts) {
    length += part.length;
    ends.push(length);
    length += 1;
  }
  return { json: `[${parts.join(',')}]`, facts, ends };
}

function spliced(facts: readonly unknown[], before: FactsJson, beforeEnds: readonly number[]): FactsJson | null {
  const at = new Map<unknown, number>();
  before.facts.forEach((fact, i) => at.set(fact, i));
  const pieces: string[] = [];
  const ends: number[] = [];
  let length = 1;
  let reused = 0;
  for (let i = 0; i < facts.length;) {
    const k = at.get(facts[i]);
    if (k === undefined) {
      const part = stringify(facts[i]);
      pieces.push(part);
      length += part.length;
      ends.push(length);
      length += 1;
      i += 1;
      continue;
    }
    // A run of the old facts k, k + 1, …: their text as it was.
    let n = 1;
    while (i + n < facts.length && facts[i + n] === before.facts[k + n]) n += 1;
    const from = k === 0 ? 1 : beforeEnds[k - 1]! + 1;
    const to = beforeEnds[k + n - 1]!;
    pieces.push(before.json.slice(from, to));
    const shift = length - from;
    for (let m = 0; m < n; m++) ends.push(beforeEnds[k + m]! + shift);
    length += to - from + 1;
    reused += n;
    i += n;
  }
  // Nothing of the old text to keep: one stringify of the whole is quicker than pieces.
  if (reused === 0) return null;
  return { json: `[${pieces.join(',')}]`, facts, ends };
}

const stringify = (fact: unknown): string => JSON.stringify(fact) ?? 'null';
