import type { ClassExportData, TargetRecord } from '#db';
import type { GradebookInput, GradebookLineItem, GradebookResult } from '#protocol/oneroster-results.ts';
import type { StudentProgress } from '#rules';
import { targetLabel, targetStatement } from '#ui/target-text.ts';
import { renderRulesMessage } from '#ui/rules-message.ts';
import type { Translate } from '#ui/useT.ts';
import { masteredOn, statusWord } from './class-csv.ts';

/** A OneRoster sourcedId: 1–255 of the characters the 1.2 CSV binding allows. */
export const SOURCED_ID = /^[A-Za-z0-9._\-/@]{1,255}$/;

/**
 * The class's results for the OneRoster writer (src/protocol/oneroster-results.ts): one line item per target
 * on any student's path, one result per student and target. Status, score and reason come from the rules.
 */
export function buildGradebookInput(
  data: ClassExportData,
  progress: readonly StudentProgress[],
  options: { readonly exportedAt: string; readonly academicSessionSourcedId: string },
  t: Translate,
  language: string,
): GradebookInput {
  const today = options.exportedAt.slice(0, 10);
  const targets = new Map<string, TargetRecord>(data.students.flatMap((s) => s.targets.map((x) => [x.id, x])));
  const scale = data.students[0]?.scale;
  const values = scale?.levels.map((l) => l.value) ?? [0];

  const results: GradebookResult[] = [];
  const firstEvidence = new Map<string, string>();
  const lastPlanned = new Map<string, string>();
  data.students.forEach(({ student, evidence, path }, i) => {
    for (const e of evidence) {
      if (e.voided) continue;
      for (const id of e.targetIds) {
        const date = e.observedAt.slice(0, 10);
        if (!firstEvidence.has(id) || date < firstEvidence.get(id)!) firstEvidence.set(id, date);
      }
    }
    for (const entry of path?.entries ?? []) {
      if (entry.plannedDate && entry.plannedDate > (lastPlanned.get(entry.targetId) ?? ''))
        lastPlanned.set(entry.targetId, entry.plannedDate);
    }
    for (const p of progress[i]!.targets) {
      const activity = new Set(p.activityIds);
      const lastActivity = evidence
        .filter((e) => activity.has(e.id))
        .map((e) => e.observedAt.slice(0, 10))
        .sort()
        .at(-1);
      results.push({
        targetId: p.targetId,
        studentId: student.id,
        status: p.isSkipped ? 'skipped' : p.status,
        score: p.score,
        scoreDate: masteredOn(p, evidence) || lastActivity || today,
        textScore: statusWord(t, p),
        comment: renderRulesMessage(t, p.explanation.message),
      });
    }
  });

  const targetIds = [...new Set(results.map((r) => r.targetId))];
  const lineItems = targetIds.flatMap((id): GradebookLineItem[] => {
    const target = targets.get(id);
    if (!target) return [];
    const assignDate = firstEvidence.get(id) ?? today;
    const planned = lastPlanned.get(id) ?? today;
    return [
      {
        targetId: id,
        title: targetLabel(target, language),
        description: targetStatement(target, language, 'teacher'),
        categoryKey: target.frameworkId,
        assignDate,
        dueDate: planned < assignDate ? assignDate : planned,
        resultValueMin: Math.min(...values),
        resultValueMax: Math.max(...values),
        ...(target.caseIdentifier ? { caseIdentifier: target.caseIdentifier } : {}),
      },
    ];
  });
  const frameworkTitles = new Map(data.frameworks.map((f) => [f.id, f.title]));
  const frameworkIds = [...new Set(lineItems.map((li) => li.categoryKey))];
  return {
    exportedAt: options.exportedAt,
    classId: data.group.id,
    schoolId: data.group.schoolId,
    academicSessionSourcedId: options.academicSessionSourcedId,
    categories: frameworkIds.map((id) => ({ key: id, title: frameworkTitles.get(id) ?? id })),
    lineItems,
    results,
  };
}
