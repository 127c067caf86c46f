import { getBlob, getClass, getStationStudent, getTargetClipId, loadStudentProgressData, type Store } from '#db';
import { buildChildHome, type ChildHomeView } from './station-view.ts';

/**
 * Loads a child's home for the station, or null when the child is not in the station's class: a station
 * never opens anyone else's data. `tabletLanguage` speaks to a child whose family language the station was
 * not told (the class's language when absent).
 */
export async function loadChildHome(
  store: Store,
  studentId: string,
  now: Date,
  tabletLanguage?: string,
): Promise<ChildHomeView | null> {
  const student = await getStationStudent(store, studentId);
  if (!student) return null;
  const [data, group] = await Promise.all([
    loadStudentProgressData(store, studentId),
    getClass(store, student.classId),
  ]);
  if (!data) return null;
  const contentLanguage = group?.language ?? 'en';
  const view = buildChildHome(data, { now, contentLanguage, tabletLanguage: tabletLanguage ?? contentLanguage });
  if (!view.target) return view;
  // The teacher's clip, in the language the statement is voiced in: played when the tablet has no voice.
  const clipId = await getTargetClipId(store, view.target.id, view.target.language);
  const blob = clipId ? await getBlob(store, clipId) : undefined;
  return blob?.bytes ? { ...view, target: { ...view.target, clip: { bytes: blob.bytes, mime: blob.mime } } } : view;
}
