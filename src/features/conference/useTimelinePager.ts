import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { listRecentEvidence, useStore, type EvidencePage, type EvidencePager } from '#db';

/**
 * The timeline a page at a time: the first page is the one the conference read with everything else
 * (readConference, live with it); each "show more" adds a page, read live as useEvidencePage reads it
 * (a piece recorded, synced or voided shows in place). Until a longer list is read, the shorter one stays.
 */
export function useTimelinePager(studentId: string, firstPage: EvidencePage, pageSize: number): EvidencePager {
  const store = useStore();
  const [count, setCount] = useState(pageSize);
  const isLonger = count > pageSize;
  const longer = useLiveQuery<EvidencePage | null, null>(
    () => (isLonger ? listRecentEvidence(store, studentId, count) : Promise.resolve(null)),
    [store, studentId, count, isLonger],
    null,
  );
  const page = isLonger && longer ? longer : firstPage;
  return {
    records: page.records,
    hasMore: page.hasMore,
    showMore: () => setCount((n) => n + pageSize),
  };
}
