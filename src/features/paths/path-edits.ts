import type { PathEntry } from '#protocol';

/**
 * Pure edits of one student's path. Each returns new entries or throws a PathEditError, so a refused edit
 * writes nothing (updatePath runs them inside its transaction). Cleared fields are left out, not set to
 * undefined: a path syncs as JSON.
 */

export type PathEditProblem = 'reasonRequired' | 'notOnPath' | 'alreadyOnPath' | 'badDate' | 'badRange';

export class PathEditError extends Error {
  constructor(
    readonly problem: PathEditProblem,
    message: string,
  ) {
    super(message);
    this.name = 'PathEditError';
  }
}

export function moveEntry(entries: readonly PathEntry[], targetId: string, offset: -1 | 1): PathEntry[] {
  const from = indexOf(entries, targetId);
  const to = from + offset;
  if (to < 0 || to >= entries.length) return [...entries];
  const moved = [...entries];
  [moved[from], moved[to]] = [moved[to]!, moved[from]!];
  return moved;
}

export function skipEntry(entries: readonly PathEntry[], targetId: string, reason: string): PathEntry[] {
  const trimmed = reason.trim();
  if (!trimmed) throw new PathEditError('reasonRequired', `Skipping ${targetId} needs a reason.`);
  return change(entries, targetId, (entry) => ({ ...entry, skippedReason: trimmed }));
}

export function unskipEntry(entries: readonly PathEntry[], targetId: string): PathEntry[] {
  return change(entries, targetId, (entry) => omit(entry, 'skippedReason'));
}

export function addEnrichment(entries: readonly PathEntry[], targetId: string): PathEntry[] {
  if (entries.some((e) => e.targetId === targetId)) {
    throw new PathEditError('alreadyOnPath', `${targetId} is already on the path.`);
  }
  return [...entries, { targetId, enrichment: true }];
}

export function removeEntry(entries: readonly PathEntry[], targetId: string): PathEntry[] {
  indexOf(entries, targetId);
  return entries.filter((e) => e.targetId !== targetId);
}

export function setPlannedDate(entries: readonly PathEntry[], targetId: string, date: string | null): PathEntry[] {
  if (date !== null && !isDate(date)) throw new PathEditError('badDate', `"${date}" is not a date (YYYY-MM-DD).`);
  return change(entries, targetId, (entry) =>
    date === null ? omit(entry, 'plannedDate') : { ...entry, plannedDate: date },
  );
}

/** A school year and then some; longer ranges are a typo (e.g. year 2062). */
export const MAX_SPREAD_DAYS = 400;

/**
 * Plans the given targets (in path order) evenly over the school days (Monday to Friday) from `from` to
 * `to`, the last on `to`'s school day. Other entries keep their dates. With no school day in the range,
 * calendar days are used.
 */
export function spreadPlannedDates(
  entries: readonly PathEntry[],
  targetIds: readonly string[],
  from: string,
  to: string,
): PathEntry[] {
  if (!isDate(from) || !isDate(to)) throw new PathEditError('badDate', 'Both dates must be YYYY-MM-DD.');
  if (from > to || Date.parse(to) - Date.parse(from) > MAX_SPREAD_DAYS * 86_400_000) {
    throw new PathEditError('badRange', `${from} to ${to} is not a range of at most ${MAX_SPREAD_DAYS} days.`);
  }
  const wanted = new Set(targetIds);
  const planned = entries.filter((e) => wanted.has(e.targetId));
  const dates = spreadDates(from, to, planned.length);
  const byTarget = new Map(planned.map((e, i) => [e.targetId, dates[i]!]));
  return entries.map((entry) => {
    const date = byTarget.get(entry.targetId);
    return date ? { ...entry, plannedDate: date } : entry;
  });
}

/** `count` dates spread evenly over the school days from `from` to `to` (inclusive), in order. */
export function spreadDates(from: string, to: string, count: number): string[] {
  const all = daysBetween(from, to);
  const schoolDays = all.filter((day) => {
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  });
  const days = schoolDays.length > 0 ? schoolDays : all;
  return Array.from({ length: count }, (_, i) => days[Math.max(0, Math.floor(((i + 1) * days.length) / count) - 1)]!);
}

/** The calendar day of a moment on this device, as YYYY-MM-DD. */
export function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let ms = Date.parse(`${from}T00:00:00Z`); ms <= Date.parse(`${to}T00:00:00Z`); ms += 86_400_000) {
    days.push(new Date(ms).toISOString().slice(0, 10));
  }
  return days;
}

function isDate(value: string): boolean {
  const ms = Date.parse(`${value}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(ms) && new Date(ms).toISOString().startsWith(value);
}

function indexOf(entries: readonly PathEntry[], targetId: string): number {
  const index = entries.findIndex((e) => e.targetId === targetId);
  if (index < 0) throw new PathEditError('notOnPath', `${targetId} is not on the path.`);
  return index;
}

function change(entries: readonly PathEntry[], targetId: string, update: (entry: PathEntry) => PathEntry) {
  const index = indexOf(entries, targetId);
  return entries.map((entry, i) => (i === index ? update(entry) : entry));
}

function omit(entry: PathEntry, key: 'skippedReason' | 'plannedDate'): PathEntry {
  const { [key]: _dropped, ...rest } = entry;
  return rest;
}
