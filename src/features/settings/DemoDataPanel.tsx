import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { hasDemoData, removeDemoData, useStore } from '#db';
import { whileBusy } from '#state/activity-store.ts';
import { useT } from '#ui/useT.ts';

export function DemoDataPanel() {
  const { t } = useT();
  const store = useStore();
  const present = useLiveQuery(() => hasDemoData(store), [store]);
  const [removed, setRemoved] = useState<number | null>(null);

  const remove = async () => {
    if (!window.confirm(t('settings.removeDemoConfirm'))) return;
    setRemoved(await whileBusy(removeDemoData(store)));
  };

  return (
    <section className="card" aria-labelledby="demo-title">
      <h2 id="demo-title">{t('settings.demo')}</h2>
      <p>{present ? t('settings.demoPresent') : t('settings.demoAbsent')}</p>
      {present ? (
        <button type="button" className="danger" onClick={() => void remove()}>
          {t('settings.removeDemo')}
        </button>
      ) : null}
      {removed !== null ? <p role="status">{t('settings.demoRemoved', { count: removed })}</p> : null}
    </section>
  );
}
