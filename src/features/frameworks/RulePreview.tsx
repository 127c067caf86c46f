import { useId, useRef, useState } from 'react';
import type { Item, MasteryScale, Target } from '#protocol';
import { levelLabel } from '#ui/target-text.ts';
import { StatusBadge } from '#ui/StatusBadge.tsx';
import { useRulesMessage } from '#ui/useRulesMessage.ts';
import { useT } from '#ui/useT.ts';
import {
  addDays,
  defaultCheckSamples,
  defaultScoreSamples,
  previewTarget,
  type CheckSample,
  type ScoreSample,
} from './rule-preview.ts';
import { checkedItemCount, isItemRule, parseRule, type TargetDraft } from './target-form.ts';

/** Made-up evidence beside the rule, and what the rules make of it, recomputed on every change. */
export function RulePreview(props: { target: Target; draft: TargetDraft; scale: MasteryScale }) {
  const { t } = useT();
  const say = useRulesMessage();
  const id = useId();
  const [now] = useState(() => new Date());
  const today = now.toISOString().slice(0, 10);
  const items: Item[] = props.draft.items
    .filter((i) => i.checked && i.label.trim())
    .map((i) => ({ id: i.id, label: i.label.trim() }));
  const [scores, setScores] = useState<ScoreSample[]>(() => defaultScoreSamples(props.scale, today));
  const [checks, setChecks] = useState<CheckSample[]>(() =>
    defaultCheckSamples(
      items.map((i) => i.id),
      today,
    ),
  );
  const itemRule = isItemRule(props.draft.rule.kind);
  const parsed = parseRule(props.draft.rule, checkedItemCount(props.draft));
  const result =
    'rule' in parsed ? previewTarget(props.target, parsed.rule, items, { scores, checks }, props.scale, now) : null;
  const added = useRef(0);
  const nextId = (prefix: string) => `${prefix}-added-${(added.current += 1)}`;

  return (
    <section className="rule-preview" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('targetEdit.preview.title')}</h3>
      <p className="muted">{t('targetEdit.preview.help')}</p>
      {itemRule ? (
        items.length === 0 ? (
          <p>{t('targetEdit.preview.noItems')}</p>
        ) : (
          <ol className="sample-list">
            {checks.map((check, index) => (
              <li key={check.id}>
                <fieldset className="sample-check">
                  <legend>{t('targetEdit.preview.check', { number: index + 1 })}</legend>
                  <label>
                    {t('targetEdit.preview.date', { number: index + 1 })}
                    <input
                      type="date"
                      value={check.date}
                      onChange={(e) => {
                        const date = e.currentTarget.value;
                        setChecks((cs) => cs.map((c) => (c.id === check.id ? { ...c, date } : c)));
                      }}
                    />
                  </label>
                  <p className="muted">{t('targetEdit.preview.tickRight')}</p>
                  <div className="sample-items">
                    {items.map((item) => (
                      <label key={item.id} className="sample-item">
                        <input
                          type="checkbox"
                          checked={check.correct.includes(item.id)}
                          onChange={(e) => {
                            const right = e.currentTarget.checked;
                            setChecks((cs) =>
                              cs.map((c) =>
                                c.id !== check.id
                                  ? c
                                  : {
                                      ...c,
                                      correct: right ? [...c.correct, item.id] : c.correct.filter((x) => x !== item.id),
                                    },
                              ),
                            );
                          }}
                        />
                        {item.label}
                      </label>
                    ))}
                  </div>
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => setChecks((cs) => cs.filter((c) => c.id !== check.id))}
                  >
                    {t('targetEdit.preview.removeCheck', { number: index + 1 })}
                  </button>
                </fieldset>
              </li>
            ))}
          </ol>
        )
      ) : (
        <ol className="sample-list">
          {scores.map((score, index) => (
            <li key={score.id} className="sample-score">
              <label>
                {t('targetEdit.preview.date', { number: index + 1 })}
                <input
                  type="date"
                  value={score.date}
                  onChange={(e) => {
                    const date = e.currentTarget.value;
                    setScores((ss) => ss.map((s) => (s.id === score.id ? { ...s, date } : s)));
                  }}
                />
              </label>
              <label>
                {t('targetEdit.preview.level', { number: index + 1 })}
                <select
                  value={score.level}
                  onChange={(e) => {
                    const level = Number(e.currentTarget.value);
                    setScores((ss) => ss.map((s) => (s.id === score.id ? { ...s, level } : s)));
                  }}
                >
                  {props.scale.levels.map((l) => (
                    <option key={l.value} value={l.value}>
                      {l.value} · {levelLabel(t, l)}
                    </option>
                  ))}
                </select>
              </label>
              <button
                type="button"
                className="secondary"
                onClick={() => setScores((ss) => ss.filter((s) => s.id !== score.id))}
              >
                {t('targetEdit.preview.removeCheck', { number: index + 1 })}
              </button>
            </li>
          ))}
        </ol>
      )}
      {!itemRule || items.length > 0 ? (
        <button
          type="button"
          className="secondary"
          onClick={() =>
            itemRule
              ? setChecks((cs) => [
                  ...cs,
                  { id: nextId('check'), date: addDays(cs.at(-1)?.date ?? today, 1), correct: [] },
                ])
              : setScores((ss) => [
                  ...ss,
                  {
                    id: nextId('sample'),
                    date: addDays(ss.at(-1)?.date ?? today, 1),
                    level: props.scale.masteryLevel,
                  },
                ])
          }
        >
          {t('targetEdit.preview.addCheck')}
        </button>
      ) : null}
      <div className="preview-result" role="status">
        {result ? (
          <>
            <p>
              <StatusBadge status={result.status} />
              {result.score !== null ? ` · ${t('targetEdit.preview.score', { score: result.score })}` : ''}
            </p>
            <p>{say(result.explanation.ruleMessage)}</p>
          </>
        ) : (
          <p>{'rule' in parsed ? t('targetEdit.preview.badSample') : t('targetEdit.preview.fixRule')}</p>
        )}
      </div>
    </section>
  );
}
