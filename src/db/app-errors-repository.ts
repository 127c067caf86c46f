import { getSetting, setSetting } from './settings-repository.ts';
import type { Store } from './store.ts';

/**
 * A screen that broke, as the error boundary caught it: kept on this tablet only (never synced, it may name
 * a child's page) so the teacher can read it in Settings and pass it on.
 */
export interface AppErrorReport {
  readonly at: string;
  /** The address that was open, e.g. `/station`. */
  readonly path: string;
  readonly message: string;
  /** The first lines of the stack, enough to find the place. */
  readonly detail: string;
}

export const APP_ERRORS_KEY = 'app.errors';
/** The newest few are what help; an old tablet must not fill up with copies of one crash. */
export const APP_ERRORS_KEPT = 20;
const DETAIL_LINES = 8;
const MESSAGE_CHARS = 500;

export async function listAppErrors(store: Store): Promise<readonly AppErrorReport[]> {
  return (await getSetting<AppErrorReport[]>(store, APP_ERRORS_KEY)) ?? [];
}

/** Notes an error, newest first; never throws (it runs while a screen is already broken). */
export async function recordAppError(
  store: Store,
  report: { path: string; error: unknown; componentStack?: string | null },
): Promise<void> {
  try {
    const error = report.error instanceof Error ? report.error : new Error(String(report.error));
    const stack = [error.stack ?? '', report.componentStack ?? ''].join('\n');
    const entry: AppErrorReport = {
      at: new Date(store.env.now()).toISOString(),
      path: report.path,
      message: `${error.name}: ${error.message}`.slice(0, MESSAGE_CHARS),
      detail: stack
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean)
        .slice(0, DETAIL_LINES)
        .join('\n'),
    };
    await store.db.transaction('rw', store.db.settings, async () => {
      const kept = await listAppErrors(store);
      await setSetting(store, APP_ERRORS_KEY, [entry, ...kept].slice(0, APP_ERRORS_KEPT));
    });
  } catch {
    // The report is a courtesy: a tablet that cannot write it still shows the kind message.
  }
}

export async function clearAppErrors(store: Store): Promise<void> {
  await store.db.settings.delete(APP_ERRORS_KEY);
}
