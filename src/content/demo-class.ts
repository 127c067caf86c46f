/**
 * A demo kindergarten class with a few weeks of evidence, so a new user sees a working classroom.
 *
 * Pure and deterministic: the same `now` and `seed` give deep-equal output. No clock, no Math.random; a
 * small seeded PRNG (mulberry32) picks items, times and notes. Every id starts with 'demo-' so the demo can
 * be recognised and removed. Evidence falls on the school days (Mon–Fri) before the day of `now`, between
 * 14:00 and 20:00 UTC, so nothing is observed after `now`.
 */
import {
  DEFAULT_SCALE,
  seededRandom,
  type Actor,
  type ClassGroup,
  type Decision,
  type Evidence,
  type ItemResult,
  type Path,
  type PathEntry,
  type School,
  type Student,
  type Target,
  type Teacher,
} from '#protocol';
import { literacyFramework, selFramework } from './frameworks.ts';

export interface DemoClassOptions {
  /** ISO 8601; evidence is generated on the school days before this day. */
  readonly now: string;
  readonly seed?: number;
}

export interface DemoClass {
  readonly school: School;
  readonly teacher: Teacher;
  readonly classGroup: ClassGroup;
  readonly students: Student[];
  readonly paths: Path[];
  readonly evidence: Evidence[];
  readonly decisions: Decision[];
}

const DEFAULT_SEED = 20_240_917;
/** Five weeks of school days. */
const WINDOW_DAYS = 25;
const DAY_MS = 86_400_000;
const SCHOOL_START_UTC_MINUTES = 14 * 60;

const SCHOOL_ID = 'demo-school-1';
const TEACHER_ID = 'demo-teacher-1';
const CLASS_ID = 'demo-class-1';
const TEACHER: Actor = { kind: 'teacher', id: TEACHER_ID };

type Draft = Omit<Evidence, 'id'>;

// ---------------------------------------------------------------------------------------------------------
// Randomness and dates

type Rng = () => number;

function int(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

function pick<T>(rng: Rng, values: readonly T[]): T {
  const value = values[Math.floor(rng() * values.length)];
  if (value === undefined) throw new Error('pick from an empty list');
  return value;
}

function shuffled<T>(rng: Rng, values: readonly T[]): T[] {
  const out = [...values];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const a = out[i] as T;
    out[i] = out[j] as T;
    out[j] = a;
  }
  return out;
}

