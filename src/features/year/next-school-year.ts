/** The school year after `current` ('2026–2027' → '2027–2028'); from `now` when the class has none. */
export function nextSchoolYear(current: string | undefined, now: Date): string {
  const match = current ? /^(\d{4})(\D+)(\d{2}|\d{4})$/.exec(current.trim()) : null;
  if (!match) return `${now.getFullYear()}–${now.getFullYear() + 1}`;
  const [, start, dash, end] = match as unknown as [string, string, string, string];
  const next = String(Number(end) + 1)
    .padStart(end.length, '0')
    .slice(-end.length);
  return `${Number(start) + 1}${dash}${next}`;
}

/** How a class is named in a reason or a list: with its school year when it has one. */
export function classWithYear(name: string, year: string | undefined): string {
  return year ? `${name}, ${year}` : name;
}
