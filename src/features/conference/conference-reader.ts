import { CONFERENCE_TABLES, preloadSuspendingRead, readConference, type ConferenceRead, type Store } from '#db';
import { evaluateProgress } from '#ui/progress-input.ts';

/** How many pieces the timeline shows at first and adds with each "show more". */
export const TIMELINE_PAGE = 12;

type Reader = (store: Store, previous?: ConferenceRead | null) => Promise<ConferenceRead | null>;

const readers = new Map<string, Reader>();

/**
 * The conference's read of one student: one function per student, since useSuspendingLiveRead keeps a
 * screen's first read by its read function (which must be the same on every render).
 */
export function conferenceReader(studentId: string): Reader {
  let reader = readers.get(studentId);
  if (!reader) {
    reader = (store, previous) => readConference(store, studentId, TIMELINE_PAGE, previous);
    readers.set(studentId, reader);
  }
  return reader;
}

/**
 * Reads a child's conference (and runs the rules on it) ahead of the tap that opens it, as the conference
 * will read it: the screen then takes this read as its first, and the rules' answer for it is already kept.
 */
export async function preloadConference(store: Store, studentId: string): Promise<void> {
  const read = await preloadSuspendingRead(store, conferenceReader(studentId), CONFERENCE_TABLES);
  if (read) evaluateProgress(read.data, new Date(store.env.now()));
}
