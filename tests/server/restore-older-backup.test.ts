/**
 * Restoring a backup an older release made (README "Host it for a district", Backups): the oldest one
 * there can be, a database at migration 1, with a school, its teacher and a child in it. Restored into a new,
 * empty database, and in place over the same database after this release migrated it and wrote to tables the
 * old schema lacks (throttles, device status), the server starts, its migrations bring the restored database up
 * to date, the teacher signs in, and a tablet's cursor from before is reset so it pulls everything again.
 * A sign-in made after the backup is gone: that device signs in again. Backups are readable by their owner only.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PROTOCOL_HEADER, PROTOCOL_VERSION, formatHlc, type PulledChange, type SessionResponse } from '#protocol';
import { runBackupCommand } from '#server/backup/cli.ts';
import { hashPassword } from '#server/http/credentials.ts';
import { startFromEnv, type Started } from '#server/main.ts';
import { MIGRATIONS, SCHEMA_VERSION } from '#server/storage/migrations.ts';
import { openPostgresDriver } from '#server/storage/postgres-driver.ts';
import { openSqliteDriver } from '#server/storage/sqlite-driver.ts';
import type { SqlDriver } from '#server/storage/driver.ts';
import { hasPgDump, newPostgresDatabase, storageKinds } from './helpers/databases.ts';

const { kinds, problem } = await storageKinds();
const available = kinds.filter((k) => k === 'sqlite' || (problem === null && hasPgDump()));

const AT = '2026-03-01T09:00:00.000Z';
const SCHOOL = 'school-old';
const CLASS = 'class-old';
const EMAIL = 'old@school.test';
const PASSWORD = 'correct horse battery';
const json = { 'content-type': 'application/json', [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) };

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

/** A production environment over a new, empty database (a PostgreSQL database, or a SQLite DATA_DIR). */
async function newDatabase(kind: 'sqlite' | 'postgres', dir: string, name: string): Promise<NodeJS.ProcessEnv> {
  const env: NodeJS.ProcessEnv = { NODE_ENV: 'production', DATA_DIR: join(dir, name), LOG_LEVEL: 'silent' };
  if (kind === 'postgres') {
    const database = await newPostgresDatabase(name);
    cleanup.push(database.drop);
    env.DATABASE_URL = database.url;
  }
  return env;
}

function driverFor(env: NodeJS.ProcessEnv): SqlDriver {
  return env.DATABASE_URL
    ? openPostgresDriver(env.DATABASE_URL)
    : openSqliteDriver(join(env.DATA_DIR!, 'waypoint.sqlite'));
}

