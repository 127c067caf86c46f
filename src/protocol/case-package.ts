/**
 * CASE (1EdTech Competencies and Academic Standards Exchange) packages, both ways. Pure: the server could
 * import frameworks the same way. Import: the leaves of the isChildOf tree become targets, grouped by their
 * top-level ancestor; `precedes` gives prerequisites; unknown properties are ignored (real OpenSALT exports
 * carry CFPackageURI and CFDocumentURI); what is skipped is reported. Export writes only defined fields.
 */
import type { Framework, MasteryRule, Target } from './domain.ts';

export interface CaseImportReport {
  readonly targets: number;
  readonly groups: readonly string[];
  readonly prerequisites: number;
  /** Associations not used, counted by type (isRelatedTo, exactMatchOf…). */
  readonly ignoredAssociations: Readonly<Record<string, number>>;
  /** Items or associations skipped, each with why. */
  readonly skipped: readonly string[];
  /** Items left out because their CFItemType is not a learning target (Misconception, Example…), by type. */
  readonly notTargets: Readonly<Record<string, number>>;
}

export interface CaseImport {
  readonly framework: Framework;
  readonly targets: readonly Target[];
  readonly report: CaseImportReport;
}

export class CasePackageError extends Error {
  override name = 'CasePackageError';
  constructor(readonly problems: readonly string[]) {
    super(`This is not a CASE package that can be imported: ${problems.slice(0, 5).join('; ')}`);
  }
}

export const DEFAULT_CASE_RULE: MasteryRule = { kind: 'score', method: { kind: 'decayingAverage', weight: 65 } };

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
const nodeId = (v: unknown): string | undefined => (isObject(v) ? text(v['identifier']) : undefined);

export const caseFrameworkId = (documentId: string): string => `case-${documentId}`;
export const caseTargetId = (itemId: string): string => `case-${itemId}`;
const SAFE_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/**
 * CFItemTypes that describe something about a target rather than a target to learn (OpenSALT and state
 * frameworks use these); compared lowercased without spaces, hyphens or a plural s.
 */
const NOT_TARGET_TYPES = new Set([
  'misconception',
  'commonmisconception',
  'example',
  'exemplar',
  'note',
  'comment',
  'clarification',
  'essentialquestion',
  'vocabulary',
  'resource',
  'rubric',
  'assessmentlimit',
  'boundary',
]);
const itemType = (item: Json): string | undefined =>
  text(item['CFItemType']) ?? (isObject(item['CFItemTypeURI']) ? text(item['CFItemTypeURI']['title']) : undefined);
const isNotTarget = (type: string): boolean =>
  NOT_TARGET_TYPES.has(
    type
      .toLowerCase()
      .replace(/[\s_-]/g, '')
      .replace(/s$/, ''),
  );

