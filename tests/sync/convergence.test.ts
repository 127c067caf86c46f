/**
 * Seeded, bounded, randomized convergence of the real device engine (Dexie on fake-indexeddb, syncOnce
 * over real HTTP) against the real server: four tablets with skewed clocks create, edit, void and delete
 * offline and sync in random order through faulty links (dropped requests, dropped answers, duplicated
 * requests) and server restarts. When the faults stop, every outbox drains within a few rounds and every
 * device holds exactly what the others hold; no evidence is lost.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { addStudent, listStudents, recordEvidence, tombstone, updateStudent, voidEvidence, type Store } from '#db';
import type { SyncTransport } from '#sync';
import { storageKinds } from '#tests/server/helpers/databases.ts';
import { setUpSchool, startTestServer, type TestServer } from '#tests/server/helpers/http.ts';
import { snapshot, teacherDevice, type Device } from './devices.ts';
import { seededRandom } from '#protocol';

const { kinds } = await storageKinds();
const SEEDS = [11, 12];
const DEVICES = 4;
const STEPS = 70;
const PICTURES = ['fox', 'owl', 'cat', 'bee'];

type Fault = 'none' | 'dropRequest' | 'dropAnswer' | 'duplicate';

/** Wraps a transport so one push or pull fails the way a bad classroom network does. */
function faulty(real: SyncTransport, fault: Fault): SyncTransport {
  const wrap =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      if (fault === 'dropRequest') throw new Error('request dropped');
      const answer = await call(...args);
      if (fault === 'duplicate') return call(...args);
      if (fault === 'dropAnswer') throw new Error('answer dropped');
      return answer;
    };
  return { ...real, push: wrap(real.push), pull: wrap(real.pull) };
}

const teacher = { kind: 'teacher', id: 't' } as const;
let server: TestServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe.each(kinds)('device convergence on %s', (kind) => {
  it.each(SEEDS)(
    'converges with seed %i',
    async (seed) => {
      const random = seededRandom(seed);
      const pick = <T>(items: readonly T[]): T | undefined => items[Math.floor(random() * items.length)];
      const live = await startTestServer(kind);
      server = live;
      const school = await setUpSchool(live);
      const start = Date.parse('2026-10-05T08:00:00Z');
      const devices: Device[] = [];
      for (let i = 0; i < DEVICES; i++) {
        // Tablet clocks disagree by up to ±2 hours.
        devices.push(
          await teacherDevice(`d${i}`, () => live.base, school, start + Math.round((random() - 0.5) * 4 * 3_600_000)),
        );
      }
      const evidenceIds = new Set<string>();

      const act = async (store: Store) => {
        const students = await listStudents(store, school.classId);
        const roll = random();
        if (students.length === 0 || roll < 0.15) {
          await addStudent(store, {
            classId: school.classId,
            displayName: `S${Math.floor(random() * 1000)}`,
            picture: pick(PICTURES)!,
            familyLanguage: 'en',
          });
        } else if (roll < 0.45) {
          const s = pick(students)!;
          await updateStudent(
            store,
            s.id,
            random() < 0.5 ? { displayName: `N${Math.floor(random() * 1000)}` } : { picture: pick(PICTURES)! },
          );
        } else if (roll < 0.8) {
          const e = await recordEvidence(store, {
            studentId: pick(students)!.id,
            targetIds: ['t1'],
            kind: 'observation',
            level: 1 + Math.floor(random() * 4),
            recordedBy: teacher,
          });
          evidenceIds.add(e.id);
        } else if (roll < 0.93) {
          const candidates = (await store.db.evidence.toArray()).filter((e) => !e.voided && !e.deleted);
          const e = pick(candidates);
          if (e) await voidEvidence(store, e.id, 'Recorded for the wrong child', teacher);
        } else {
          const s = pick(students)!;
          await tombstone(store.db, store.env, 'students', s.id);
        }
      };

      for (let step = 0; step < STEPS; step++) {
        const device = pick(devices)!;
        device.store.env.advance(Math.round(random() * 120_000));
        const roll = random();
        if (roll < 0.6) {
          await act(device.store);
        } else if (roll < 0.95) {
          const fault = pick<Fault>(['none', 'none', 'dropRequest', 'dropAnswer', 'duplicate'])!;
          await device.sync(faulty(device.transport(), fault)).catch(() => undefined);
        } else {
          await live.restart();
        }
      }

      // The faults stop: within three rounds every outbox drains and everyone agrees.
      for (let round = 0; round < 3; round++) for (const device of devices) await device.sync();
      for (const device of devices) expect(await device.store.db.outbox.count(), device.name).toBe(0);
      const reference = await snapshot(devices[0]!.store);
      for (const device of devices.slice(1)) expect(await snapshot(device.store), device.name).toEqual(reference);
      for (const id of evidenceIds) expect(reference[`evidence/${id}`], id).toBeDefined();
      // A new tablet learns only what the server holds: the server holds the same.
      const fresh = await teacherDevice('fresh', () => live.base, school, start);
      await fresh.sync();
      expect(await snapshot(fresh.store)).toEqual(reference);
      expect(evidenceIds.size).toBeGreaterThan(5);
    },
    120_000,
  );
});
