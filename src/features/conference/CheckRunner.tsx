import { useEffect, useId, useRef, useState } from 'react';
import type { TargetRecord } from '#db';
import type { Item, ItemResultValue } from '#protocol';
import { targetStatement } from '#ui/target-text.ts';
import { useT } from '#ui/useT.ts';
import { answeredCount, currentItemId, type CheckDraft, type CheckOrder } from './check-session.ts';
import { CheckOptionsBar } from './CheckOptionsBar.tsx';
import { ResultStrip } from './ResultStrip.tsx';

interface Props {
  readonly target: TargetRecord;
  readonly items: readonly Item[];
  readonly draft: CheckDraft;
  readonly elapsedMs: number;
  readonly notYetCount: number;
  readonly isSaving: boolean;
  /** Every answer so far is stored on the tablet (the draft write has committed). */
  readonly isStored: boolean;
  readonly error: string | null;
  onAnswer(result: ItemResultValue): void;
  onMove(delta: number): void;
  onNote(note: string): void;
  onOptions(options: { order: CheckOrder; onlyNotYet: boolean }): void;
  onPause(): void;
  onFinishNow(): void;
}

const KEYS: Readonly<Record<string, ItemResultValue>> = { y: 'correct', n: 'notYet', ' ': 'skipped' };

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
  );
}

function clock(ms: number): string {
  const s = Math.floor(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** The item large in the middle for the child; the teacher's controls along the edge; Y / N / space / arrows. */
export function CheckRunner(props: Props) {
  const { t, language } = useT();
  const noteId = useId();
  const [noteOpen, setNoteOpen] = useState(false);
  const handlers = useRef(props);
  handlers.current = props;
  const { draft } = props;
  const itemId = currentItemId(draft);
  const item = props.items.find((i) => i.id === itemId);
  const done = answeredCount(draft);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (isTyping(event.target) || event.altKey || event.ctrlKey || event.metaKey) return;
      const result = KEYS[event.key.toLowerCase()];
      if (result) {
        // Also stops space from pressing a focused button: one key, one answer.
        event.preventDefault();
        if (!event.repeat) handlers.current.onAnswer(result);
      } else if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
        event.preventDefault();
        handlers.current.onMove(event.key === 'ArrowLeft' ? -1 : 1);
      }
    };
    const onKeyUp = (event: KeyboardEvent) => {
      if (event.key === ' ' && !isTyping(event.target)) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('keyup', onKeyUp);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('keyup', onKeyUp);
    };
  }, []);

  return (
    <section className="check" aria-labelledby="check-title">
      {/* Before the first item: the order and which items deal the whole check, so they come first and go
          with the first answer. */}
      {done === 0 ? (
        <CheckOptionsBar draft={draft} notYetCount={props.notYetCount} onOptions={props.onOptions} />
      ) : null}
      <div className="check-stage">
        <h2 id="check-title" className="check-heading">
          {props.target.code} · {targetStatement(props.target, language, 'teacher')}
        </h2>
        <p className="check-position">
          {t('conference.check.position', { n: draft.index + 1, total: draft.itemIds.length })}
        </p>
        <div className="check-item" data-testid="check-item" aria-live="polite">
          {item?.label ?? itemId}
        </div>
        {item?.prompt ? <p className="check-prompt">{item.prompt}</p> : null}
        <ResultStrip draft={draft} items={props.items} />
      </div>
      <div className="check-controls" aria-label={t('conference.check.controls')} role="group">
        <div className="check-answers">
          <button
            type="button"
            className="answer answer-yes"
            aria-keyshortcuts="Y"
            onClick={() => props.onAnswer('correct')}
          >
            <span aria-hidden="true">✓</span> {t('conference.check.correct')}
          </button>
          <button
            type="button"
            className="answer answer-no"
            aria-keyshortcuts="N"
            onClick={() => props.onAnswer('notYet')}
          >
            <span aria-hidden="true">✗</span> {t('conference.check.notYet')}
          </button>
          <button
            type="button"
            className="answer answer-skip secondary"
            aria-keyshortcuts="Space"
            onClick={() => props.onAnswer('skipped')}
          >
            {t('conference.check.skip')}
          </button>
        </div>
        <div className="choice-row">
          <button
            type="button"
            className="secondary"
            aria-keyshortcuts="ArrowLeft"
            onClick={() => props.onMove(-1)}
            disabled={draft.index === 0}
          >
            ← {t('conference.check.back')}
          </button>
          <button
            type="button"
            className="secondary"
            aria-keyshortcuts="ArrowRight"
            onClick={() => props.onMove(1)}
            disabled={draft.index >= draft.itemIds.length - 1}
          >
            {t('conference.check.forward')} →
          </button>
        </div>
        <p className="check-meta">
          <span>{t('conference.check.done', { done, total: draft.itemIds.length })}</span>
          {done > 0 && props.isStored ? (
            <span data-testid="answers-kept"> · {t('conference.check.kept')}</span>
          ) : null}{' '}
          · <span>{t('conference.check.time', { time: clock(props.elapsedMs) })}</span>
        </p>
        <p className="muted small-print">{t('conference.check.keysHelp')}</p>
        <button type="button" className="secondary" aria-expanded={noteOpen} onClick={() => setNoteOpen((o) => !o)}>
          {t('conference.check.note')}
        </button>
        {noteOpen && itemId ? (
          <div>
            <label htmlFor={noteId}>{t('conference.check.noteFor', { item: item?.label ?? itemId })}</label>
            <input id={noteId} value={draft.notes[itemId] ?? ''} onChange={(e) => props.onNote(e.target.value)} />
          </div>
        ) : null}
        <div className="choice-row">
          <button type="button" className="secondary" onClick={props.onPause}>
            {t('conference.check.pause')}
          </button>
          {done > 0 ? (
            <button type="button" className="secondary" onClick={props.onFinishNow} disabled={props.isSaving}>
              {t('conference.check.finishNow')}
            </button>
          ) : null}
        </div>
        <p role="status" aria-live="polite">
          {props.isSaving ? t('common.saving') : ''}
        </p>
        {props.error ? <p role="alert">{props.error}</p> : null}
      </div>
    </section>
  );
}