export function importCasePackage(raw: unknown): CaseImport {
  if (!isObject(raw) || !isObject(raw['CFDocument'])) throw new CasePackageError(['there is no CFDocument']);
  const doc = raw['CFDocument'];
  const problems: string[] = [];
  const docId = text(doc['identifier']);
  const title = text(doc['title']);
  if (!docId || !SAFE_ID.test(docId)) problems.push('CFDocument has no usable identifier');
  if (!title) problems.push('CFDocument has no title');
  if (!Array.isArray(raw['CFItems'])) problems.push('CFItems is missing or not a list');
  const rawAssociations = raw['CFAssociations'] ?? [];
  if (!Array.isArray(rawAssociations)) problems.push('CFAssociations is not a list');
  if (problems.length > 0 || !docId || !title) throw new CasePackageError(problems);

  const skipped: string[] = [];
  const items = new Map<string, Json>();
  /** Each item's place in the package, the order of last resort. */
  const itemIndex = new Map<string, number>();
  const notTargetIds = new Set<string>();
  const notTargets: Record<string, number> = {};
  (raw['CFItems'] as unknown[]).forEach((item, index) => {
    const id = isObject(item) ? text(item['identifier']) : undefined;
    const type = isObject(item) ? itemType(item) : undefined;
    if (!isObject(item) || !id || !SAFE_ID.test(id)) skipped.push(`CFItems[${index}] has no usable identifier`);
    else if (type !== undefined && isNotTarget(type)) {
      notTargetIds.add(id);
      notTargets[type] = (notTargets[type] ?? 0) + 1;
    } else if (!text(item['fullStatement']))
      skipped.push(`item ${text(item['humanCodingScheme']) ?? id} has no fullStatement`);
    else {
      items.set(id, item);
      itemIndex.set(id, index);
    }
  });

  const parentOf = new Map<string, { parent: string; sequence: number | null }>();
  const precedes: [string, string][] = [];
  const ignored: Record<string, number> = {};
  (rawAssociations as unknown[]).forEach((a, index) => {
    const type = isObject(a) ? text(a['associationType']) : undefined;
    const from = isObject(a) ? nodeId(a['originNodeURI']) : undefined;
    const to = isObject(a) ? nodeId(a['destinationNodeURI']) : undefined;
    if (!isObject(a) || !type || !from || !to) return void skipped.push(`CFAssociations[${index}] is incomplete`);
    // A misconception's (or example's) own links go with it.
    if (notTargetIds.has(from) || notTargetIds.has(to)) return;
    if (type === 'isChildOf') {
      if (!items.has(from)) return void skipped.push(`isChildOf from an unknown item (${from})`);
      const sequence = typeof a['sequenceNumber'] === 'number' ? a['sequenceNumber'] : null;
      parentOf.set(from, { parent: to, sequence });
    } else if (type === 'precedes') precedes.push([from, to]);
    else ignored[type] = (ignored[type] ?? 0) + 1;
  });

  // The package's order: the isChildOf tree walked depth first, siblings by sequenceNumber, then by their
  // place in CFItems (never by code: L1.10 comes after L1.9, not after L1.1).
  const childrenOf = new Map<string, string[]>();
  const roots: string[] = [];
  for (const id of items.keys()) {
    const parent = parentOf.get(id)?.parent;
    if (parent !== undefined && items.has(parent)) childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), id]);
    else roots.push(id);
  }
  const bySequence = (a: string, b: string): number => {
    const sa = parentOf.get(a)?.sequence ?? Number.POSITIVE_INFINITY;
    const sb = parentOf.get(b)?.sequence ?? Number.POSITIVE_INFINITY;
    return sa !== sb ? (sa < sb ? -1 : 1) : itemIndex.get(a)! - itemIndex.get(b)!;
  };
  const leaves: string[] = [];
  const visited = new Set<string>();
  const walk = (id: string): void => {
    if (visited.has(id)) return;
    visited.add(id);
    const children = childrenOf.get(id);
    if (!children) leaves.push(id);
    else for (const child of [...children].sort(bySequence)) walk(child);
  };
  [...roots].sort(bySequence).forEach(walk);
  // An isChildOf loop has no root: its items still count, in the package's order.
  for (const id of items.keys()) walk(id);

  const topOf = (id: string): string => {
    let current = id;
    for (let guard = 0; guard < 50; guard++) {
      const up = parentOf.get(current)?.parent;
      if (!up || !items.has(up)) return current;
      current = up;
    }
    return current;
  };
  const groupName = (id: string): string => {
    const top = topOf(id);
    if (top === id) return title;
    const item = items.get(top)!;
    return text(item['abbreviatedStatement']) ?? text(item['humanCodingScheme']) ?? text(item['fullStatement'])!;
  };

  const leafSet = new Set(leaves);
  const prerequisites = new Map<string, string[]>();
  let prerequisiteCount = 0;
  for (const [from, to] of precedes) {
    if (!leafSet.has(from) || !leafSet.has(to)) {
      skipped.push(`precedes between items that are not both targets (${from} → ${to})`);
      continue;
    }
    prerequisites.set(to, [...(prerequisites.get(to) ?? []), caseTargetId(from)]);
    prerequisiteCount += 1;
  }

  const frameworkId = caseFrameworkId(docId);
  const targets = leaves.map((id, index): Target => {
    const item = items.get(id)!;
    const full = text(item['fullStatement'])!;
    return {
      id: caseTargetId(id),
      frameworkId,
      code: text(item['humanCodingScheme']) ?? text(item['listEnumeration']) ?? `${index + 1}`,
      sequence: index + 1,
      strand: groupName(id),
      teacherStatement: full,
      kidStatement: text(item['abbreviatedStatement']) ?? full,
      icon: 'star',
      prerequisites: prerequisites.get(id) ?? [],
      rule: DEFAULT_CASE_RULE,
      caseIdentifier: id,
    };
  });
  const licence = isObject(doc['licenseURI']) ? text(doc['licenseURI']['title']) : undefined;
  const framework: Framework = {
    id: frameworkId,
    title,
    kind: 'academic',
    version: text(doc['version']) ?? text(doc['lastChangeDateTime']) ?? '1',
    notices: [text(doc['creator']), text(doc['publisher']), licence, text(doc['officialSourceURL'])].filter(
      (n): n is string => n !== undefined,
    ),
    caseDocumentIdentifier: docId,
  };
  return {
    framework,
    targets,
    report: {
      targets: targets.length,
      groups: [...new Set(targets.map((t) => t.strand))],
      prerequisites: prerequisiteCount,
      ignoredAssociations: ignored,
      skipped,
      notTargets,
    },
  };
}

