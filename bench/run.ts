/**
 * `npm run bench`: measures, prints a table, and writes bench/results.json as
 * { "<metric>": { "value": number, "unit": string, "detail"?: string } }.
 * `npm run bench -- rules sync` runs only the metrics whose names start with those words (`-- year`: the
 * school-year benchmarks alone).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { measureInitialJs } from './bundle-size.ts';
import { benchEvaluateClass } from './rules-bench.ts';
import { benchPushChangesPerSec, postgresProblem } from './sync-server-bench.ts';
import { benchMaxPushStall } from './sync-stall-bench.ts';
import { benchDistrictPush } from './sync-schools-bench.ts';
import { benchInitialPull } from './sync-pull-bench.ts';
import { benchSignInToHome } from './station-bench.ts';
import { benchPhotoCompress, benchRecordObservation } from './conference-bench.ts';
import { benchOverviewRender } from './overview-bench.ts';
import { benchYear } from './year-bench.ts';
import { benchYearBackupPeakHeap } from './year-backup-bench.ts';
import { benchYearStorageAlone } from './year-storage.ts';
import type { Metric } from './metric.ts';

type Bench = () => Promise<Record<string, Metric>>;

const one = (name: string, run: () => Promise<Metric> | Metric): [string, Bench] => [
  name,
  async () => ({ [name]: await run() }),
];

/** A PostgreSQL figure: skipped with a note (not a crash) when PostgreSQL cannot be reached. */
const onPostgres = (name: string, run: () => Promise<Metric>): [string, Bench] => [
  name,
  async () => {
    const problem = await postgresProblem();
    if (problem === null) return { [name]: await run() };
    process.stdout.write(`skipped: ${problem} `);
    return {};
  },
];

/** Several PostgreSQL figures measured together (named by the first); skipped as above. */
const onPostgresGroup = (name: string, run: Bench): [string, Bench] => [
  name,
  async () => {
    const problem = await postgresProblem();
    if (problem === null) return run();
    process.stdout.write(`skipped: ${problem} `);
    return {};
  },
];

const benchmarks: [string, Bench][] = [
  one('bundle.initialJs.gzipKB', () => measureInitialJs()),
  one('rules.evaluateClass.ms', () => benchEvaluateClass()),
  one('sync.push.changesPerSec', async () => withDetail(await benchPushChangesPerSec('sqlite'), 'SQLite')),
  onPostgresGroup('sync.push.changesPerSec.postgres', benchDistrictPush),
  one('sync.server.maxPushStallMs', () => benchMaxPushStall('sqlite')),
  onPostgres('sync.server.maxPushStallMs.postgres', () => benchMaxPushStall('postgres')),
  [
    'sync.initialPull.class10k',
    async () => {
      const { ms, wireKB } = await benchInitialPull();
      return { 'sync.initialPull.class10k.ms': ms, 'sync.initialPull.class10k.wireKB': wireKB };
    },
  ],
  one('conference.recordObservation.p50Ms', () => benchRecordObservation()),
  one('conference.photoCompress.p50Ms', () => benchPhotoCompress()),
  one('station.signInToHome.p50Ms', () => benchSignInToHome()),
  one('overview.render30x60.p50Ms', () => benchOverviewRender()),
  // A school year on one tablet: the pull, every screen, the rules (bench/year-bench.ts).
  ['year.', benchYear],
  one('year.backup.peakHeapMB', () => benchYearBackupPeakHeap()),
  // What the year's records take on the tablet's disk (bench/year-storage.ts).
  ['year.indexedDb', () => benchYearStorageAlone()],
];

function withDetail(metric: Metric, storage: string): Metric {
  return { ...metric, detail: `${storage}; ${metric.detail ?? ''}` };
}

const only = process.argv.slice(2);
const resultsFile = new URL('./results.json', import.meta.url);
// A partial run keeps the other figures from the last full run.
const results: Record<string, Metric> = only.length
  ? (JSON.parse(await readFile(resultsFile, 'utf8').catch(() => '{}')) as Record<string, Metric>)
  : {};
for (const [name, run] of benchmarks) {
  if (only.length && !only.some((prefix) => name.startsWith(prefix))) continue;
  process.stdout.write(`${name} … `);
  const measured = await run();
  Object.assign(results, measured);
  process.stdout.write(
    `${Object.values(measured)
      .map((m) => `${m.value} ${m.unit}`)
      .join(', ')}\n`,
  );
}

await writeFile(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
console.log('\n| metric | value | unit | detail |\n| --- | --- | --- | --- |');
for (const [name, m] of Object.entries(results))
  console.log(`| ${name} | ${m.value} | ${m.unit} | ${m.detail ?? ''} |`);
