import { useEffect, useMemo, useRef, useState } from 'react';
import type { StudentProgressData } from '#db';
import type { ItemResultValue } from '#protocol';
import { useT } from '#ui/useT.ts';
import { answer, currentItemId, isComplete, moveBy, setNote, type CheckDraft } from './check-session.ts';
import type { ConferenceNav } from './conference-nav.ts';
import { notYetItemIds, targetItemStates, targetItems } from './conference-view.ts';
import { CheckRunner } from './CheckRunner.tsx';
import { useCheckDraft } from './useCheckDraft.ts';

type SaveState = { kind: 'idle' | 'saving' } | { kind: 'error'; message: string };

/** A one-on-one check of one target's items; finishing the last item saves it, no extra tap. */
export function CheckScreen({
  data,
  targetId,
  nav,
}: {
  data: StudentProgressData;
  targetId: string;
  nav: ConferenceNav;
}) {
  const { t } = useT();
  const target = data.targets.find((x) => x.id === targetId);
  const items = useMemo(() => (target ? targetItems(data, target) : []), [data, target]);
  const states = useMemo(() => (target ? targetItemStates(data, target) : []), [data, target]);
  const { draft, isStored, update, restart, finish, flush, elapsedMs } = useCheckDraft({
    studentId: data.student.id,
    targetId,
    allItemIds: items.map((i) => i.id),
    notYetItemIds: notYetItemIds(states),
  });
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const [, setTick] = useState(0);
  // Set on the answer that completes the check, before React re-renders: a second quick key saves nothing.
  const finishing = useRef(false);

  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), 1000);
    return () => clearInterval(timer);
  }, []);

  if (!target || items.length === 0) return <p>{t('conference.check.noItems')}</p>;
  if (!draft) return <p role="status">{t('common.loading')}</p>;

  const complete = async (final: CheckDraft) => {
    if (finishing.current) return;
    finishing.current = true;
    setSave({ kind: 'saving' });
    try {
      const evidence = await finish(final);
      nav.result(targetId, evidence.id);
    } catch (e) {
      finishing.current = false;
      setSave({ kind: 'error', message: t('conference.saveFailed', { reason: (e as Error).message }) });
    }
  };

  const onAnswer = (result: ItemResultValue) => {
    if (finishing.current) return;
    const next = update((current) => answer(current, result));
    if (next && isComplete(next)) void complete(next);
  };

  const pause = async () => {
    update((current) => current);
    await flush();
    nav.overview();
  };

  return (
    <CheckRunner
      target={target}
      items={items}
      draft={draft}
      elapsedMs={elapsedMs(draft)}
      notYetCount={notYetItemIds(states).length}
      isSaving={save.kind === 'saving'}
      isStored={isStored}
      error={save.kind === 'error' ? save.message : null}
      onAnswer={onAnswer}
      onMove={(delta) => update((current) => moveBy(current, delta))}
      onNote={(note) =>
        update((current) => {
          const itemId = currentItemId(current);
          return itemId ? setNote(current, itemId, note) : current;
        })
      }
      onOptions={restart}
      onPause={() => void pause()}
      onFinishNow={() => void complete(draft)}
    />
  );
}
