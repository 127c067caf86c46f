import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { listRecentEvidence, type EvidencePage } from './evidence-repository.ts';
import type { EvidenceRecord } from './records.ts';
import { useStore } from './store-context.tsx';

export interface EvidencePager {
  /** Newest observation first; null until the first page is read. */
  readonly records: readonly EvidenceRecord[] | null;
  readonly hasMore: boolean;
  showMore(): void;
}

/**
 * A student's evidence as a list shows it: a page at a time, newest first, live (a new piece appears at the
 * top as it is recorded or synced). A year holds thousands of pieces; the list reads and renders only the
 * ones shown, and "show more" reads the next page.
 */
export function useEvidencePage(
  studentId: string,
  pageSize: number,
  options: { readonly withoutVoided?: boolean } = {},
): EvidencePager {
  const store = useStore();
  const [count, setCount] = useState(pageSize);
  const withoutVoided = options.withoutVoided === true;
  const page = useLiveQuery<EvidencePage | null, null>(
    () => listRecentEvidence(store, studentId, count, { withoutVoided }),
    [store, studentId, count, withoutVoided],
    null,
  );
  // While the next page is read, useLiveQuery keeps answering the shown one (no flash of an empty list).
  return {
    records: page?.records ?? null,
    hasMore: page?.hasMore ?? false,
    showMore: () => setCount((n) => n + pageSize),
  };
}

/**
 * useEvidencePage for a screen that read the first page itself, with the rest of what it shows (and reads it
 * again after each write): that page until "show more" asks for more, then the longer page, live.
 */
export function useEvidencePageFrom(studentId: string, first: EvidencePage, pageSize: number): EvidencePager {
  const store = useStore();
  const [count, setCount] = useState(pageSize);
  const isLonger = count > pageSize;
  const longer = useLiveQuery<EvidencePage | null, null>(
    () => (isLonger ? listRecentEvidence(store, studentId, count) : null),
    [store, studentId, count, isLonger],
    null,
  );
  const page = isLonger ? (longer ?? first) : first;
  return {
    records: page.records,
    hasMore: page.hasMore,
    showMore: () => setCount((n) => n + pageSize),
  };
}
