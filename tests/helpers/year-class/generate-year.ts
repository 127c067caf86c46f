/**
 * A kindergarten class's school year as its tablets pushed it: the changes a teacher tablet, an aide's
 * tablet and two stations made, day by day, with ids, device ids and clock stamps made the way the app
 * makes them (see sim-device.ts), and the photos, drawings and voice clips they recorded. Deterministic:
 * the same options give the same changes and the same media bytes.
 *
 * What happens: before the first day the teacher imports the class from the school's roster (OneRoster),
 * imports seven frameworks from CASE and gives some of their targets items, sets the class path and the
 * families' languages. Every school day the teacher and the aide run one-on-one checks (item results) and
 * observe (levels, notes, a photo or voice note now and then, sometimes backdated), children work at the
 * stations (photos, drawings, recordings and "how do I feel" faces, waiting for the teacher's review), the
 * teacher reviews that work a few days later, voids what was recorded wrongly, sets current targets, marks
 * or reopens mastery and edits paths. A child arrives in the autumn and another leaves in the spring; the
 * class path grows twice; a few target rules and a name change. The starter frameworks are on every tablet
 * already and the demo class never leaves one, so neither is in the changes.
 */
import { literacyFramework, selFramework } from '#content/index.ts';
import {
  seededRandom,
  type Actor,
  type Change,
  type Evidence,
  type ItemResult,
  type ItemSet,
  type SyncedTable,
  type Target,
} from '#protocol';
import { schoolCalendar, type SchoolCalendar } from './school-calendar.ts';
import { SimDevice, type DeviceKind, type SimWrite } from './sim-device.ts';
import { generatedFrameworks } from './year-frameworks.ts';
import { makeMedia, MEDIA_MIME, type MediaBytes, type MediaKind, type MediaScale } from './year-media.ts';
import { Child, Content, int, pick, shuffle, uuid4, type Random } from './year-model.ts';

export interface YearOptions {
  readonly seed?: number;
  /** The first school day, a Monday (YYYY-MM-DD). */
  readonly firstMonday?: string;
  readonly days?: number;
  /** Children on the class list at the end of the year (one more left during the year). */
  readonly students?: number;
  readonly evidence?: number;
  readonly photos?: number;
  readonly clips?: number;
  readonly drawings?: number;
  /**
   * How big the media bytes are ('full': as a tablet keeps them, about 1.6 GB for the full year; 'small'
   * for tests). Media ids are the SHA-256 of the bytes, so they differ between the two; nothing else does.
   */
  readonly mediaScale?: MediaScale;
  /** The school and teacher ids the server gave at sign-up (tests make their own). */
  readonly schoolId?: string;
  readonly teacherId?: string;
}

/** The year the benchmarks use: 25 children, 180 days, 50 000 pieces of evidence, 4 000 photos, 3 000 clips. */
export const FULL_YEAR: Required<Omit<YearOptions, 'schoolId' | 'teacherId'>> = {
  seed: 2025,
  firstMonday: '2025-08-25',
  days: 180,
  students: 25,
  evidence: 50_000,
  photos: 4_000,
  clips: 3_000,
  drawings: 600,
  mediaScale: 'full',
};

export interface YearDevice {
  readonly id: string;
  readonly name: string;
  readonly kind: DeviceKind;
  /** The school day it joined the class (-1: before the first day). */
  readonly joinedDay: number;
}

export interface MediaRef {
  readonly id: string;
  readonly kind: MediaKind;
  readonly mime: string;
  readonly seed: number;
  readonly deviceId: string;
}

/** What one device pushed at the end of one day (setup: day -1), and the media it uploaded then. */
export interface PushRound {
  readonly day: number;
  readonly deviceId: string;
  readonly changes: readonly Change[];
  readonly media: readonly MediaRef[];
}

export interface YearCounts {
  readonly changes: number;
  /** Records per table (as the server ends up holding them). */
  readonly records: Readonly<Partial<Record<SyncedTable, number>>>;
  readonly evidenceByKind: Readonly<Record<Evidence['kind'], number>>;
  readonly voided: number;
  readonly reviewed: number;
  readonly waitingReview: number;
  readonly media: Readonly<Record<MediaKind, number>>;
}

export interface YearClass {
  readonly options: Required<YearOptions>;
  readonly calendar: SchoolCalendar;
  readonly classId: string;
  /** Every student record's id; `listedStudentIds` those on the class list at the end. */
  readonly studentIds: readonly string[];
  readonly listedStudentIds: readonly string[];
  readonly devices: readonly YearDevice[];
  readonly rounds: readonly PushRound[];
  readonly media: readonly MediaRef[];
  readonly counts: YearCounts;
  /** The evening of the last school day (ISO): "today" for the rules when the year is looked at. */
  readonly lastEvening: string;
}

