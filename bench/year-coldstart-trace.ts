/**
 * Where a cold start's time goes: the year bench's reload to the class page (`year.coldStartToClass`) at 4x
 * CPU throttling, traced. Prints, per reload, the ms to the class shown and the main thread's timeline:
 * each top-level task over 4 ms with its start (ms since the navigation began), its length and what ran
 * (the script evaluated, or the function call's script), and the idle gaps between (waiting on the network,
 * the service worker or IndexedDB). Not a metric: a tool to read before and after a change.
 *
 * `node --import tsx bench/year-coldstart-trace.ts [--children=25] [--evidence=N] [--reloads=3] [--timeline]
 * [--profile] [--dist=dist,../other/dist]` (with two builds, reloads alternate between them, each served from its
 * own folder with the service worker bypassed)
 * (build with `npx vite build --minify false` to read function names).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { median } from './chromium.ts';
import type { CDPSession } from 'playwright-core';
import { emptyTally, tallyProfile, topLines, type CpuProfile } from './cpu-profile.ts';
import { classShownInit, CPU_SLOWDOWN, openProfile, READY, serveBuilds, settle, throttle } from './year-browser.ts';
import { pullYear } from './year-pull.ts';
import { serveYear } from './year-server.ts';

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const children = Number(arg('children') ?? 25);
const evidence = Number(arg('evidence') ?? children * 2000);
const reloads = Number(arg('reloads') ?? 3);
const withProfile = process.argv.includes('--profile');
const withTimeline = process.argv.includes('--timeline');
const dists =
  arg('dist')
    ?.split(',')
    .map((d) => resolve(d)) ?? [];

interface TraceEvent {
  readonly name: string;
  readonly cat: string;
  readonly ph: string;
  readonly ts: number;
  readonly dur?: number;
  readonly tid: number;
  readonly pid: number;
  readonly args?: {
    readonly data?: { readonly url?: string; readonly functionName?: string; readonly frame?: string };
  };
}

const server = await serveYear(
  { students: children, evidence, photos: 60, clips: 40, drawings: 20, mediaScale: 'small' },
  false,
);
const profileDir = mkdtempSync(join(tmpdir(), 'year-coldstart-'));
try {
  const pull = await pullYear(server, profileDir);
  console.log(`pulled ${pull.records} records in ${pull.ms} ms`);
  const { context, page } = await openProfile(profileDir);
  try {
    page.setDefaultTimeout(180_000);
    await page.goto(`${server.base}/class`);
    const picker = page.getByLabel('Show class');
    const ready = page.waitForFunction(READY.classPage(children), null, { timeout: 120_000 });
    await Promise.race([ready, picker.waitFor({ timeout: 120_000 })]);
    if ((await picker.count()) > 0) await picker.selectOption(server.year.classId);
    await ready;
    await context.addInitScript(classShownInit(children));
    const cdp = await throttle(page, CPU_SLOWDOWN);
    let dist = dists[0] ?? '';
    if (dists.length > 0) {
      await serveBuilds(page, cdp, server.base, () => dist);
    }
    const times = new Map<string, number[]>();
    for (let visit = 0; visit <= reloads * Math.max(1, dists.length); visit++) {
      dist = dists[visit % Math.max(1, dists.length)] ?? '';
      await settle(page);
      if (withProfile) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
        await cdp.send('Profiler.start');
      }
      await startTrace(cdp);
      await page.reload();
      const shown = (await (
        await page.waitForFunction('window.__classShown', null, { timeout: 120_000, polling: 200 })
      ).jsonValue()) as number;
      const events = await endTrace(cdp);
      const profile = withProfile
        ? ((await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile }).profile
        : null;
      if (visit < Math.max(1, dists.length)) continue;
      times.set(dist, [...(times.get(dist) ?? []), shown]);
      console.log(`\n=== reload ${visit}${dist ? ` (${dist})` : ''}: class shown at ${Math.round(shown)} ms ===`);
      if (withTimeline) printTimeline(events, shown);
      if (profile) {
        const { self, inclusive } = emptyTally();
        tallyProfile(profile, { self, inclusive }, { scale: 1 });
        console.log(`self:\n${topLines(self, 30, 1, 7)}\ninclusive:\n${topLines(inclusive, 30, 1, 7)}`);
      }
    }
    for (const [build, list] of times)
      console.log(`${build || 'served'}: median ${Math.round(median(list))} ms (${list.map(Math.round).join(', ')})`);
  } finally {
    await context.close();
  }
} finally {
  rmSync(profileDir, { recursive: true, force: true });
  await server.close();
}

async function startTrace(cdp: CDPSession): Promise<void> {
  await cdp.send('Tracing.start', {
    categories: 'toplevel,devtools.timeline,disabled-by-default-devtools.timeline,blink.user_timing,v8.execute',
    transferMode: 'ReportEvents',
  });
}

async function endTrace(cdp: CDPSession): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  const collect = (data: { value: readonly object[] }) => events.push(...(data.value as TraceEvent[]));
  cdp.on('Tracing.dataCollected', collect);
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.end');
  await done;
  cdp.off('Tracing.dataCollected', collect);
  return events;
}

function printTimeline(events: readonly TraceEvent[], shown: number): void {
  const start =
    events.find((e) => e.name === 'navigationStart' && e.args?.data !== undefined) ??
    events.find((e) => e.name === 'navigationStart');
  if (!start) return console.log('no navigationStart in the trace');
  // The renderer's main thread: the one that evaluated the app's scripts after the navigation.
  const main = events.find((e) => e.ts > start.ts && e.name === 'EvaluateScript')?.tid ?? start.tid;
  const pid = events.find((e) => e.ts > start.ts && e.name === 'EvaluateScript')?.pid ?? start.pid;
  const tasks = events
    .filter((e) => e.tid === main && e.pid === pid && e.ph === 'X' && e.name === 'RunTask' && e.ts >= start.ts)
    .sort((a, b) => a.ts - b.ts);
  const at = (ts: number) => (ts - start.ts) / 1000;
  const inside = (task: TraceEvent) =>
    events.filter(
      (e) =>
        e.tid === main &&
        e.pid === pid &&
        e.ph === 'X' &&
        e.ts >= task.ts &&
        e.ts < task.ts + (task.dur ?? 0) &&
        e !== task,
    );
  let busy = 0;
  let last = 0;
  for (const task of tasks) {
    const from = at(task.ts);
    if (from > shown + 50) break;
    const ms = (task.dur ?? 0) / 1000;
    busy += ms;
    if (ms < 4) continue;
    const gap = from - last;
    const what = inside(task)
      .filter((e) =>
        [
          'EvaluateScript',
          'FunctionCall',
          'v8.compile',
          'ParseHTML',
          'Layout',
          'Paint',
          'UpdateLayoutTree',
          'TimerFire',
          'FireAnimationFrame',
          'EventDispatch',
          'v8.compileModule',
          'v8.evaluateModule',
        ].includes(e.name),
      )
      .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))
      .slice(0, 3)
      .map(
        (e) =>
          `${e.name}${e.args?.data?.url ? ` ${e.args.data.url.split('/').pop()}` : ''}${e.args?.data?.functionName ? ` ${e.args.data.functionName}` : ''} ${((e.dur ?? 0) / 1000).toFixed(0)}`,
      )
      .join('; ');
    console.log(
      `${from.toFixed(0).padStart(6)} +${ms.toFixed(0).padStart(4)} (gap ${gap.toFixed(0).padStart(4)})  ${what}`,
    );
    last = from + ms;
  }
  console.log(`main thread busy ${busy.toFixed(0)} ms of ${shown.toFixed(0)}`);
}
