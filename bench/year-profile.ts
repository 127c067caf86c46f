/**
 * Where the year screens' time goes, and two builds side by side on the same tablet: a year served and
 * pulled as the year bench does it, then the student page, the conference, the family report and My path visited at 4x CPU
 * throttling, in rounds that alternate between the builds given (each served to the page from its own
 * folder, the service worker bypassed, the same IndexedDB), with the JavaScript sampled over the DevTools
 * Protocol. Prints each build's median per screen and, per build and screen, the functions with the most
 * self and inclusive time. Not a metric: a tool to read before and after a change.
 *
 * `node --import tsx bench/year-profile.ts [visits] [--dist=dist,../other/dist] [--children=N]
 * [--evidence=N] [--photos=N] [--media] [--rounds=N] [--profile] [--screens=studentPage,myPath]` (a year of N children with
 * N × 2,000 pieces by default, as each child has in the full year; `--screens` times only those screens, visiting the
 * student page untimed when a screen is reached from it; build with `npx vite build --minify false` to read function
 * names).
 */
import { join, resolve } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { CDPSession, Page } from 'playwright-core';
import { yearRows } from '#tests/helpers/year-class/index.ts';
import { median } from './chromium.ts';
import { emptyTally, tallyProfile, topLines, type CpuProfile } from './cpu-profile.ts';
import { pullYear } from './year-pull.ts';
import {
  CPU_SLOWDOWN,
  navigate,
  openProfile,
  READY,
  serveBuilds,
  settle,
  tap,
  throttle,
  timeVisit,
} from './year-browser.ts';
import { serveYear } from './year-server.ts';

const SCREENS = ['studentPage', 'conferenceOpen', 'familyReport', 'myPath'] as const;
type Screen = (typeof SCREENS)[number];

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const visits = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 3);
const children = Number(arg('children') ?? 6);
const evidence = Number(arg('evidence') ?? children * 2000);
const rounds = Number(arg('rounds') ?? 1);
const photos = Number(arg('photos') ?? 60);
const top = Number(arg('top') ?? 25);
const withProfile = process.argv.includes('--profile');
const withTrace = process.argv.includes('--trace');
const dists = (arg('dist') ?? 'dist').split(',').map((d) => resolve(d));
const timed = new Set<string>(arg('screens')?.split(',') ?? SCREENS);

const traces = new Map<string, Map<string, number>>();

const server = await serveYear(
  { students: children, evidence, photos, clips: 40, drawings: 20, mediaScale: 'small' },
  // The media on the server, as in the year bench: the screens that show it fetch it on demand.
  process.argv.includes('--media'),
);
const profileDir = mkdtempSync(join(tmpdir(), 'year-profile-'));
try {
  const pull = await pullYear(server, profileDir);
  console.log(`pulled ${pull.records} records in ${pull.ms} ms`);
  const students = yearRows(server.year).get('students')!;
  const kids = server.year.listedStudentIds.map((id) => ({ id, name: String(students.get(id)!['displayName']) }));
  const { context, page } = await openProfile(profileDir);
  try {
    page.setDefaultTimeout(180_000);
    const cdp = await throttle(page, 1);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    let dist = dists[0]!;
    await serveBuilds(page, cdp, server.base, () => dist);
    const times = new Map<string, number[]>();
    const profiles = new Map<string, CpuProfile[]>();
    for (let round = 0; round < rounds; round++) {
      for (const build of dists) {
        dist = build;
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
        await page.goto(`${server.base}/class`);
        await page.waitForFunction(READY.classPage(kids.length), null, { timeout: 120_000 });
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
        await runVisits(page, cdp, kids, build, times, profiles);
      }
    }
    for (const screen of SCREENS.filter((s) => timed.has(s)))
      console.log(
        `${screen.padEnd(16)} ${dists.map((d) => `${d.split('/').slice(-2).join('/')}: ${Math.round(median(times.get(`${d}|${screen}`)!))} ms (${times.get(`${d}|${screen}`)!.map(Math.round).join(', ')})`).join('  |  ')}`,
      );
    for (const [key, tally] of traces) {
      console.log(`\n=== ${key}: the renderer's main thread per visit (trace) ===`);
      for (const [name, ms] of [...tally].sort((a, b) => b[1] - a[1]).slice(0, 16))
        console.log(`  ${ms.toFixed(1).padStart(8)}  ${name}`);
    }
    if (withProfile)
      for (const [key, list] of profiles) {
        console.log(`\n=== ${key} ===`);
        summarise(list);
      }
  } finally {
    await context.close();
  }
} finally {
  rmSync(profileDir, { recursive: true, force: true });
  await server.close();
}

