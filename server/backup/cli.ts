/**
 * `npm run backup -- --out <file>` and `npm run restore -- --from <file>`, for the database the server's
 * environment names: DATABASE_URL (PostgreSQL, with pg_dump / pg_restore) or DATA_DIR/waypoint.sqlite.
 * A backup runs beside a working server; a restore needs every server process stopped (it checks), keeps
 * the SQLite file it replaces, and gives the database a new epoch so tablets re-sync (new-epoch.ts).
 */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { SqlDriver } from '#server/storage/driver.ts';
import { openPostgresDriver } from '#server/storage/postgres-driver.ts';
import { openSqliteDriver } from '#server/storage/sqlite-driver.ts';
import { giveNewEpoch } from './new-epoch.ts';
import { backupPostgres, restorePostgres } from './postgres-backup.ts';
import { backupSqlite, restoreSqlite } from './sqlite-backup.ts';

const USAGE = `Usage:
  npm run backup -- --out <file>     a consistent copy of the database, while the server runs
  npm run restore -- --from <file>   put a backup in place (stop every server first)
The database is PostgreSQL at DATABASE_URL when it is set, else DATA_DIR/waypoint.sqlite (DATA_DIR: ./data).`;

function option(args: readonly string[], name: string): string | undefined {
  const at = args.indexOf(name);
  if (at >= 0) return args[at + 1];
  return args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

/** Other sessions on the database: a running server holds some. */
async function otherSessions(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ n: string }>(
      'SELECT COUNT(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
    );
    return Number(result.rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}

async function newEpoch(openDriver: () => SqlDriver, now: Date): Promise<string> {
  const db = openDriver();
  try {
    return await giveNewEpoch(db, now);
  } finally {
    await db.close();
  }
}

/** Runs one command; returns the exit code. */
export async function runBackupCommand(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
  now: () => Date = () => new Date(),
): Promise<number> {
  const [command] = args;
  const url = env.DATABASE_URL;
  const sqliteFile = join(resolve(env.DATA_DIR ?? './data'), 'waypoint.sqlite');
  if (command === 'backup') {
    const out = option(args, '--out');
    if (!out) {
      log(USAGE);
      return 2;
    }
    const report = url ? await backupPostgres(url, resolve(out)) : await backupSqlite(sqliteFile, resolve(out));
    log(`Backup written: ${report.file} (${Math.ceil(report.bytes / 1024)} KB)`);
    return 0;
  }
  if (command === 'restore') {
    const from = option(args, '--from');
    if (!from) {
      log(USAGE);
      return 2;
    }
    const at = now();
    if (url) {
      const sessions = await otherSessions(url);
      if (sessions > 0 && !args.includes('--force')) {
        log(`The database has ${sessions} other connection(s): stop every Waypoint server first, then restore.`);
        return 1;
      }
      await restorePostgres(url, resolve(from));
      await newEpoch(() => openPostgresDriver(url), at);
    } else {
      const keptAside = await restoreSqlite(resolve(from), sqliteFile, at);
      await newEpoch(() => openSqliteDriver(sqliteFile), at);
      if (keptAside) log(`The database it replaced is kept as ${keptAside}`);
    }
    log('Restored. Start the server: tablets will send again what they hold that the backup lacks.');
    return 0;
  }
  log(USAGE);
  return 2;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runBackupCommand(process.argv.slice(2), process.env, (line) => console.log(line)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
