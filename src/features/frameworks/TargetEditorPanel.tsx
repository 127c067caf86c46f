import { useLiveQuery } from 'dexie-react-hooks';
import { getActiveClass, getSchool, listItemSets, listTargets, useStore } from '#db';
import { DEFAULT_SCALE } from '#protocol';
import { useT } from '#ui/useT.ts';
import { TargetEditor } from './TargetEditor.tsx';

/** Loads a target, its item set, who else shares the set, and the scale the preview scores on. */
export function TargetEditorPanel(props: { targetId: string; onBack: () => void }) {
  const { t } = useT();
  const store = useStore();
  const loaded = useLiveQuery(async () => {
    const [targets, itemSets, group] = await Promise.all([
      listTargets(store),
      listItemSets(store),
      getActiveClass(store),
    ]);
    const target = targets.find((x) => x.id === props.targetId);
    const itemSet = target?.itemSetId ? itemSets.find((s) => s.id === target.itemSetId) : undefined;
    const sharedWith = itemSet
      ? targets.filter((x) => x.id !== props.targetId && x.itemSetId === itemSet.id).length
      : 0;
    const school = group ? await getSchool(store, group.schoolId) : undefined;
    return { target, itemSet, sharedWith, scale: school?.scale ?? DEFAULT_SCALE };
  }, [store, props.targetId]);

  if (loaded === undefined) return <p role="status">{t('common.loading')}</p>;
  if (!loaded.target) return <p role="alert">{t('targetEdit.missing')}</p>;
  // Keyed by target: the form starts from what is stored and keeps the teacher's typing after a save.
  return (
    <TargetEditor
      key={loaded.target.id}
      target={loaded.target}
      itemSet={loaded.itemSet}
      sharedWith={loaded.sharedWith}
      scale={loaded.scale}
      onBack={props.onBack}
    />
  );
}