/** The bytes of one piece of the year's media (their SHA-256 is `ref.id`). */
export function mediaBytes(year: YearClass, ref: MediaRef): MediaBytes {
  return makeMedia(ref.kind, ref.seed, year.options.mediaScale);
}

const DAY_MS = 86_400_000;
/** School hours in UTC (8:00–14:30 in the central US). */
const SCHOOL_START = 14 * 3_600_000;
const SCHOOL_LENGTH = 6.5 * 3_600_000;

const VOID_REASONS = ['Recorded for the wrong child', 'Wrong target', 'Entered twice', 'Tapped the wrong level'];
const NOTES = [
  'Explained the strategy to a partner.',
  'Needed a prompt to start.',
  'Worked on it for the whole centre time.',
  'Self-corrected without help.',
  'Showed a friend how to do it.',
  'Got there with a visual cue.',
  'Very confident today.',
  'Tired after recess; try again tomorrow.',
];
const ITEM_NOTES = ['reversed b/d', 'self-corrected', 'needed a prompt', 'said the sound, not the name'];
const SKIP_REASONS = ['Already knows this', 'Showed it on the first day', 'Came from pre-K knowing it'];
const FIRST_NAMES = [
  'Sofía',
  'Liam',
  'Mateo',
  'Ava',
  'Camila',
  'Noah',
  'Zoe',
  'Diego',
  'Amara',
  'Ethan',
  'Lucía',
  'Oliver',
  'Isabella',
  'Elijah',
  'Valentina',
  'James',
  'Mia',
  'Santiago',
  'Harper',
  'Benjamin',
  'Aaliyah',
  'Lucas',
  'Emma',
  'Leo',
  'Chloe',
  'Gabriel',
  'Nora',
  'Samuel',
  'Layla',
  'Daniel',
];
const LAST_NAMES = ['García', 'Smith', 'Nguyen', 'Johnson', 'Martínez', 'Brown', 'Okafor', 'López', 'Kim', 'Davis'];
const PICTURES = [
  'dog',
  'cat',
  'fox',
  'frog',
  'owl',
  'bear',
  'lion',
  'fish',
  'bee',
  'turtle',
  'rabbit',
  'penguin',
  'sun',
  'star',
  'moon',
  'apple',
  'tree',
  'flower',
  'rocket',
  'car',
  'boat',
  'ball',
  'kite',
  'drum',
];

type Kind = Evidence['kind'];

/** One thing a device does at a moment: the writes it hands the write funnel then. */
interface Action {
  readonly device: SimDevice;
  readonly at: number;
  readonly order: number;
  readonly writes: readonly SimWrite[];
}

export function generateYearClass(options: YearOptions = {}): YearClass {
  const random = seededRandom(options.seed ?? FULL_YEAR.seed);
  const opts: Required<YearOptions> = {
    ...FULL_YEAR,
    ...options,
    schoolId: options.schoolId ?? uuid4(random),
    teacherId: options.teacherId ?? uuid4(random),
  };
  return new YearBuilder(opts, random).build();
}

class YearBuilder {
  private readonly calendar: SchoolCalendar;
  private readonly devices: { device: SimDevice; joinedDay: number }[];
  private readonly teacher: SimDevice;
  private readonly aide: SimDevice;
  private readonly stations: SimDevice[];
  private readonly actor: Actor;
  private readonly content: Content;
  private readonly children: Child[] = [];
  private readonly rounds: PushRound[] = [];
  private readonly media: MediaRef[] = [];
  private readonly roundMedia = new Map<SimDevice, MediaRef[]>();
  private readonly roundChanges = new Map<SimDevice, Change[]>();
  private readonly records = new Map<string, Set<string>>();
  private readonly byKind: Record<Kind, number> = {
    observation: 0,
    check: 0,
    workSample: 0,
    selfAssessment: 0,
    conferenceNote: 0,
  };
  private readonly mediaCount: Record<MediaKind, number> = { photo: 0, drawing: 0, voice: 0 };
  private voided = 0;
  private reviewed = 0;
  /** Station evidence waiting for review: id and the day the teacher will look at it (null: never). */
  private readonly toReview: { id: string; day: number | null; void: boolean }[] = [];
  private template: string[] = [];
  private classId = '';
  private actions: Action[] = [];
  private order = 0;

