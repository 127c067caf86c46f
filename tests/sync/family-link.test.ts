/**
 * A family link end to end against the real server: the teacher's device makes it, the family's page reads
 * the snapshot by token, and the report built from it is exactly the one built on the teacher's device.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getConnection, listStudents, loadStudentProgressData } from '#db';
import { familyLinkService } from '#app/family-link-service.ts';
import { buildFamilyReport } from '#features/family/family-report-view.ts';
import { sourceFromSnapshot } from '#features/family/family-snapshot.ts';
import { translate } from '#i18n';
import { DEMO_CLASS_ID, DEMO_EMAIL, DEMO_PASSWORD, seedDemoSchool } from '#server/seed.ts';
import { FamilyLinkError } from '#state/family-links.ts';
import { startTestServer, type TestServer } from '#tests/server/helpers/http.ts';
import { teacherDevice, type Device } from './devices.ts';

let server: TestServer;
let teacher: Device;

beforeAll(async () => {
  server = await startTestServer('sqlite');
  await seedDemoSchool({ storage: server.storage, clock: server.clock });
  teacher = await teacherDevice(
    'teacher',
    () => server.base,
    { email: DEMO_EMAIL, password: DEMO_PASSWORD },
    server.clock.now(),
  );
  await teacher.sync();
});
afterAll(async () => server?.close());

const teacherLinks = () => familyLinkService({ connection: () => getConnection(teacher.store), origin: server.base });
const familyPage = (origin: string) => familyLinkService({ connection: async () => null, origin });
const tokenOf = (url: string) => url.slice(url.lastIndexOf('/') + 1);

async function problemOf(work: Promise<unknown>): Promise<string> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  return error instanceof FamilyLinkError ? error.problem : `not a FamilyLinkError: ${String(error)}`;
}

describe('family link against the server', () => {
  it('shows the family the same report as the teacher’s device, in Spanish, until it is turned off', async () => {
    const children = await listStudents(teacher.store, DEMO_CLASS_ID);
    const child = children.find((s) => s.familyLanguage === 'es')!;
    expect(child).toBeDefined();

    const made = await teacherLinks().create(child.id);
    expect(made.url).toBe(`${server.base}/family/${tokenOf(made.url)}`);
    // The family's page is served by the same server, so it reads from its own origin.
    const family = familyPage(new URL(made.url).origin);
    const snapshot = await family.read(tokenOf(made.url));

    const now = new Date(server.clock.now());
    const fromLink = buildFamilyReport(sourceFromSnapshot(snapshot)!, 'es', now);
    const onDevice = buildFamilyReport((await loadStudentProgressData(teacher.store, child.id))!, 'es', now);
    expect(fromLink).toEqual(onDevice);
    expect(fromLink.childName).toBe(child.displayName);
    expect(fromLink.mastered.length).toBeGreaterThan(0);
    expect(fromLink.current?.statement).toMatch(/^Puedo /);
    expect(fromLink.practice?.cards.length).toBeGreaterThan(0);
    expect(translate('es', fromLink.nextStep.key, fromLink.nextStep.params)).toMatch(/^Su hijo o hija/);

    await teacherLinks().revoke(made.id);
    expect(await problemOf(family.read(tokenOf(made.url)))).toBe('revoked');
  });

  it('names what went wrong: a made-up token, a child the server does not know, a station', async () => {
    expect(await problemOf(familyPage(server.base).read('x'.repeat(43)))).toBe('invalid');
    expect(await problemOf(teacherLinks().create('demo-student-1'))).toBe('notOnServer');
    expect(await problemOf(familyPage('http://127.0.0.1:9').read('x'.repeat(43)))).toBe('network');
    const station = familyLinkService({
      connection: async () => ({ ...(await getConnection(teacher.store))!, kind: 'station' }),
      origin: server.base,
    });
    expect(await problemOf(station.create('any'))).toBe('notTeacher');
    expect(await problemOf(familyPage(server.base).create('any'))).toBe('notConnected');
  });
});
