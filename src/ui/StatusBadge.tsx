import type { TargetStatus } from '#rules';
import { useT } from './useT.ts';

const ICONS: Record<TargetStatus | 'skipped', string> = {
  notStarted: '○',
  inProgress: '◐',
  mastered: '●',
  skipped: '⤼',
};

/** Status by icon and word as well as colour, never colour alone. */
export function StatusBadge({ status, skipped = false }: { status: TargetStatus; skipped?: boolean }) {
  const { t } = useT();
  const kind = skipped ? 'skipped' : status;
  return (
    <span className={`status status-${kind}`}>
      <span aria-hidden="true">{ICONS[kind]}</span> {t(`status.${kind}`)}
    </span>
  );
}
