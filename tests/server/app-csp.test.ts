/**
 * The app's Content-Security-Policy (server/http/app-csp.ts): no inline script or eval anywhere, inline
 * style only for the family report's two print rules (by hash), and both sent with the app's HTML and
 * written into the built page. The end-to-end check in Chromium is tests/e2e/attachment-csp.spec.ts.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pageRule } from '#features/family/paper-size.ts';
import { APP_CSP_HEADER, APP_CSP_META, INLINE_PAGE_RULES } from '#server/http/app-csp.ts';
import { startTestServer, type TestServer } from './helpers/http.ts';

const dir = mkdtempSync(join(tmpdir(), 'waypoint-csp-'));
writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Waypoint</title>');
let server: TestServer | undefined;
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the app’s Content-Security-Policy', () => {
  it('allows no inline script, no eval, and inline style only for the print rules the app writes', () => {
    for (const policy of [APP_CSP_HEADER, APP_CSP_META]) {
      expect(policy).toMatch(/(^|; )script-src 'self'(;|$)/);
      expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
      expect(policy).toContain("object-src 'none'");
    }
    expect(APP_CSP_HEADER).toContain("frame-ancestors 'none'");
    expect(INLINE_PAGE_RULES).toEqual([pageRule('a4'), pageRule('letter')]);
  });

  it('comes with the app’s HTML, with no referrer, for a file and for a route the page answers', async () => {
    server = await startTestServer('sqlite', dir);
    for (const path of ['/', '/index.html', '/family/some-token', '/conference/s1']) {
      const answer = await server.call('GET', path, { protocol: null });
      expect(answer.status, path).toBe(200);
      expect(answer.headers.get('content-security-policy'), path).toBe(APP_CSP_HEADER);
      expect(answer.headers.get('referrer-policy'), path).toBe('no-referrer');
    }
    const api = await server.call('GET', '/api/v1/health');
    expect(api.headers.get('content-security-policy')).toBeNull();
  });
});
