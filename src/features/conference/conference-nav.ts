import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

/**
 * Which conference view is open lives in the URL (?view=check&target=…), so a reload comes back to the same
 * view (and a paused check resumes from its draft) and the browser's back button leaves it.
 */
export type ConferenceView =
  | { readonly kind: 'overview' }
  | { readonly kind: 'check'; readonly targetId: string }
  | { readonly kind: 'result'; readonly targetId: string; readonly evidenceId: string }
  | { readonly kind: 'observe'; readonly targetId: string | null }
  | { readonly kind: 'cards'; readonly targetId: string };

export interface ConferenceNav {
  readonly view: ConferenceView;
  overview(): void;
  check(targetId: string): void;
  result(targetId: string, evidenceId: string): void;
  observe(targetId?: string): void;
  cards(targetId: string): void;
}

export function useConferenceNav(): ConferenceNav {
  const [params, setParams] = useSearchParams();
  return useMemo(() => {
    const target = params.get('target');
    const evidence = params.get('evidence');
    const kind = params.get('view');
    const view: ConferenceView =
      kind === 'check' && target
        ? { kind, targetId: target }
        : kind === 'result' && target && evidence
          ? { kind, targetId: target, evidenceId: evidence }
          : kind === 'observe'
            ? { kind, targetId: target }
            : kind === 'cards' && target
              ? { kind, targetId: target }
              : { kind: 'overview' };
    return {
      view,
      overview: () => setParams({}),
      check: (targetId) => setParams({ view: 'check', target: targetId }),
      // The result replaces the check in history: going back must not reopen a finished check.
      result: (targetId, evidenceId) =>
        setParams({ view: 'result', target: targetId, evidence: evidenceId }, { replace: true }),
      observe: (targetId) => setParams(targetId ? { view: 'observe', target: targetId } : { view: 'observe' }),
      cards: (targetId) => setParams({ view: 'cards', target: targetId }),
    };
  }, [params, setParams]);
}
