import { useId } from 'react';
import type { MasteryScale } from '#protocol';
import { useT } from './useT.ts';
import { levelLabel } from './target-text.ts';

/** Large labelled buttons for a level on the school's mastery scale. */
export function LevelPicker(props: {
  scale: MasteryScale;
  value: number | null;
  onChange(level: number): void;
  label: string;
}) {
  const { t } = useT();
  const id = useId();
  return (
    <fieldset className="level-picker">
      <legend id={id}>{props.label}</legend>
      <div role="radiogroup" aria-labelledby={id} className="choice-row">
        {props.scale.levels
          .filter((l) => l.value > 0)
          .map((l) => (
            <button
              key={l.value}
              type="button"
              role="radio"
              aria-checked={props.value === l.value}
              className={`level level-${l.value}`}
              onClick={() => props.onChange(l.value)}
            >
              <span className="level-number">{l.value}</span> {levelLabel(t, l)}
            </button>
          ))}
      </div>
    </fieldset>
  );
}
