import { readConference, type ConferenceRead, type Store } from '#db';

type Reader = (store: Store, previous?: ConferenceRead | null) => Promise<ConferenceRead | null>;

const readers = new Map<string, Reader>();

/**
 * The conference's read of one student, one function per student and page size: useSuspendingLiveRead
 * keeps a screen's first read by its read function, so the function must be the same on every render.
 */
export function conferenceReader(studentId: string, pageSize: number): Reader {
  const key = `${pageSize}:${studentId}`;
  let reader = readers.get(key);
  if (!reader) {
    reader = (store, previous) => readConference(store, studentId, pageSize, previous);
    readers.set(key, reader);
  }
  return reader;
}
