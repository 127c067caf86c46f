import { useState } from 'react';
import type { TargetRecord } from '#db';
import type { TargetProgress } from '#rules';
import { StatusBadge } from '#ui/StatusBadge.tsx';
import { TargetIcon } from '#ui/TargetIcon.tsx';
import { targetStatement } from '#ui/target-text.ts';
import { useRulesMessage } from '#ui/useRulesMessage.ts';
import { useT } from '#ui/useT.ts';
import type { ConferenceNav } from './conference-nav.ts';
import { TargetDecisions } from './TargetDecisions.tsx';

interface Props {
  readonly target: TargetRecord;
  readonly progress: TargetProgress;
  readonly isCurrent: boolean;
  readonly studentId: string;
  readonly nav: ConferenceNav;
}

/** One stop on the map: icon, code and status; one tap opens the reason, the actions and the decisions. */
export function TargetNode({ target, progress, isCurrent, studentId, nav }: Props) {
  const { t, language } = useT();
  const say = useRulesMessage();
  // The body renders only when open: 30 stops with forms each would slow the first paint.
  const [open, setOpen] = useState(false);
  const kind = progress.isSkipped ? 'skipped' : progress.status;
  return (
    <li className={`map-stop map-${kind}${isCurrent ? ' current' : ''}`} aria-current={isCurrent ? 'step' : undefined}>
      <details onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>
          <span aria-hidden="true" className="target-icon">
            <TargetIcon icon={target.icon} />
          </span>
          <span className="map-code">{target.code}</span>
          <span className="map-statement">{targetStatement(target, language, 'teacher')}</span>
          <StatusBadge status={progress.status} skipped={progress.isSkipped} />
          {isCurrent ? <em className="current-tag">{t('status.current')}</em> : null}
        </summary>
        {open ? (
          <div className="map-detail">
            <p>
              <strong>{t('conference.why')}</strong> {say(progress.explanation.message)}
            </p>
            {progress.override ? <p className="muted">{t(`conference.override.${progress.override.kind}`)}</p> : null}
            <div className="choice-row">
              {target.itemSetId ? (
                <button type="button" onClick={() => nav.check(target.id)}>
                  {t('conference.startCheckOf', { code: target.code })}
                </button>
              ) : null}
              <button type="button" className="secondary" onClick={() => nav.observe(target.id)}>
                {t('conference.observe')}
              </button>
              {target.itemSetId ? (
                <button type="button" className="secondary" onClick={() => nav.cards(target.id)}>
                  {t('conference.homePractice')}
                </button>
              ) : null}
            </div>
            <TargetDecisions
              studentId={studentId}
              target={target}
              isMastered={progress.isMastered}
              isCurrent={isCurrent}
            />
          </div>
        ) : null}
      </details>
    </li>
  );
}
