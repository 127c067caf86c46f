/**
 * TRUST_PROXY (README "Host it for a district"): behind Caddy every request comes from Caddy's address, so
 * with TRUST_PROXY=true the per-address limits (REQUESTS_PER_MINUTE, the sign-in throttles) count each
 * client by X-Forwarded-For; without it a forged X-Forwarded-For changes nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '#protocol';
import { createServer, openStorageFromEnv, serverOptionsFromEnv } from '#server/main.ts';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

async function serve(env: NodeJS.ProcessEnv): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'waypoint-proxy-'));
  const full = { ...env, DATA_DIR: dir, LOG_LEVEL: 'silent', REQUESTS_PER_MINUTE: '3' };
  const storage = openStorageFromEnv(full);
  await storage.migrate();
  const app = await createServer(serverOptionsFromEnv(full, storage));
  cleanup.push(async () => {
    await app.close();
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return `http://127.0.0.1:${address.port}`;
}

/** Statuses of GET /sync/pull (no token: 401 until the address's limit says 429), as from `client`. */
async function asClient(base: string, client: string, times: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < times; i++) {
    const r = await fetch(`${base}/api/v1/sync/pull`, {
      headers: { [PROTOCOL_HEADER]: String(PROTOCOL_VERSION), 'x-forwarded-for': client },
    });
    statuses.push(r.status);
  }
  return statuses;
}

describe('TRUST_PROXY', () => {
  it('=true counts each client behind the proxy by X-Forwarded-For', async () => {
    const base = await serve({ NODE_ENV: 'production', TRUST_PROXY: 'true' });
    expect(await asClient(base, '203.0.113.7', 4)).toEqual([401, 401, 401, 429]);
    expect(await asClient(base, '198.51.100.9', 1)).toEqual([401]);
  });

  it('unset, ignores X-Forwarded-For: a client cannot dodge its limit by forging it', async () => {
    const base = await serve({ NODE_ENV: 'production' });
    expect(await asClient(base, '203.0.113.7', 3)).toEqual([401, 401, 401]);
    expect(await asClient(base, '198.51.100.9', 1)).toEqual([429]);
  });
});
