/**
 * `sync.initialPull.class10k.ms` and `.wireKB`: a fresh browser (new profile, the built app served by the
 * real server) signs in and pulls one class-year: 30 students and 10 000 evidence records, no blobs.
 * Time runs from tapping "Sign in" to the header saying "Synced" with every record stored; wire bytes are
 * the compressed bodies of every pull page.
 */
import { formatHlc, PROTOCOL_HEADER, PROTOCOL_VERSION, type Change, type SessionResponse } from '#protocol';
import type { Page } from 'playwright-core';
import { launchChromium, median, startAppServer } from './chromium.ts';
import type { Metric } from './metric.ts';

const STUDENTS = 30;
const EVIDENCE = 10_000;
const RUNS = 3;
const EMAIL = 'pull-bench@bench.test';
const PASSWORD = 'bench password';
/** For bench/class-pull-profile.ts, which times the same pull of several builds side by side. */
export { EMAIL as CLASS_EMAIL, PASSWORD as CLASS_PASSWORD, EVIDENCE as CLASS_EVIDENCE };

export async function benchInitialPull(): Promise<{ ms: Metric; wireKB: Metric }> {
  const server = await startAppServer();
  const browser = await launchChromium();
  try {
    const base = server.base;
    await fillClassYear(base);

    const times: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${base}/settings`);
      await page.getByLabel('Email').fill(EMAIL);
      await page.getByLabel('Password').fill(PASSWORD);
      const started = Date.now();
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page
        .getByTestId('sync-status')
        .getByText(/Synced/)
        .waitFor({ timeout: 120_000 });
      // Done means every record is stored, not only the status line.
      while ((await countEvidence(page)) < EVIDENCE) {
        if (Date.now() - started > 120_000) throw new Error('The pull did not store every evidence record');
        await page.waitForTimeout(50);
      }
      times.push(Date.now() - started);
      await context.close();
    }
    const wireKB = (await compressedPullBytes(base)) / 1024;
    const detail = `${STUDENTS} students, ${EVIDENCE} evidence; median of ${RUNS} fresh browsers`;
    return {
      ms: { value: Math.round(median(times)), unit: 'ms', detail: `${detail}; runs ${times.join(', ')} ms` },
      wireKB: {
        value: Math.round(wireKB),
        unit: 'KB',
        detail: `gzip/br bodies of every pull page, as a browser asks for them; ${STUDENTS} students, ${EVIDENCE} evidence`,
      },
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

export function countEvidence(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((done) => {
        const open = indexedDB.open('waypoint');
        open.onsuccess = () => {
          const request = open.result.transaction('evidence').objectStore('evidence').count();
          request.onsuccess = () => {
            open.result.close();
            done(request.result);
          };
        };
      }),
  );
}

/**
 * The bytes a device receives for the whole pull, compressed as Chromium asks (it reports bytes of
 * requests a service worker forwards unreliably, so the same pages are fetched again from Node).
 */
export async function compressedPullBytes(base: string, email = EMAIL, password = PASSWORD): Promise<number> {
  const headers = { 'content-type': 'application/json', [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) };
  const signIn = await fetch(`${base}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ email, password }),
  });
  const { token } = (await signIn.json()) as SessionResponse;
  let bytes = 0;
  let cursor = '0';
  for (;;) {
    const url = `${base}/api/v1/sync/pull?since=${cursor}&limit=1000`;
    bytes += await rawBodyBytes(url, token);
    // fetch decompresses, so the page itself is read again to follow the cursor.
    const response = await fetch(url, { headers: { ...headers, authorization: `Bearer ${token}` } });
    const page = (await response.json()) as { cursor: string; hasMore: boolean };
    cursor = page.cursor;
    if (!page.hasMore) return bytes;
  }
}

async function rawBodyBytes(url: string, token: string): Promise<number> {
  const { request } = await import('node:http');
  return new Promise((done, fail) => {
    const req = request(
      url,
      {
        headers: {
          [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
          authorization: `Bearer ${token}`,
          'accept-encoding': 'gzip, deflate, br',
        },
      },
      (res) => {
        let total = 0;
        res.on('data', (chunk: Buffer) => (total += chunk.length));
        res.on('end', () => done(total));
      },
    );
    req.on('error', fail);
    req.end();
  });
}

/** A school, a class, 30 students and 10 000 evidence records, pushed as a teacher device would. */
export async function fillClassYear(base: string): Promise<void> {
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
  // Sign-up answers the same for every email (202), so the teacher signs in after it.
  await call('/auth/sign-up', { email: EMAIL, password: PASSWORD, displayName: 'Bench', schoolName: 'Bench school' });
  const teacher = await call<SessionResponse>('/auth/sign-in', { email: EMAIL, password: PASSWORD });
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