async function runVisits(
  page: Page,
  cdp: CDPSession,
  kids: readonly { id: string; name: string }[],
  build: string,
  times: Map<string, number[]>,
  profiles: Map<string, CpuProfile[]>,
): Promise<void> {
  const record = async (screen: Screen, visit: number, go: () => Promise<number>) => {
    if (withProfile) await cdp.send('Profiler.start');
    if (withTrace) await startTrace(cdp);
    const ms = await go();
    if (withTrace) {
      const key = `${build}|${screen}`;
      const tally = traces.get(key) ?? new Map<string, number>();
      for (const [name, dur] of await endTrace(cdp)) tally.set(name, (tally.get(name) ?? 0) + dur / visits);
      tally.set('DOM elements', (await page.evaluate(() => document.getElementsByTagName('*').length)) / visits);
      if (visit > 0) traces.set(key, tally);
    }
    const profile = withProfile
      ? ((await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile }).profile
      : null;
    if (visit === 0 || !timed.has(screen)) return;
    const key = `${build}|${screen}`;
    times.set(key, [...(times.get(key) ?? []), ms]);
    if (profile) profiles.set(key, [...(profiles.get(key) ?? []), profile]);
  };
  for (let visit = 0; visit <= visits; visit++) {
    const kid = kids[visit % kids.length]!;
    await toClass(page, kids.length);
    await record('studentPage', visit, () => timeVisit(page, tap(`/student/${kid.id}`), READY.studentPage(kid.name)));
    await settle(page);
    if (timed.has('conferenceOpen')) {
      await record('conferenceOpen', visit, () =>
        timeVisit(page, tap(`/conference/${kid.id}`), READY.conference(kid.name)),
      );
      await page.goBack();
      await page.waitForFunction(READY.studentPage(kid.name));
      await settle(page);
    }
    if (timed.has('familyReport'))
      await record('familyReport', visit, () =>
        timeVisit(page, tap(`/family-report/${kid.id}`), READY.familyReport(kid.name)),
      );
    if (!timed.has('myPath')) continue;
    await toClass(page, kids.length);
    await record('myPath', visit, () => timeVisit(page, navigate(`/my-path/${kid.id}`), READY.myPath(kid.name)));
  }
}

/** The main thread's own events (style, layout, paint, script) of one visit, from a DevTools trace. */
async function startTrace(cdp: CDPSession): Promise<void> {
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,disabled-by-default-devtools.timeline',
    transferMode: 'ReportEvents',
  });
}

interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly dur?: number;
  readonly tid: number;
  readonly ts: number;
  readonly args?: { readonly data?: { readonly frame?: string } };
}

/** Time per event name (ms, durations of complete events on the thread that ran the page's scripts). */
async function endTrace(cdp: CDPSession): Promise<Map<string, number>> {
  const events: TraceEvent[] = [];
  const collect = (data: { value: readonly object[] }) => {
    events.push(...(data.value as TraceEvent[]));
  };
  cdp.on('Tracing.dataCollected', collect);
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.end');
  await done;
  cdp.off('Tracing.dataCollected', collect);
  const main = events.find((e) => e.name === 'FunctionCall' || e.name === 'EvaluateScript')?.tid;
  const tally = new Map<string, number>();
  for (const e of events)
    if (e.tid === main && e.ph === 'X' && e.dur !== undefined)
      tally.set(e.name, (tally.get(e.name) ?? 0) + e.dur / 1000);
  return tally;
}

async function toClass(page: Page, rows: number): Promise<void> {
  await page.getByRole('link', { name: 'Class', exact: true }).click();
  await page.waitForFunction(READY.classPage(rows), null, { timeout: 120_000 });
  await settle(page);
}

/** Self and inclusive time per function, summed over the visits' profiles and divided by their number. */
function summarise(list: readonly CpuProfile[]): void {
  const { self, inclusive } = emptyTally();
  for (const profile of list) tallyProfile(profile, { self, inclusive }, { scale: 1 / list.length });
  const idle = self.get('(idle) :0') ?? 0;
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  console.log(`sampled ${total.toFixed(0)} ms per visit, ${idle.toFixed(0)} idle (waiting on IndexedDB or a timer)`);
  console.log(`self:\n${topLines(self, top, 1, 7)}`);
  console.log(`inclusive:\n${topLines(inclusive, top, 1, 7)}`);
}
