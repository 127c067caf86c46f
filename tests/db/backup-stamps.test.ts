// @vitest-environment node
// Node's crypto.subtle hashes attachments and refuses jsdom's ArrayBuffers; nothing here needs a DOM.
import { describe, expect, it } from 'vitest';
import { SYNCED_TABLES } from '#protocol';
import {
  addStudent,
  createBackup,
  mergeBackup,
  parseBackup,
  recordEvidence,
  restoreBackup,
  serializeBackup,
  syncedTableRows,
  updateStudent,
  voidEvidence,
  type Store,
} from '#db';
import { STORED_STAMPS_KEY } from '#db/stored-stamps.ts';
import { testStore } from '#tests/helpers/test-store.ts';
import { rawRows } from './stamp-helpers.ts';

const teacher = { kind: 'teacher', id: 't' } as const;

/** Records written at different times, so rows hold more than one stamp. */
async function deviceWithEdits(): Promise<Store & { env: ReturnType<typeof testStore>['env'] }> {
  const store = testStore();
  const ana = await addStudent(store, { classId: 'c1', displayName: 'Ana', picture: 'fox', familyLanguage: 'es' });
  store.env.advance(60_000);
  await updateStudent(store, ana.id, { displayName: 'Ana María' });
  const seen = await recordEvidence(store, {
    studentId: ana.id,
    targetIds: ['t1'],
    kind: 'observation',
    recordedBy: teacher,
  });
  store.env.advance(60_000);
  await voidEvidence(store, seen.id, 'Wrong child', teacher);
  return store;
}

async function rowsOf(store: Store): Promise<Record<string, Record<string, unknown>>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const table of SYNCED_TABLES)
    for (const row of await syncedTableRows(store.db, table)) out[`${table}/${String(row['id'])}`] = row;
  return out;
}

describe('compact stamps and backups', () => {
  it('a backup carries a stamp per field as before, and restores to the same stamps, stored compact', async () => {
    const source = await deviceWithEdits();
    const text = serializeBackup(await createBackup(source)).join('');
    expect(text).not.toContain(STORED_STAMPS_KEY);
    const backup = await parseBackup(text);
    const ana = backup.tables.students[0]!;
    expect(ana._hlc['displayName']).not.toBe(ana._hlc['picture']);

    const restored = testStore();
    await restoreBackup(restored, backup);
    expect(await rowsOf(restored)).toStrictEqual(await rowsOf(source));
    for (const table of ['students', 'evidence']) {
      const raw = await rawRows(restored.db, table);
      expect(raw.length).toBeGreaterThan(0);
      for (const row of raw) expect(Array.isArray(row[STORED_STAMPS_KEY])).toBe(true);
    }

    // Merging the same backup into a device that holds it changes nothing.
    await mergeBackup(restored, backup);
    expect(await rowsOf(restored)).toStrictEqual(await rowsOf(source));
  });
});
