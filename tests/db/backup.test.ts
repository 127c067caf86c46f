// @vitest-environment node
// Node's crypto.subtle hashes attachments and refuses jsdom's ArrayBuffers; nothing here needs a DOM.
import { describe, expect, it } from 'vitest';
import { SYNCED_TABLES } from '#protocol';
import {
  addStudent,
  BackupFormatError,
  createBackup,
  DeviceNotEmptyError,
  parseBackup,
  putBlob,
  recordEvidence,
  restoreBackup,
  saveDraft,
  seedFirstRun,
  serializeBackup,
  syncedTableRows,
  tombstone,
  updateStudent,
  voidEvidence,
  WaypointDb,
  type Store,
} from '#db';
import { testEnv, testStore } from '#tests/helpers/test-store.ts';

const teacher = { kind: 'teacher', id: 't' } as const;

/** The file as a user would save and open it. */
async function roundTripFile(store: Store) {
  return parseBackup(serializeBackup(await createBackup(store)).join(''));
}

/** Every table a backup carries, exactly as stored (bytes as arrays, so equality means byte for byte). */
async function everything(store: Store) {
  const out: Record<string, unknown> = {};
  for (const name of SYNCED_TABLES) out[name] = sortById(await syncedTableRows(store.db, name));
  out['outbox'] = await store.db.outbox.orderBy('seq').toArray();
  out['drafts'] = await store.db.table('drafts').toArray();
  out['blobs'] = (await store.db.blobs.toArray()).map((b) => ({
    ...b,
    bytes: [...new Uint8Array(b.bytes ?? new ArrayBuffer(0))],
  }));
  return out;
}

function sortById(rows: Record<string, unknown>[]) {
  return [...rows].sort((a, b) => String(a['id']).localeCompare(String(b['id'])));
}

async function deviceWithWork(): Promise<Store & { env: ReturnType<typeof testEnv> }> {
  const store = testStore();
  await seedFirstRun(store);
  const ana = await addStudent(store, { classId: 'c1', displayName: 'Ana', picture: 'fox', familyLanguage: 'es' });
  store.env.advance(1_000);
  await updateStudent(store, ana.id, { displayName: 'Ana María' });
  const photo = new Uint8Array(70_000).map((_, i) => (i * 7 + 3) % 256).buffer;
  const blobId = await putBlob(store, photo, 'image/webp');
  const shown = await recordEvidence(store, {
    studentId: ana.id,
    targetIds: ['t1'],
    kind: 'workSample',
    level: 3,
    blobIds: [blobId],
    recordedBy: teacher,
  });
  const mistake = await recordEvidence(store, {
    studentId: ana.id,
    targetIds: ['t2'],
    kind: 'observation',
    recordedBy: teacher,
  });
  await voidEvidence(store, mistake.id, 'Wrong child', teacher);
  const ben = await addStudent(store, { classId: 'c1', displayName: 'Ben', picture: 'owl', familyLanguage: 'en' });
  await tombstone(store.db, store.env, 'students', ben.id);
  await saveDraft(store, `check:${ana.id}:t1`, { answered: ['a', 'b'] });
  expect(shown.blobIds).toEqual([blobId]);
  return store;
}

describe('device backup', () => {
  it('backup → wipe → restore gives back every record, stamp, tombstone, change and byte', async () => {
    const store = await deviceWithWork();
    const before = await everything(store);
    const file = await roundTripFile(store);

    // Wipe: the tablet's database is gone; a new one opens under the same name.
    const name = store.db.name;
    await store.db.delete();
    const fresh: Store = { db: new WaypointDb(name), env: store.env };
    await restoreBackup(fresh, file);

    expect(await everything(fresh)).toEqual(before);
    expect((await fresh.db.settings.get('starterContentLoaded'))?.value).toBe(true);
  });

  it('moves the restored device clock past every stamp in the backup', async () => {
    const store = await deviceWithWork();
    const file = await roundTripFile(store);
    // A few minutes behind the tablet the backup came from (a clock far off is not believed: tests/sync).
    const behind = testStore(testEnv(Date.UTC(2026, 8, 1, 9) - 5 * 60_000));
    await restoreBackup(behind, file);
    await updateStudent(behind, file.tables.students[0]!.id, { picture: 'cat' });
    const last = (await behind.db.outbox.orderBy('seq').last())!;
    for (const entry of file.outbox) expect(last.hlc > entry.hlc).toBe(true);
  });

  it('refuses to replace a device that holds its own records unless told to', async () => {
    const source = await deviceWithWork();
    const file = await roundTripFile(source);
    const other = testStore();
    await addStudent(other, { classId: 'c9', displayName: 'Cy', picture: 'cat', familyLanguage: 'en' });
    await expect(restoreBackup(other, file)).rejects.toBeInstanceOf(DeviceNotEmptyError);
    expect(await other.db.students.count()).toBe(1);
    await restoreBackup(other, file, { replace: true });
    expect(await everything(other)).toEqual(await everything(source));
  });
});

describe('a malformed backup file', () => {
  const valid = async () =>
    JSON.parse(serializeBackup(await createBackup(await deviceWithWork())).join('')) as Record<string, unknown>;
  const cases: [string, (file: Record<string, unknown>) => unknown, RegExp][] = [
    ['not JSON', () => '{"format": "waypoint-backup", ', /not JSON/],
    ['another JSON file', () => ({ hello: 'world' }), /not a Waypoint backup/],
    ['a newer format', (f) => ({ ...f, formatVersion: 99 }), /newer version/],
    [
      'an unknown table',
      (f) => ({ ...f, tables: { ...(f['tables'] as object), spells: [] } }),
      /unknown table "spells"/,
    ],
    [
      'a row without stamps',
      (f) => ({ ...f, tables: { ...(f['tables'] as object), students: [{ id: 's1', displayName: 'X' }] } }),
      /students row 1 \(s1\) has missing or invalid clock stamps/,
    ],
    [
      'a damaged attachment',
      (f) => ({
        ...f,
        blobs: (f['blobs'] as Record<string, unknown>[]).map((b) => ({
          ...b,
          base64: `AAAA${String(b['base64']).slice(4)}`,
        })),
      }),
      /attachment .* is damaged/,
    ],
    [
      'an attachment of the wrong size',
      (f) => ({ ...f, blobs: (f['blobs'] as Record<string, unknown>[]).map((b) => ({ ...b, size: 3 })) }),
      /wrong size/,
    ],
    ['a bad outbox entry', (f) => ({ ...f, outbox: [{ changeId: 'x' }] }), /outbox entry 1/],
  ];

  it.each(cases)('is refused with a clear reason: %s', async (_label, corrupt, reason) => {
    const bad = corrupt(await valid());
    const text = typeof bad === 'string' ? bad : JSON.stringify(bad);
    const error = await parseBackup(text).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupFormatError);
    expect((error as BackupFormatError).message).toMatch(reason);
  });

  it('writes nothing: parsing comes before any write', async () => {
    const store = testStore();
    const text = JSON.stringify({ ...(await valid()), formatVersion: 0 });
    await expect(parseBackup(text).then((b) => restoreBackup(store, b))).rejects.toBeInstanceOf(BackupFormatError);
    expect(await everything(store)).toEqual(await everything(testStore()));
  });
});
