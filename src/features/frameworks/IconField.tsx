import { useId } from 'react';
import { TARGET_ICONS } from '#ui/pictures.ts';
import { TargetIcon } from '#ui/TargetIcon.tsx';
import { useT } from '#ui/useT.ts';

/** The target's icon, chosen from the app's icon set by name (its drawing shows beside the list; a list option can only be words). */
export function IconField({ value, onChange }: { value: string; onChange: (icon: string) => void }) {
  const { t } = useT();
  const id = useId();
  const known = value in TARGET_ICONS;
  return (
    <p className="icon-field">
      <label htmlFor={id}>{t('targetEdit.field.icon')}</label>
      <span className="icon-choice">
        <span className="target-icon icon-preview" aria-hidden="true">
          <TargetIcon icon={value} />
        </span>
        <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
          {known ? null : <option value={value}>{t('targetEdit.icon.other', { id: value })}</option>}
          {Object.keys(TARGET_ICONS).map((icon) => (
            <option key={icon} value={icon}>
              {t(`targetEdit.icon.${icon}` as never)}
            </option>
          ))}
        </select>
      </span>
    </p>
  );
}
