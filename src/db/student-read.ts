import { isUsableRecord } from '#protocol';
import { bulkRead } from './bulk-read.ts';
import { currentSummary, saveLater, type ProgressCacheRow, type SummaryMaker } from './class-progress.ts';
import type { StudentEvidenceRow } from './evidence-facts.ts';
import type { EvidencePage } from './evidence-repository.ts';
import { aliveOne } from './live.ts';
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

/**
 * A child's page as it first paints, in one read: the child, their path, the targets and item sets, their
 * decisions and scale (the rules' input but the evidence), their summary of the rules' answer (the one the
 * class views cache, class-progress.ts), and the newest page of their evidence. With a year of evidence the
 * page no longer runs the rules before it paints: the summary holds what the first screenful shows (current
 * target, next step, its explanation), and the full answer (every target's status) follows after paint from
 * the evidence facts (useFullProgress). The summary is made here only when the cached one is not current.
 */
export interface StudentPageRead<S> {
  /** The rules' input without the evidence facts (read after first paint; see `progressData`). */
  readonly data: Omit<StudentProgressData, 'evidence'>;
  readonly summary: S;
  /** The newest observations first, voided ones too (the list shows them struck through). */
  readonly newest: EvidencePage;
  /**
   * The rules' whole input, when the summary had to be made from it (the facts were read then): the same
   * object the maker was given, so an evaluation kept per input (evaluateProgress) is not made twice.
   */
  readonly progressData: StudentProgressData | null;
}

/** The tables whose writes change the page (the summary's versions move with them, in the same transaction). */
export const STUDENT_PAGE_TABLES = [
  'students',
  'classes',
  'schools',
  'paths',
  'targets',
  'itemSets',
  'decisions',
  'evidence',
] as const;

const READ_TABLES = [...STUDENT_PAGE_TABLES, 'settings', 'progressCache', 'studentEvidence'] as const;

/** null when there is no such child (or they were deleted). */
export async function readStudentPage<S>(
  store: Store,
  studentId: string,
  maker: SummaryMaker<S>,
  pageSize: number,
): Promise<StudentPageRead<S> | null> {
  const read = await bulkRead(store, READ_TABLES, async (tx) => {
    // Everything keyed by the child goes out at once; the class and school wait only for the student row.
    const shared = Promise.all([
      tx.getAll<TargetRecord>('targets'),
      tx.getAll<ItemSetRecord>('itemSets'),
      tx.getAllBetween<DecisionRecord>('decisions', 'studentId', studentId, studentId),
      tx.getNewest<EvidenceRecord>(
        'evidence',
        '[studentId+observedAt]',
        studentId,
        pageSize + 1,
        (row) => !row.deleted && isUsableRecord('evidence', row),
      ),
    ]);
    const [student, path, versionsRow, cached] = await Promise.all([
      tx.get<StudentRecord>('students', studentId),
      tx.get<PathRecord>('paths', studentId),
      tx.get<SettingRecord>('settings', VERSIONS_KEY),
      tx.get<ProgressCacheRow>('progressCache', studentId),
    ]);
    if (!aliveOne(student)) {
      await shared;
      return null;
    }
    const versions = (versionsRow?.value as ProgressVersions | undefined) ?? NO_VERSIONS;
    const summary = currentSummary(cached, maker.key, versions);
    const [group, factsRow] = await Promise.all([
      tx.get<ClassRecord>('classes', student!.classId),
      summary ? undefined : tx.get<StudentEvidenceRow>('studentEvidence', studentId),
    ]);
    const school = aliveOne(group) ? await tx.get<SchoolRecord>('schools', group!.schoolId) : undefined;
    const [targets, itemSets, decisions, newest] = await shared;
    return { student: student!, path, versions, summary, factsRow, school, targets, itemSets, decisions, newest };
  });
  if (!read) return null;
  const data = progressInputOf(read);
  const newest: EvidencePage = { records: read.newest.slice(0, pageSize), hasMore: read.newest.length > pageSize };
  if (read.summary) return { data, summary: read.summary.summary as S, newest, progressData: null };
  // Not current (a write since, a new day, a child the class views have not shown): made now, from the facts,
  // after the transaction (it must not wait on the rules), and cached for the next read.
  const progressData: StudentProgressData = { ...data, evidence: read.factsRow?.facts ?? [] };
  const summary = maker.summarize(progressData);
  saveLater(store, maker.key, read.versions, new Map([[studentId, summary]]));
  return { data, summary, newest, progressData };
}
