/**
 * One server process for the district bench (sync-schools-bench.ts): the real app over the PostgreSQL
 * database in BENCH_PROCESS_DATABASE_URL, on 127.0.0.1 at a free port, which it prints as `port <n>`.
 * Stops when its parent closes stdin. Not the production entry (server/main.ts): no seeding, no demo school.
 */
import { createServer } from '../server/http/app.ts';
import { openPostgresStorage } from '../server/storage/sql-storage.ts';

const url = process.env.BENCH_PROCESS_DATABASE_URL;
if (!url) throw new Error('BENCH_PROCESS_DATABASE_URL is required');
const storage = openPostgresStorage(url);
// The token budget is not what is measured: every school's tablet may push as fast as it can.
const app = await createServer({ storage, clock: { now: () => Date.now() }, tokenRequestsPerMinute: 1_000_000 });
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
if (address === null || typeof address === 'string') throw new Error('no port');
process.stdout.write(`port ${address.port}\n`);
process.stdin.resume();
process.stdin.on(
  'end',
  () =>
    void app
      .close()
      .then(() => storage.close())
      .then(() => process.exit(0)),
);
