import { useId } from 'react';
import { TARGET_ICONS, targetIcon } from '#ui/pictures.ts';
import { useT } from '#ui/useT.ts';

/** The target's icon, chosen from the app's icon set by name (the picture shows beside the list). */
export function IconField({ value, onChange }: { value: string; onChange: (icon: string) => void }) {
  const { t } = useT();
  const id = useId();
  const known = value in TARGET_ICONS;
  return (
    <p className="icon-field">
      <label htmlFor={id}>{t('targetEdit.field.icon')}</label>
      <span className="icon-choice">
        <span className="target-icon icon-preview" aria-hidden="true">
          {targetIcon(value)}
        </span>
        <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
          {known ? null : <option value={value}>{t('targetEdit.icon.other', { id: value })}</option>}
          {Object.entries(TARGET_ICONS).map(([icon, glyph]) => (
            <option key={icon} value={icon}>
              {glyph} {t(`targetEdit.icon.${icon}` as never)}
            </option>
          ))}
        </select>
      </span>
    </p>
  );
}
