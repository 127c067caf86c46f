/**
 * Server backups end to end, as README "Host it for a district" tells an IT person: `npm run backup` while
 * the server runs (SQLite's online backup; pg_dump on PostgreSQL), more writes, the server stopped,
 * `npm run restore`, the server started again. Tablets over real HTTP then keep syncing: a tablet whose
 * cursor is ahead of the restored log, even after other tablets' new writes have carried the log's
 * sequence past it, pulls everything again and pushes again what the backup lacks; nothing a tablet still
 * holds is lost, and a fresh tablet sees all of it.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addStudent, getCursor, recordEvidence, updateStudent } from '#db';
import { runBackupCommand } from '#server/backup/cli.ts';
import { createServer, openStorageFromEnv } from '#server/main.ts';
import type { Storage } from '#server/storage/storage.ts';
import { hasPgDump, newPostgresDatabase, storageKinds } from '#tests/server/helpers/databases.ts';
import { testClock } from '#tests/server/helpers/http.ts';
import { snapshot, teacherDevice, type Device } from './devices.ts';

const T0 = Date.parse('2026-10-05T08:00:00Z');
const teacher = { kind: 'teacher', id: 't' } as const;
const { kinds, problem } = await storageKinds();
const available = kinds.filter((k) => k === 'sqlite' || (problem === null && hasPgDump()));

interface Running {
  base: string;
  stop(): Promise<void>;
}

describe.each(available)('backup and restore on %s', (kind) => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const fn of cleanup.splice(0).reverse()) await fn();
  });

  it('a restored server takes back from the tablets what the backup lacks, and nothing is lost', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'waypoint-backup-'));
    cleanup.push(async () => rmSync(dir, { recursive: true, force: true }));
    const env: NodeJS.ProcessEnv = { DATA_DIR: join(dir, 'data') };
    if (kind === 'postgres') {
      const database = await newPostgresDatabase('backup');
      cleanup.push(database.drop);
      env.DATABASE_URL = database.url;
    }
    const clock = testClock(T0);
    let running: Running | null = null;
    const start = async (): Promise<Running> => {
      const storage: Storage = openStorageFromEnv(env);
      await storage.migrate(clock.now());
      const app = await createServer({ storage, clock });
      await app.listen({ port: 0, host: '127.0.0.1' });
      const address = app.server.address();
      if (address === null || typeof address === 'string') throw new Error('no port');
      const stop = async () => {
        await app.close();
        await storage.close();
      };
      return { base: `http://127.0.0.1:${address.port}`, stop };
    };
    running = await start();
    cleanup.push(async () => void (await running?.stop()));
    const base = () => running!.base;

    const account = { email: 'ms.rivera@school.test', password: 'correct horse battery' };
    const signUp = await fetch(`${base()}/api/v1/auth/sign-up`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-waypoint-protocol': '1' },
      body: JSON.stringify({ ...account, displayName: 'Ms Rivera', schoolName: 'Lincoln Elementary' }),
    });
    expect(signUp.status).toBe(202);
    const a: Device = await teacherDevice('a', base, account, T0, clock);
    const b: Device = await teacherDevice('b', base, account, T0, clock);
    const made = await fetch(`${base()}/api/v1/classes`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-waypoint-protocol': '1',
        authorization: `Bearer ${a.connection.token}`,
      },
      body: JSON.stringify({ name: 'Room 1' }),
    });
    expect(made.status).toBe(201);
    const { classId } = (await made.json()) as { classId: string };

    // Before the backup: a student and an observation, on the server.
    const ana = await addStudent(a.store, { classId, displayName: 'Ana', picture: 'fox', familyLanguage: 'es' });
    const first = await recordEvidence(a.store, {
      studentId: ana.id,
      targetIds: ['t1'],
      kind: 'observation',
      level: 2,
      recordedBy: teacher,
    });
    await a.sync();

    const backupFile = join(dir, kind === 'sqlite' ? 'waypoint-backup.sqlite' : 'waypoint-backup.dump');
    const lines: string[] = [];
    expect(await runBackupCommand(['backup', '--out', backupFile], env, (l) => lines.push(l))).toBe(0);
    expect(lines.join('\n')).toContain(`Backup written: ${backupFile}`);

    // After the backup: tablet A writes more, and the server takes it.
    a.store.env.advance(60_000);
    clock.advance(60_000);
    await updateStudent(a.store, ana.id, { displayName: 'Ana María' });
    const second = await recordEvidence(a.store, {
      studentId: ana.id,
      targetIds: ['t1'],
      kind: 'observation',
      level: 3,
      recordedBy: teacher,
    });
    const ben = await addStudent(a.store, { classId, displayName: 'Ben', picture: 'owl', familyLanguage: 'en' });
    await a.sync();
    const cursorBeforeRestore = await getCursor(a.store);

    // A restore is refused while the server runs, and changes nothing.
    expect(await runBackupCommand(['restore', '--from', backupFile], env, (l) => lines.push(l)).catch(() => 1)).toBe(1);

    await running.stop();
    running = null;
    expect(await runBackupCommand(['restore', '--from', backupFile], env, (l) => lines.push(l))).toBe(0);
    if (kind === 'sqlite') {
      // The database it replaced is kept beside it.
      expect(readdirSync(env.DATA_DIR!).some((f) => f.startsWith('waypoint.sqlite.before-restore-'))).toBe(true);
    }
    running = await start();

    // Tablet B writes first after the restore, enough to carry the log's sequence past A's cursor.
    clock.advance(60_000);
    b.store.env.advance(120_000);
    await b.sync();
    for (let i = 0; i < 12; i++) {
      await addStudent(b.store, { classId, displayName: `Kid ${i}`, picture: 'cat', familyLanguage: 'en' });
    }
    await b.sync();

    // Tablet A syncs: its cursor names the old database, so it pulls from the start and pushes all it holds.
    await a.sync();
    expect(await getCursor(a.store)).not.toBe(cursorBeforeRestore);
    await b.sync();
    await a.sync();

    const fresh = await teacherDevice('c', base, account, T0, clock);
    await fresh.sync();
    const seen = await snapshot(fresh.store);
    expect(seen[`evidence/${first.id}`]).toMatchObject({ level: 2 });
    expect(seen[`evidence/${second.id}`]).toMatchObject({ level: 3 });
    expect(seen[`students/${ana.id}`]).toMatchObject({ displayName: 'Ana María' });
    expect(seen[`students/${ben.id}`]).toMatchObject({ displayName: 'Ben' });
    expect(Object.keys(seen).filter((k) => k.startsWith('students/'))).toHaveLength(14);
    // Every tablet holds the same.
    expect(await snapshot(a.store)).toEqual(seen);
    expect(await snapshot(b.store)).toEqual(seen);
    expect(existsSync(backupFile)).toBe(true);
  }, 60_000);
});
