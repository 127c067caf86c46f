import { useT } from '#ui/useT.ts';
import type { SaveState } from './usePathSaver.ts';

/** The saved state, announced politely; a failure is an alert. */
export function SaveStatus({ state }: { state: SaveState }) {
  const { t } = useT();
  return (
    <div className="save-status">
      <p role="status" aria-live="polite">
        {state.kind === 'saving' ? t('common.saving') : null}
        {state.kind === 'saved' ? (
          <>
            <span aria-hidden="true">✓ </span>
            {state.message}
          </>
        ) : null}
      </p>
      {state.kind === 'error' ? <p role="alert">{state.message}</p> : null}
    </div>
  );
}
