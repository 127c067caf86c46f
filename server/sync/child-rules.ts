/**
 * What a station or a student device may write: it speaks for a child, never for a teacher. A join code
 * is on the classroom wall, so these rules are all that stands between it and the children's records.
 *
 * - Evidence: new records only, of the speaking child (a station's signed-in child, a student device's
 *   own child), recorded as that child (`recordedBy: {kind: 'student', id}`), waiting for the teacher's
 *   review (`needsReview: true`), of kind workSample or selfAssessment, carrying at most the child's own
 *   feeling (1–3): no level, no item results, no review or voiding marks.
 * - A station may add such evidence for any child of its class who is no longer signed in: it records
 *   offline and pushes after the child has gone back to the grid. Nothing else for them.
 * - Decisions: the speaking child's own choice of what to learn next (`chooseNext`, decided by the child).
 * - Nothing else: no mastery decisions, no paths, no students, no content, no other child.
 * - A change to an existing record is accepted only when it changes nothing the server holds and the record
 *   is the speaking child's (a re-send after the server's database was replaced), so it is never refused noise.
 */
import { CHILD_DECISION_FIELDS, CHILD_EVIDENCE_FIELDS, CHILD_EVIDENCE_KINDS, type Change } from '#protocol';
import type { FieldState, RecordScope, StoredRecord } from '#server/storage/storage.ts';
import { canonicalJson } from './canonical-json.ts';
import type { Principal } from './principal.ts';
import type { Refusal } from './access.ts';

const forbidden = (reason: string): Refusal => ({ code: 'forbidden', reason });
const outOfScope = (reason: string): Refusal => ({ code: 'scope', reason });

const who = (p: Principal): string => (p.kind === 'student' ? 'a student device' : 'a station');

function isChildActor(value: unknown, studentId: string | null): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const actor = value as Record<string, unknown>;
  return Object.keys(actor).length === 2 && actor.kind === 'student' && actor.id === studentId;
}

/** Whether applying the change would leave every field as the server holds it. */
export function changesNothing(change: Change, fields: Readonly<Record<string, FieldState>>): boolean {
  return Object.entries(change.fields).every(([name, value]) => {
    const current = fields[name];
    return (
      current !== undefined && (current.hlc >= change.hlc || canonicalJson(current.value) === canonicalJson(value))
    );
  });
}

function evidenceRefusal(p: Principal, fields: Readonly<Record<string, unknown>>, studentId: string | null) {
  const extra = Object.keys(fields).filter((name) => !CHILD_EVIDENCE_FIELDS.includes(name));
  if (extra.length > 0) {
    return forbidden(`${who(p)} may not set evidence.${extra.join(', evidence.')} (a teacher’s judgment)`);
  }
  if (fields.needsReview !== true) return forbidden(`${who(p)}’s evidence must wait for review (needsReview: true)`);
  if (!isChildActor(fields.recordedBy, studentId)) {
    return forbidden(`${who(p)}’s evidence is recorded by the child: recordedBy {kind: 'student', id: <studentId>}`);
  }
  if (typeof fields.kind !== 'string' || !CHILD_EVIDENCE_KINDS.includes(fields.kind)) {
    return forbidden(`${who(p)} records evidence of kind ${CHILD_EVIDENCE_KINDS.join(' or ')} only`);
  }
  if (fields.feeling !== undefined && fields.feeling !== 1 && fields.feeling !== 2 && fields.feeling !== 3) {
    return forbidden('a child’s feeling is 1, 2 or 3');
  }
  return null;
}

function decisionRefusal(p: Principal, fields: Readonly<Record<string, unknown>>, studentId: string | null) {
  const extra = Object.keys(fields).filter((name) => !CHILD_DECISION_FIELDS.includes(name));
  if (extra.length > 0) return forbidden(`${who(p)} may not set decisions.${extra.join(', decisions.')}`);
  if (fields.kind !== 'chooseNext') {
    return forbidden(`${who(p)} records only the child’s own choice (chooseNext), never a teacher’s decision`);
  }
  if (!isChildActor(fields.decidedBy, studentId)) {
    return forbidden(`the child’s choice is decided by the child: decidedBy {kind: 'student', id: <studentId>}`);
  }
  return null;
}

export function childWriteRefusal(
  p: Principal,
  change: Change,
  scope: RecordScope,
  existing: StoredRecord | undefined,
): Refusal | null {
  if (change.table !== 'evidence' && change.table !== 'decisions') {
    return forbidden(`${who(p)} cannot change ${change.table}`);
  }
  if (scope.classId !== p.classId) return outOfScope('this record belongs to another class');
  const speaksFor = p.studentId !== null && scope.studentId === p.studentId;
  if (existing) {
    if (!speaksFor) {
      return p.studentId === null
        ? forbidden('sign a child in on this station first')
        : outOfScope('this record belongs to another child');
    }
    return changesNothing(change, existing.fields)
      ? null
      : forbidden(`${who(p)} cannot change ${change.table} once recorded; the teacher reviews or voids it`);
  }
  if (change.table === 'decisions') {
    if (!speaksFor) {
      return p.studentId === null
        ? forbidden('sign a child in on this station first')
        : outOfScope('this record belongs to another child');
    }
    return decisionRefusal(p, change.fields, scope.studentId);
  }
  // New evidence: the speaking child's, or (a station only) a child of its class recorded offline.
  if (!speaksFor && p.kind === 'student') return outOfScope('this record belongs to another child');
  return evidenceRefusal(p, change.fields, scope.studentId);
}
