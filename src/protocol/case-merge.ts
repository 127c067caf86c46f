/**
 * A CASE package whose document is already on the device updates that framework instead of making a second
 * copy of it: the built-in kindergarten literacy framework exported and imported again, a district's newer
 * version of a framework imported last term. Pure: the caller gives the device's frameworks and targets.
 */
import { stableUuid, type CaseImport } from './case-package.ts';
import type { Framework, Target } from './domain.ts';

export interface CaseMerge {
  /** The framework on the device that the package updates; null when the package is a new framework. */
  readonly into: { readonly id: string; readonly title: string } | null;
  /** Targets the package updates (kept: the teacher's kid statement, icon, items, rule, translations). */
  readonly updated: number;
  /** Targets new to the device. */
  readonly added: number;
  /** Targets of that framework the package no longer holds: kept as they are, with their evidence. */
  readonly kept: number;
}

export interface PlacedCaseImport extends CaseImport {
  readonly merge: CaseMerge;
}

/**
 * Puts an imported package onto the device's records. A framework is the same when its CASE document
 * identifier matches (or the identifier our export made from its id, or its id); a target of it is the same
 * when its CASE item identifier matches (likewise). The same framework and targets keep their ids, so paths,
 * evidence and the teacher's edits stay attached; prerequisites follow the ids; the framework keeps its kind
 * (CASE has none) and every licence notice it had.
 */
export function placeCaseImport(
  imported: CaseImport,
  frameworks: readonly Framework[],
  targets: readonly Target[],
): PlacedCaseImport {
  const docId = imported.framework.caseDocumentIdentifier;
  const existing = frameworks.find(
    (f) =>
      f.id === imported.framework.id ||
      (docId !== undefined && (f.caseDocumentIdentifier === docId || stableUuid(`framework:${f.id}`) === docId)),
  );
  if (!existing) return { ...imported, merge: { into: null, updated: 0, added: imported.targets.length, kept: 0 } };

  const theirs = targets.filter((t) => t.frameworkId === existing.id);
  const idOf = new Map<string, string>();
  for (const target of imported.targets) {
    const item = target.caseIdentifier;
    const same = theirs.find(
      (t) =>
        t.id === target.id ||
        (item !== undefined && (t.caseIdentifier === item || stableUuid(`target:${t.id}`) === item)),
    );
    idOf.set(target.id, same?.id ?? target.id);
  }
  const updated = imported.targets.filter((t) => theirs.some((x) => x.id === idOf.get(t.id))).length;
  const placedIds = new Set(idOf.values());
  return {
    framework: {
      ...imported.framework,
      id: existing.id,
      kind: existing.kind,
      notices: [...new Set([...existing.notices, ...imported.framework.notices])],
    },
    targets: imported.targets.map((t) => ({
      ...t,
      id: idOf.get(t.id)!,
      frameworkId: existing.id,
      prerequisites: t.prerequisites.map((p) => idOf.get(p) ?? p),
    })),
    report: imported.report,
    merge: {
      into: { id: existing.id, title: existing.title },
      updated,
      added: imported.targets.length - updated,
      kept: theirs.filter((t) => !placedIds.has(t.id)).length,
    },
  };
}
