import type { TargetRecord } from '#db';
import { targetStatement } from '#ui/target-text.ts';
import { useT } from '#ui/useT.ts';

/** One or more learning targets for a piece of evidence, as large checkboxes. */
export function TargetChooser(props: {
  targets: readonly TargetRecord[];
  selected: readonly string[];
  onChange(ids: string[]): void;
}) {
  const { t, language } = useT();
  const toggle = (id: string, on: boolean) =>
    props.onChange(on ? [...props.selected, id] : props.selected.filter((x) => x !== id));
  return (
    <fieldset className="target-chooser">
      <legend>{t('conference.observe.targets', { count: props.selected.length })}</legend>
      <div className="target-options">
        {props.targets.map((target) => (
          <label key={target.id} className="checkbox-label">
            <input
              type="checkbox"
              checked={props.selected.includes(target.id)}
              onChange={(e) => toggle(target.id, e.target.checked)}
            />{' '}
            <strong>{target.code}</strong> {targetStatement(target, language, 'teacher')}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
