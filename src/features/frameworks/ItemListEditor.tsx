import { useId, useState } from 'react';
import { useT } from '#ui/useT.ts';
import { newItemId, type ItemDraft } from './target-form.ts';

/** The letters, sounds or words a target checks: rename, add, remove, or leave out of this target. */
export function ItemListEditor(props: {
  items: readonly ItemDraft[];
  sharedWith: number;
  onChange: (items: readonly ItemDraft[]) => void;
}) {
  const { t } = useT();
  const id = useId();
  const [newLabel, setNewLabel] = useState('');
  const [needLabel, setNeedLabel] = useState(false);
  const set = (index: number, changes: Partial<ItemDraft>) =>
    props.onChange(props.items.map((item, i) => (i === index ? { ...item, ...changes } : item)));

  const add = () => {
    const label = newLabel.trim();
    setNeedLabel(!label);
    if (!label) return;
    const taken = new Set(props.items.map((i) => i.id));
    props.onChange([...props.items, { id: newItemId(label, taken), label, checked: true }]);
    setNewLabel('');
  };

  return (
    <fieldset className="item-editor">
      <legend>{t('targetEdit.items.title')}</legend>
      <p className="muted">
        {props.items.length === 0 ? t('targetEdit.items.none') : t('targetEdit.items.help')}
        {props.sharedWith > 0 ? ` ${t('targetEdit.items.shared', { count: props.sharedWith })}` : ''}
      </p>
      <ol className="item-rows">
        {props.items.map((item, index) => (
          <li key={item.id} className="item-row">
            <input
              type="checkbox"
              className="item-check"
              checked={item.checked}
              aria-label={t('targetEdit.items.checks', { number: index + 1 })}
              onChange={(e) => set(index, { checked: e.currentTarget.checked })}
            />
            <input
              aria-label={t('targetEdit.items.label', { number: index + 1 })}
              value={item.label}
              onChange={(e) => set(index, { label: e.currentTarget.value })}
            />
            <button
              type="button"
              className="secondary"
              onClick={() => props.onChange(props.items.filter((_, i) => i !== index))}
            >
              {t('targetEdit.items.remove', { number: index + 1 })}
            </button>
          </li>
        ))}
      </ol>
      <p className="item-add">
        <label htmlFor={`${id}-new`}>{t('targetEdit.items.new')}</label>
        <span className="item-row">
          <input
            id={`${id}-new`}
            value={newLabel}
            onChange={(e) => setNewLabel(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                add();
              }
            }}
          />
          <button type="button" onClick={add}>
            {t('targetEdit.items.add')}
          </button>
        </span>
        {needLabel ? <span role="alert">{t('targetEdit.items.needLabel')}</span> : null}
      </p>
    </fieldset>
  );
}