function dayStartMs(now: string): number {
  const ms = Date.parse(now);
  if (Number.isNaN(ms)) throw new Error(`buildDemoClass: "${now}" is not an ISO 8601 date-time`);
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

function isSchoolDay(ms: number): boolean {
  const weekday = new Date(ms).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The `count` school days before today (oldest first), as UTC midnights. */
function schoolDaysBefore(today: number, count: number): number[] {
  const days: number[] = [];
  for (let ms = today - DAY_MS; days.length < count; ms -= DAY_MS) if (isSchoolDay(ms)) days.unshift(ms);
  return days;
}

/** The `n`th school day after today, as YYYY-MM-DD. */
function schoolDayAfter(today: number, n: number): string {
  let ms = today;
  for (let seen = 0; seen < n;) {
    ms += DAY_MS;
    if (isSchoolDay(ms)) seen++;
  }
  return new Date(ms).toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------------------------
// Content lookups

const literacyTargets = [...literacyFramework.targets].sort((a, b) => a.sequence - b.sequence);
const selTargets = [...selFramework.targets].sort((a, b) => a.sequence - b.sequence);
const targetById = new Map<string, Target>([...literacyTargets, ...selTargets].map((t) => [t.id, t]));
const itemSetById = new Map(literacyFramework.itemSets.map((s) => [s.id, s]));

function target(id: string): Target {
  const t = targetById.get(id);
  if (!t) throw new Error(`demo: unknown target ${id}`);
  return t;
}

function itemIdsOf(t: Target): readonly string[] {
  if (t.itemIds) return t.itemIds;
  if (!t.itemSetId) return [];
  return itemSetById.get(t.itemSetId)?.items.map((i) => i.id) ?? [];
}

const L = literacyTargets.map((t) => t.id);

/** Literacy targets up to (not including) the one with this id, in path order. */
function before(id: string): string[] {
  const index = L.indexOf(id);
  if (index < 0) throw new Error(`demo: ${id} is not a literacy target`);
  return L.slice(0, index);
}

// ---------------------------------------------------------------------------------------------------------
// Notes

const OBSERVATION_NOTES: Record<string, readonly string[]> = {
  'cp-word-spaces': ['Pointed to each space in the morning message.', 'Counted 5 words in the big-book line.'],
  'cp-one-to-one': [
    'Pointed under each word on the “I see a…” page.',
    'Finger ran ahead on the two-syllable words.',
    'Self-corrected when the pointing got out of step.',
  ],
  'fl-emergent-text': ['Read the pattern book and retold it.'],
  'sel-name-feelings': [
    'Said “I feel frustrated” at the puzzle table.',
    'Named happy, sad, angry and scared on the feelings chart.',
    'Told a friend “you look sad” and said “I feel sad too.”',
    'Used “excited” about the field trip at morning meeting.',
  ],
  'sel-ask-for-help': [
    'Asked a friend to help open the glue stick.',
    'Came to me and said “I need help with my zipper.”',
  ],
  'sel-calm-down': [
    'Went to the calm corner after the block tower fell; back in 5 minutes.',
    'Used balloon breaths with a reminder, then rejoined the group.',
    'Cried and hid under the table at clean-up; needed an adult to calm down.',
    'Counted to 10 without a reminder after losing a game.',
  ],
  'sel-wait-turn': [
    'Waited for a turn on the tablet without reminders.',
    'Called out twice during the read-aloud.',
    'Waited for the talking stick at morning meeting.',
  ],
  'sel-notice-others': ['Noticed a friend crying and brought her a tissue.'],
  'sel-share-take-turns': [
    'Shared the red crayons at the art table without a prompt.',
    'Took turns with the magnetic letters; used the sand timer.',
    'Needed a reminder to share the trucks.',
  ],
  'sel-solve-problem': ['Said “Can I have a turn when you’re done?” at the sand table.'],
};

function noteFor(rng: Rng, targetId: string): string | undefined {
  const notes = OBSERVATION_NOTES[targetId];
  return notes ? pick(rng, notes) : undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Students

interface StudentSpec {
  readonly name: string;
  readonly picture: string;
  readonly familyLanguage: string;
}

const STUDENTS: readonly StudentSpec[] = [
  { name: 'Sofía', picture: 'owl', familyLanguage: 'es' },
  { name: 'Liam', picture: 'rocket', familyLanguage: 'en' },
  { name: 'Mateo', picture: 'lion', familyLanguage: 'es' },
  { name: 'Ava', picture: 'bee', familyLanguage: 'en' },
  { name: 'Camila', picture: 'flower', familyLanguage: 'es' },
  { name: 'Noah', picture: 'turtle', familyLanguage: 'en' },
  { name: 'Zoe', picture: 'kite', familyLanguage: 'en' },
  { name: 'Diego', picture: 'boat', familyLanguage: 'es' },
];

const studentId = (n: number): string => `demo-student-${n}`;

// ---------------------------------------------------------------------------------------------------------

export function buildDemoClass(opts: DemoClassOptions): DemoClass {
  const rng = seededRandom(opts.seed ?? DEFAULT_SEED);
  const today = dayStartMs(opts.now);
  const days = schoolDaysBefore(today, WINDOW_DAYS);
  const last = WINDOW_DAYS - 1;

  /** An ISO time on school day `day` (0 = oldest), `minute` minutes after the start of the school day. */
  const at = (day: number, minute: number): string => {
    const d = days[Math.max(0, Math.min(last, day))] ?? today - DAY_MS;
    return new Date(d + (SCHOOL_START_UTC_MINUTES + minute) * 60_000).toISOString();
  };
  const later = (iso: string, ms: number): string => new Date(Date.parse(iso) + ms).toISOString();
  const anyMinute = (): number => int(rng, 5, 345);

  const school: School = { id: SCHOOL_ID, name: 'Maple Grove Elementary (demo)', scale: DEFAULT_SCALE };
  const teacher: Teacher = { id: TEACHER_ID, schoolId: SCHOOL_ID, displayName: 'Ms. Rivera' };
  const template = [...L, ...selTargets.map((t) => t.id)];
  const classGroup: ClassGroup = {
    id: CLASS_ID,
    schoolId: SCHOOL_ID,
    name: 'Kindergarten, Room 4 (demo)',
    teacherIds: [TEACHER_ID],
    templateTargetIds: template,
    language: 'en',
  };
  const students: Student[] = STUDENTS.map((s, i) => ({
    id: studentId(i + 1),
    classId: CLASS_ID,
    displayName: s.name,
    picture: s.picture,
    familyLanguage: s.familyLanguage,
    archived: false,
  }));

  const drafts: Draft[] = [];

  // --- evidence builders -----------------------------------------------------------------------------------

  const results = (items: readonly string[], notYet: ReadonlySet<string>, notes: Record<string, string> = {}) =>
    shuffled(rng, items).map((itemId): ItemResult => {
      const note = notes[itemId];
      return {
        itemId,
        result: notYet.has(itemId) ? 'notYet' : 'correct',
        ...(note === undefined ? {} : { note }),
      };
    });

  const check = (
    student: number,
    targetIds: readonly string[],
    day: number,
    itemResults: readonly ItemResult[],
    extra: { level?: number; note?: string } = {},
  ): void => {
    const observedAt = at(day, anyMinute());
    const durationMs = (20 + itemResults.length * int(rng, 4, 7)) * 1000;
    drafts.push({
      studentId: studentId(student),
      targetIds: [...targetIds],
      kind: 'check',
      observedAt,
      recordedAt: later(observedAt, durationMs),
      recordedBy: TEACHER,
      ...(extra.level === undefined ? {} : { level: extra.level }),
      ...(extra.note === undefined ? {} : { note: extra.note }),
      itemResults,
      durationMs,
    });
  };

  /** A check of all the target's items, with these not yet known. */
  const fullCheck = (
    student: number,
    targetId: string,
    day: number,
    notYet: readonly string[] = [],
    extra: { note?: string; itemNotes?: Record<string, string> } = {},
  ): void => {
    const items = itemIdsOf(target(targetId));
    for (const id of notYet) if (!items.includes(id)) throw new Error(`demo: ${id} is not an item of ${targetId}`);
    check(student, [targetId], day, results(items, new Set(notYet), extra.itemNotes), extra);
  };

  /** A check of up to 10 items of the target, `correct` of them right. */
  const sampleCheck = (student: number, targetId: string, day: number, correct: number, note?: string): void => {
    const items = shuffled(rng, itemIdsOf(target(targetId))).slice(0, 10);
    const notYet = new Set(shuffled(rng, items).slice(0, Math.max(0, items.length - correct)));
    check(student, [targetId], day, results(items, notYet), note === undefined ? {} : { note });
  };

  const observe = (student: number, targetIds: readonly string[], day: number, level: number, note?: string): Draft => {
    const observedAt = at(day, anyMinute());
    const draft: Draft = {
      studentId: studentId(student),
      targetIds: [...targetIds],
      kind: 'observation',
      observedAt,
      recordedAt: later(observedAt, int(rng, 1, 6) * 60_000),
      recordedBy: TEACHER,
      level,
      ...(note === undefined ? {} : { note }),
    };
    drafts.push(draft);
    return draft;
  };

  const selfAssess = (student: number, targetId: string, day: number, feeling: 1 | 2 | 3, note?: string): void => {
    const observedAt = at(day, anyMinute());
    drafts.push({
      studentId: studentId(student),
      targetIds: [targetId],
      kind: 'selfAssessment',
      observedAt,
      recordedAt: observedAt,
      recordedBy: { kind: 'student', id: studentId(student) },
      feeling,
      needsReview: true,
      ...(note === undefined ? {} : { note }),
    });
  };

  /** Evidence that meets the target's rule, starting on `start`. Returns the last day used. */
  const master = (student: number, targetIds: readonly string[], start: number): number => {
    const first = target(targetIds[0] ?? '');
    const rule = first.rule;
    let day = start;
    switch (rule.kind) {
      case 'allItemsOnDistinctDays': {
        // Targets sharing an item set (the concepts-of-print tasks) are checked in one sitting.
        const items = targetIds.flatMap((id) => itemIdsOf(target(id)));
        for (let k = 0; k < rule.days; k++) {
          if (k > 0) day += int(rng, 2, 3);
          check(student, targetIds, day, results(items, new Set()));
        }
        return day;
      }
      case 'itemsInOneCheck': {
        const n = Math.min(10, itemIdsOf(first).length);
        if (rng() < 0.4) {
          sampleCheck(student, first.id, day, Math.max(0, rule.count - int(rng, 1, 2)));
          day += int(rng, 2, 3);
        }
        sampleCheck(student, first.id, day, int(rng, rule.count, n));
        return day;
      }
      case 'score': {
        const times = rule.method.kind === 'nTimes' ? rule.method.n : rule.method.kind === 'mOfN' ? rule.method.m : 1;
        for (let k = 0; k < times; k++) {
          if (k > 0) day += int(rng, 1, 2);
          const level = rng() < 0.7 ? 3 : 4;
          if (first.itemSetId) {
            check(student, [first.id], day, results(itemIdsOf(first), new Set()), {
              level,
              ...(OBSERVATION_NOTES[first.id] ? { note: noteFor(rng, first.id) ?? '' } : {}),
            });
          } else {
            observe(student, [first.id], day, level, noteFor(rng, first.id));
          }
        }
        return day;
      }
    }
  };

  /** Masters these targets in order across school days [from, to]. */
  const masterAll = (student: number, ids: readonly string[], from: number, to: number): void => {
    const groups: string[][] = [];
    for (const id of ids) {
      const t = target(id);
      const prev = groups.at(-1);
      const prevTarget = prev?.[0] === undefined ? undefined : target(prev[0]);
      const sameItemRule =
        prevTarget !== undefined &&
        t.itemSetId !== undefined &&
        prevTarget.itemSetId === t.itemSetId &&
        prevTarget.rule.kind === 'allItemsOnDistinctDays' &&
        t.rule.kind === 'allItemsOnDistinctDays';
      if (prev && sameItemRule) {
        prev.push(id);
      } else {
        groups.push([id]);
      }
    }
    groups.forEach((group, k) => {
      const start = from + Math.floor((k * (to - from)) / Math.max(1, groups.length));
      master(student, group, start);
    });
  };

  // --- 1 Sofía: on syllables ("I'm doing syllables now") ------------------------------------------------
  masterAll(1, before('pa-syllable-segment'), 0, 14);
  sampleCheck(1, 'pa-syllable-segment', 19, 6, 'Clapped caterpillar as 3 parts.');
  sampleCheck(1, 'pa-syllable-segment', 23, 7);
  selfAssess(1, 'pa-syllable-segment', 23, 2, 'I’m doing syllables now.');
  observe(1, ['sel-name-feelings'], 3, 3, noteFor(rng, 'sel-name-feelings'));
  observe(1, ['sel-name-feelings'], 10, 4, noteFor(rng, 'sel-name-feelings'));
  observe(1, ['sel-name-feelings'], 18, 3);
  observe(1, ['sel-notice-others'], 20, 3, noteFor(rng, 'sel-notice-others'));

  // --- 2 Liam: knew his letters at screening (skipped); on onset and rime --------------------------------
  const liamSkips = ['lt-names-upper', 'lt-names-lower'];
  masterAll(
    2,
    before('pa-onset-rime-blend').filter((id) => !liamSkips.includes(id)),
    0,
    16,
  );
  sampleCheck(2, 'pa-onset-rime-blend', 20, 7, 'Blended sh…ip as “sip”.');
  observe(2, ['sel-wait-turn'], 4, 2, 'Called out twice during the read-aloud.');
  observe(2, ['sel-wait-turn'], 12, 2, noteFor(rng, 'sel-wait-turn'));
  observe(2, ['sel-wait-turn'], 21, 3, 'Waited for the talking stick at morning meeting.');

  // --- 3 Mateo: on rhyming -------------------------------------------------------------------------------
  masterAll(3, before('pa-rhyme-recognize'), 0, 13);
  sampleCheck(3, 'pa-rhyme-recognize', 17, 6, 'Said yes to every pair at first.');
  observe(3, ['pa-rhyme-recognize'], 19, 2, 'Heard the rhymes in the Sheep in a Jeep read-aloud with help.');
  sampleCheck(3, 'pa-rhyme-recognize', 22, 8);
  observe(3, ['sel-share-take-turns'], 6, 3, noteFor(rng, 'sel-share-take-turns'));
  observe(3, ['sel-wait-turn'], 14, 3, noteFor(rng, 'sel-wait-turn'));
  selfAssess(3, 'sel-wait-turn', 21, 3);

  // --- 4 Ava: capitals mastered on 2 days; lowercase b, d, p not yet -------------------------------------
  masterAll(4, before('lt-names-upper'), 0, 8);
  fullCheck(4, 'lt-names-upper', 2, ['Q', 'U', 'V', 'W']);
  fullCheck(4, 'lt-names-upper', 7, ['W']);
  fullCheck(4, 'lt-names-upper', 11);
  fullCheck(4, 'lt-names-upper', 15, [], { note: 'All 26, quickly. Capitals done!' });
  const bdp = { b: 'said d', d: 'said b', p: 'said q', q: 'said p', g: 'said q' };
  fullCheck(4, 'lt-names-lower', 17, ['b', 'd', 'p', 'q', 'g'], { itemNotes: bdp });
  fullCheck(4, 'lt-names-lower', 21, ['b', 'd', 'p', 'q'], { itemNotes: bdp });
  fullCheck(4, 'lt-names-lower', 24, ['b', 'd', 'p'], {
    itemNotes: bdp,
    note: 'Still mixing up b, d and p. Try the “bed” hand trick.',
  });
  selfAssess(4, 'lt-names-lower', 24, 2);
  observe(4, ['sel-ask-for-help'], 9, 2, noteFor(rng, 'sel-ask-for-help'));
  observe(4, ['sel-ask-for-help'], 19, 3, 'Came to me and said “I need help with my zipper.”');

  // --- 5 Camila: on capital letters, with planned dates ---------------------------------------------------
  masterAll(5, before('lt-names-upper'), 0, 10);
  const camilaMissing = ['B', 'D', 'G', 'J', 'K', 'L', 'N', 'P', 'Q', 'R', 'U', 'V', 'W', 'Y'];
  fullCheck(5, 'lt-names-upper', 9, camilaMissing);
  fullCheck(5, 'lt-names-upper', 15, ['B', 'G', 'J', 'N', 'Q', 'U', 'V', 'Y']);
  fullCheck(5, 'lt-names-upper', 22, ['G', 'J', 'Q', 'V', 'Y'], { note: 'Knows all the letters in CAMILA.' });
  observe(5, ['sel-name-feelings'], 5, 2, 'Pointed to “sad” on the chart but would not say it.');
  observe(5, ['sel-name-feelings'], 16, 3, noteFor(rng, 'sel-name-feelings'));

  // --- 6 Noah: one-to-one pointing; teacher moved him on to capitals -------------------------------------
  masterAll(6, before('cp-one-to-one'), 0, 9);
  observe(6, ['cp-one-to-one'], 12, 2, 'Finger ran ahead on the two-syllable words.');
  observe(6, ['cp-one-to-one'], 17, 2, noteFor(rng, 'cp-one-to-one'));
  // Written up from a sticky note three school days later.
  const late = observe(6, ['cp-one-to-one'], last - 3, 3, 'Pointed under each word on the “I see a…” page.');
  drafts[drafts.indexOf(late)] = { ...late, recordedAt: later(at(last, 300), int(rng, 0, 30) * 60_000) };
  fullCheck(6, 'lt-names-upper', 23, ['B', 'D', 'G', 'J', 'Q', 'V']);
  observe(6, ['sel-calm-down'], 8, 3, noteFor(rng, 'sel-calm-down'));

  // --- 7 Zoe: on making rhymes, sight words as enrichment ------------------------------------------------
  masterAll(7, before('pa-rhyme-produce'), 0, 13);
  sampleCheck(7, 'pa-rhyme-produce', 18, 6, 'Nonsense rhymes for cake (bake, zake) count.');
  sampleCheck(7, 'pa-rhyme-produce', 23, 7);
  const dolch = itemIdsOf(target('hf-dolch-pre-primer'));
  const zoeUnknown = shuffled(rng, dolch).slice(0, 12);
  fullCheck(7, 'hf-dolch-pre-primer', 16, zoeUnknown);
  fullCheck(7, 'hf-dolch-pre-primer', 21, zoeUnknown.slice(0, 6), { note: 'Reads 34 of 40 at sight.' });
  selfAssess(7, 'hf-dolch-pre-primer', 21, 3);
  observe(7, ['sel-name-feelings'], 2, 3, noteFor(rng, 'sel-name-feelings'));
  observe(7, ['sel-name-feelings'], 8, 4, noteFor(rng, 'sel-name-feelings'));
  observe(7, ['sel-name-feelings'], 14, 3, noteFor(rng, 'sel-name-feelings'));
  observe(7, ['sel-share-take-turns'], 20, 4, noteFor(rng, 'sel-share-take-turns'));

  // --- 8 Diego: on clapping words; calm-down strategies ---------------------------------------------------
  masterAll(8, before('pa-word-awareness'), 0, 13);
  sampleCheck(8, 'pa-word-awareness', 16, 2, 'Clapped syllables instead of words.');
  sampleCheck(8, 'pa-word-awareness', 22, 3);
  observe(8, ['sel-calm-down'], 1, 1, 'Cried and hid under the table at clean-up; needed an adult to calm down.');
  observe(8, ['sel-calm-down'], 7, 2, 'Used balloon breaths with a reminder, then rejoined the group.');
  observe(8, ['sel-calm-down'], 13, 2);
  observe(8, ['sel-calm-down'], 20, 3, 'Counted to 10 on his own when he lost the game.');
  selfAssess(8, 'sel-calm-down', 20, 2);
  const wrong = observe(8, ['sel-share-take-turns'], 18, 1, 'Grabbed the trucks from a friend at centers.');
  drafts[drafts.indexOf(wrong)] = {
    ...wrong,
    voided: {
      reason: 'Recorded for the wrong child; entered again for the right one.',
      at: later(wrong.recordedAt, 25 * 60_000),
      by: TEACHER,
    },
  };

  // --- ids: oldest first -----------------------------------------------------------------------------------
  const evidence: Evidence[] = drafts
    .map((d, order) => ({ d, order }))
    .sort((a, b) => (a.d.observedAt < b.d.observedAt ? -1 : a.d.observedAt > b.d.observedAt ? 1 : a.order - b.order))
    .map(({ d }, i): Evidence => ({ id: `demo-ev-${String(i + 1).padStart(3, '0')}`, ...d }));

  // --- paths -----------------------------------------------------------------------------------------------
  const plain = (ids: readonly string[]): PathEntry[] => ids.map((targetId) => ({ targetId }));
  const paths: Path[] = students.map((s) => ({ id: s.id, studentId: s.id, entries: plain(template) }));
  const setEntries = (n: number, entries: PathEntry[]): void => {
    const id = studentId(n);
    paths[n - 1] = { id, studentId: id, entries };
  };
  setEntries(
    2,
    template.map((targetId) =>
      liamSkips.includes(targetId)
        ? { targetId, skippedReason: 'Named all 26 capital and 26 lowercase letters at the fall screening.' }
        : { targetId },
    ),
  );
  setEntries(
    5,
    template.map((targetId): PathEntry => {
      const planned: Record<string, number> = { 'lt-names-upper': 10, 'lt-names-lower': 30, 'pa-word-awareness': 40 };
      const n = planned[targetId];
      return n === undefined ? { targetId } : { targetId, plannedDate: schoolDayAfter(today, n) };
    }),
  );
  const zoe = template.filter((id) => id !== 'hf-dolch-pre-primer');
  zoe.splice(zoe.indexOf('pa-rhyme-produce') + 1, 0, 'hf-dolch-pre-primer');
  setEntries(
    7,
    zoe.map((targetId) => (targetId === 'hf-dolch-pre-primer' ? { targetId, enrichment: true } : { targetId })),
  );

  // --- decisions -------------------------------------------------------------------------------------------
  const decisions: Decision[] = [
    {
      id: 'demo-decision-1',
      studentId: studentId(1),
      targetId: 'pa-syllable-segment',
      kind: 'chooseNext',
      showHow: 'Clap the parts in my friends’ names.',
      decidedAt: at(17, 30),
      decidedBy: { kind: 'student', id: studentId(1) },
    },
    {
      id: 'demo-decision-2',
      studentId: studentId(6),
      targetId: 'lt-names-upper',
      kind: 'setCurrent',
      reason: 'Start capital letters now; keep practicing pointing in guided reading.',
      decidedAt: at(20, 200),
      decidedBy: TEACHER,
    },
  ];

  return { school, teacher, classGroup, students, paths, evidence, decisions };
}
