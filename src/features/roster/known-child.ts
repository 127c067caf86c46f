import { getClass, loadStudentProgressData, type CarryReasons, type Store, type StudentRecord } from '#db';
import { carryStatus, type CarryPlan } from '#ui/year-carry.ts';
import type { Translate } from '#ui/useT.ts';

/**
 * What a child already known carries into `classId` (the rules' view of their latest record) and the words
 * the carried decisions give: shared by adding a child by hand and by the OneRoster import.
 */
export async function carryInto(store: Store, earlier: StudentRecord, classId: string): Promise<CarryPlan | null> {
  const [data, group] = await Promise.all([loadStudentProgressData(store, earlier.id), getClass(store, classId)]);
  return data ? carryStatus(data, new Date(), group?.templateTargetIds ?? []) : null;
}

export async function carryReasons(store: Store, earlier: StudentRecord, t: Translate): Promise<CarryReasons> {
  const group = await getClass(store, earlier.classId);
  const place = group ? (group.schoolYear ? `${group.name}, ${group.schoolYear}` : group.name) : earlier.displayName;
  return { mastered: t('year.reason.mastered', { place }), current: t('year.reason.current', { place }) };
}
