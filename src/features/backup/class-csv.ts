import type { ClassExportData, EvidenceRecord, StudentRecord, TargetRecord } from '#db';
import type { Actor } from '#protocol';
import { toCsv } from '#protocol/csv.ts';
import type { StudentProgress, TargetProgress } from '#rules';
import { levelLabel, targetListLabel, targetStatement } from '#ui/target-text.ts';
import { renderRulesMessage } from '#ui/rules-message.ts';
import type { Translate } from '#ui/useT.ts';

/**
 * The class's evidence and mastery as spreadsheets, in the screen's language (text defused; the caller adds
 * the BOM when saving). Statuses, scores and reasons come from the rules' results passed in: nothing here
 * decides mastery.
 */

function lookups(data: ClassExportData) {
  const targets = new Map<string, TargetRecord>();
  const itemLabels = new Map<string, Map<string, string>>();
  for (const student of data.students) {
    for (const target of student.targets) targets.set(target.id, target);
    for (const set of student.itemSets) itemLabels.set(set.id, new Map(set.items.map((i) => [i.id, i.label])));
  }
  const people = new Map<string, string>([
    ...data.teachers.map((teacher): [string, string] => [`teacher:${teacher.id}`, teacher.displayName]),
    ...data.students.map((s): [string, string] => [`student:${s.student.id}`, s.student.displayName]),
  ]);
  return { targets, itemLabels, people };
}

const day = (iso: string) => iso.slice(0, 10);

/** One row per piece of evidence: student, date, kind, targets, level, item results, note, who, voided. */
export function buildEvidenceCsv(data: ClassExportData, t: Translate, language: string): string {
  const csv = evidenceCsv(data, t, language);
  return toCsv([csv.header, ...data.students.flatMap(({ student, evidence }) => csv.rows(student, evidence))]);
}

/**
 * The evidence spreadsheet's header and, for one student at a time, their rows (oldest first), so a year's
 * evidence can be written one student after another (evidence-csv-stream.ts) as well as all at once.
 */
export function evidenceCsv(data: ClassExportData, t: Translate, language: string) {
  const { targets, itemLabels, people } = lookups(data);
  const scale = data.students[0]?.scale;
  const recordedBy = (actor: Actor) => {
    const name = people.get(`${actor.kind}:${actor.id}`);
    const kind = t(`exports.by.${actor.kind}`);
    return name ? t('exports.by.named', { kind, name }) : kind;
  };
  const itemSummary = (evidence: EvidenceRecord) => {
    if (!evidence.itemResults) return '';
    const labelOf = (itemId: string) => {
      for (const targetId of evidence.targetIds) {
        const setId = targets.get(targetId)?.itemSetId;
        const label = setId ? itemLabels.get(setId)?.get(itemId) : undefined;
        if (label !== undefined) return label;
      }
      return itemId;
    };
    const tried = evidence.itemResults.filter((r) => r.result !== 'skipped');
    const notYet = tried.filter((r) => r.result === 'notYet').map((r) => labelOf(r.itemId));
    const summary = t('exports.items.correct', {
      correct: tried.length - notYet.length,
      count: tried.length,
    });
    return notYet.length > 0 ? `${summary} ${t('exports.items.notYet', { items: notYet })}` : summary;
  };

  const header = [
    t('exports.col.student'),
    t('exports.col.observed'),
    t('exports.col.kind'),
    t('exports.col.targets'),
    t('exports.col.level'),
    t('exports.col.levelName'),
    t('exports.col.items'),
    t('exports.col.note'),
    t('exports.col.recordedBy'),
    t('exports.col.voided'),
  ];
  const rows = (student: StudentRecord, evidence: readonly EvidenceRecord[]): string[][] =>
    [...evidence]
      .sort((a, b) => a.observedAt.localeCompare(b.observedAt) || a.id.localeCompare(b.id))
      .map((e) => {
        const level = e.level === undefined ? undefined : scale?.levels.find((l) => l.value === e.level);
        return [
          student.displayName,
          day(e.observedAt),
          t(`evidence.kind.${e.kind}`),
          targetListLabel(e.targetIds, targets, language),
          e.level === undefined ? '' : String(e.level),
          level ? levelLabel(t, level) : '',
          itemSummary(e),
          e.note ?? '',
          recordedBy(e.recordedBy),
          e.voided ? t('exports.voided', { date: day(e.voided.at), reason: e.voided.reason }) : '',
        ];
      });
  return { header, rows };
}

/**
 * When a mastered target was mastered, as far as the rules' result shows it: the teacher's mark-mastered
 * date, else the newest evidence the rule counted. Empty when not mastered.
 */
export function masteredOn(progress: TargetProgress, evidence: readonly EvidenceRecord[]): string {
  if (!progress.isMastered) return '';
  if (progress.override?.kind === 'markMastered') return day(progress.override.decidedAt);
  const counted = new Set(progress.explanation.evidenceIds);
  const dates = evidence.filter((e) => counted.has(e.id)).map((e) => day(e.observedAt));
  return dates.sort().at(-1) ?? '';
}

export function statusWord(t: Translate, p: TargetProgress): string {
  return t(p.isSkipped ? 'status.skipped' : `status.${p.status}`);
}

/** One row per student and target on their path: status, score, mastered on, why, current target. */
export function buildMasteryCsv(
  data: ClassExportData,
  progress: readonly StudentProgress[],
  t: Translate,
  language: string,
): string {
  const { targets } = lookups(data);
  const header = [
    t('exports.col.student'),
    t('exports.col.target'),
    t('exports.col.statement'),
    t('exports.col.status'),
    t('exports.col.score'),
    t('exports.col.masteredOn'),
    t('exports.col.why'),
    t('exports.col.current'),
  ];
  const rows = data.students.flatMap(({ student, evidence }, i) => {
    const studentProgress = progress[i]!;
    return studentProgress.targets.map((p) => {
      const target = targets.get(p.targetId);
      return [
        student.displayName,
        p.code,
        target ? targetStatement(target, language, 'teacher') : '',
        statusWord(t, p),
        p.score === null ? '' : String(p.score),
        masteredOn(p, evidence),
        renderRulesMessage(t, p.explanation.message),
        p.targetId === studentProgress.currentTargetId ? t('exports.yes') : '',
      ];
    });
  });
  return toCsv([header, ...rows]);
}
