/**
 * The year benchmarks (`npm run bench -- year`): one school year served by the real server (year-server.ts),
 * pulled by new tablets (year-pull.ts), then every screen timed on the last tablet's profile
 * (year-screens.ts), and the rules for the class in Node (year-rules-bench.ts). The same year, the same
 * work, in every run: only its dates move, so that it ends the day before the run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median } from './chromium.ts';
import type { Metric } from './metric.ts';
import { pullWireKB, pullYear, type PullRun } from './year-pull.ts';
import { benchYearRules } from './year-rules-bench.ts';
import { measureScreens, screenMetrics } from './year-screens.ts';
import type { YearOptions } from '#tests/helpers/year-class/index.ts';
import { serveYear } from './year-server.ts';

const PULLS = 3;

/** `options` only for trying the bench on a smaller year; `npm run bench` always runs the full one. */
export async function benchYear(options: YearOptions = {}): Promise<Record<string, Metric>> {
  const server = await serveYear(options);
  const pulls: PullRun[] = [];
  const profiles: string[] = [];
  try {
    const { year } = server;
    const rules = benchYearRules(year);
    for (let run = 0; run < PULLS; run++) {
      profiles.push(mkdtempSync(join(tmpdir(), 'waypoint-year-profile-')));
      pulls.push(await pullYear(server, profiles.at(-1)!));
      if (run < PULLS - 1) rmSync(profiles.at(-1)!, { recursive: true, force: true });
    }
    const wireKB = await pullWireKB(server);
    const screens = screenMetrics(await measureScreens(server, pulls.at(-1)!.profile));
    const evidence = year.counts.records.evidence ?? 0;
    const what = `${year.listedStudentIds.length} children, ${year.options.days} school days, ${evidence} pieces of evidence, ${year.counts.changes} changes from ${year.devices.length} tablets`;
    return {
      'year.coldStartToClass.p50Ms': screens['year.coldStartToClass.p50Ms']!,
      'year.studentPage.p50Ms': screens['year.studentPage.p50Ms']!,
      'year.overview.p50Ms': screens['year.overview.p50Ms']!,
      'year.conferenceOpen.p50Ms': screens['year.conferenceOpen.p50Ms']!,
      'year.myPath.p50Ms': screens['year.myPath.p50Ms']!,
      'year.stationSignIn.p50Ms': screens['year.stationSignIn.p50Ms']!,
      'year.familyReport.p50Ms': screens['year.familyReport.p50Ms']!,
      'year.rules.evaluateClass.ms': rules,
      'year.initialPull.ms': {
        value: Math.round(median(pulls.map((p) => p.ms))),
        unit: 'ms',
        detail: `${what}; sign in on a fresh persistent profile until "Synced", ${pulls[0]!.records} records of the year checked exactly; median of ${PULLS} new tablets (${pulls.map((p) => p.ms).join(', ')} ms); media on demand (${year.media.length} photos, drawings and clips, ${Math.round(server.mediaBytes / 1e6)} MB, on the server)`,
      },
      'year.initialPull.wireKB': {
        value: Math.round(wireKB),
        unit: 'KB',
        detail: `gzip/br bodies of every pull page, as a browser asks for them; ${what}`,
      },
    };
  } finally {
    for (const profile of profiles) rmSync(profile, { recursive: true, force: true });
    await server.close();
  }
}

// Run on its own: `node --import tsx bench/year-bench.ts` (after `npx vite build`).
// `… year-bench.ts small` tries it on a smaller year (8 children, 40 days, 4 000 pieces of evidence).
if (import.meta.url === `file://${process.argv[1]}`) {
  const small = process.argv[2] === 'small';
  const options: YearOptions = small
    ? { students: 8, days: 40, evidence: 4_000, photos: 80, clips: 60, drawings: 20, mediaScale: 'small' }
    : {};
  console.log(await benchYear(options));
}