  constructor(
    private readonly opts: Required<YearOptions>,
    private readonly random: Random,
  ) {
    this.calendar = schoolCalendar(opts.firstMonday, opts.days);
    const first = this.calendar.days[0]!;
    const seed = opts.seed;
    this.teacher = new SimDevice('Teacher tablet', 'teacher', first - 6 * DAY_MS + 15 * 3_600_000, seed + 11);
    this.aide = new SimDevice('Aide tablet', 'teacher', this.dayMs(Math.min(15, opts.days - 1)), seed + 12, -1_500);
    this.stations = [
      new SimDevice('Station 1', 'station', this.dayMs(0), seed + 13, 2_300),
      new SimDevice('Station 2', 'station', this.dayMs(Math.min(5, opts.days - 1)), seed + 14, -800),
    ];
    this.devices = [
      { device: this.teacher, joinedDay: -1 },
      { device: this.aide, joinedDay: Math.min(15, opts.days - 1) },
      { device: this.stations[0]!, joinedDay: 0 },
      { device: this.stations[1]!, joinedDay: Math.min(5, opts.days - 1) },
    ];
    this.actor = { kind: 'teacher', id: opts.teacherId };
    this.content = new Content(
      [...literacyFramework.targets, ...selFramework.targets],
      [...literacyFramework.itemSets, ...selFramework.itemSets],
    );
  }

  /** Early morning (UTC midnight + 10 h, before school) of school day `day`. */
  private dayMs(day: number): number {
    return this.calendar.days[day]! + 10 * 3_600_000;
  }

  build(): YearClass {
    this.setUp();
    this.flush(-1);
    const plan = this.planEvidence();
    for (let day = 0; day < this.opts.days; day++) {
      this.schoolDay(day, plan[day]!);
      this.flush(day);
    }
    const listed = this.children.filter((c) => c.leftDay === null).map((c) => c.id);
    return {
      options: this.opts,
      calendar: this.calendar,
      classId: this.classId,
      studentIds: this.children.map((c) => c.id),
      listedStudentIds: listed,
      devices: this.devices.map(({ device, joinedDay }) => ({
        id: device.id,
        name: device.name,
        kind: device.kind,
        joinedDay,
      })),
      rounds: this.rounds,
      media: this.media,
      counts: {
        changes: this.rounds.reduce((n, r) => n + r.changes.length, 0),
        records: Object.fromEntries([...this.records].map(([table, ids]) => [table, ids.size])),
        evidenceByKind: { ...this.byKind },
        voided: this.voided,
        reviewed: this.reviewed,
        waitingReview: this.toReview.filter((r) => !r.void).length,
        media: { ...this.mediaCount },
      },
      lastEvening: new Date(this.calendar.days.at(-1)! + 22 * 3_600_000).toISOString(),
    };
  }

  // ------------------------------------------------------------------------------------------------------
  // Writing

  /**
   * Plans writes: what they are is decided now, in the order the generator goes (so its random numbers are
   * drawn in a fixed order); the stamps are given when the day closes, in time order per device, as the
   * tablet's clock would give them.
   */
  private schedule(device: SimDevice, at: number, writes: readonly SimWrite[]): void {
    if (writes.length === 0) return;
    for (const w of writes) {
      let ids = this.records.get(w.table);
      if (!ids) this.records.set(w.table, (ids = new Set()));
      ids.add(w.recordId);
    }
    this.actions.push({ device, at, order: this.order++, writes });
  }

  /** Runs the scheduled actions in time order and closes the day: one push per device that wrote. */
  private flush(day: number): void {
    const actions = this.actions.sort((a, b) => a.at - b.at || a.order - b.order);
    this.actions = [];
    for (const action of actions) {
      const changes = action.device.write(action.writes, action.at);
      const list = this.roundChanges.get(action.device) ?? [];
      list.push(...changes);
      this.roundChanges.set(action.device, list);
    }
    for (const { device } of this.devices) {
      const changes = this.roundChanges.get(device) ?? [];
      const media = this.roundMedia.get(device) ?? [];
      if (changes.length > 0 || media.length > 0) this.rounds.push({ day, deviceId: device.id, changes, media });
      this.roundChanges.delete(device);
      this.roundMedia.delete(device);
    }
  }

  private record(
    device: SimDevice,
    at: number,
    fields: Omit<Evidence, 'id' | 'recordedAt' | 'observedAt'> & {
      observedAt?: string;
    },
  ): string {
    const id = device.newId(at);
    const recordedAt = new Date(at + device.skewMs).toISOString();
    const evidence = { ...fields, id, observedAt: fields.observedAt ?? recordedAt, recordedAt };
    this.byKind[evidence.kind] += 1;
    this.schedule(device, at, [{ table: 'evidence', recordId: id, fields: evidence }]);
    return id;
  }

