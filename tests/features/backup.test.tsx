import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { addStudent, createBackup, recordEvidence, serializeBackup, type Store } from '#db';
import BackupPage from '#features/backup/BackupPage.tsx';
import { renderWithStore } from '#tests/helpers/render.tsx';
import { testStore } from '#tests/helpers/test-store.ts';

const teacher = { kind: 'teacher', id: 't' } as const;

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

/** Another tablet's backup file (no attachments: jsdom's ArrayBuffers cannot be hashed by Node's crypto). */
async function otherTabletFile(): Promise<File> {
  const other = testStore();
  const ana = await addStudent(other, { classId: 'c1', displayName: 'Ana', picture: 'fox', familyLanguage: 'es' });
  await recordEvidence(other, {
    studentId: ana.id,
    targetIds: ['t1'],
    kind: 'observation',
    level: 2,
    recordedBy: teacher,
  });
  return new File(serializeBackup(await createBackup(other)), 'tablet-b.json', { type: 'application/json' });
}

async function recordCount(store: Store) {
  return (await store.db.students.count()) + (await store.db.evidence.count()) + (await store.db.outbox.count());
}

describe('backup page', () => {
  it('merges another tablet’s backup and says what it added and what will be pushed', async () => {
    const store = testStore();
    renderWithStore(<BackupPage />, store);
    await userEvent.upload(screen.getByLabelText('Choose a backup file to merge'), await otherTabletFile());
    expect(await screen.findByText(/Merged: 2 new records \(1 of them evidence\)/)).toBeInTheDocument();
    expect(screen.getByText('2 changes will go to the school server at the next sync.')).toBeInTheDocument();
    expect(await store.db.evidence.count()).toBe(1);
  });

  it('says before merging that a backup does not fit the space left, and writes nothing', async () => {
    const store = testStore();
    const MB = 1024 * 1024;
    // 30 MB left: less than the 50 MB a merge leaves free for the next photos.
    const storage = { estimate: async () => ({ usage: 970 * MB, quota: 1000 * MB }), persisted: async () => false };
    vi.stubGlobal('navigator', { ...navigator, storage });
    renderWithStore(<BackupPage />, store);
    await userEvent.upload(screen.getByLabelText('Choose a backup file to merge'), await otherTabletFile());
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /^This merge needs about 50 MB of free space and this tablet has 30 MB left\. Nothing was changed\./,
    );
    expect(await recordCount(store)).toBe(0);
  });

  it('refuses a malformed file with the reasons, in Spanish too, and writes nothing', async () => {
    const store = testStore();
    renderWithStore(<BackupPage />, store, { language: 'es' });
    const broken = new File(
      ['{"format":"waypoint-backup","formatVersion":1,"tables":{"students":[{"id":"s1"}]}}'],
      'x.json',
    );
    await userEvent.upload(screen.getByLabelText('Elegir un archivo de copia para fusionar'), broken);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Este archivo no se puede usar. No se cambió nada.');
    expect(alert).toHaveTextContent('students row 1 (s1) has missing or invalid clock stamps');
    expect(await recordCount(store)).toBe(0);
  });

  it('asks before a restore replaces this tablet’s own records, and changes nothing when told no', async () => {
    const store = testStore();
    await addStudent(store, { classId: 'c9', displayName: 'Cy', picture: 'cat', familyLanguage: 'en' });
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(false);
    renderWithStore(<BackupPage />, store);
    await userEvent.upload(screen.getByLabelText('Choose a backup file to restore'), await otherTabletFile());
    expect(await screen.findByText('Restore canceled. Nothing was changed.')).toBeInTheDocument();
    expect(confirm).toHaveBeenCalledWith(expect.stringContaining('1 records of its own'));
    expect((await store.db.students.toArray()).map((s) => s.displayName)).toEqual(['Cy']);

    confirm.mockReturnValue(true);
    await userEvent.upload(screen.getByLabelText('Choose a backup file to restore'), await otherTabletFile());
    await waitFor(async () => expect((await store.db.students.toArray()).map((s) => s.displayName)).toEqual(['Ana']));
    expect(await screen.findByText(/Restored 2 records and 0 photos or recordings/)).toBeInTheDocument();
  });
});
