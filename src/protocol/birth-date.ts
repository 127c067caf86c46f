/** Dates of birth as the app keeps them: YYYY-MM-DD, checked to be a real day. */
const BIRTH_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A date of birth as YYYY-MM-DD (the first ten characters of an ISO date), or null when it is not one. */
export function normalBirthDate(value: string | undefined): string | null {
  const day = value?.trim().slice(0, 10) ?? '';
  if (!BIRTH_DATE.test(day)) return null;
  const date = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== day ? null : day;
}
