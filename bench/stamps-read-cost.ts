/**
 * What expanding compact stamps costs the screens: the year's synced rows in two stores in one Chromium page
 * (a persistent profile), one holding them as before (a stamp per field) and one through the stamps
 * middleware, and the reads of the student page and the class page timed at 4x CPU throttling, the two
 * stores interleaved. Not part of `npm run bench` (it reports no metric): run by hand,
 * `node --import tsx bench/stamps-read-cost.ts [rounds]`.
 */
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { generateYearClass, yearRows } from '#tests/helpers/year-class/index.ts';
import { openProfile, throttle } from './year-browser.ts';

const rounds = Number(process.argv[2] ?? 21);
const dir = mkdtempSync(join(tmpdir(), 'waypoint-stamps-read-'));
await build({
  configFile: false,
  logLevel: 'warn',
  build: {
    outDir: dir,
    emptyOutDir: false,
    minify: true,
    lib: { entry: join(import.meta.dirname, 'stamps-read-page.ts'), formats: ['es'], fileName: () => 'page.js' },
  },
});
const script = readFileSync(join(dir, 'page.js'));
const server = createServer((req, res) => {
  if (req.url === '/page.js') {
    res.setHeader('content-type', 'text/javascript');
    res.end(script);
  } else {
    res.setHeader('content-type', 'text/html');
    res.end('<!doctype html><title>stamps</title><script type="module" src="/page.js"></script>');
  }
}).listen(0, '127.0.0.1');
await new Promise((resolve) => server.once('listening', resolve));
const port = (server.address() as { port: number }).port;

const year = generateYearClass({ firstMonday: '2025-08-25' });
const rows = yearRows(year);
const { context, page } = await openProfile(join(dir, 'profile'));
try {
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForFunction('window.benchStamps !== undefined');
  for (const [table, byId] of rows) {
    const all = [...byId.values()];
    for (let i = 0; i < all.length; i += 5_000)
      await page.evaluate(([t, chunk]) => (window as never as BenchWindow).benchStamps.fill(t, chunk), [
        table,
        all.slice(i, i + 5_000),
      ] as const);
  }
  const student = [...rows.get('students')!.values()].find((s) => s['classId'] === year.classId && !s['archived'])!;
  await throttle(page);
  const result = await page.evaluate(
    ([studentId, classId, n]) => (window as never as BenchWindow).benchStamps.measure(studentId, classId, n),
    [student.id, year.classId, rounds] as const,
  );
  console.log(JSON.stringify({ rounds, cpuSlowdown: 4, ...result }, null, 2));
} finally {
  await context.close();
  server.close();
  rmSync(dir, { recursive: true, force: true });
}

interface BenchWindow {
  benchStamps: {
    fill(table: string, rows: readonly unknown[]): Promise<void>;
    measure(studentId: string, classId: string, rounds: number): Promise<Record<string, unknown>>;
  };
}