  private recordMedia(device: SimDevice, kind: MediaKind): string {
    const seed = this.opts.seed * 100_003 + this.media.length + 1;
    // The id is the SHA-256 of the bytes, so the bytes are made here (and again when someone wants them).
    const id = makeMedia(kind, seed, this.opts.mediaScale).id;
    const ref: MediaRef = { id, kind, mime: MEDIA_MIME[kind], seed, deviceId: device.id };
    this.media.push(ref);
    this.mediaCount[kind] += 1;
    const list = this.roundMedia.get(device) ?? [];
    list.push(ref);
    this.roundMedia.set(device, list);
    return ref.id;
  }

  // ------------------------------------------------------------------------------------------------------
  // Before the first day

  private setUp(): void {
    const t = this.teacher;
    const first = this.calendar.days[0]!;
    // First run: the starter frameworks and the demo class (53 + 110 local writes, never pushed).
    t.tick(163, t.firstRunMs);
    let at = first - 5 * DAY_MS + 20 * 3_600_000;
    const next = () => (at += 45_000 + Math.floor(this.random() * 120_000));

    // The roster (OneRoster import): the class and every child on the first day's list.
    const sisId = () => `oneroster:${uuid4(this.random)}`;
    this.classId = sisId();
    const names = shuffle(this.random, FIRST_NAMES).slice(0, this.opts.students + 1);
    const pictures = shuffle(this.random, PICTURES);
    for (let i = 0; i < this.opts.students; i++) {
      const leftDay = i === 3 ? Math.floor((this.opts.days * 2) / 3) : null;
      const name = `${names[i]} ${pick(this.random, LAST_NAMES)}`;
      this.children.push(new Child(sisId(), name, 0.6 + this.random() * 0.8, -1, leftDay));
    }
    const classId = this.classId;
    this.schedule(t, next(), [
      {
        table: 'classes',
        recordId: classId,
        fields: {
          id: classId,
          name: 'Kindergarten – Room 4',
          schoolId: this.opts.schoolId,
          teacherIds: [],
          templateTargetIds: [],
          language: 'en',
        },
      },
      ...this.children.map((child, i): SimWrite => ({
        table: 'students',
        recordId: child.id,
        fields: {
          id: child.id,
          classId,
          displayName: child.displayName,
          picture: pictures[i % pictures.length]!,
          familyLanguage: 'en',
          archived: false,
        },
      })),
    ]);
    // The families who speak Spanish at home.
    for (const child of this.children) {
      if (this.random() < 0.35) {
        this.schedule(t, next(), [{ table: 'students', recordId: child.id, fields: { familyLanguage: 'es' } }]);
      }
    }

    // Seven frameworks from CASE, then items and rules for some of their targets in the target editor.
    const { frameworks, itemEdits } = generatedFrameworks(() => uuid4(this.random));
    for (const { framework, targets } of frameworks) {
      targets.forEach((target) => this.content.update(target));
      this.schedule(t, next(), [
        { table: 'frameworks', recordId: framework.id, fields: { ...framework } },
        ...targets.map((target): SimWrite => ({ table: 'targets', recordId: target.id, fields: { ...target } })),
      ]);
    }
    for (const edit of itemEdits) {
      const when = next();
      const setId = t.newId(when);
      const target = this.content.target(edit.targetId);
      const set: ItemSet = { id: setId, frameworkId: target.frameworkId, title: edit.title, items: edit.items };
      this.content.addItemSet(set);
      this.content.update({ ...target, rule: edit.rule, itemSetId: setId });
      this.schedule(t, when, [
        { table: 'targets', recordId: target.id, fields: { rule: edit.rule, itemSetId: setId } },
        { table: 'itemSets', recordId: setId, fields: { ...set } },
      ]);
    }
    // Spanish "I can" statements for the first literacy targets, for the families' report and the stations.
    for (const target of literacyFramework.targets.slice(0, 12)) {
      const translations = { es: { kidStatement: `Yo puedo: ${target.code}` } };
      this.content.update({ ...this.content.target(target.id), translations });
      this.schedule(t, next(), [{ table: 'targets', recordId: target.id, fields: { translations } }]);
    }

    // The class path: literacy, social-emotional, the first math units, writing, speaking, learning habits.
    const ids = (frameworkTitle: string, count: number) =>
      frameworks
        .find((f) => f.framework.title.startsWith(frameworkTitle))!
        .targets.slice(0, count)
        .map((x) => x.id);
    this.template = [
      ...literacyFramework.targets.map((x) => x.id),
      ...selFramework.targets.map((x) => x.id),
      ...ids('Kindergarten mathematics', 32),
      ...ids('Kindergarten writing', 8),
      ...ids('Speaking', 6),
      ...ids('Approaches', 4),
    ];
    this.saveClassPath(-1, next(), this.template);
    this.planPathChanges(frameworks.flatMap((f) => f.targets));
    this.growTemplate(Math.floor(this.opts.days / 3), ids('Kindergarten mathematics', 60).slice(32));
    this.growTemplate(Math.floor((this.opts.days * 2) / 3), ids('Kindergarten science', 10));
  }

