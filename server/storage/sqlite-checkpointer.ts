/**
 * Checkpoints a SQLite file's write-ahead log from a worker thread, over a connection of its own. A
 * checkpoint copies the log back into the database file and waits for the disk (fsync); SQLite runs it
 * inside whichever COMMIT crosses `wal_autocheckpoint`, and better-sqlite3 is synchronous, so that push —
 * and every request queued behind it — waited for the disk. Here the server's connection only appends to
 * the log; the worker checkpoints (PASSIVE: never blocking a writer or reader) shortly after writes, so the
 * log is on disk within a moment of a quiet spell (with `synchronous = NORMAL` a commit reaches the disk
 * at the next checkpoint: now within about a second rather than whenever 1 000 pages had been written).
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** The log may grow this far (pages of 4 KB) before the server's own connection checkpoints as a fallback. */
export const FALLBACK_AUTOCHECKPOINT_PAGES = 10_000;
/** How long after a write the worker checkpoints, gathering the writes in between into one checkpoint. */
const DELAY_MS = 100;

// Plain CommonJS run by the worker (no TypeScript loader there).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
const db = new Database(workerData.file);
let timer = null;
parentPort.on('message', (message) => {
  if (message === 'close') {
    if (timer) clearTimeout(timer);
    db.close();
    parentPort.close();
    return;
  }
  timer ??= setTimeout(() => {
    timer = null;
    db.pragma('wal_checkpoint(PASSIVE)');
  }, ${DELAY_MS});
});
`;

export interface Checkpointer {
  /** Some writes were committed: checkpoint soon. Cheap; call after every commit. */
  wrote(): void;
  /** Stops the worker (before the server's connection closes and checkpoints the rest itself). */
  close(): Promise<void>;
}

/** Starts the worker; `onFailure` hears when it stopped working (then SQLite's own checkpoints remain). */
export function startCheckpointer(file: string, onFailure: (error: Error) => void): Checkpointer {
  const module = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, module } });
  worker.unref(); // never what keeps a process alive
  let alive = true;
  let pending = false;
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  worker.once('error', (error) => {
    alive = false;
    onFailure(error);
  });
  void exited.then(() => (alive = false));
  return {
    wrote() {
      // One message per turn of the event loop at most: a push of many slices posts once per slice.
      if (!alive || pending) return;
      pending = true;
      queueMicrotask(() => {
        pending = false;
        if (alive) worker.postMessage('write');
      });
    },
    async close() {
      if (!alive) return;
      worker.ref(); // until it has closed its connection
      worker.postMessage('close');
      await exited;
    },
  };
}
