/**
 * V8 CPU profiles (Profiler.stop over the DevTools Protocol, or node:inspector) read by the profiling tools
 * (overview-profile.ts, year-profile.ts, year-pull-profile.ts): time per function, by its own code (self)
 * and with what it called (inclusive).
 */
export interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}

export interface CpuProfile {
  readonly startTime: number;
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** How the tools name a function: "name file:line". */
export function frameLabel(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  return `${functionName || '(anonymous)'} ${url.split('/').pop() ?? ''}:${lineNumber + 1}`;
}

export interface ProfileTally {
  readonly self: Map<string, number>;
  readonly inclusive: Map<string, number>;
}

/**
 * Adds a profile's samples to `tally` in ms, each weighted by the time to the next sample and by `scale`
 * (1 / the number of profiles, for an average); `keep` chooses samples by their stack (the frame labels,
 * innermost first). A function counts once per sample in its inclusive time, however deep it recurses.
 */
export function tallyProfile(
  profile: CpuProfile,
  tally: ProfileTally,
  options: { readonly scale?: number; readonly keep?: (stack: readonly ProfileNode[]) => boolean } = {},
): ProfileTally {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const add = (map: Map<string, number>, key: string, ms: number) => map.set(key, (map.get(key) ?? 0) + ms);
  profile.samples.forEach((id, i) => {
    const stack: ProfileNode[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) stack.push(byId.get(at)!);
    if (options.keep && !options.keep(stack)) return;
    const ms = ((profile.timeDeltas[i + 1] ?? 0) / 1000) * (options.scale ?? 1);
    add(tally.self, frameLabel(stack[0]!), ms);
    for (const name of new Set(stack.map(frameLabel))) add(tally.inclusive, name, ms);
  });
  return tally;
}

export function emptyTally(): ProfileTally {
  return { self: new Map(), inclusive: new Map() };
}

/** The `count` largest entries, one line each: "   12.3 ms  name". */
export function topLines(map: ReadonlyMap<string, number>, count: number, digits = 1, width = 8): string {
  return [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, ms]) => `  ${ms.toFixed(digits).padStart(width)} ms  ${name}`)
    .join('\n');
}
