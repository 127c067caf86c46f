/**
 * Where the overview bench's time goes: the same visit as `overview.render30x60.p50Ms` (same class, 4x CPU
 * throttling), traced over the DevTools Protocol. Prints, per visit, the renderer main thread's busy time by
 * trace event (script, style, layout, paint, GC…), the idle gaps (waiting on IndexedDB or a timer), and the
 * JavaScript functions with the most self time. Not a metric: a tool to read before and after a change.
 *
 * `npx vite build && node --import tsx bench/overview-profile.ts [visits] [--js]` (--js: also sample JavaScript;
 * --top=N: how many functions to list; --under=NAME: self time only of samples inside function NAME)
 * (build with `npx vite build --minify false` to read function names).
 */
import type { CDPSession } from 'playwright-core';
import { launchChromium, startAppServer } from './chromium.ts';
import { emptyTally, tallyProfile, topLines, type CpuProfile } from './cpu-profile.ts';
import { backToClassPage, CPU_SLOWDOWN, OPEN_OVERVIEW_SCRIPT, openBenchClass, openOverview } from './overview-bench.ts';

interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly ts: number;
  readonly dur?: number;
  readonly pid: number;
  readonly tid: number;
  readonly args?: { readonly name?: string; readonly data?: Record<string, unknown> };
}

// The bench's own script, with user-timing marks around the measured span so the trace can show it.
const MARKED_SCRIPT = OPEN_OVERVIEW_SCRIPT.replace(
  'link.click();',
  "performance.mark('bench:start'); link.click();",
).replace(
  'return { ms: performance.now() - started',
  "performance.mark('bench:end'); return { ms: performance.now() - started",
);

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink.user_timing'];

const visits = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 3);
const withJsProfile = process.argv.includes('--js');
const top = Number(process.argv.find((a) => a.startsWith('--top='))?.slice(6) ?? 30);
const under = process.argv.find((a) => a.startsWith('--under='))?.slice(8);
const server = await startAppServer();
const browser = await launchChromium();
try {
  const { page, cdp } = await openBenchClass(browser, server.base);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  for (let visit = 0; visit <= visits; visit++) {
    await backToClassPage(page);
    const events = visit > 0 ? await startTracing(cdp) : null;
    if (visit > 0 && withJsProfile) await cdp.send('Profiler.start');
    const { ms } = await openOverview(page, MARKED_SCRIPT);
    if (!events) continue;
    const profile = withJsProfile ? ((await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile }) : null;
    const trace = await events();
    console.log(`\n=== visit ${visit}: ${Math.round(ms)} ms (bench measure) ===`);
    summariseTrace(trace, profile?.profile);
    if (profile) summariseProfile(profile.profile);
  }
} finally {
  await browser.close();
  await server.close();
}

async function startTracing(cdp: CDPSession): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  const collect = ({ value }: { value: object[] }) => events.push(...(value as unknown as TraceEvent[]));
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES }, transferMode: 'ReportEvents' });
  return async () => {
    const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.end');
    await done;
    cdp.off('Tracing.dataCollected', collect);
    return events;
  };
}

