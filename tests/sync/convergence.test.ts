/**
 * Seeded, bounded, randomized convergence of the real device engine (Dexie on fake-indexeddb, syncOnce
 * over real HTTP) against the real server, with devices of several roles: a teacher signed in with the
 * account, a class tablet, and a station that children sign in at. Clocks disagree by hours, and some
 * tablets run a day ahead or have their clock moved mid-run. Devices create, edit, void and delete
 * offline and sync in random order through faulty links (dropped requests, dropped answers, duplicated
 * requests) and server restarts. They also try what their role may not do (the device refuses it and
 * saves nothing) and, like an older app would, queue changes the server refuses (a rewrite of recorded
 * evidence, evidence for a child the server does not know).
 *
 * When the faults stop: every outbox drains; every device equals what the server lets it see, refusals
 * included (a refused change is put back to the server's state and listed as not saved); the server holds
 * every piece of evidence recorded legitimately; and no stamp anywhere is beyond the clock bound.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { formatHlc, isTooFarAhead, seededRandom, tickHlc, uuidv7, type SyncedTable } from '#protocol';
import {
  addStudent,
  ForbiddenWriteError,
  getConnection,
  getDeviceId,
  listNotSaved,
  listStudents,
  recordDecision,
  recordEvidence,
  syncedTableRows,
  tombstone,
  updateStudent,
  voidEvidence,
  writeFields,
  type Store,
} from '#db';
import { readClock, saveClock, serverNow } from '#db/device-clock.ts';
import type { SyncTransport } from '#sync';
import { storageKinds } from '#tests/server/helpers/databases.ts';
import { setUpSchool, startTestServer, type TestServer } from '#tests/server/helpers/http.ts';
import { enrolledDevice, serverView, signInAtStation, snapshot, teacherDevice, type Device } from './devices.ts';

const { kinds } = await storageKinds();
const SEEDS = [11, 12, 13];
const STEPS = 90;
const PICTURES = ['fox', 'owl', 'cat', 'bee'];
const HOUR = 3_600_000;

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

/**
 * A change queued as an older app (or a bug) would: row and outbox entry written together with a proper
 * stamp, but without the write funnel's checks. The server refuses it; the device must end up as the
 * server is.
 */
async function queueUnchecked(store: Store, table: SyncedTable, recordId: string, fields: Record<string, unknown>) {
  const { db, env } = store;
  const deviceId = await getDeviceId(db, env);
  await db.transaction('rw', [db.table(table), db.outbox, db.settings], async () => {
    const clock = tickHlc(await readClock(db), await serverNow(db, env));
    const hlc = formatHlc(clock, deviceId);
    const row = (await db.table(table).get(recordId)) as Record<string, unknown> | undefined;
    const stamps = { ...((row?.['_hlc'] as Record<string, string> | undefined) ?? {}) };
    for (const field of Object.keys(fields)) stamps[field] = hlc;
    await db.table(table).put({ ...(row ?? { id: recordId }), ...fields, _hlc: stamps });
    await db.outbox.add({ changeId: uuidv7(env.now(), env.randomBytes), table, recordId, fields, hlc });
    await saveClock(db, clock);
  });
}

