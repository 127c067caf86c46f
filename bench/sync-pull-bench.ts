/**
 * `sync.initialPull.class10k.ms` and `.wireKB`: a fresh browser (new profile, the built app served by the
 * real server) signs in and pulls one class-year: 30 students and 10 000 evidence records, no blobs.
 * Time runs from tapping "Sign in" to the header saying "Synced"; wire bytes are the compressed bodies of
 * the pull responses as Chromium received them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { formatHlc, PROTOCOL_HEADER, PROTOCOL_VERSION, type Change, type SessionResponse } from '#protocol';
import { createServer } from '#server/http/app.ts';
import { openSqliteStorage } from '#server/storage/sql-storage.ts';
import { launchChromium, median } from './chromium.ts';
import type { Metric } from './metric.ts';

const STUDENTS = 30;
const EVIDENCE = 10_000;
const RUNS = 3;
const EMAIL = 'pull-bench@bench.test';
const PASSWORD = 'bench password';

export async function benchInitialPull(): Promise<{ ms: Metric; wireKB: Metric }> {
  const dir = mkdtempSync(join(tmpdir(), 'waypoint-pull-'));
  const storage = openSqliteStorage(join(dir, 'bench.sqlite'));
  await storage.migrate();
  const app = await createServer({ storage, clock: { now: () => Date.now() }, staticDir: resolve('dist') });
  const browser = await launchChromium();
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    const base = `http://127.0.0.1:${address.port}`;
    await fillClassYear(base);

    const times: number[] = [];
    const wire: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      const pullRequests = new Set<string>();
      let bytes = 0;
      cdp.on('Network.requestWillBeSent', (e) => {
        if (e.request.url.includes('/api/v1/sync/pull')) pullRequests.add(e.requestId);
      });
      cdp.on('Network.loadingFinished', (e) => {
        if (pullRequests.has(e.requestId)) bytes += e.encodedDataLength;
      });
      await page.goto(`${base}/settings`);
      await page.getByLabel('Email').fill(EMAIL);
      await page.getByLabel('Password').fill(PASSWORD);
      const started = Date.now();
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page
        .getByTestId('sync-status')
        .getByText(/Synced/)
        .waitFor({ timeout: 120_000 });
      times.push(Date.now() - started);
      wire.push(bytes / 1024);
      const stored = await page.evaluate(
        () =>
          new Promise<number>((done) => {
            const open = indexedDB.open('waypoint');
            open.onsuccess = () => {
              const count = open.result.transaction('evidence').objectStore('evidence').count();
              count.onsuccess = () => done(count.result);
            };
          }),
      );
      if (stored < EVIDENCE) throw new Error(`Only ${stored} evidence records arrived`);
      await context.close();
    }
    const detail = `${STUDENTS} students, ${EVIDENCE} evidence; median of ${RUNS} fresh browsers`;
    return {
      ms: { value: Math.round(median(times)), unit: 'ms', detail: `${detail}; runs ${times.join(', ')} ms` },
      wireKB: { value: Math.round(median(wire)), unit: 'KB', detail: `compressed pull responses; ${detail}` },
    };
  } finally {
    await browser.close();
    await app.close();
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A school, a class, 30 students and 10 000 evidence records, pushed as a teacher device would. */
async function fillClassYear(base: string): Promise<void> {
  const call = async <T>(path: string, body: unknown, token?: string): Promise<T> => {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
    };
    if (token) headers.authorization = `Bearer ${token}`;
    const response = await fetch(`${base}/api/v1${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  const teacher = await call<SessionResponse>('/auth/sign-up', {
    email: EMAIL,
    password: PASSWORD,
    displayName: 'Bench',
    schoolName: 'Bench school',
  });
  const { classId } = await call<{ classId: string }>('/classes', { name: 'Class of 30' }, teacher.token);
  let n = 0;
  const stamp = () => formatHlc({ wallMs: Date.parse('2026-09-01T08:00:00Z') + n, counter: 0 }, 'bench');
  const changes: Change[] = [];
  for (let s = 0; s < STUDENTS; s++) {
    n++;
    changes.push({
      changeId: `c-${n}`,
      table: 'students',
      recordId: `s-${s}`,
      fields: {
        classId,
        displayName: `Student ${s + 1}`,
        picture: 'owl',
        familyLanguage: s % 3 ? 'en' : 'es',
        archived: false,
      },
      hlc: stamp(),
    });
  }
  for (let e = 0; e < EVIDENCE; e++) {
    n++;
    const day = new Date(Date.parse('2026-09-01T14:00:00Z') + (e % 180) * 86_400_000).toISOString();
    changes.push({
      changeId: `c-${n}`,
      table: 'evidence',
      recordId: `e-${e}`,
      fields: {
        studentId: `s-${e % STUDENTS}`,
        targetIds: [`target-${e % 60}`],
        kind: e % 4 === 0 ? 'check' : 'observation',
        observedAt: day,
        recordedAt: day,
        recordedBy: { kind: 'teacher', id: teacher.teacherId ?? 't' },
        ...(e % 4 === 0
          ? {
              itemResults: ['a', 'b', 'c', 'd', 'e'].map((itemId, i) => ({
                itemId,
                result: (e + i) % 3 ? 'correct' : 'notYet',
              })),
            }
          : { level: 1 + (e % 4), note: e % 5 === 0 ? 'Explained the strategy to a partner.' : undefined }),
      },
      hlc: stamp(),
    });
  }
  for (let i = 0; i < changes.length; i += 500) {
    await call(
      '/sync/push',
      { protocolVersion: PROTOCOL_VERSION, deviceId: 'bench', changes: changes.slice(i, i + 500) },
      teacher.token,
    );
  }
}
