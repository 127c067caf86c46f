/**
 * Seeded, bounded randomized convergence against the real server: 4 teacher devices with clocks up to an
 * hour off (so the server's clock bound refuses some of their changes, which they stamp again) create,
 * edit, void and delete offline, and a station records children's work and tries what it may not (rename
 * a child, record a teacher's level), all syncing in random order with dropped requests, dropped
 * responses, duplicated requests and server restarts. Afterwards every device equals the server as it may
 * see it (the station put its refused records back from the server's answer), no evidence is lost, and
 * every outbox drains within a bounded number of rounds.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { StoredRecord } from '#server/storage/storage.ts';
import { storageKinds } from './helpers/databases.ts';
import { enroll, setUpSchool, startTestServer, type TestServer } from './helpers/http.ts';
import { childEvidence, teacherEvidence, voiding } from './helpers/fixtures.ts';
import { STATION_STUDENT_FIELDS } from '#server/sync/access.ts';
import { SimDevice, type Fault } from './helpers/sim-device.ts';
import { seededRandom } from '#protocol';

const { kinds, problem } = await storageKinds();
const available = kinds.filter((k) => k !== 'postgres' || problem === null);
const SEEDS = [1, 2, 3];
const STEPS = 120;

function serverSnapshot(records: StoredRecord[]): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const r of [...records].sort((a, b) => (`${a.table}/${a.recordId}` < `${b.table}/${b.recordId}` ? -1 : 1))) {
    const names = Object.keys(r.fields).sort();
    out[`${r.table}/${r.recordId}`] = Object.fromEntries(names.map((n) => [n, r.fields[n]!.value]));
  }
  return out;
}

describe.each(available)('convergence on %s', (kind) => {
  const servers: TestServer[] = [];
  afterAll(async () => Promise.all(servers.map((s) => s.close())));

  it.each(SEEDS)(
    'seed %i: devices and server converge, nothing lost, outboxes drain',
    { timeout: 60_000 },
    async (seed) => {
      const random = seededRandom(seed);
      const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
      const server = await startTestServer(kind);
      servers.push(server);
      const school = await setUpSchool(server);
      const devices: SimDevice[] = [];
      for (let i = 0; i < 4; i++) {
        const session = await enroll(server, school.joinCode, 'teacher', school.teacher.token);
        const skew = Math.round((random() - 0.5) * 2 * 3600_000); // up to an hour either way
        devices.push(new SimDevice(`dev${i}`, session.token, skew, () => server.clock.now()));
      }
      const station = await enroll(server, school.joinCode, 'station');
      const kiosk = new SimDevice('kiosk', station.token, 0, () => server.clock.now());
      const evidenceMade = new Set<string>();
      const known = (d: SimDevice, table: string) =>
        [...d.store.keys()].filter((k) => k.startsWith(`${table}/`)).map((k) => k.slice(table.length + 1));
      const faults: Fault[] = ['none', 'none', 'none', 'dropRequest', 'dropResponse', 'duplicate'];
      let n = 0;

      for (let step = 0; step < STEPS; step++) {
        server.clock.advance(Math.floor(random() * 5000));
        if (random() < 0.2) {
          const children = known(kiosk, 'students');
          const action = random();
          if (children.length > 0 && action < 0.3) {
            const id = `k${seed}-${++n}`;
            evidenceMade.add(id);
            kiosk.write('evidence', id, childEvidence(pick(children)));
          } else if (children.length > 0 && action < 0.4) {
            kiosk.write('students', pick(children), { displayName: `Kiosk ${++n}` }); // refused
          } else if (children.length > 0 && action < 0.5) {
            kiosk.write('evidence', `k${seed}-${++n}`, childEvidence(pick(children), { level: 4 })); // refused
          } else if (action < 0.75) {
            await kiosk.push(server, pick(faults));
          } else {
            await kiosk.pull(server, pick(faults));
          }
          continue;
        }
        const d = pick(devices);
        const action = random();
        const students = known(d, 'students');
        if (action < 0.12 || students.length === 0) {
          d.write('students', `s${seed}-${++n}`, { classId: school.classId, displayName: `Kid ${n}`, picture: 'fox' });
        } else if (action < 0.4) {
          const id = `e${seed}-${++n}`;
          evidenceMade.add(id);
          d.write('evidence', id, teacherEvidence(pick(students), { level: Math.floor(random() * 5) }));
        } else if (action < 0.55) {
          d.write('students', pick(students), { displayName: `Renamed ${++n}` });
        } else if (action < 0.62) {
          const evidence = known(d, 'evidence');
          if (evidence.length > 0) d.write('evidence', pick(evidence), { voided: voiding(`void ${++n}`) });
        } else if (action < 0.66) {
          d.write('students', pick(students), { deleted: true });
        } else if (action < 0.85) {
          await d.push(server, pick(faults));
        } else if (action < 0.98) {
          await d.pull(server, pick(faults));
        } else {
          await server.restart();
        }
      }

      // Faults stop: every outbox must drain within a few rounds, then all agree.
      for (let round = 0; round < 3; round++) {
        for (const d of [...devices, kiosk]) {
          for (let i = 0; d.outbox.length > 0 && i < 50; i++) await d.push(server, 'none');
          if (d.outbox.length > 0)
            throw new Error(
              `stuck: ${JSON.stringify(d.outbox.slice(0, 2))} refused ${JSON.stringify(d.refused.slice(-2))}`,
            );
        }
        for (const d of [...devices, kiosk]) await d.pull(server, 'none');
      }
      for (const d of [...devices, kiosk]) expect(d.outbox).toEqual([]);
      const onServer = serverSnapshot(
        await server.storage.listRecords({
          schoolId: school.teacher.scope.schoolId,
          classId: school.classId,
          sharedTables: null,
          studentIds: null,
        }),
      );
      for (const d of devices) {
        const local = d.snapshot();
        expect(local).toEqual(onServer);
      }
      const evidenceOnServer = new Set(
        Object.keys(onServer)
          .filter((k) => k.startsWith('evidence/'))
          .map((k) => k.slice(9)),
      );
      expect(evidenceOnServer).toEqual(evidenceMade);
      // The station holds the picture grid exactly as the server does: its refused renames were put back.
      const grid = (snapshot: Record<string, Record<string, unknown>>) =>
        Object.fromEntries(
          Object.entries(snapshot)
            .filter(([key]) => key.startsWith('students/'))
            .map(([key, fields]) => [
              key,
              Object.fromEntries(Object.entries(fields).filter(([name]) => STATION_STUDENT_FIELDS.includes(name))),
            ]),
        );
      expect(grid(kiosk.snapshot())).toEqual(grid(onServer));
      expect(kiosk.refused.length).toBeGreaterThan(0);
      expect(kiosk.refused.every((r) => r.code === 'forbidden')).toBe(true);
      // What it may record, it kept; what it could not, it no longer holds.
      const kioskEvidence = Object.keys(kiosk.snapshot()).filter((k) => k.startsWith('evidence/'));
      expect(kioskEvidence.every((k) => evidenceOnServer.has(k.slice(9)))).toBe(true);
    },
  );
});
