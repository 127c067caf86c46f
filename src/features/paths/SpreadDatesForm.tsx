import { useId, useState, type FormEvent } from 'react';
import { useT } from '#ui/useT.ts';
import { localDay, spreadPlannedDates } from './path-edits.ts';
import type { SavePath } from './usePathSaver.ts';

/** Plans the targets not yet mastered (the rules say which) evenly over the school days between two dates. */
export function SpreadDatesForm({ targetIds, save }: { targetIds: readonly string[]; save: SavePath }) {
  const { t } = useT();
  const ids = useId();
  const [from, setFrom] = useState(() => localDay(new Date()));
  const [to, setTo] = useState('');
  const [missing, setMissing] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMissing(!from || !to);
    if (!from || !to) return;
    const count = targetIds.length;
    void save((entries) => spreadPlannedDates(entries, targetIds, from, to), t('pathEditor.spread.saved', { count }));
  };

  return (
    <form className="card" onSubmit={submit} aria-labelledby={`${ids}-title`} noValidate>
      <h2 id={`${ids}-title`}>{t('pathEditor.spread.title')}</h2>
      <p className="muted">{t('pathEditor.spread.help', { count: targetIds.length })}</p>
      <label htmlFor={`${ids}-from`}>{t('pathEditor.spread.from')}</label>
      <input id={`${ids}-from`} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
      <label htmlFor={`${ids}-to`}>{t('pathEditor.spread.to')}</label>
      <input id={`${ids}-to`} type="date" value={to} min={from} onChange={(e) => setTo(e.target.value)} />
      {missing ? <p role="alert">{t('pathEditor.spread.needDates')}</p> : null}
      <div className="form-actions">
        <button type="submit" disabled={targetIds.length === 0}>
          {t('pathEditor.spread.button', { count: targetIds.length })}
        </button>
      </div>
    </form>
  );
}
