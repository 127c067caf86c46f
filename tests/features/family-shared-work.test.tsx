/**
 * Families see work: the teacher ticks a photo on the family report page, and only then does the report
 * show it; an unticked photo never appears. The family's page shows the shared photo read through the link.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ACTIVE_CLASS_KEY, getSetting, listStudents, putBlob, recordEvidence, seedFirstRun, type Store } from '#db';
import FamilyReportPage from '#features/family/FamilyReportPage.tsx';
import { FamilyRoot } from '#app/FamilyRoot.tsx';
import { FamilyLinkServiceContext, type FamilyLinkService } from '#state/family-links.ts';
import { renderWithStore } from '#tests/helpers/render.tsx';
import { testStore } from '#tests/helpers/test-store.ts';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]).buffer;
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 4, 5, 6]).buffer;

beforeAll(() => {
  URL.createObjectURL = vi.fn(() => 'blob:fake');
  URL.revokeObjectURL = vi.fn();
});

const unusedService: FamilyLinkService = {
  create: vi.fn(),
  revoke: vi.fn(),
  read: vi.fn(),
  readBlob: vi.fn(),
};

async function childWithTwoPhotos(store: Store) {
  await seedFirstRun(store);
  const classId = (await getSetting<string>(store, ACTIVE_CLASS_KEY))!;
  const child = (await listStudents(store, classId))[0]!;
  const teacher = { kind: 'teacher', id: 'tch' } as const;
  const add = async (bytes: ArrayBuffer, mime: string, note: string, observedAt: string) =>
    recordEvidence(store, {
      studentId: child.id,
      targetIds: ['rf-k-1'],
      kind: 'workSample',
      recordedBy: teacher,
      note,
      observedAt,
      blobIds: [await putBlob(store, bytes, mime)],
    });
  await add(PNG, 'image/png', 'Drew a cat', '2026-03-02T09:00:00.000Z');
  await add(JPEG, 'image/jpeg', 'Private note', '2026-03-01T09:00:00.000Z');
  return child;
}

describe('shared work in the family report', () => {
  it('shows only the work the teacher ticks', async () => {
    const store = testStore();
    const child = await childWithTwoPhotos(store);
    renderWithStore(
      <FamilyLinkServiceContext.Provider value={unusedService}>
        <Routes>
          <Route path="/family-report/:studentId" element={<FamilyReportPage />} />
        </Routes>
      </FamilyLinkServiceContext.Provider>,
      store,
      { route: `/family-report/${child.id}`, language: 'en' },
    );
    const picker = await screen.findByRole('region', { name: 'Work to show the family' });
    const boxes = within(picker).getAllByRole('checkbox', { name: /Show the family/ });
    expect(boxes).toHaveLength(2);
    const report = screen.getByRole('article');
    expect(report).not.toHaveTextContent('Drew a cat');

    await userEvent.click(boxes[0]!);
    await waitFor(() => expect(report).toHaveTextContent('Drew a cat'));
    expect(await within(report).findAllByRole('img')).toHaveLength(1);
    expect(report).not.toHaveTextContent('Private note');
  });
});

describe('shared work on the family’s page', () => {
  it('reads the shared photo through the link', async () => {
    const readBlob = vi.fn(async () => ({ bytes: PNG, mime: 'image/png' }));
    const service: FamilyLinkService = {
      ...unusedService,
      read: vi.fn(async () => ({
        studentId: 's1',
        records: [
          { table: 'students', recordId: 's1', fields: { displayName: 'Lucía', familyLanguage: 'es' } },
          {
            table: 'evidence',
            recordId: 'e1',
            fields: {
              studentId: 's1',
              targetIds: [],
              kind: 'workSample',
              observedAt: '2026-03-02T09:00:00.000Z',
              recordedAt: '2026-03-02T09:00:00.000Z',
              recordedBy: { kind: 'teacher', id: 't' },
              blobIds: ['a'.repeat(64)],
              sharedWithFamily: true,
            },
          },
        ],
      })),
      readBlob,
    };
    render(
      <MemoryRouter initialEntries={['/family/Abc_def-1234567890abcdef']}>
        <FamilyRoot service={service} />
      </MemoryRouter>,
    );
    const work = await screen.findByRole('region', { name: 'Trabajos de Lucía en la escuela' });
    await waitFor(() => expect(within(work).getByRole('img')).toHaveAttribute('src', 'blob:fake'));
    expect(readBlob).toHaveBeenCalledWith('Abc_def-1234567890abcdef', 'a'.repeat(64));
    // The report comes before the print controls, so a phone shows the report first.
    const controls = screen.getByRole('heading', { name: /Imprimir/ });
    expect(work.compareDocumentPosition(controls) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });
});