  /** saveClassPath: the template on the class, the whole template for a child without a path, new targets appended. */
  private saveClassPath(day: number, at: number, template: readonly string[]): void {
    const writes: SimWrite[] = [
      { table: 'classes', recordId: this.classId, fields: { templateTargetIds: [...template] } },
    ];
    for (const child of this.children.filter((c) => c.isPresent(day))) {
      const before = child.entries.length;
      const held = new Set(child.entries.map((e) => e.targetId));
      child.entries = [...child.entries, ...template.filter((id) => !held.has(id)).map((targetId) => ({ targetId }))];
      if (child.entries.length === before) continue;
      const fields = { studentId: child.id, entries: child.entries.map((e) => ({ ...e })) };
      writes.push({ table: 'paths', recordId: child.id, fields });
    }
    this.schedule(this.teacher, at, writes);
  }

  private growTemplate(day: number, added: readonly string[]): void {
    const run = () => {
      this.template = [...this.template, ...added];
      this.saveClassPath(day, this.calendar.days[day]! + SCHOOL_START + SCHOOL_LENGTH + 3_600_000, this.template);
    };
    this.later.push({ day, run });
  }

  /** Things that happen on a given day, besides the daily routine. */
  private readonly later: { day: number; run: () => void }[] = [];

  /** Personal path changes over the year: skips, enrichment, a target moved up, planned dates. */
  private planPathChanges(generated: readonly Target[]): void {
    const days = this.opts.days;
    const extras = generated.filter((x) => x.frameworkId !== generated[0]!.frameworkId).map((x) => x.id);
    this.children.forEach((child, i) => {
      const edits = int(this.random, 2, 5);
      for (let e = 0; e < edits; e++) {
        const day = int(this.random, 1, days - 2);
        const kind = pick(this.random, ['skip', 'enrich', 'moveUp', 'skip'] as const);
        this.later.push({ day, run: () => this.editPath(child, day, kind, extras) });
      }
      if (i % 2 === 0)
        this.later.push({ day: Math.min(4, days - 1), run: () => this.editPath(child, 4, 'dates', extras) });
    });
  }

  private editPath(
    child: Child,
    day: number,
    kind: 'skip' | 'enrich' | 'moveUp' | 'dates',
    extras: readonly string[],
  ): void {
    if (!child.isPresent(day) || child.entries.length === 0) return;
    const at = this.calendar.days[day]! + SCHOOL_START + SCHOOL_LENGTH + int(this.random, 10, 50) * 60_000;
    const writes = ((): SimWrite[] => {
      const entries = [...child.entries];
      const ahead = child.frontier(day, this.opts.days) + 2;
      const active = child.active();
      if (kind === 'skip' && ahead < active.length) {
        const id = active[int(this.random, ahead, Math.min(active.length - 1, ahead + 6))]!;
        const i = entries.findIndex((x) => x.targetId === id);
        entries[i] = { ...entries[i]!, skippedReason: pick(this.random, SKIP_REASONS) };
      } else if (kind === 'enrich') {
        const held = new Set(entries.map((x) => x.targetId));
        const id = extras.find((x) => !held.has(x) && this.random() < 0.2);
        if (!id) return [];
        entries.push({ targetId: id, enrichment: true });
      } else if (kind === 'moveUp' && ahead + 1 < active.length) {
        const id = active[ahead + 1]!;
        const i = entries.findIndex((x) => x.targetId === id);
        if (i > 0) [entries[i - 1], entries[i]] = [entries[i]!, entries[i - 1]!];
      } else if (kind === 'dates') {
        // SpreadDatesForm: the entries not skipped spread evenly over the rest of the year.
        const from = this.calendar.days[day]!;
        const to = this.calendar.days.at(-1)!;
        const open = entries.filter((x) => x.skippedReason === undefined);
        const dated = new Map(
          open.map((x, n) => [
            x.targetId,
            new Date(from + ((to - from) * (n + 1)) / open.length).toISOString().slice(0, 10),
          ]),
        );
        for (let n = 0; n < entries.length; n++) {
          const date = dated.get(entries[n]!.targetId);
          if (date) entries[n] = { ...entries[n]!, plannedDate: date };
        }
      } else return [];
      child.entries = entries;
      return [
        {
          table: 'paths',
          recordId: child.id,
          fields: { studentId: child.id, entries: entries.map((x) => ({ ...x })) },
        },
      ];
    })();
    this.schedule(this.teacher, at, writes);
  }

