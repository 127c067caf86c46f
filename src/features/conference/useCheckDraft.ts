import { useCallback, useEffect, useRef, useState } from 'react';
import { checkDraftKey, deviceTeacher, getDraft, recordEvidenceFromDraft, saveDraft, useStore, type Store } from '#db';
import type { Evidence } from '#protocol';
import { whileBusy } from '#state/activity-store.ts';
import { isCheckDraft, startCheck, toItemResults, type CheckDraft, type CheckOptions } from './check-session.ts';

export interface CheckSetup {
  readonly studentId: string;
  readonly targetId: string;
  readonly allItemIds: readonly string[];
  readonly notYetItemIds: readonly string[];
}

function newSeed(store: Store): number {
  return new DataView(store.env.randomBytes(4).buffer).getUint32(0);
}

/**
 * The check's state, resumed from its draft when there is one, and written back to the drafts table on
 * every change: a reload, a closed tab or a Pause loses at most the answer being given. Time taken counts
 * only while the check is on screen.
 */
export function useCheckDraft(setup: CheckSetup) {
  const store = useStore();
  const key = checkDraftKey(setup.studentId, setup.targetId);
  const [draft, setDraft] = useState<CheckDraft | null>(null);
  // The draft last known to be stored: the screen says "kept" only once the write has committed.
  const [stored, setStored] = useState<CheckDraft | null>(null);
  // The latest draft, also between a key press and the next render: two quick keys are two answers.
  const latest = useRef<CheckDraft | null>(null);
  const sittingStart = useRef(performance.now());
  // Draft writes run one after another, and finishing waits for them, so a late write never revives a draft.
  const writes = useRef<Promise<void>>(Promise.resolve());
  const setupRef = useRef(setup);
  setupRef.current = setup;

  useEffect(() => {
    let live = true;
    void getDraft<unknown>(store, key).then((stored) => {
      if (!live) return;
      const s = setupRef.current;
      const resumed = isCheckDraft(stored?.value) ? stored.value : null;
      const fresh = () =>
        startCheck(s.studentId, s.targetId, s.allItemIds, s.notYetItemIds, {
          // Shuffled: the fair check a teacher expects (in order, a child can recite instead of read).
          order: 'random',
          onlyNotYet: false,
          seed: newSeed(store),
        });
      sittingStart.current = performance.now();
      const initial = resumed ?? fresh();
      latest.current = initial;
      setDraft(initial);
      if (resumed) setStored(resumed);
      else
        writes.current = writes.current
          .then(() => saveDraft(store, key, initial))
          .then(() => {
            if (live) setStored(initial);
          });
    });
    return () => {
      live = false;
    };
  }, [store, key]);

  const elapsedMs = useCallback((d: CheckDraft) => d.elapsedMs + (performance.now() - sittingStart.current), []);

  /** Applies a change to the latest draft and stores it, folding the time of this sitting into it. */
  const update = useCallback(
    (change: (current: CheckDraft) => CheckDraft): CheckDraft | null => {
      if (!latest.current) return null;
      const next = change(latest.current);
      const stamped = { ...next, elapsedMs: Math.round(elapsedMs(next)) };
      sittingStart.current = performance.now();
      latest.current = stamped;
      setDraft(stamped);
      writes.current = writes.current
        .then(() => whileBusy(saveDraft(store, key, stamped)))
        .then(() => setStored(stamped))
        .catch(() => undefined);
      return stamped;
    },
    [store, key, elapsedMs],
  );

  const restart = useCallback(
    (options: Omit<CheckOptions, 'seed'>) => {
      const s = setupRef.current;
      update((current) =>
        startCheck(s.studentId, s.targetId, s.allItemIds, s.notYetItemIds, { ...options, seed: current.seed }),
      );
    },
    [update],
  );

  /** Stores the check as one evidence record and drops the draft, in one transaction. */
  const finish = useCallback(
    async (final: CheckDraft): Promise<Evidence> => {
      const durationMs = Math.round(elapsedMs(final));
      await writes.current;
      return whileBusy(
        deviceTeacher(store).then((recordedBy) =>
          recordEvidenceFromDraft(
            store,
            {
              studentId: final.studentId,
              targetIds: [final.targetId],
              kind: 'check',
              itemResults: toItemResults(final),
              durationMs,
              recordedBy,
            },
            key,
          ),
        ),
      );
    },
    [store, key, elapsedMs],
  );

  /** Waits until the draft is stored, so leaving the screen right after loses nothing. */
  const flush = useCallback(() => writes.current, []);

  return { draft, isStored: draft !== null && stored === draft, update, restart, finish, flush, elapsedMs };
}
