import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addStudent,
  getBlob,
  isHeldBlob,
  makeRoomForMedia,
  markBlobUploaded,
  putBlob,
  recordEvidence,
  type SpaceProbe,
} from '#db';
import { fetchAttachment, syncOnce, type SyncTransport } from '#sync';
import { setUpSchool, startTestServer, type SchoolSetup, type TestServer } from '#tests/server/helpers/http.ts';
import { teacherDevice, type Device } from './devices.ts';

const T0 = Date.parse('2026-10-05T08:00:00Z');
const MB = 1024 * 1024;

let server: TestServer;
let school: SchoolSetup;
let tablet: Device;

beforeEach(async () => {
  server = await startTestServer('sqlite');
  server.clock.advance(T0 - server.clock.now());
  school = await setUpSchool(server);
  tablet = await teacherDevice('small', () => server.base, school, T0, server.clock);
});

afterEach(async () => {
  await server.close();
});

/** A WebP's first bytes (RIFF….WEBP), as the server checks the bytes against the type. */
const webp = (seed: number) =>
  new Uint8Array(40_000).map((_, i) => (i < 12 ? 'RIFF\0\0\0\0WEBP'.charCodeAt(i) : (i * seed) % 251)).buffer;

/** A tablet whose browser says it is nearly full: 1000 MB quota, 950 MB used (the reserve is 100 MB). */
const nearlyFull: SpaceProbe = async () => ({ usedBytes: 950 * MB, quotaBytes: 1000 * MB });
const roomy: SpaceProbe = async () => ({ usedBytes: 10 * MB, quotaBytes: 1000 * MB });

async function photoEvidence(seed: number) {
  const ana = await addStudent(tablet.store, {
    classId: school.classId,
    displayName: `Child ${seed}`,
    picture: 'fox',
    familyLanguage: 'en',
  });
  const blobId = await putBlob(tablet.store, webp(seed), 'image/webp');
  await recordEvidence(tablet.store, {
    studentId: ana.id,
    targetIds: ['t1'],
    kind: 'workSample',
    blobIds: [blobId],
    recordedBy: { kind: 'teacher', id: 't' },
  });
  return blobId;
}

describe('photos on a small tablet, against the school server over HTTP', () => {
  it('a sync round on a full tablet moves uploaded photos off it and never fetches them back by itself', async () => {
    const blobId = await photoEvidence(3);
    const round = await syncOnce({ store: tablet.store, transport: tablet.transport(), probeSpace: nearlyFull });
    expect(round.uploaded).toBe(1);
    const row = await getBlob(tablet.store, blobId);
    expect(row && isHeldBlob(row)).toBe(false);
    expect(row?.evictedAt).toBeDefined();
    // Later rounds, with room again, leave it on the server: only opening it brings it back.
    const later = await syncOnce({ store: tablet.store, transport: tablet.transport(), probeSpace: roomy });
    expect(later.downloaded).toBe(0);
  });

  it('a photo moved off the tablet comes back, byte for byte, when it is opened online', async () => {
    const blobId = await photoEvidence(5);
    await syncOnce({ store: tablet.store, transport: tablet.transport(), probeSpace: nearlyFull });
    expect(isHeldBlob((await getBlob(tablet.store, blobId))!)).toBe(false);

    expect(await fetchAttachment(tablet.store, tablet.transport(), blobId, roomy)).toBe('fetched');
    const back = await getBlob(tablet.store, blobId);
    expect(back?.mime).toBe('image/webp');
    expect(new Uint8Array(back!.bytes!)).toEqual(new Uint8Array(webp(5)));
    expect(back?.uploadedAt).toBeDefined();
    expect(await fetchAttachment(tablet.store, tablet.transport(), blobId, roomy)).toBe('held');
  });

  it('offline, opening it fails with a network error and changes nothing', async () => {
    const blobId = await photoEvidence(7);
    await syncOnce({ store: tablet.store, transport: tablet.transport(), probeSpace: nearlyFull });
    const offline: SyncTransport = {
      ...tablet.transport(),
      getBlob: async () => {
        const { SyncError } = await import('#sync');
        throw new SyncError('The server could not be reached.', 'network', true);
      },
    };
    await expect(fetchAttachment(tablet.store, offline, blobId, roomy)).rejects.toMatchObject({ code: 'network' });
    expect(isHeldBlob((await getBlob(tablet.store, blobId))!)).toBe(false);
  });

  it('reports the tablet’s free space and what waits; the school’s teacher sees it in the device list', async () => {
    await photoEvidence(9);
    await syncOnce({ store: tablet.store, transport: tablet.transport(), probeSpace: nearlyFull });
    const answer = await fetch(`${server.base}/api/v1/devices`, {
      headers: { authorization: `Bearer ${school.teacher.token}`, 'x-waypoint-protocol': '1' },
    });
    const { devices } = (await answer.json()) as {
      devices: { deviceTokenId: string; status: Record<string, unknown> | null }[];
    };
    const mine = devices.find((d) => d.deviceTokenId === tablet.connection.deviceTokenId);
    expect(mine?.status).toMatchObject({
      usedBytes: 950 * MB,
      freeBytes: 50 * MB,
      pendingChanges: 0,
      pendingUploads: 0,
      reportedAt: expect.any(String),
    });
  });
});

describe('a photo whose evidence still waits to be pushed', () => {
  it('stays on the tablet however full it is: the server may remove it uncited before the evidence arrives', async () => {
    const blobId = await photoEvidence(5);
    // Uploaded while its evidence waits (a station holds a child's work until the child signs in again).
    await markBlobUploaded(tablet.store, blobId);
    await makeRoomForMedia(tablet.store, 0, nearlyFull);
    expect(isHeldBlob((await getBlob(tablet.store, blobId))!)).toBe(true);
    // Once the evidence is on the server, the photo may move off the tablet as any other.
    await syncOnce({ store: tablet.store, transport: tablet.transport(), probeSpace: nearlyFull });
    expect(isHeldBlob((await getBlob(tablet.store, blobId))!)).toBe(false);
  });
});
