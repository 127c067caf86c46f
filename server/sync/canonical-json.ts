/** JSON with object keys sorted, so equal values compare equal whatever order a client wrote keys in. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i > 0 ? ',' : '') + canonicalJson(value[i]);
    return `${out}]`;
  }
  // Plain loops: this runs over every field of every pushed change (content hashes), so it must be cheap.
  const record = value as Record<string, unknown>;
  let out = '{';
  let first = true;
  for (const key of Object.keys(record).sort()) {
    const item = record[key];
    if (item === undefined) continue;
    out += `${first ? '' : ','}${JSON.stringify(key)}:${canonicalJson(item)}`;
    first = false;
  }
  return `${out}}`;
}

/**
 * An object's entries as canonical JSON, sorted by name: `[JSON of the name, canonical JSON of the value]`.
 * A push serializes each change's fields once through this (content hash, log row, a new record's document).
 */
export function canonicalEntries(record: Readonly<Record<string, unknown>>): [string, string][] {
  const out: [string, string][] = [];
  for (const key of Object.keys(record).sort()) {
    const item = record[key];
    if (item !== undefined) out.push([JSON.stringify(key), canonicalJson(item)]);
  }
  return out;
}

/** canonicalJson of an object, from its canonicalEntries. */
export function objectJson(entries: readonly (readonly [string, string])[]): string {
  let out = '{';
  for (let i = 0; i < entries.length; i++) out += `${i > 0 ? ',' : ''}${entries[i]![0]}:${entries[i]![1]}`;
  return `${out}}`;
}