  // ------------------------------------------------------------------------------------------------------
  // The year

  /**
   * How many pieces of each kind of evidence fall on each day: each kind's total is split over the days in
   * proportion to the children present, so the totals are exact; the media kinds are dealt out the same way.
   */
  private planEvidence(): Kind[][] {
    const o = this.opts;
    const stationPhotos = Math.round(o.photos * 0.65);
    const stationClips = Math.round(o.clips * 0.8);
    const workSamples = stationPhotos + stationClips + o.drawings;
    const checks = Math.round(o.evidence * 0.34);
    const feelings = Math.round(o.evidence * 0.134);
    const notes = Math.round(o.evidence * 0.02);
    const observations = o.evidence - checks - feelings - notes - workSamples;
    if (observations < o.photos - stationPhotos + o.clips - stationClips)
      throw new Error('Too much media for this much evidence');
    this.stationMedia = shuffle(this.random, [
      ...Array<MediaKind>(stationPhotos).fill('photo'),
      ...Array<MediaKind>(stationClips).fill('voice'),
      ...Array<MediaKind>(o.drawings).fill('drawing'),
    ]);
    this.observationMedia = shuffle(this.random, [
      ...Array<MediaKind | null>(o.photos - stationPhotos).fill('photo'),
      ...Array<MediaKind | null>(o.clips - stationClips).fill('voice'),
      ...Array<MediaKind | null>(observations - (o.photos - stationPhotos) - (o.clips - stationClips)).fill(null),
    ]);
    const present = this.calendar.days.map((_, day) => this.presentOn(day));
    const slots = present.reduce((a, b) => a + b, 0);
    const totals: [Kind, number][] = [
      ['check', checks],
      ['observation', observations],
      ['workSample', workSamples],
      ['selfAssessment', feelings],
      ['conferenceNote', notes],
    ];
    let seen = 0;
    return present.map((count) => {
      const before = seen;
      seen += count;
      return totals.flatMap(([kind, total]) =>
        Array<Kind>(Math.floor((total * seen) / slots) - Math.floor((total * before) / slots)).fill(kind),
      );
    });
  }

  private stationMedia: MediaKind[] = [];
  private observationMedia: (MediaKind | null)[] = [];

  /** Children on the list on `day` (the one who arrives mid-year counted from their first day). */
  private presentOn(day: number): number {
    const arrival = Math.floor(this.opts.days / 6);
    return this.children.filter((c) => c.isPresent(day)).length + (day >= arrival ? 1 : 0);
  }

  private schoolDay(day: number, kinds: readonly Kind[]): void {
    const start = this.calendar.days[day]! + SCHOOL_START;
    const when = () => start + Math.floor(this.random() * SCHOOL_LENGTH);
    if (day === Math.floor(this.opts.days / 6)) this.arrive(day, start - 3_600_000);
    const teachers = day >= this.devices[1]!.joinedDay ? [this.teacher, this.teacher, this.aide] : [this.teacher];
    const stations = this.stations.filter((_, i) => day >= this.devices[2 + i]!.joinedDay);
    const present = this.children.filter((c) => c.isPresent(day));
    for (const kind of kinds) {
      const child = pick(this.random, present);
      if (kind === 'workSample' || kind === 'selfAssessment')
        this.atStation(day, child, kind, pick(this.random, stations), when());
      else this.byTeacher(day, child, kind, pick(this.random, teachers), when());
    }
    this.decide(day, present, when);
    this.reviewAndVoid(day);
    // Path changes happen after school: the day's work was on the path as it was.
    for (const item of this.later.filter((x) => x.day === day)) item.run();
    if (day === 2) {
      const child = this.children[1]!;
      const displayName = `${child.displayName.split(' ')[0]} ${pick(this.random, LAST_NAMES)}-${pick(this.random, LAST_NAMES)}`;
      this.schedule(this.teacher, start - 1_800_000, [
        { table: 'students', recordId: child.id, fields: { displayName } },
      ]);
    }
    const leaving = this.children.find((c) => c.leftDay === day);
    if (leaving)
      this.schedule(this.teacher, start - 1_800_000, [
        { table: 'students', recordId: leaving.id, fields: { archived: true } },
      ]);
    for (const edit of [
      Math.floor(this.opts.days / 4),
      Math.floor(this.opts.days / 2),
      Math.floor((this.opts.days * 3) / 4),
    ]) {
      if (day !== edit) continue;
      const target = this.content.target(
        pick(
          this.random,
          this.template.filter((id) => this.content.isScored(id)),
        ),
      );
      const rule = { kind: 'score' as const, method: { kind: 'mOfN' as const, m: 2, n: 3 } };
      this.content.update({ ...target, rule });
      this.schedule(this.teacher, start + SCHOOL_LENGTH + 2 * 3_600_000, [
        { table: 'targets', recordId: target.id, fields: { rule } },
      ]);
    }
  }

