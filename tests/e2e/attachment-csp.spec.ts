/**
 * Stored script cannot run in the app's origin (issue 14, finding 2), in Debian's Chromium against the
 * real server: a station (the class join code is on the wall) gets an SVG with script cited by a child's
 * evidence, and the teacher opens it every way there is: the evidence card, the attachment as the old app
 * opened it (a `blob:` document in a new tab, or in the same tab), and the server's blob URL with the
 * teacher's token, in the app's origin. No script runs. Where the server already refuses such an upload,
 * the SVG is put straight into its database, as one stored before the server checked types would be.
 *
 * And the app's Content-Security-Policy reports no violation on any screen: every route as a teacher, a
 * station, and a family's link.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { expect, test, type APIRequestContext, type BrowserContext, type Page } from '@playwright/test';
import { openSqliteStorage } from '../../server/storage/sql-storage.ts';
import type { Storage } from '../../server/storage/storage.ts';
import { DEMO_EMAIL, DEMO_PASSWORD, teacherTablet } from './teacher-tablet.ts';

const API = '/api/v1';
const PROTOCOL = { 'x-waypoint-protocol': '1' };

/** Any run of its script leaves a trace: a console line, a request, and a mark in the origin's storage. */
const SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40" onload="ran('onload')">
<script>function ran(how) {
  try { localStorage.setItem('svg-ran', how); } catch (e) {}
  console.log('SVG-RAN ' + how);
  fetch('/svg-ran?' + how).catch(function () {});
}
ran('script');</script>
<rect width="40" height="40" fill="red"/></svg>`;

interface Session {
  readonly token: string;
  readonly scope: { readonly schoolId: string; readonly classId?: string };
}

async function call<T>(request: APIRequestContext, method: string, path: string, token?: string, body?: unknown) {
  const response = await request.fetch(`${API}${path}`, {
    method,
    headers: { ...PROTOCOL, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body !== undefined ? { data: body } : {}),
  });
  return { status: response.status(), body: (await response.json().catch(() => null)) as T };
}

interface Planted {
  readonly teacher: Session;
  readonly studentId: string;
  readonly sha: string;
  /** Whether the server took the SVG itself (before it checked types). */
  readonly uploaded: boolean;
}

let planted: Planted | undefined;

/** The station's part: join by code, sign a child in, upload the SVG and cite it in the child's evidence. */
async function plantSvg(request: APIRequestContext): Promise<Planted> {
  if (planted) return planted;
  const teacher = (
    await call<Session>(request, 'POST', '/auth/sign-in', undefined, { email: DEMO_EMAIL, password: DEMO_PASSWORD })
  ).body;
  const classes = await call<{ classes: { classId: string; name: string; joinCode: string }[] }>(
    request,
    'GET',
    '/classes',
    teacher.token,
  );
  const demo = classes.body.classes.find((c) => c.name === 'Room 4 (demo)')!;
  const enrolled = await call<Session>(request, 'POST', '/devices/enroll', undefined, {
    joinCode: demo.joinCode,
    kind: 'station',
    deviceId: 'e2e-svg-station',
  });
  expect(enrolled.status).toBe(201);
  const station = enrolled.body;
  const pulled = await call<{ changes: { table: string; recordId: string }[] }>(
    request,
    'GET',
    '/sync/pull?since=0&limit=1000',
    station.token,
  );
  const studentId = pulled.body.changes.find((c) => c.table === 'students')!.recordId;
  expect((await call(request, 'POST', '/station/sign-in', station.token, { studentId })).status).toBe(200);

  const bytes = Buffer.from(SVG, 'utf8');
  const sha = createHash('sha256').update(bytes).digest('hex');
  const put = await request.fetch(`${API}/blobs/${sha}`, {
    method: 'PUT',
    headers: { ...PROTOCOL, authorization: `Bearer ${station.token}`, 'content-type': 'image/svg+xml' },
    data: bytes,
  });
  const uploaded = put.ok();
  if (!uploaded) {
    // The server refuses SVG now: put it in its database as a blob stored before it checked types.
    const storage: Storage = openSqliteStorage(join(process.env.WAYPOINT_E2E_DATA_DIR!, 'waypoint.sqlite'));
    try {
      const row = {
        schoolId: station.scope.schoolId,
        sha256: sha,
        size: bytes.length,
        mime: 'image/svg+xml',
        classId: station.scope.classId ?? null,
        tokenId: null,
        createdAt: new Date().toISOString(),
      };
      await storage.putBlob(row as Parameters<Storage['putBlob']>[0], bytes);
    } finally {
      await storage.close();
    }
  }
  const now = Date.now();
  const at = new Date(now).toISOString();
  const pushed = await call<{ accepted: string[]; rejected: unknown[] }>(request, 'POST', '/sync/push', station.token, {
    protocolVersion: 1,
    deviceId: 'e2e-svg-station',
    changes: [
      {
        changeId: 'e2e-svg-evidence',
        table: 'evidence',
        recordId: 'e2e-svg-evidence',
        fields: {
          studentId,
          targetIds: ['lt-names-upper'],
          kind: 'workSample',
          observedAt: at,
          recordedAt: at,
          recordedBy: { kind: 'student', id: studentId },
          needsReview: true,
          note: 'My red square',
          blobIds: [sha],
        },
        hlc: `${now}-000000-e2e-svg-station`,
      },
    ],
  });
  expect(pushed.body.rejected).toEqual([]);
  planted = { teacher, studentId, sha, uploaded };
  return planted;
}

/** Every trace the SVG's script could leave, from any page of the context. */
function watchForScript(context: BrowserContext) {
  const traces: string[] = [];
  context.on('console', (message) => {
    if (message.text().includes('SVG-RAN')) traces.push(`console: ${message.text()}`);
  });
  void context.route('**/svg-ran*', (route) => {
    traces.push(`request: ${route.request().url()}`);
    return route.fulfill({ status: 204 });
  });
  return traces;
}

async function ranInOrigin(page: Page): Promise<string | null> {
  return page.evaluate(() => localStorage.getItem('svg-ran'));
}

test('an SVG with script, uploaded by a station and cited by evidence, never runs in the app’s origin', async ({
  browser,
  request,
}) => {
  const { studentId, sha } = await plantSvg(request);
  const context = await browser.newContext();
  const traces = watchForScript(context);
  const page = await teacherTablet(context);

  // The evidence card: the note, and in place of a picture a plain line (it is not a photo or drawing).
  await page.goto(`/conference/${studentId}`);
  const card = page.locator('.evidence', { hasText: 'My red square' }).first();
  await expect(card).toBeVisible({ timeout: 20_000 });
  await expect(card.getByText('This attachment is not a photo, drawing or recording, so it is not shown')).toBeVisible({
    timeout: 20_000,
  });
  await expect(card.locator('img, audio, a[href^="blob:"], iframe, object, embed')).toHaveCount(0);
  const pagesBefore = context.pages().length;
  await card.click();
  await card.getByText('My red square').click();
  expect(context.pages()).toHaveLength(pagesBefore);

  // As the app used to open a picture: its bytes as a `blob:` document, in a new tab and in this one.
  const blobUrl = await page.evaluate(async (id) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('waypoint');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const row = await new Promise<{ bytes: ArrayBuffer }>((resolve, reject) => {
      const get = db.transaction('blobs').objectStore('blobs').get(id);
      get.onsuccess = () => resolve(get.result as { bytes: ArrayBuffer });
      get.onerror = () => reject(get.error);
    });
    db.close();
    return URL.createObjectURL(new Blob([row.bytes], { type: 'image/svg+xml' }));
  }, sha);
  const [tab] = await Promise.all([
    context.waitForEvent('page'),
    page.evaluate((url) => void window.open(url), blobUrl),
  ]);
  await tab!.waitForLoadState('load');
  await expect(tab!.locator('rect')).toHaveCount(1);
  await page.evaluate((url) => void (window.location.href = url), blobUrl);
  await page.waitForURL(/^blob:/);
  await page.waitForLoadState('load');

  // The server's blob URL with the teacher's token, in the app's origin.
  const direct = await context.newPage();
  const token = planted!.teacher.token;
  await direct.setExtraHTTPHeaders({ authorization: `Bearer ${token}`, ...PROTOCOL });
  await direct.goto(`${API}/blobs/${sha}`).catch(() => undefined); // served as a download: no page at all
  await direct.waitForLoadState('load');

  const app = await context.newPage();
  await app.goto('/class');
  expect(await ranInOrigin(app)).toBeNull();
  expect(traces).toEqual([]);
  await context.close();
});

/** Records the app's CSP violations, from the event and from Chromium's console errors. */
async function watchForViolations(context: BrowserContext) {
  const violations: string[] = [];
  await context.exposeFunction('__reportCsp', (text: string) => void violations.push(text));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __reportCsp: (text: string) => void }).__reportCsp;
      void report(`${event.violatedDirective} ${event.blockedURI} at ${event.documentURI}`);
    });
  });
  context.on('console', (message) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

async function visit(page: Page, path: string) {
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible({ timeout: 20_000 });
}

test('the app’s Content-Security-Policy holds on every screen, with no violation', async ({ browser, request }) => {
  const { studentId, teacher } = await plantSvg(request);

  // The app's HTML carries the policy, without inline script.
  const html = await request.get('/class');
  const header = html.headers()['content-security-policy'] ?? '';
  expect(header).toContain("script-src 'self'");
  expect(header).not.toMatch(/unsafe-inline|unsafe-eval/);
  expect(await html.text()).toContain('http-equiv="Content-Security-Policy"');
  expect(await html.text()).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);

  const teacherContext = await browser.newContext();
  const violations = await watchForViolations(teacherContext);
  const page = await teacherTablet(teacherContext);
  for (const path of [
    '/class',
    `/student/${studentId}`,
    `/student/${studentId}/path`,
    `/conference/${studentId}`,
    '/class-path',
    `/family-report/${studentId}`,
    `/my-path/${studentId}`,
    '/overview',
    '/roster',
    '/frameworks',
    '/backup',
    '/settings',
  ]) {
    await visit(page, path);
  }
  // The family's link, served by the same server.
  const link = await call<{ path: string }>(request, 'POST', '/family-links', teacher.token, { studentId });
  expect(link.status).toBe(201);
  const familyToken = link.body.path.split('/').at(-1)!;
  const family = await teacherContext.newPage();
  await family.goto(`/family/${familyToken}`);
  await expect(family.getByRole('heading', { level: 1 }).first()).toBeVisible({ timeout: 20_000 });
  await teacherContext.close();

  // A shared tablet turned into a station: the picture grid and a child's confirming question.
  const stationContext = await browser.newContext();
  const stationViolations = await watchForViolations(stationContext);
  const station = await stationContext.newPage();
  await station.goto('/station');
  await station.getByLabel('Choose a teacher PIN (at least 4 digits)').fill('97531');
  await station.getByLabel('Type the PIN again').fill('97531');
  await station.getByRole('button', { name: 'Start the station' }).click();
  const grid = station.getByRole('list', { name: 'Who are you? Find your picture.' });
  await grid.getByRole('button').first().click();
  await expect(station.getByRole('list').first()).toBeVisible();
  await stationContext.close();

  expect([...violations, ...stationViolations]).toEqual([]);
});
