/**
 * `sync.push.changesPerSec` of two builds side by side: the same bench client (sync-server-bench.ts)
 * against this tree's server and another tree's (a `git worktree` of the older commit, or its files from
 * `git archive`, with node_modules linked), each run in a fresh process, interleaved and alternating which
 * goes first, so a busy machine slows both alike. Reports each run and the median changes/s and CPU per
 * 1,000 changes of each build; with `postgres`, over a fresh PostgreSQL database each run, and also the CPU
 * of the database's backends per 1,000 changes (PostgreSQL runs beside the server on this machine).
 *
 *   node --import tsx bench/push-side-by-side.ts <other tree> [rounds = 5] [postgres]
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

interface Run {
  readonly changesPerSec: number;
  readonly cpuMsPer1000: number;
  readonly dbCpuMsPer1000?: number;
}

const other = process.argv[2];
if (!other) throw new Error('usage: push-side-by-side.ts <other tree> [rounds] [postgres]');
const rounds = Number(process.argv[3] ?? 5);
const database = process.argv[4] === 'postgres' ? ['postgres'] : [];
const child = fileURLToPath(new URL('./push-tree-child.ts', import.meta.url));
const trees = { other: resolve(other), this: resolve(fileURLToPath(new URL('..', import.meta.url))) };

function measure(root: string): Run {
  const out = execFileSync(process.execPath, ['--import', 'tsx', child, root, ...database], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop()!) as Run;
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

const dbNote = (run: Run): string =>
  run.dbCpuMsPer1000 === undefined ? '' : ` + ${run.dbCpuMsPer1000} ms in PostgreSQL`;

const runs: Record<keyof typeof trees, Run[]> = { other: [], this: [] };
for (let round = 0; round < rounds; round++) {
  const order: (keyof typeof trees)[] = round % 2 === 0 ? ['other', 'this'] : ['this', 'other'];
  const line: string[] = [];
  for (const which of order) {
    const run = measure(trees[which]);
    runs[which].push(run);
    line.push(`${which} ${run.changesPerSec} changes/s ${run.cpuMsPer1000} ms CPU/1000${dbNote(run)}`);
  }
  process.stdout.write(`round ${round + 1}: ${line.join('; ')}\n`);
}
const summary = (which: keyof typeof trees): string => {
  const db = runs[which].map((r) => r.dbCpuMsPer1000).filter((x) => x !== undefined);
  const both = runs[which].map((r) => r.cpuMsPer1000 + (r.dbCpuMsPer1000 ?? 0));
  return (
    `${median(runs[which].map((r) => r.changesPerSec))} changes/s, ` +
    `${median(runs[which].map((r) => r.cpuMsPer1000))} ms CPU per 1000 changes` +
    (db.length ? ` + ${median(db)} ms in PostgreSQL (together ${median(both)})` : '')
  );
};
const ratio = median(runs.this.map((r, i) => r.changesPerSec / runs.other[i]!.changesPerSec));
process.stdout.write(
  `median: other (${trees.other}) ${summary('other')}\n        this (${trees.this}) ${summary('this')}\n` +
    `median of the rounds' ratios (this ÷ other, changes/s): ${ratio.toFixed(2)}\n`,
);
