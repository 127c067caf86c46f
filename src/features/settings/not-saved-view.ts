/**
 * A refused change in plain words: what it was ("Ana's observation of May 3"), why the server did not save
 * it, and what to do. Worded from the refusal code and the kind of device, never from the server's text.
 */
import type { NotSavedChange } from '#db';
import type { MessageKey } from '#i18n';

export interface NotSavedWords {
  readonly subject: MessageKey;
  readonly subjectParams: { readonly name: string; readonly date: string; readonly label: string };
  readonly why: MessageKey;
  readonly todo: MessageKey;
}

const EVIDENCE_KINDS = ['observation', 'check', 'workSample', 'selfAssessment', 'conferenceNote'] as const;
const DECISION_KINDS = ['markMastered', 'reopen', 'setCurrent', 'chooseNext'] as const;

export function notSavedWords(
  entry: NotSavedChange,
  names: { readonly someChild: string; readonly formatDate: (iso: string) => string },
): NotSavedWords {
  const { subject } = entry;
  const subjectParams = {
    name: subject.studentName ?? names.someChild,
    date: subject.date ? names.formatDate(subject.date) : '',
    label: subject.label ?? '',
  };
  if (entry.attachment) {
    return {
      subject: 'sync.notSaved.subject.attachment',
      subjectParams,
      why: 'sync.notSaved.why.attachment',
      todo: 'sync.notSaved.todo.attachment',
    };
  }
  return { subject: subjectKey(entry), subjectParams, ...reasonKeys(entry) };
}

function subjectKey(entry: NotSavedChange): MessageKey {
  const kind = entry.subject.kind;
  switch (entry.table) {
    case 'evidence':
      return EVIDENCE_KINDS.find((k) => k === kind)
        ? `sync.notSaved.subject.evidence.${kind as (typeof EVIDENCE_KINDS)[number]}`
        : 'sync.notSaved.subject.evidence';
    case 'decisions':
      return DECISION_KINDS.find((k) => k === kind)
        ? `sync.notSaved.subject.decision.${kind as (typeof DECISION_KINDS)[number]}`
        : 'sync.notSaved.subject.decision';
    case 'paths':
      return 'sync.notSaved.subject.path';
    case 'students':
      return 'sync.notSaved.subject.student';
    case 'classes':
      return 'sync.notSaved.subject.class';
    case 'schools':
      return 'sync.notSaved.subject.school';
    case 'teachers':
      return 'sync.notSaved.subject.teacher';
    case 'frameworks':
      return 'sync.notSaved.subject.framework';
    case 'targets':
      return 'sync.notSaved.subject.target';
    case 'itemSets':
      return 'sync.notSaved.subject.itemSet';
  }
}

function reasonKeys(entry: NotSavedChange): Pick<NotSavedWords, 'why' | 'todo'> {
  switch (entry.code) {
    case 'forbidden':
      return forbiddenKeys(entry);
    case 'immutable':
      return { why: 'sync.notSaved.why.immutable', todo: 'sync.notSaved.todo.void' };
    case 'scope':
      return { why: 'sync.notSaved.why.scope', todo: 'sync.notSaved.todo.checkClass' };
    case 'conflict':
      return { why: 'sync.notSaved.why.conflict', todo: 'sync.notSaved.todo.again' };
    case 'invalidField':
      return { why: 'sync.notSaved.why.invalidField', todo: 'sync.notSaved.todo.update' };
    case 'clockAhead':
    case 'invalid':
      return { why: 'sync.notSaved.why.invalid', todo: 'sync.notSaved.todo.again' };
  }
}

function forbiddenKeys(entry: NotSavedChange): Pick<NotSavedWords, 'why' | 'todo'> {
  if (entry.deviceKind !== 'teacher') {
    const todo = 'sync.notSaved.todo.teacherTablet';
    switch (entry.table) {
      case 'evidence':
        return { why: 'sync.notSaved.why.stationWork', todo };
      case 'decisions':
        return { why: 'sync.notSaved.why.stationChoice', todo };
      case 'paths':
        return { why: 'sync.notSaved.why.stationPath', todo };
      default:
        return { why: 'sync.notSaved.why.stationContent', todo };
    }
  }
  const todo = 'sync.notSaved.todo.account';
  if (entry.table === 'schools' || entry.table === 'teachers') return { why: 'sync.notSaved.why.classSchool', todo };
  if (entry.table === 'classes') return { why: 'sync.notSaved.why.classOther', todo };
  return { why: 'sync.notSaved.why.forbidden', todo };
}
