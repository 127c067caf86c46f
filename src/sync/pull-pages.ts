import type { Cursor, PullResponse } from '#protocol';
import type { SyncTransport } from './transport.ts';

/** A page and when it arrived (this device's clock), for the server's clock. */
export interface ReceivedPage {
  readonly page: PullResponse;
  readonly receivedAt: number;
}

export interface PageFetcher {
  /**
   * The pages that arrived since the last call, oldest first: at least one (waiting for it), more only while
   * they fit in `maxChanges` together. Empty once the last page was taken. A failed fetch is thrown only
   * after every page that arrived before it was taken, so those can still be stored.
   */
  take(): Promise<ReceivedPage[]>;
  /** Fetches nothing more (storing failed); a fetch under way is left to end unheard. */
  stop(): void;
}

/**
 * Fetches pull pages one after another from `since`, ahead of the caller storing them: while the device
 * stores what it has, the next pages arrive. It runs ahead by at most `maxChanges` changes not yet taken.
 * Storing several pages at once matters on a big pull: a store writes each child's evidence summary once
 * per transaction, however many of the child's records the transaction holds, so a year arriving in fewer,
 * fuller transactions writes those summaries far fewer times. The caller stores what `take` gives in order,
 * each batch with the cursor of its last page, so the stored cursor never passes what is stored.
 */
export function fetchPages(
  transport: SyncTransport,
  since: Cursor,
  limit: number,
  maxChanges: number,
  now: () => number,
): PageFetcher {
  const arrived: ReceivedPage[] = [];
  let cursor = since;
  let inFlight = false;
  let ended = false;
  let stopped = false;
  let failure: { readonly error: unknown } | null = null;
  let wake: (() => void) | null = null;

  const waiting = () => arrived.reduce((sum, r) => sum + r.page.changes.length, 0);
  const notify = () => {
    wake?.();
    wake = null;
  };

  function fetchNext(): void {
    if (inFlight || ended || stopped || failure || waiting() >= maxChanges) return;
    inFlight = true;
    transport.pull(cursor, limit).then(
      (page) => {
        inFlight = false;
        if (stopped) return;
        arrived.push({ page, receivedAt: now() });
        cursor = page.cursor;
        ended = !page.hasMore;
        notify();
        fetchNext();
      },
      (error: unknown) => {
        inFlight = false;
        failure = { error };
        notify();
      },
    );
  }

  fetchNext();
  return {
    async take() {
      while (arrived.length === 0) {
        if (failure) throw failure.error;
        if (ended || stopped) return [];
        await new Promise<void>((resolve) => (wake = resolve));
      }
      const taken = [arrived.shift()!];
      let changes = taken[0]!.page.changes.length;
      while (arrived.length > 0 && changes + arrived[0]!.page.changes.length <= maxChanges) {
        const next = arrived.shift()!;
        changes += next.page.changes.length;
        taken.push(next);
      }
      fetchNext();
      return taken;
    },
    stop() {
      stopped = true;
      arrived.length = 0;
      notify();
    },
  };
}
