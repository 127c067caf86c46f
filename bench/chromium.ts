/** Debian's Chromium for benchmarks, launched the way the end-to-end tests launch it. */
import { chromium, type Browser } from 'playwright-core';
import type { Storage } from '#server/storage/storage.ts';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface AppServer {
  readonly base: string;
  /** The server's storage, for a bench that serves another build of the app over the same records. */
  readonly storage: Storage;
  close(): Promise<void>;
}

/** The real server (the built app and the sync API) in this process, over a throw-away SQLite file. */
/** `tokenRequestsPerMinute`: the per-device request budget (the server's default unless given). */
export async function startAppServer(
  options: { readonly tokenRequestsPerMinute?: number; readonly staticDir?: string } = {},
): Promise<AppServer> {
  const [{ mkdtempSync, rmSync }, { tmpdir }, { join, resolve }, { createServer }, { openSqliteStorage }] =
    await Promise.all([
      import('node:fs'),
      import('node:os'),
      import('node:path'),
      import('#server/http/app.ts'),
      import('#server/storage/sql-storage.ts'),
    ]);
  const dir = mkdtempSync(join(tmpdir(), 'waypoint-bench-app-'));
  const storage = openSqliteStorage(join(dir, 'bench.sqlite'));
  await storage.migrate();
  const app = await createServer({
    storage,
    clock: { now: () => Date.now() },
    ...options,
    staticDir: resolve(options.staticDir ?? 'dist'),
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('The app server has no port');
  return {
    base: `http://127.0.0.1:${address.port}`,
    storage,
    async close() {
      await app.close();
      await storage.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
