import { Fragment, type CSSProperties, type ReactNode } from 'react';
import type { Target } from '#protocol';
import { StatusBadge } from '../StatusBadge.tsx';
import { Icon } from '../Icon.tsx';
import { targetIconName } from '../pictures.ts';
import { useT } from '../useT.ts';
import type { MapStop } from './path-map-view.ts';

interface Props {
  readonly stop: MapStop;
  readonly target: Target;
  /** Said under the code when another stop shares it; null otherwise. */
  readonly name: string | null;
  readonly isOpen: boolean;
  readonly detailId: string;
  readonly formatDate: (date: string) => string;
  readonly onToggle: () => void;
}

/**
 * One stop: a large button with the icon, code (and the statement when another stop shares the code), status
 * word and marks; it opens the stop's details.
 */
export function PathMapStop({ stop, target, name, isOpen, detailId, formatDate, onToggle }: Props) {
  const { t } = useT();
  const classes = ['map-trail-stop', `stop-${stop.kind}`, stop.link ? `link-${stop.link}` : ''];
  if (stop.isCurrent) classes.push('here');
  if (stop.isEnrichment) classes.push('enrichment');
  const traveled = stop.kind === 'mastered' || stop.kind === 'skipped';
  const mark = (className: string, icon: string, text: string) => (
    <span className={`map-trail-mark ${className}`}>
      <span aria-hidden="true">{icon} </span>
      {text}
    </span>
  );
  // Shown as a column; read as one sentence, the parts separated by commas only a screen reader hears.
  const parts: ReactNode[] = [
    <span className="map-trail-code">{target.code}</span>,
    ...(name ? [<span className="map-trail-name">{name}</span>] : []),
    <StatusBadge status={stop.progress.status} skipped={stop.kind === 'skipped'} />,
  ];
  if (stop.kind === 'skipped') parts.push(<span className="map-trail-mark">{t('pathMap.passedBy')}</span>);
  if (stop.isCurrent) parts.push(mark('here-mark', '📍', t('pathMap.youAreHere')));
  if (stop.isEnrichment) parts.push(mark('', '★', t('pathMap.enrichment')));
  if (stop.pacing === 'behind') parts.push(mark('pacing-behind', '⚠', t('pathMap.behind')));
  if (stop.pacing === 'ahead') parts.push(mark('pacing-ahead', '»', t('pathMap.ahead')));
  if (stop.plannedDate) {
    parts.push(
      <span className="map-trail-date">{t('pathMap.plannedBy', { date: formatDate(stop.plannedDate) })}</span>,
    );
  }
  return (
    <li
      className={classes.join(' ')}
      data-traveled={traveled ? 'yes' : 'no'}
      aria-current={stop.isCurrent ? 'step' : undefined}
      style={{ '--row': stop.row, '--col': stop.column } as CSSProperties}
    >
      <button
        type="button"
        className="map-trail-button"
        aria-expanded={isOpen}
        aria-controls={detailId}
        onClick={onToggle}
      >
        <span className="map-trail-token" aria-hidden="true">
          <Icon name={targetIconName(target.icon)} />
        </span>
        {/* Read out ("Stop 3", commas between the parts), not shown: the trail shows the order. */}
        <span className="visually-hidden">{t('pathMap.stopNumber', { position: stop.position })} </span>
        {parts.map((part, index) => (
          <Fragment key={index}>
            {index > 0 ? <span className="visually-hidden">, </span> : null}
            {part}
          </Fragment>
        ))}
      </button>
    </li>
  );
}
