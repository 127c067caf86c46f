import { isUsableRecord } from '#protocol';
import { bulkRead } from './bulk-read.ts';
import type { StudentEvidenceRow } from './evidence-facts.ts';
import type { EvidencePage } from './evidence-repository.ts';
import { aliveOne, readable } from './live.ts';
import { progressInputOf, type StudentProgressData } from './progress-data.ts';
import type {
  ClassRecord,
  DecisionRecord,
  EvidenceRecord,
  ItemSetRecord,
  PathRecord,
  SchoolRecord,
  SettingRecord,
  StudentRecord,
  TargetRecord,
} from './records.ts';
import type { Store } from './store.ts';
import { NO_VERSIONS, VERSIONS_KEY, type ProgressVersions } from './summaries-middleware.ts';

/** What the conference shows at once, read in one transaction (see readConference). */
export interface ConferenceRead {
  /** The rules' input: the student, path, targets, item sets, evidence facts, decisions and scale. */
  readonly data: StudentProgressData;
  /** The newest page of the student's evidence records (voided ones kept), for the timeline. */
  readonly timeline: EvidencePage;
  /** The whole records of the student's submissions waiting for review, in the facts' order. */
  readonly waiting: readonly EvidenceRecord[];
  /** The rules' input versions the read saw (summaries-middleware.ts): an equal pair means nothing changed. */
  readonly versions: ConferenceVersions;
}

export interface ConferenceVersions {
  readonly student: number;
  readonly content: number;
}

/**
 * The tables whose writes may change a conference: the student's records, the content every child
 * shares, and the facts. A write to one of them moves the rules' input versions on (the summaries
 * middleware), which is what readConference checks before it reads again.
 */
export const CONFERENCE_TABLES = [
  'students',
  'paths',
  'evidence',
  'studentEvidence',
  'decisions',
  'targets',
  'itemSets',
  'classes',
  'schools',
] as const;

const READ_TABLES = ['settings', ...CONFERENCE_TABLES] as const;

/**
 * The conference of one student as its first paint needs it, in one read-only IndexedDB transaction and
 * one round of requests (bulk-read.ts): the rules' input as loadStudentProgressData gives it, the newest
 * `pageSize` pieces of evidence (backwards on `[studentId+observedAt]`), and the few records waiting for
 * review. Through Dexie the same took a transaction and its promise zones per request, and the timeline
 * and the review queue each a live query of their own, all answered one after another on a slow tablet.
 *
 * With `previous` (the last read of the same student), the rules' input versions are read first and, when
 * they are the ones `previous` saw, `previous` itself is returned: a sync writing other children's rows
 * costs one small read, not a re-read of a year of this child's facts. Null when there is no such student.
 */
export async function readConference(
  store: Store,
  studentId: string,
  pageSize: number,
  previous?: ConferenceRead | null,
): Promise<ConferenceRead | null> {
  if (previous) {
    const versions = await bulkRead(store, ['settings'], async (tx) =>
      versionsOf(await tx.get<SettingRecord>('settings', VERSIONS_KEY), studentId),
    );
    if (sameVersions(versions, previous.versions)) return previous;
  }
  return bulkRead(store, READ_TABLES, async (tx) => {
    const isShown = (row: EvidenceRecord) => !row.deleted && isUsableRecord('evidence', row);
    const [versionsRow, student, path, targets, itemSets, factsRow, decisions, classes, schools, timeline] =
      await Promise.all([
        tx.get<SettingRecord>('settings', VERSIONS_KEY),
        tx.get<StudentRecord>('students', studentId),
        tx.get<PathRecord>('paths', studentId),
        tx.getAll<TargetRecord>('targets'),
        tx.getAll<ItemSetRecord>('itemSets'),
        tx.get<StudentEvidenceRow>('studentEvidence', studentId),
        tx.getAllBetween<DecisionRecord>('decisions', 'studentId', studentId, studentId),
        tx.getAll<ClassRecord>('classes'),
        tx.getAll<SchoolRecord>('schools'),
        // One more than the page, to know whether more follow.
        tx.getNewest<EvidenceRecord>('evidence', '[studentId+observedAt]', studentId, pageSize + 1, isShown),
      ]);
    const shownStudent = aliveOne(student);
    if (!shownStudent) return null;
    const facts = factsRow?.facts ?? [];
    const waitingIds = facts.filter((e) => e.needsReview && !e.reviewedAt).map((e) => e.id);
    const waiting = await Promise.all(waitingIds.map((id) => tx.get<EvidenceRecord>('evidence', id)));
    const group = aliveOne(classes.find((c) => c.id === shownStudent.classId));
    const school = group ? aliveOne(schools.find((s) => s.id === group.schoolId)) : undefined;
    const data: StudentProgressData = {
      ...progressInputOf({ student: shownStudent, path, targets, itemSets, decisions, school }),
      evidence: facts,
    };
    return {
      data,
      timeline: { records: timeline.slice(0, pageSize), hasMore: timeline.length > pageSize },
      waiting: readable(
        'evidence',
        waiting.flatMap((row) => row ?? []),
      ),
      versions: versionsOf(versionsRow, studentId),
    };
  });
}

function versionsOf(row: SettingRecord | undefined, studentId: string): ConferenceVersions {
  const versions = (row?.value as ProgressVersions | undefined) ?? NO_VERSIONS;
  return { student: versions.students[studentId] ?? 0, content: versions.content };
}

function sameVersions(a: ConferenceVersions, b: ConferenceVersions): boolean {
  return a.student === b.student && a.content === b.content;
}
