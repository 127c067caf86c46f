/**
 * Where `year.initialPull.ms` goes: the same pull as year-pull.ts (a fresh persistent profile, first run,
 * sign in, until "Synced"), against one server holding the year, for one or more builds of the app served
 * side by side over the same records (runs interleaved, so a busy machine slows each build alike). Prints,
 * per run, the pull's time, its pull requests (how long each took on the wire and the gaps between them)
 * and, with --cpu, the JavaScript with the most self time in the page and in the server. Not a metric: a
 * tool to read before and after a change.
 *
 * `npx vite build [--minify false] && node --import tsx bench/year-pull-profile.ts [small] [--runs=N]
 *  [--dist=dir,dir2] [--cpu] [--top=N] [--media]`
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { createServer } from '#server/http/app.ts';
import type { YearOptions } from '#tests/helpers/year-class/index.ts';
import { median } from './chromium.ts';
import { frameLabel, topLines, type CpuProfile } from './cpu-profile.ts';
import { openProfile } from './year-browser.ts';
import { YEAR_EMAIL, YEAR_PASSWORD, serveYear } from './year-server.ts';

const args = process.argv.slice(2);
const flag = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const small = args.includes('small');
const runs = Number(flag('runs') ?? 1);
const dists = (flag('dist') ?? 'dist').split(',').map((d) => resolve(d));
const cpu = args.includes('--cpu');
const top = Number(flag('top') ?? 25);
const options: YearOptions = small
  ? { students: 8, days: 40, evidence: 4_000, photos: 80, clips: 60, drawings: 20, mediaScale: 'small' }
  : {};

const seeding = performance.now();
const server = await serveYear(options, args.includes('--media'));
console.log(`year served in ${Math.round(performance.now() - seeding)} ms: ${server.year.counts.changes} changes`);
const apps = await Promise.all(
  dists.map(async (staticDir) => {
    const app = await createServer({
      storage: server.storage,
      clock: { now: () => Date.now() },
      staticDir,
      tokenRequestsPerMinute: 100_000,
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    return { dist: staticDir, app, base: `http://127.0.0.1:${address.port}` };
  }),
);
const times = new Map<string, number[]>(dists.map((d) => [d, []]));
try {
  for (let run = 0; run < runs; run++) {
    for (const { dist, base } of apps) {
      const ms = await pullOnce(base, dist);
      times.get(dist)!.push(ms);
    }
  }
  for (const [dist, list] of times) console.log(`${dist}: median ${median(list)} ms (${list.join(', ')})`);
} finally {
  for (const { app } of apps) await app.close();
  await server.close();
}

async function pullOnce(base: string, dist: string): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'waypoint-pull-profile-'));
  const { context, page } = await openProfile(dir);
  try {
    await page.goto(`${base}/`);
    await page.getByRole('list', { name: 'Students' }).getByRole('link').nth(7).waitFor({ timeout: 60_000 });
    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    await page.getByLabel('Email').fill(YEAR_EMAIL);
    await page.getByLabel('Password').fill(YEAR_PASSWORD);
    let started = Date.now();
    const requests: { url: string; sent: number; done: number }[] = [];
    const sent = new Map<object, number>();
    page.on('request', (r) => sent.set(r, Date.now()));
    const marks: string[] = [];
    page.on('console', (m) => {
      if (m.text().startsWith('[T]')) marks.push(`${m.text()} @${Date.now() - started}`);
    });
    page.on('requestfinished', (r) => {
      const url = r.url().replace(base, '');
      if (url.startsWith('/api/')) requests.push({ url, sent: sent.get(r) ?? 0, done: Date.now() });
    });
    const cdp = cpu ? await startPageProfile(page) : null;
    const serverProfile = cpu ? await startServerProfile() : null;
    started = Date.now();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page
      .getByTestId('sync-status')
      .getByText(/^Synced/)
      .waitFor({ timeout: 600_000 });
    const ms = Date.now() - started;
    console.log(`\n=== ${dist}: ${ms} ms`);
    printRequests(requests, started);
    if (args.includes('--marks')) console.log(marks.join('\n'));
    else console.log(marks.filter((m) => !m.includes('page ')).join('\n'));
    if (cdp) {
      const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
      console.log('--- page');
      printProfile(profile);
    }
    if (serverProfile) {
      const { profile } = await serverProfile.post('Profiler.stop');
      console.log('--- server (and this process)');
      printProfile(profile as unknown as CpuProfile);
      serverProfile.disconnect();
    }
    return ms;
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function startPageProfile(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  return cdp;
}

async function startServerProfile(): Promise<Session> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return session;
}

function printRequests(requests: readonly { url: string; sent: number; done: number }[], started: number): void {
  const pulls = requests.filter((r) => r.url.includes('/sync/pull'));
  const others = requests.filter((r) => !r.url.includes('/sync/pull'));
  if (pulls.length > 0) {
    const first = pulls[0]!;
    const last = pulls.at(-1)!;
    const wire = pulls.map((r) => r.done - r.sent);
    console.log(
      `pull: ${pulls.length} pages from +${first.sent - started} to +${last.done - started} ms; each on the wire median ${median(wire)} ms (max ${Math.max(...wire)})`,
    );
  }
  for (const r of others) console.log(`  +${r.sent - started}..+${r.done - started} ${r.url.slice(0, 60)}`);
}

function printProfile(profile: CpuProfile): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const byFile = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id)!;
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    total += dt;
    const { functionName, url } = node.callFrame;
    const key = frameLabel(node);
    self.set(key, (self.get(key) ?? 0) + dt);
    const group = url ? (url.split('/').at(-1) ?? '').replace(/-[\w-]{8}\.js$/, '.js') : functionName;
    byFile.set(group, (byFile.get(group) ?? 0) + dt);
  });
  console.log(`sampled ${Math.round(total)} ms`);
  console.log(topLines(byFile, 12, 0, 6));
  console.log(topLines(self, top, 0, 6));
}