  /** A new child, added by hand (addStudent), then given the class path (saveClassPath again). */
  private arrive(day: number, at: number): void {
    const id = this.teacher.newId(at);
    const name = FIRST_NAMES[this.opts.students % FIRST_NAMES.length]!;
    const child = new Child(id, `${name} ${pick(this.random, LAST_NAMES)}`, 0.6 + this.random() * 0.8, day, null);
    // Saved before school starts that day, so the day's work is for a child with a path.
    this.children.push(child);
    this.schedule(this.teacher, at, [
      {
        table: 'students',
        recordId: id,
        fields: {
          classId: this.classId,
          displayName: child.displayName,
          picture: 'star',
          familyLanguage: 'es',
          id,
          archived: false,
        },
      },
    ]);
    this.saveClassPath(day, at + 120_000, this.template);
  }

  private byTeacher(day: number, child: Child, kind: Kind, device: SimDevice, at: number): void {
    const days = this.opts.days;
    const c = this.content;
    const recordedBy = this.actor;
    if (kind === 'check') {
      const near = child.near(day, days, 'items', (id) => c.itemIds(id).length > 0);
      const targetId = near.length > 0 ? pick(this.random, near.slice(0, 3)) : null;
      if (targetId === null) return this.byTeacher(day, child, 'observation', device, at);
      const all = c.itemIds(targetId);
      const start = all.length > 12 ? int(this.random, 0, all.length - 8) : 0;
      const asked = all.length > 12 ? all.slice(start, start + int(this.random, 8, 12)) : all;
      const order = this.random() < 0.4 ? shuffle(this.random, asked) : asked;
      const itemResults = order.map((itemId): ItemResult => {
        const result =
          this.random() < 0.02
            ? 'skipped'
            : child.answers(this.random, targetId, itemId, day, days)
              ? 'correct'
              : 'notYet';
        return this.random() < 0.03 ? { itemId, result, note: pick(this.random, ITEM_NOTES) } : { itemId, result };
      });
      const durationMs = itemResults.length * int(this.random, 2_500, 6_000);
      this.teacherEvidence(device, at, {
        studentId: child.id,
        targetIds: [targetId],
        kind,
        itemResults,
        durationMs,
        recordedBy,
      });
      return;
    }
    const scored = child.near(day, days, 'scored', (id) => c.isScored(id));
    const social = this.random() < 0.25;
    const sel = [...selFramework.targets.map((x) => x.id)].filter((id) => child.entries.some((e) => e.targetId === id));
    const first =
      social && sel.length > 0
        ? pick(this.random, sel)
        : scored.length > 0
          ? pick(this.random, scored.slice(0, 4))
          : child.active()[0]!;
    const targetIds =
      this.random() < 0.12 && scored.length > 1 ? [...new Set([first, pick(this.random, scored)])] : [first];
    if (kind === 'conferenceNote') {
      this.teacherEvidence(device, at, {
        studentId: child.id,
        targetIds,
        kind,
        recordedBy,
        note: pick(this.random, NOTES),
      });
      return;
    }
    const media = this.observationMedia.pop() ?? null;
    const blobIds = media ? [this.recordMedia(device, media)] : undefined;
    const backdated = this.random() < 0.08 && day > 0;
    const level = child.level(this.random, first, day, days);
    this.teacherEvidence(device, at, {
      studentId: child.id,
      targetIds,
      kind,
      recordedBy,
      level,
      ...(this.random() < 0.3 ? { note: pick(this.random, NOTES) } : {}),
      ...(backdated ? { observedAt: `${this.calendar.dates[day - 1]}T17:00:00.000Z` } : {}),
      ...(blobIds ? { blobIds } : {}),
    });
  }

