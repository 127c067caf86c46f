/**
 * A shared photo whose bytes were moved to the school server to free space (issue 17): the teacher's
 * family report preview says where it is while offline, and fetches it again when the tablet is online.
 */
import { act, render, screen, waitFor, within } from '@testing-library/react';
import { Suspense } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  ACTIVE_CLASS_KEY,
  evictMedia,
  getBlob,
  getSetting,
  isHeldBlob,
  listStudents,
  markBlobUploaded,
  putBlob,
  recordEvidence,
  saveConnection,
  seedFirstRun,
  shareWithFamily,
  storeDownloadedBlob,
  StoreProvider,
  type Store,
} from '#db';
import FamilyReportPage from '#features/family/FamilyReportPage.tsx';
import { FamilyLinkServiceContext, type FamilyLinkService } from '#state/family-links.ts';
import { useLanguageStore } from '#state/language-store.ts';
import { SyncControllerContext, type SyncController } from '#state/sync-controller.ts';
import { createSyncController } from '#sync';
import { testStore } from '#tests/helpers/test-store.ts';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 7, 8, 9]).buffer;

beforeAll(() => {
  URL.createObjectURL = vi.fn(() => 'blob:fake');
  URL.revokeObjectURL = vi.fn();
});

afterEach(() => {
  vi.restoreAllMocks();
});

const unusedService: FamilyLinkService = { create: vi.fn(), revoke: vi.fn(), read: vi.fn(), readBlob: vi.fn() };

/** A child with one shared photo, uploaded and then moved off this (connected) tablet. */
async function childWithEvictedSharedPhoto(store: Store) {
  await seedFirstRun(store);
  const classId = (await getSetting<string>(store, ACTIVE_CLASS_KEY))!;
  const child = (await listStudents(store, classId))[0]!;
  const blobId = await putBlob(store, PNG, 'image/png');
  const evidence = await recordEvidence(store, {
    studentId: child.id,
    targetIds: ['rf-k-1'],
    kind: 'workSample',
    recordedBy: { kind: 'teacher', id: 'tch' },
    note: 'Drew a cat',
    blobIds: [blobId],
  });
  await shareWithFamily(store, (await store.db.evidence.get(evidence.id))!, true);
  await markBlobUploaded(store, blobId);
  await saveConnection(store, {
    baseUrl: 'http://school.test',
    token: 't',
    deviceTokenId: 'd',
    kind: 'teacher',
    scope: { schoolId: 's' },
  });
  expect(await evictMedia(store, 1)).toEqual({ count: 1, bytes: PNG.byteLength });
  return { child, blobId };
}

describe('an evicted shared photo in the family report preview', () => {
  it('shows a placeholder offline and the photo once the tablet is online', async () => {
    const store = testStore();
    const { child, blobId } = await childWithEvictedSharedPhoto(store);
    const online = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    // The school server's answer: the bytes, stored as the real fetch stores them.
    const fetchAttachment = vi.fn(async (id: string) => {
      await storeDownloadedBlob(store, id, PNG, 'image/png');
      return 'fetched' as const;
    });
    const sync: SyncController = { ...createSyncController({ store }), fetchAttachment };
    useLanguageStore.setState({ language: 'en' });
    render(
      <StoreProvider store={store}>
        <SyncControllerContext.Provider value={sync}>
          <FamilyLinkServiceContext.Provider value={unusedService}>
            <MemoryRouter initialEntries={[`/family-report/${child.id}`]}>
              <Suspense fallback={null}>
                <Routes>
                  <Route path="/family-report/:studentId" element={<FamilyReportPage />} />
                </Routes>
              </Suspense>
            </MemoryRouter>
          </FamilyLinkServiceContext.Provider>
        </SyncControllerContext.Provider>
      </StoreProvider>,
    );
    const report = await screen.findByRole('article');
    await waitFor(() => expect(report).toHaveTextContent('Drew a cat'));
    await waitFor(() =>
      expect(report).toHaveTextContent(
        'This piece of work is on the school server; it will show when the tablet is online.',
      ),
    );
    expect(within(report).queryByRole('img')).toBeNull();
    expect(fetchAttachment).not.toHaveBeenCalled();

    online.mockReturnValue(true);
    act(() => {
      window.dispatchEvent(new Event('online'));
    });
    await waitFor(() => expect(within(report).getByRole('img')).toHaveAttribute('src', 'blob:fake'));
    expect(fetchAttachment).toHaveBeenCalledWith(blobId);
    expect(report).not.toHaveTextContent('on the school server');
    const back = await getBlob(store, blobId);
    expect(back && isHeldBlob(back)).toBe(true);
  });
});