/** Parses the file's text first, so broken JSON gets the same clear error. */
export function importCasePackageText(json: string): CaseImport {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new CasePackageError(['the file is not JSON']);
  }
  return importCasePackage(raw);
}

/**
 * A framework as a CASE 1.1 CFPackage with only the defined fields: one CFItem per target (its CASE
 * identifier when it came from CASE), one per group, isChildOf for the tree and precedes for prerequisites.
 * Made-up identifiers are stable UUIDs derived from our ids, so exporting twice gives the same package.
 */
export function exportCasePackage(framework: Framework, targets: readonly Target[], nowIso: string): Json {
  const base = 'urn:waypoint:case';
  const docId = framework.caseDocumentIdentifier ?? stableUuid(`framework:${framework.id}`);
  const ref = (kind: string, identifier: string, title: string) => ({
    title,
    identifier,
    uri: `${base}:${kind}:${identifier}`,
  });
  const docRef = ref('CFDocuments', docId, framework.title);
  const itemIdOf = new Map(targets.map((t) => [t.id, t.caseIdentifier ?? stableUuid(`target:${t.id}`)]));
  const groups = [...new Set(targets.map((t) => t.strand))];
  const groupId = (strand: string) => stableUuid(`group:${framework.id}:${strand}`);
  const item = (identifier: string, fields: Json) => ({
    identifier,
    uri: `${base}:CFItems:${identifier}`,
    ...fields,
    lastChangeDateTime: nowIso,
  });
  const association = (type: string, from: Json, to: Json, sequenceNumber?: number) => {
    const identifier = stableUuid(`${type}:${String(from['identifier'])}:${String(to['identifier'])}`);
    return {
      identifier,
      associationType: type,
      uri: `${base}:CFAssociations:${identifier}`,
      originNodeURI: from,
      destinationNodeURI: to,
      ...(sequenceNumber === undefined ? {} : { sequenceNumber }),
      lastChangeDateTime: nowIso,
    };
  };
  const sorted = [...targets].sort((a, b) => a.sequence - b.sequence);
  return {
    CFDocument: {
      identifier: docId,
      uri: docRef.uri,
      creator: framework.notices[0] ?? 'Waypoint',
      title: framework.title,
      lastChangeDateTime: nowIso,
      version: framework.version,
    },
    CFItems: [
      ...groups.map((g) => item(groupId(g), { fullStatement: g, abbreviatedStatement: g, CFItemType: 'Strand' })),
      ...sorted.map((t) =>
        item(itemIdOf.get(t.id)!, {
          fullStatement: t.teacherStatement,
          abbreviatedStatement: t.kidStatement,
          humanCodingScheme: t.code,
          CFItemType: 'Learning Target',
        }),
      ),
    ],
    CFAssociations: [
      ...groups.map((g, i) => association('isChildOf', ref('CFItems', groupId(g), g), docRef, i + 1)),
      ...sorted.map((t, i) =>
        association(
          'isChildOf',
          ref('CFItems', itemIdOf.get(t.id)!, t.code),
          ref('CFItems', groupId(t.strand), t.strand),
          i + 1,
        ),
      ),
      ...sorted.flatMap((t) =>
        t.prerequisites
          .filter((p) => itemIdOf.has(p))
          .map((p) =>
            association('precedes', ref('CFItems', itemIdOf.get(p)!, p), ref('CFItems', itemIdOf.get(t.id)!, t.code)),
          ),
      ),
    ],
  };
}

/** A UUID (version 8, RFC 9562 "custom") from two FNV-1a hashes of the name: stable, not secret. */
export function stableUuid(name: string): string {
  const hash = (seed: number) => {
    let h = seed >>> 0;
    for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619) >>> 0;
    return h.toString(16).padStart(8, '0');
  };
  const hex = hash(2166136261) + hash(2166136261 ^ 0x9e3779b9) + hash(0x85ebca6b) + hash(0xc2b2ae35);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
