import { useId } from 'react';
import { ACTIVE_CLASS_KEY, setSetting, useStore, type ClassRecord } from '#db';
import { useT } from '#ui/useT.ts';

/** Chooses which class this device shows, when it has more than one. */
export function ClassPicker({ classes, activeId }: { classes: readonly ClassRecord[]; activeId: string }) {
  const { t } = useT();
  const id = useId();
  const store = useStore();
  return (
    <div className="class-picker">
      <label htmlFor={id}>{t('class.choose')}</label>
      <select id={id} value={activeId} onChange={(e) => void setSetting(store, ACTIVE_CLASS_KEY, e.target.value)}>
        {classes.map((c) => (
          <option key={c.id} value={c.id}>
            {c.schoolYear ? `${c.name} · ${c.schoolYear}` : c.name}
          </option>
        ))}
      </select>
    </div>
  );
}
