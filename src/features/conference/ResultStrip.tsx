import type { Item } from '#protocol';
import { useT } from '#ui/useT.ts';
import type { CheckDraft } from './check-session.ts';

const MARKS = { correct: '✓', notYet: '✗', skipped: '–' } as const;

/** Every item of the check as a small mark, so the teacher sees at a glance how it is going. */
export function ResultStrip({ draft, items }: { draft: CheckDraft; items: readonly Item[] }) {
  const { t } = useT();
  const labels = new Map(items.map((i) => [i.id, i.label]));
  return (
    <ol className="result-strip" aria-label={t('conference.check.strip')}>
      {draft.itemIds.map((id, index) => {
        const result = draft.results[id];
        const label = labels.get(id) ?? id;
        return (
          <li
            key={id}
            className={`strip-${result ?? 'open'}${index === draft.index ? ' strip-current' : ''}`}
            aria-label={result ? `${label}: ${t(`conference.check.result.${result}`)}` : label}
          >
            <span aria-hidden="true">{result ? MARKS[result] : label}</span>
          </li>
        );
      })}
    </ol>
  );
}
