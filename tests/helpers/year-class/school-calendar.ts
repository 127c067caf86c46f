/**
 * A US school year's calendar: 180 school days, Monday to Friday, with the usual days off (Labor Day,
 * Thanksgiving, two weeks of winter break, MLK and Presidents' Day, a spring break, Memorial Day). The
 * breaks are counted in weeks and days from the first day, so a year started on any Monday has the same
 * shape (the bench moves the year so that it ends just before the day it runs).
 */
export const SCHOOL_DAYS = 180;
const DAY_MS = 86_400_000;

/** Days off as [first, last] day offsets from the first school day (a Monday), inclusive. */
const DAYS_OFF: readonly (readonly [number, number])[] = [
  [7, 7], // Labor Day (the second Monday)
  [93, 95], // Thanksgiving, Wednesday to Friday of week 14
  [119, 132], // winter break, weeks 18–19
  [147, 147], // MLK Day
  [175, 175], // Presidents' Day
  [210, 214], // spring break, week 31
  [273, 273], // Memorial Day
];

export interface SchoolCalendar {
  /** UTC midnight of each school day, in order. */
  readonly days: readonly number[];
  /** YYYY-MM-DD of each school day. */
  readonly dates: readonly string[];
}

/** The year's school days from a Monday (YYYY-MM-DD). */
export function schoolCalendar(firstMonday: string, days = SCHOOL_DAYS): SchoolCalendar {
  const start = Date.parse(`${firstMonday}T00:00:00Z`);
  if (Number.isNaN(start) || new Date(start).getUTCDay() !== 1) throw new Error(`${firstMonday} is not a Monday`);
  const out: number[] = [];
  for (let offset = 0; out.length < days; offset++) {
    const weekday = (offset + 1) % 7; // 0 Sunday … 6 Saturday, offset 0 is a Monday
    if (weekday === 0 || weekday === 6) continue;
    if (DAYS_OFF.some(([first, last]) => offset >= first && offset <= last)) continue;
    out.push(start + offset * DAY_MS);
  }
  return { days: out, dates: out.map((ms) => new Date(ms).toISOString().slice(0, 10)) };
}

/**
 * The latest Monday from which a year of `days` school days ends before `beforeDay` (YYYY-MM-DD): what
 * the bench uses so the year's last day is the school day before it runs, as for a tablet joining in June.
 */
export function firstMondayEndingBefore(beforeDay: string, days = SCHOOL_DAYS): string {
  const before = Date.parse(`${beforeDay}T00:00:00Z`);
  let monday = before - ((new Date(before).getUTCDay() + 6) % 7) * DAY_MS;
  for (;;) {
    const date = new Date(monday).toISOString().slice(0, 10);
    const calendar = schoolCalendar(date, days);
    if (calendar.days.at(-1)! < before) return date;
    monday -= 7 * DAY_MS;
  }
}