/** The page's main thread over the traced visit: its long tasks, and self time per trace event name. */
function summariseTrace(events: readonly TraceEvent[], profile?: CpuProfile): void {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!main) return console.log('no renderer main thread in the trace');
  const onMain = events
    .filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  if (onMain.length === 0) return;
  const start = onMain[0]!.ts;
  const end = Math.max(...onMain.map((e) => e.ts + e.dur!));
  const self = new Map<string, number>();
  const stack: { e: TraceEvent; end: number; child: number }[] = [];
  const close = (upTo: number) => {
    while (stack.length && stack[stack.length - 1]!.end <= upTo) {
      const top = stack.pop()!;
      self.set(top.e.name, (self.get(top.e.name) ?? 0) + top.e.dur! - top.child);
      if (stack.length) stack[stack.length - 1]!.child += top.e.dur!;
    }
  };
  const marks = events.filter((e) => e.name.startsWith('bench:'));
  const at = (name: string) => marks.find((m) => m.name === name)?.ts;
  const [from, to] = [at('bench:start') ?? start, at('bench:end') ?? end];
  let busy = 0;
  const tasks: number[] = [];
  for (const e of onMain) {
    close(e.ts);
    if (stack.length === 0) busy += e.dur!;
    if (stack.length === 0 && e.ts >= from && e.ts < to) tasks.push(e.dur! / 1000);
    stack.push({ e, end: e.ts + e.dur!, child: 0 });
  }
  close(Number.POSITIVE_INFINITY);
  const total = (end - start) / 1000;
  console.log(
    `main thread: ${Math.round(total)} ms traced, ${Math.round(busy / 1000)} busy, ${Math.round(total - busy / 1000)} idle`,
  );
  const small = tasks.filter((ms) => ms < 4);
  console.log(
    `bench span: ${tasks.length} tasks, ${tasks.reduce((a, b) => a + b, 0).toFixed(0)} ms; ${small.length} under 4 ms, ${small.reduce((a, b) => a + b, 0).toFixed(0)} ms in all`,
  );
  console.log(`bench span: ${((to - from) / 1000).toFixed(0)} ms; top-level tasks over 4 ms (ms from start):`);
  for (const e of onMain)
    if (e.dur! > 4000 && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask'))
      console.log(
        `  ${((e.ts - from) / 1000).toFixed(0).padStart(6)} +${(e.dur! / 1000).toFixed(0).padStart(5)}  ${childrenOf(onMain, e)}${profile && e.dur! > 20_000 ? `\n${' '.repeat(16)}JS: ${topFunctionsIn(profile, e.ts, e.ts + e.dur!)}` : ''}`,
      );
  const rows = [...self].sort((a, b) => b[1] - a[1]).slice(0, 14);
  for (const [name, us] of rows) console.log(`  ${(us / 1000).toFixed(1).padStart(8)} ms  ${name}`);
}

/** The biggest events directly inside a task, e.g. "FunctionCall 120, Layout 300". */
function childrenOf(onMain: readonly TraceEvent[], task: TraceEvent): string {
  const inside = onMain.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur! <= task.ts + task.dur!);
  const direct = inside.filter(
    (e) => !inside.some((p) => p !== e && p.ts <= e.ts && p.ts + p.dur! >= e.ts + e.dur! && p.dur! > e.dur!),
  );
  return direct
    .filter((e) => e.dur! > 2000)
    .map((e) => `${e.name} ${(e.dur! / 1000).toFixed(0)}${layoutInfo(e)}`)
    .join(', ');
}

function layoutInfo(e: TraceEvent): string {
  const begin = (e.args as { beginData?: { dirtyObjects?: number; totalObjects?: number; stackTrace?: unknown[] } })
    ?.beginData;
  if (e.name !== 'Layout' || !begin) return '';
  return ` (${begin.dirtyObjects}/${begin.totalObjects} objects${begin.stackTrace ? ', forced' : ''})`;
}

/** The functions with the most self time among the samples taken between two trace timestamps. */
function topFunctionsIn(profile: CpuProfile, from: number, to: number): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i] ?? 0;
    if (at < from || at > to) return;
    const { functionName, url } = byId.get(id)!.callFrame;
    const name = `${functionName || '(anonymous)'}${url ? `@${url.split('/').pop()}` : ''}`;
    self.set(name, (self.get(name) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
  });
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 4)
    .map(([name, ms]) => `${name} ${ms.toFixed(0)}`)
    .join(', ');
}

/** Self and inclusive time per JavaScript function (sampled). */
function summariseProfile(profile: CpuProfile): void {
  const { self, inclusive } = tallyProfile(profile, emptyTally(), {
    ...(under ? { keep: (stack) => stack.some((n) => n.callFrame.functionName === under) } : {}),
  });
  console.log(under ? `JS self time inside ${under}:` : 'JS self time:');
  console.log(topLines(self, 15));
  console.log('JS inclusive time:');
  console.log(topLines(inclusive, top));
}
