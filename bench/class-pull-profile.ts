/**
 * Where `sync.initialPull.class10k.ms` goes: the bench's pull (a fresh in-memory browser context signs in
 * and pulls 30 students and 10 000 evidence, until "Synced" with every record stored), against one server
 * holding the class, for one or more builds of the app served side by side over the same records (runs
 * interleaved, so a busy machine slows each build alike). Prints each run's time, its pull requests and,
 * with --cpu, the JavaScript with the most self time in the page. Not a metric: a tool to read before and
 * after a change.
 *
 * `npx vite build [--minify false] && node --import tsx bench/class-pull-profile.ts [--runs=N]
 *  [--dist=dir,dir2] [--cpu] [--top=N]`
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { createServer } from '#server/http/app.ts';
import { launchChromium, median, startAppServer } from './chromium.ts';
import { emptyTally, tallyProfile, topLines, type CpuProfile } from './cpu-profile.ts';
import { CLASS_EMAIL, CLASS_EVIDENCE, CLASS_PASSWORD, countEvidence, fillClassYear } from './sync-pull-bench.ts';

const args = process.argv.slice(2);
const flag = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const runs = Number(flag('runs') ?? 3);
const dists = (flag('dist') ?? 'dist').split(',').map((d) => resolve(d));
const cpu = args.includes('--cpu');
const top = Number(flag('top') ?? 25);

const server = await startAppServer({ tokenRequestsPerMinute: 100_000 });
await fillClassYear(server.base);
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
const browser = await launchChromium();
const times = new Map<string, number[]>(dists.map((d) => [d, []]));
try {
  for (let run = 0; run < runs; run++) {
    for (const { dist, base } of apps) times.get(dist)!.push(await pullOnce(base, dist));
  }
  for (const [dist, list] of times) console.log(`${dist}: median ${median(list)} ms (${list.join(', ')})`);
} finally {
  await browser.close();
  for (const { app } of apps) await app.close();
  await server.close();
}

async function pullOnce(base: string, dist: string): Promise<number> {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(`${base}/settings`);
    await page.getByLabel('Email').fill(CLASS_EMAIL);
    await page.getByLabel('Password').fill(CLASS_PASSWORD);
    let started = Date.now();
    const requests: { url: string; sent: number; done: number }[] = [];
    const sent = new Map<object, number>();
    page.on('request', (r) => sent.set(r, Date.now()));
    page.on('requestfinished', (r) => {
      const url = r.url().replace(base, '');
      if (url.startsWith('/api/')) requests.push({ url, sent: sent.get(r) ?? 0, done: Date.now() });
    });
    // Marks a build made for profiling prints ("[T] …"), with the time since "Sign in".
    const marks: string[] = [];
    page.on('console', (m) => {
      // A mark may end with the page's Date.now() ("@1700000000000"): console messages arrive late.
      const text = m.text();
      if (!text.startsWith('[T]')) return;
      const at = /@(\d{13})$/.exec(text);
      marks.push(
        at ? `  ${text.slice(0, at.index)}@${Number(at[1]) - started}` : `  ${text} @~${Date.now() - started}`,
      );
    });
    const cdp = cpu ? await startPageProfile(page) : null;
    const browserCpu = childrenCpuMs();
    const serverCpu = process.cpuUsage();
    started = Date.now();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page
      .getByTestId('sync-status')
      .getByText(/Synced/)
      .waitFor({ timeout: 120_000 });
    const synced = Date.now() - started;
    while ((await countEvidence(page)) < CLASS_EVIDENCE) {
      if (Date.now() - started > 120_000) throw new Error('The pull did not store every evidence record');
      await page.waitForTimeout(50);
    }
    const ms = Date.now() - started;
    const { user, system } = process.cpuUsage(serverCpu);
    console.log(`\n=== ${dist}: ${ms} ms ("Synced" at ${synced} ms)`);
    console.log(`  CPU ms: ${cpuSince(browserCpu)}; server (this process) ${Math.round((user + system) / 1000)}`);
    printRequests(requests, started);
    if (marks.length > 0) console.log(marks.join('\n'));
    if (cdp) {
      const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
      printProfile(profile);
    }
    return ms;
  } finally {
    await context.close();
  }
}

/**
 * CPU time (user + system, ms) of every process below this one, by Chromium's process type (the browser
 * process, where IndexedDB writes; the renderer, where the app runs; the GPU and utility processes).
 */
function childrenCpuMs(): Map<string, number> {
  const parents = new Map<number, number>();
  const ticks = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parents.set(Number(name), Number(fields[1]));
      ticks.set(Number(name), Number(fields[11]) + Number(fields[12]));
    } catch {
      // The process ended while the list was read.
    }
  }
  const below = (pid: number): boolean => {
    for (let at = parents.get(pid); at !== undefined && at > 1; at = parents.get(at))
      if (at === process.pid) return true;
    return false;
  };
  const byType = new Map<string, number>();
  for (const [pid, t] of ticks) {
    if (!below(pid)) continue;
    let cmdline: string;
    try {
      cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    const type = /--type=([\w-]+)/.exec(cmdline)?.[1] ?? (cmdline.includes('chrom') ? 'browser' : 'other');
    byType.set(type, (byType.get(type) ?? 0) + t * 10); // USER_HZ is 100 on Linux.
  }
  return byType;
}

function cpuSince(before: ReadonlyMap<string, number>): string {
  const after = childrenCpuMs();
  return [...after]
    .map(([type, ms]) => [type, ms - (before.get(type) ?? 0)] as const)
    .filter(([, ms]) => ms > 0)
    .map(([type, ms]) => `${type} ${ms}`)
    .join(', ');
}

async function startPageProfile(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  return cdp;
}

function printRequests(requests: readonly { url: string; sent: number; done: number }[], started: number): void {
  for (const r of requests) {
    console.log(`  +${r.sent - started}..+${r.done - started} ${r.url.replace(/token=[^&]+/, 'token=…').slice(0, 60)}`);
  }
}

function printProfile(profile: CpuProfile): void {
  const { self, inclusive } = tallyProfile(profile, emptyTally());
  const byFile = new Map<string, number>();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  profile.samples.forEach((id, i) => {
    const { functionName, url } = byId.get(id)!.callFrame;
    const group = url ? (url.split('/').at(-1) ?? '').replace(/-[\w-]{8}\.js$/, '.js') : functionName;
    byFile.set(group, (byFile.get(group) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
  });
  const total = [...byFile.values()].reduce((a, b) => a + b, 0);
  console.log(`--- page: sampled ${Math.round(total)} ms; by file`);
  console.log(topLines(byFile, 12, 0, 6));
  console.log('--- self');
  console.log(topLines(self, top, 0, 6));
  console.log('--- inclusive');
  console.log(topLines(inclusive, top, 0, 6));
}
