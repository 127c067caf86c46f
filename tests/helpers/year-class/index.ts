/** The school-year class generator, shared by the benchmarks (bench/year-*.ts) and the tests. */
export {
  FULL_YEAR,
  generateYearClass,
  mediaBytes,
  type MediaRef,
  type PushRound,
  type YearClass,
  type YearCounts,
  type YearDevice,
  type YearOptions,
} from './generate-year.ts';
export { firstMondayEndingBefore, schoolCalendar, SCHOOL_DAYS } from './school-calendar.ts';
export { randomBytesFrom, SimDevice, type SimWrite } from './sim-device.ts';
export { yearChanges, yearProgressSources, yearRows, type YearRow } from './year-records.ts';
export { makeMedia, type MediaKind, type MediaScale } from './year-media.ts';