/** What the first release with numbered migrations wrote: schema version 1, a school, a teacher, a child. */
async function buildVersion1(env: NodeJS.ProcessEnv): Promise<{ epoch: string; seq: number }> {
  const db = driverFor(env);
  try {
    const hash = await hashPassword(PASSWORD);
    const hlc = formatHlc({ wallMs: Date.parse(AT), counter: 0 }, 'tablet-1');
    await db.migrationTransaction(async (tx) => {
      await tx.exec(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
      );
      await MIGRATIONS[0]!.up(tx, db.kind, Date.parse(AT));
      await tx.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (1, ?, ?)', [
        MIGRATIONS[0]!.name,
        AT,
      ]);
      await tx.run('INSERT INTO schools (id, name, created_at) VALUES (?, ?, ?)', [SCHOOL, 'Old school', AT]);
      await tx.run(
        'INSERT INTO teachers (id, school_id, email, display_name, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)',
        ['t-old', SCHOOL, EMAIL, 'Ms Old', hash, AT],
      );
      await tx.run('INSERT INTO classes (id, school_id, name, join_code, created_at) VALUES (?, ?, ?, ?, ?)', [
        CLASS,
        SCHOOL,
        'Room 1',
        'ABCDEFGH',
        AT,
      ]);
      const fields = { classId: CLASS, displayName: 'Ana' };
      await tx.run(
        `INSERT INTO change_log (change_id, device_id, tbl, record_id, fields, n_fields, hlc, school_id, class_id,
           student_id, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ['chg-ana', 'tablet-1', 'students', 'stu-ana', JSON.stringify(fields), 2, hlc, SCHOOL, CLASS, null, AT],
      );
      await tx.run('INSERT INTO records (school_id, tbl, record_id, class_id, student_id) VALUES (?, ?, ?, ?, ?)', [
        SCHOOL,
        'students',
        'stu-ana',
        CLASS,
        null,
      ]);
      for (const [field, value] of Object.entries(fields)) {
        await tx.run(
          'INSERT INTO record_fields (school_id, tbl, record_id, field, value, hlc) VALUES (?, ?, ?, ?, ?, ?)',
          [SCHOOL, 'students', 'stu-ana', field, JSON.stringify(value), hlc],
        );
      }
    });
    const epoch = String((await db.all("SELECT value FROM server_meta WHERE key = 'epoch'"))[0]?.value);
    const seq = Number((await db.all('SELECT MAX(seq) AS m FROM change_log'))[0]?.m);
    return { epoch, seq };
  } finally {
    await db.close();
  }
}

async function command(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const code = await runBackupCommand(args, env, (line) => lines.push(line));
  return { code, out: lines.join('\n') };
}

async function start(env: NodeJS.ProcessEnv): Promise<{ base: string; started: Started }> {
  const started = await startFromEnv(env);
  await started.app.listen({ port: 0, host: '127.0.0.1' });
  const address = started.app.server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return { base: `http://127.0.0.1:${address.port}`, started };
}

async function signIn(base: string, password = PASSWORD): Promise<Response> {
  return fetch(`${base}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ email: EMAIL, password }),
  });
}

/** A running server on the restored database: up to date, and a tablet's old cursor starts again. */
async function expectRestored(env: NodeJS.ProcessEnv, old: { epoch: string; seq: number }): Promise<Started> {
  const { base, started } = await start(env);
  cleanup.push(() => started.close());
  expect(await started.storage.schemaVersion()).toBe(SCHEMA_VERSION);
  expect((await fetch(`${base}/ready`)).status).toBe(200);
  const session = await signIn(base);
  expect(session.status).toBe(200);
  const { token } = (await session.json()) as SessionResponse;
  const pull = await fetch(`${base}/api/v1/sync/pull?since=${old.epoch}-${old.seq}&limit=1000`, {
    headers: { ...json, authorization: `Bearer ${token}` },
  });
  expect(pull.status).toBe(200);
  const page = (await pull.json()) as { changes: PulledChange[]; cursor: string; reset?: boolean };
  expect(page.reset).toBe(true);
  expect(page.cursor.startsWith(`${old.epoch}-`)).toBe(false);
  expect(page.changes.find((c) => c.recordId === 'stu-ana')?.fields).toMatchObject({ displayName: 'Ana' });
  return started;
}

describe.each(available)('restoring an older backup on %s', (kind) => {
  it('into a new, empty database: the server migrates it and tablets pull again', { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'waypoint-older-'));
    cleanup.push(async () => rmSync(dir, { recursive: true, force: true }));
    const oldEnv = await newDatabase(kind, dir, 'old');
    const old = await buildVersion1(oldEnv);
    const file = join(dir, 'version1.backup');
    expect((await command(['backup', '--out', file], oldEnv)).code).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o600); // password hashes and children's records

    const fresh = await newDatabase(kind, dir, 'fresh');
    const restored = await command(['restore', '--from', file], fresh);
    expect(restored.out).toContain('Restored');
    expect(restored.code).toBe(0);
    await expectRestored(fresh, old);
  });

  it('in place over the database this release migrated and wrote to since', { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'waypoint-older-'));
    cleanup.push(async () => rmSync(dir, { recursive: true, force: true }));
    const env = await newDatabase(kind, dir, 'live');
    const old = await buildVersion1(env);
    const file = join(dir, 'version1.backup');
    expect((await command(['backup', '--out', file], env)).code).toBe(0);

    // This release runs on it: every migration, a wrong password (throttles), a sign-in and a device's report.
    const { base, started } = await start(env);
    expect((await signIn(base, 'wrong password!')).status).toBe(401);
    const after = (await (await signIn(base)).json()) as SessionResponse;
    const report = await fetch(`${base}/api/v1/sync/pull?since=0&limit=10`, {
      headers: { ...json, authorization: `Bearer ${after.token}` },
    });
    expect(report.status).toBe(200);
    await started.close();

    const restored = await command(['restore', '--from', file], env);
    expect(restored.code).toBe(0);
    const again = await expectRestored(env, old);
    // The sign-in made after the backup is not in it.
    const base2 = `http://127.0.0.1:${(again.app.server.address() as { port: number }).port}`;
    const lost = await fetch(`${base2}/api/v1/sync/pull?since=0&limit=10`, {
      headers: { ...json, authorization: `Bearer ${after.token}` },
    });
    expect(lost.status).toBe(401);
  });
});
