import type { RosterIssue, RosterPreview, RosterProblem, RosterRow } from '#protocol/oneroster.ts';
import type { Translate } from '#ui/useT.ts';

/** Imported, not imported (by choice or by its role), or a row that cannot be imported as it is. */
export type RowMark = 'import' | 'not' | 'problem';

export interface RowView {
  readonly key: string;
  readonly line: number;
  readonly person: string;
  /** enrollments.csv rows: the class the row names. */
  readonly className?: string;
  readonly mark: RowMark;
  readonly text: string;
}

/** One issue in words (`file` names the file for whole-file problems). */
export function issueText(t: Translate, issue: RosterIssue, file = ''): string {
  switch (issue.code) {
    case 'fileMissing':
      return t('roster.issue.fileMissing', { file });
    case 'unterminatedQuote':
      return t('roster.issue.unterminatedQuote', { file, line: issue.line });
    case 'columnMissing':
      return t('roster.issue.columnMissing', { file, columns: issue.columns });
    case 'noOrgName':
    case 'noGivenName':
    case 'noTitle':
      return t(`roster.issue.${issue.code}`);
    case 'userSkipped':
    case 'classSkipped':
      return t(`roster.issue.${issue.code}`, { value: issue.value, line: issue.line });
    default:
      return t(`roster.issue.${issue.code}`, { value: issue.value });
  }
}

export const problemText = (t: Translate, problem: RosterProblem): string => issueText(t, problem.issue, problem.file);

/**
 * What the import will do with each users.csv and enrollments.csv row, given the ticked classes: the
 * teacher reads who joins which class, and why a row is left out, before anything is written.
 */
export function rowViews(t: Translate, preview: RosterPreview, chosen: readonly string[]): RowView[] {
  const titleOf = new Map(preview.classes.map((c) => [c.sourcedId, c.title]));
  const title = (id: string) => titleOf.get(id) ?? id;
  const person = (row: RosterRow) => {
    const p = preview.people[row.userSourcedId];
    return p ? `${p.displayName} ${p.familyName}`.trim() : row.userSourcedId;
  };
  return preview.rows.map((row): RowView => {
    const base = { key: `${row.file}:${row.line}`, line: row.line, person: person(row) };
    const words = ((): { mark: RowMark; text: string } => {
      const o = row.outcome;
      switch (o.kind) {
        case 'student': {
          const ticked = o.classSourcedIds.filter((id) => chosen.includes(id));
          return ticked.length > 0
            ? { mark: 'import', text: t('roster.outcome.student', { classes: ticked.map(title) }) }
            : { mark: 'not', text: t('roster.outcome.studentNoneTicked') };
        }
        case 'staff':
          return { mark: 'not', text: t('roster.outcome.staff', { classes: o.classSourcedIds.map(title) }) };
        case 'joins': {
          const name = title(row.classSourcedId ?? '');
          return chosen.includes(row.classSourcedId ?? '')
            ? { mark: 'import', text: t('roster.outcome.joins', { class: name }) }
            : { mark: 'not', text: t('roster.outcome.joinsNotTicked', { class: name }) };
        }
        case 'noClass':
        case 'teacher':
          return { mark: 'not', text: t(`roster.outcome.${o.kind}`) };
        case 'otherRole':
          return { mark: 'not', text: t('roster.outcome.otherRole', { role: o.role }) };
        case 'duplicate':
          return { mark: 'not', text: t('roster.outcome.duplicate', { line: o.line }) };
        case 'inactive':
          return { mark: 'not', text: t('roster.outcome.inactive', { status: o.status }) };
        case 'skipped':
          return { mark: 'problem', text: t('roster.outcome.skipped', { reason: issueText(t, o.issue) }) };
      }
    })();
    return row.file === 'enrollments.csv'
      ? { ...base, className: title(row.classSourcedId ?? ''), ...words }
      : { ...base, ...words };
  });
}