  private teacherEvidence(device: SimDevice, at: number, fields: Parameters<YearBuilder['record']>[2]): void {
    const id = this.record(device, at, fields);
    if (this.random() < 0.015) {
      // Voided on the tablet that recorded it, soon after (it holds the record; another might not yet).
      this.voided += 1;
      const when = at + int(this.random, 5, 90) * 60_000;
      const voided = {
        reason: pick(this.random, VOID_REASONS),
        at: new Date(when + device.skewMs).toISOString(),
        by: this.actor,
      };
      this.schedule(device, when, [{ table: 'evidence', recordId: id, fields: { voided } }]);
    }
  }

  private atStation(day: number, child: Child, kind: Kind, station: SimDevice, at: number): void {
    const current = child.active()[child.frontier(day, this.opts.days)] ?? child.active()[0]!;
    const base = {
      studentId: child.id,
      targetIds: [current],
      recordedBy: { kind: 'student' as const, id: child.id },
      needsReview: true,
    };
    let id: string;
    if (kind === 'selfAssessment') {
      id = this.record(station, at, { kind, feeling: pick(this.random, [1, 2, 3, 3] as const), ...base });
    } else {
      const media = this.stationMedia.pop() ?? 'photo';
      const blobId = this.recordMedia(station, media);
      const durationMs = media === 'voice' ? int(this.random, 4_000, 15_000) : undefined;
      id = this.record(station, at, { kind, ...(durationMs ? { durationMs } : {}), blobIds: [blobId], ...base });
    }
    const wait = int(this.random, 1, 3);
    const forgotten = this.random() < 0.02;
    this.toReview.push({
      id,
      day: forgotten || day + wait >= this.opts.days ? null : day + wait,
      void: this.random() < 0.02,
    });
  }

  /** At the end of the day the teacher looks at the station work that waits, and voids accidental ones. */
  private reviewAndVoid(day: number): void {
    let at = this.calendar.days[day]! + SCHOOL_START + SCHOOL_LENGTH + 20 * 60_000;
    for (const item of this.toReview.filter((x) => x.day === day)) {
      at += int(this.random, 5_000, 40_000);
      const when = new Date(at).toISOString();
      if (item.void) this.voided += 1;
      else this.reviewed += 1;
      this.schedule(this.teacher, at, [
        {
          table: 'evidence',
          recordId: item.id,
          fields: item.void
            ? { voided: { reason: 'Accidental recording', at: when, by: this.actor } }
            : { needsReview: false, reviewedAt: when },
        },
      ]);
    }
    this.toReview.splice(0, this.toReview.length, ...this.toReview.filter((x) => x.day !== day));
  }

  /** The teacher's judgements and the children's choices (a child's at a station). */
  private decide(day: number, present: readonly Child[], when: () => number): void {
    const stations = this.stations.filter((_, i) => day >= this.devices[2 + i]!.joinedDay);
    for (const child of present) {
      const roll = this.random();
      const kind =
        roll < 0.05
          ? 'setCurrent'
          : roll < 0.075
            ? 'markMastered'
            : roll < 0.079
              ? 'reopen'
              : roll < 0.094
                ? 'chooseNext'
                : null;
      if (kind === null || (kind === 'chooseNext' && stations.length === 0)) continue;
      const active = child.active();
      const at = child.frontier(day, this.opts.days);
      const targetId =
        kind === 'reopen'
          ? active[Math.max(0, at - int(this.random, 1, 4))]!
          : active[Math.min(active.length - 1, at + (kind === 'markMastered' ? 0 : 1))]!;
      const device = kind === 'chooseNext' ? pick(this.random, stations) : this.teacher;
      const time = when();
      const decidedBy: Actor = kind === 'chooseNext' ? { kind: 'student', id: child.id } : this.actor;
      const id = device.newId(time);
      const decidedAt = new Date(time + device.skewMs).toISOString();
      const reason =
        kind === 'markMastered'
          ? 'Showed it in class many times'
          : kind === 'reopen'
            ? 'Not secure any more'
            : undefined;
      const fields = { studentId: child.id, targetId, kind, decidedBy, ...(reason ? { reason } : {}), id, decidedAt };
      this.schedule(device, time, [{ table: 'decisions', recordId: id, fields }]);
    }
  }
}
