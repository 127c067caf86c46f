/**
 * A district on one PostgreSQL database: `sync.push.changesPerSec.postgres.schools8` is SCHOOLS schools'
 * teacher tablets pushing at once, each its own outbox of PUSHES pushes × 500 new evidence records one
 * after another, through PROCESSES server processes (school i at process i mod PROCESSES), as behind a
 * reverse proxy. `sync.push.changesPerSec.postgres` (one school, one process) is measured in the same run,
 * before and after, and `sync.push.postgres.schoolsParallelRatio` is the district figure over the better
 * of the two: how much more a district gets through than one school at a time. Each school first pushes
 * WARM_UP_PUSHES batches, not timed: the server processes are new, where a district's have run for days and
 * the one-school figure is taken in this process, warm; cold, the district's 2 s were partly the processes'
 * JIT compiling the push path.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { migrate } from '../server/storage/migrations.ts';
import { openPostgresDriver } from '../server/storage/postgres-driver.ts';
import type { Metric } from './metric.ts';
import { benchPushChangesPerSec, setUpBenchSchool } from './sync-server-bench.ts';

const SCHOOLS = 8;
const PROCESSES = 2;
const PUSHES = 10;
const WARM_UP_PUSHES = 2;
const BATCH_SIZE = 500;

const adminUrl = (): string =>
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://postgres:postgres@127.0.0.1:5432/postgres';

async function admin(sql: string): Promise<pg.QueryResultRow[]> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  return (await client.query(sql).finally(() => client.end())).rows;
}

/** A server process (push-server-process.ts) on the database; resolves with its port once it listens. */
function startProcess(url: string): Promise<{ child: ChildProcess; port: number }> {
  const script = fileURLToPath(new URL('./push-server-process.ts', import.meta.url));
  // BENCH_SERVER_NODE_ARGS, e.g. `--cpu-prof --cpu-prof-dir=/tmp/p`, profiles the server processes.
  const extra = process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...extra, '--import', 'tsx', script], {
    env: { ...process.env, BENCH_PROCESS_DATABASE_URL: url },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`a bench server process exited (${code})`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const port = /^port (\d+)$/.exec(line)?.[1];
      if (port) resolve({ child, port: Number(port) });
    });
  });
}

/** CPU time (user + system, ms) a process has used, from /proc; null where there is none. */
function processCpuMs(pid: number | undefined): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in ticks of 1/100 s
  } catch {
    return null;
  }
}

/** CPU ms of each PostgreSQL backend serving `database` now (one that connects later counts from 0). */
async function backendsCpuMs(database: string): Promise<Map<number, number>> {
  const rows = await admin(`SELECT pid FROM pg_stat_activity WHERE datname = '${database}'`);
  return new Map(rows.map((r) => [Number(r.pid), processCpuMs(Number(r.pid)) ?? 0]));
}

export async function benchSchoolsParallel(): Promise<Metric> {
  const name = `waypoint_bench_district_${process.pid}_${Date.now()}`;
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  const processes: ChildProcess[] = [];
  try {
    const driver = openPostgresDriver(url.toString());
    await migrate(driver, Date.now()).finally(() => driver.close());
    const started = await Promise.all(Array.from({ length: PROCESSES }, () => startProcess(url.toString())));
    processes.push(...started.map((p) => p.child));
    const bases = started.map((p) => `http://127.0.0.1:${p.port}/api/v1`);
    const schools = [];
    for (let i = 0; i < SCHOOLS; i++) schools.push(await setUpBenchSchool(bases[i % PROCESSES]!, `school${i}`));
    await Promise.all(
      schools.map(async (school) => {
        for (let i = 0; i < WARM_UP_PUSHES; i++) await school.push(school.body());
      }),
    );
    const outboxes = schools.map((school) => ({ school, bodies: Array.from({ length: PUSHES }, () => school.body()) }));
    const cpuBefore = processes.map((p) => processCpuMs(p.pid));
    const backendsBefore = await backendsCpuMs(name);
    const t0 = performance.now();
    await Promise.all(
      outboxes.map(async ({ school, bodies }) => {
        for (const body of bodies) await school.push(body);
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    const total = SCHOOLS * PUSHES * BATCH_SIZE;
    let backendsMs = 0;
    for (const [pid, ms] of await backendsCpuMs(name)) backendsMs += ms - (backendsBefore.get(pid) ?? 0);
    const cpu = processes.map((p, i) => {
      const [before, after] = [cpuBefore[i], processCpuMs(p.pid)];
      return before === null || before === undefined || after === null ? null : after - before;
    });
    const perChange = (ms: number): string => `${Math.round((ms / total) * 1000)} µs`;
    const cpuNote = cpu.every((c) => c !== null)
      ? `; server processes used ${cpu.map((c) => `${((c / seconds / 10) | 0).toString()}%`).join(' and ')} of a core` +
        `; CPU per change: ${perChange(cpu.reduce((a, c) => a + c, 0))} in the server processes, ` +
        `${perChange(backendsMs)} in PostgreSQL's backends`
      : '';
    return {
      value: Math.round(total / seconds),
      unit: 'changes/s',
      detail: `postgres: ${SCHOOLS} schools at once, each ${PUSHES} pushes × ${BATCH_SIZE} new evidence records (after ${WARM_UP_PUSHES} not timed), through ${PROCESSES} server processes, in ${seconds.toFixed(2)} s${cpuNote}`,
    };
  } finally {
    for (const p of processes) p.stdin?.end();
    await Promise.all(
      processes.map((p) => new Promise((resolve) => (p.exitCode !== null ? resolve(0) : p.once('exit', resolve)))),
    );
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

/** The three district figures, single school measured before and after the district run. */
export async function benchDistrictPush(): Promise<Record<string, Metric>> {
  const before = await benchPushChangesPerSec('postgres');
  const district = await benchSchoolsParallel();
  const after = await benchPushChangesPerSec('postgres');
  const single = before.value >= after.value ? before : after;
  return {
    'sync.push.changesPerSec.postgres': {
      ...single,
      detail: `PostgreSQL; one school, the better of two runs (${before.value} before the district run, ${after.value} after); ${single.detail}`,
    },
    'sync.push.changesPerSec.postgres.schools8': district,
    'sync.push.postgres.schoolsParallelRatio': {
      value: Math.round((district.value / single.value) * 100) / 100,
      unit: '×',
      detail: `${district.value} changes/s for ${SCHOOLS} schools at once over ${single.value} for one school; target ≥ 2`,
    },
  };
}