const teacher = { kind: 'teacher', id: 't' } as const;
let server: TestServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe.each(kinds)('device convergence with refusals on %s', (kind) => {
  it.each(SEEDS)(
    'converges with seed %i',
    async (seed) => {
      const random = seededRandom(seed);
      const pick = <T>(items: readonly T[]): T | undefined => items[Math.floor(random() * items.length)];
      const live = await startTestServer(kind);
      server = live;
      const start = Date.parse('2026-10-05T08:00:00Z');
      live.clock.advance(start - live.clock.now());
      const school = await setUpSchool(live);
      const base = () => live.base;
      const skew = () => Math.round((random() - 0.5) * 4 * HOUR);

      const account = await teacherDevice('account', base, school, start + skew(), live.clock);
      const classTablet = await enrolledDevice(
        'class',
        base,
        { joinCode: school.joinCode, kind: 'teacher', teacherToken: school.teacher.token },
        start + 24 * HOUR, // a day ahead until it hears from the server
        live.clock,
      );
      const station = await enrolledDevice(
        'station',
        base,
        { joinCode: school.joinCode, kind: 'station' },
        start + 3 * HOUR + skew(),
        live.clock,
      );
      const devices: Device[] = [account, classTablet, station];
      const teachers = [account, classTablet];
      /** Evidence recorded legitimately: the server must hold every one. */
      const legit = new Set<string>();
      /** Changes queued as an older app would: each must be refused, put back and listed. */
      const rogue = new Map<Device, number>(devices.map((d) => [d, 0]));
      let forbiddenTries = 0;

      const expectRefusedLocally = async (device: Device, write: () => Promise<unknown>) => {
        const before = await device.store.db.outbox.count();
        await expect(write()).rejects.toBeInstanceOf(ForbiddenWriteError);
        expect(await device.store.db.outbox.count()).toBe(before);
        forbiddenTries += 1;
      };

      const teacherAct = async (device: Device) => {
        const store = device.store;
        const students = await listStudents(store, school.classId);
        const roll = random();
        if (students.length === 0 || roll < 0.15) {
          await addStudent(store, {
            classId: school.classId,
            displayName: `S${Math.floor(random() * 1000)}`,
            picture: pick(PICTURES)!,
            familyLanguage: 'en',
          });
        } else if (roll < 0.35) {
          const s = pick(students)!;
          await updateStudent(
            store,
            s.id,
            random() < 0.5 ? { displayName: `N${Math.floor(random() * 1000)}` } : { picture: pick(PICTURES)! },
          );
        } else if (roll < 0.6) {
          const e = await recordEvidence(store, {
            studentId: pick(students)!.id,
            targetIds: ['lt-names-upper'],
            kind: 'observation',
            level: 1 + Math.floor(random() * 4),
            recordedBy: teacher,
          });
          legit.add(e.id);
        } else if (roll < 0.7) {
          const candidates = (await store.db.evidence.toArray()).filter(
            (e) => !e.voided && !e.deleted && !e.id.startsWith('demo-'),
          );
          const e = pick(candidates);
          if (e) await voidEvidence(store, e.id, 'Recorded for the wrong child', teacher);
        } else if (roll < 0.76) {
          // A teacher's edit of a starter target: a real stamp, synced as usual.
          await writeFields(store.db, store.env, 'targets', 'lt-names-upper', {
            teacherStatement: `Names letters ${Math.floor(random() * 100)}`,
          });
        } else if (roll < 0.8) {
          await tombstone(store.db, store.env, 'students', pick(students)!.id);
        } else if (roll < 0.9) {
          if (device === classTablet) {
            // What a class tablet may not do: the school's details, a child of another class.
            await expectRefusedLocally(device, () =>
              random() < 0.5
                ? writeFields(store.db, store.env, 'schools', school.teacher.scope.schoolId, { name: 'Renamed' })
                : addStudent(store, {
                    classId: school.otherClassId,
                    displayName: 'X',
                    picture: 'cat',
                    familyLanguage: 'en',
                  }),
            );
          } else {
            // An older app rewrites recorded evidence: the server refuses it (immutable).
            const mine = (await store.db.evidence.toArray()).filter((e) => legit.has(e.id) && !e.deleted);
            const e = pick(mine);
            if (e) {
              await queueUnchecked(store, 'evidence', e.id, { level: ((e.level ?? 1) % 4) + 1 });
              rogue.set(device, rogue.get(device)! + 1);
            }
          }
        } else {
          // Evidence for a child the server never heard of: refused (scope), nothing of it may stay.
          await queueUnchecked(store, 'evidence', `ghost-e-${Math.floor(random() * 1e9)}`, {
            studentId: `ghost-${Math.floor(random() * 1e9)}`,
            targetIds: ['lt-names-upper'],
            kind: 'observation',
            level: 2,
            observedAt: new Date(store.env.now()).toISOString(),
            recordedAt: new Date(store.env.now()).toISOString(),
            recordedBy: teacher,
          });
          rogue.set(device, rogue.get(device)! + 1);
        }
      };

      const stationAct = async () => {
        const store = station.store;
        const students = await listStudents(store, school.classId);
        const child = pick(students);
        if (!child) return;
        const roll = random();
        if (roll < 0.2) {
          await signInAtStation(station, live.base, child.id).catch(() => undefined); // a deleted child: 404
        } else if (roll < 0.6) {
          // A child's own work, waiting for the teacher's review (any child of the class: it records offline).
          const e = await recordEvidence(store, {
            studentId: child.id,
            targetIds: ['lt-names-upper'],
            kind: 'selfAssessment',
            feeling: 3,
            recordedBy: { kind: 'student', id: child.id },
            needsReview: true,
          });
          legit.add(e.id);
        } else if (roll < 0.7) {
          // The signed-in child's own choice; for another child it is not the station's to make.
          const choose = () =>
            recordDecision(store, {
              studentId: child.id,
              targetId: 'lt-names-upper',
              kind: 'chooseNext',
              decidedBy: { kind: 'student', id: child.id },
            });
          const signedIn = (await getConnection(store))?.scope.studentId;
          if (signedIn === child.id) await choose();
          else await expectRefusedLocally(station, choose);
        } else {
          // What a station may not do: a teacher's judgment, a mastery decision, the targets.
          const which = random();
          await expectRefusedLocally(station, () =>
            which < 0.33
              ? recordEvidence(store, {
                  studentId: child.id,
                  targetIds: ['lt-names-upper'],
                  kind: 'observation',
                  level: 4,
                  recordedBy: teacher,
                })
              : which < 0.66
                ? recordDecision(store, {
                    studentId: child.id,
                    targetId: 'lt-names-upper',
                    kind: 'markMastered',
                    decidedBy: teacher,
                  })
                : writeFields(store.db, store.env, 'targets', 'lt-names-upper', { code: 'HACKED' }),
          );
        }
      };

      for (let step = 0; step < STEPS; step++) {
        const dt = Math.round(random() * 120_000);
        live.clock.advance(dt);
        for (const d of devices) d.store.env.advance(dt);
        const device = pick(devices)!;
        const roll = random();
        if (roll < 0.55) {
          if (device === station) await stationAct();
          else await teacherAct(device);
        } else if (roll < 0.93) {
          const fault = pick<Fault>(['none', 'none', 'dropRequest', 'dropAnswer', 'duplicate'])!;
          await device.sync(faulty(device.transport(), fault)).catch(() => undefined);
        } else if (roll < 0.97) {
          // Someone moves a tablet's clock: hours ahead, or back again.
          device.store.env.advance((random() < 0.5 ? 1 : -1) * Math.round(random() * 6 * HOUR));
        } else {
          await live.restart();
        }
      }

      // The faults stop: within three rounds every outbox drains and every device is as the server is.
      for (let round = 0; round < 3; round++) for (const device of devices) await device.sync();
      for (const device of devices) expect(await device.store.db.outbox.count(), device.name).toBe(0);

      for (const device of teachers) {
        expect(await snapshot(device.store), device.name).toEqual(await serverView(device));
      }
      // A station sees the grid and the signed-in child: it holds all of that as the server has it. Of
      // what else it holds (children's work it added, a child signed in earlier), every value is the server's.
      const visible = await serverView(station);
      const held = (await snapshot(station.store)) as Record<string, Record<string, unknown>>;
      for (const [key, fields] of Object.entries(visible as Record<string, Record<string, unknown>>)) {
        for (const [field, value] of Object.entries(fields))
          expect(held[key]?.[field], `${key}.${field}`).toEqual(value);
      }
      const stored = await live.storage.getRecords(
        school.teacher.scope.schoolId,
        Object.keys(held).map((key) => ({
          table: key.split('/')[0] as SyncedTable,
          recordId: key.slice(key.indexOf('/') + 1),
        })),
      );
      const storedByKey = new Map(stored.map((r) => [`${r.table}/${r.recordId}`, r]));
      for (const [key, fields] of Object.entries(held)) {
        const record = storedByKey.get(key);
        expect(record, key).toBeDefined();
        for (const [field, value] of Object.entries(fields)) {
          if (field === 'id') continue;
          expect(record!.fields[field]?.value, `${key}.${field}`).toEqual(value);
        }
      }

      // Nothing recorded legitimately was lost; everything refused was listed, in plain words, as not saved.
      const account2 = await serverView(account);
      for (const id of legit) expect(account2[`evidence/${id}`], id).toBeDefined();
      for (const device of devices) {
        const listed = await listNotSaved(device.store);
        expect(listed.length, device.name).toBeGreaterThanOrEqual(rogue.get(device)!);
        expect(Object.keys(account2).some((key) => key.includes('ghost-'))).toBe(false);
        // Every stamp on the device is one the server accepts: none beyond the clock bound.
        for (const table of ['students', 'evidence', 'decisions', 'targets'] as const) {
          for (const row of await syncedTableRows(device.store.db, table)) {
            for (const stamp of Object.values(row['_hlc'] as Record<string, string>)) {
              expect(isTooFarAhead(stamp, live.clock.now()), `${device.name} ${table} ${stamp}`).toBe(false);
            }
          }
        }
      }
      expect(legit.size).toBeGreaterThan(5);
      expect(forbiddenTries).toBeGreaterThan(0);
      expect([...rogue.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    },
    180_000,
  );
});
