import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CasePackageError,
  exportCasePackage,
  importCasePackage,
  importCasePackageText,
} from '#protocol/case-package.ts';
import {
  listFrameworks,
  listFrameworkTargets,
  prepareCaseImport,
  saveCaseImport,
  seedFirstRun,
  writeFields,
} from '#db';
import { testStore } from '#tests/helpers/test-store.ts';

const tiny = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'case', 'tiny-phonics.case.json'), 'utf8');
const U = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('CASE import', () => {
  it('makes targets of the leaves, groups them by top-level item, and prerequisites of precedes', () => {
    const { framework, targets, report } = importCasePackageText(tiny);
    expect(framework).toMatchObject({ id: `case-${U(1)}`, title: 'Tiny phonics', caseDocumentIdentifier: U(1) });
    expect(targets.map((t) => [t.code, t.strand, t.kidStatement, t.prerequisites])).toEqual([
      ['L.1', 'Letters', 'I can name big letters.', []],
      ['L.2', 'Letters', 'I can name small letters.', [`case-${U(11)}`]],
      ['B.1a', 'Blending', 'Blends three sounds into a word.', [`case-${U(12)}`]],
    ]);
    expect(targets[0]).not.toHaveProperty('shinyNewField');
    expect(report).toMatchObject({
      targets: 3,
      groups: ['Letters', 'Blending'],
      prerequisites: 2,
      ignoredAssociations: { isRelatedTo: 1 },
    });
    expect(report.skipped).toEqual([
      'item NO.STATEMENT has no fullStatement',
      `precedes between items that are not both targets (${U(20)} → ${U(22)})`,
    ]);
  });

  it.each([
    ['not JSON', '{"CFDocument":', /not JSON/],
    ['no document', '{"CFItems": []}', /no CFDocument/],
    ['no title', JSON.stringify({ CFDocument: { identifier: 'd1' }, CFItems: [] }), /no title/],
    [
      'items not a list',
      JSON.stringify({ CFDocument: { identifier: 'd1', title: 'T' }, CFItems: {} }),
      /CFItems is missing/,
    ],
  ])('refuses a malformed package with a clear reason: %s', (_label, text, reason) => {
    expect(() => importCasePackageText(text)).toThrow(CasePackageError);
    expect(() => importCasePackageText(text)).toThrow(reason);
  });

  it('exports back to CASE and imports again to the same targets', () => {
    const first = importCasePackageText(tiny);
    const exported = exportCasePackage(first.framework, first.targets, '2026-10-01T00:00:00Z');
    expect(Object.keys(exported)).toEqual(['CFDocument', 'CFItems', 'CFAssociations']);
    const again = importCasePackage(JSON.parse(JSON.stringify(exported)));
    expect(again.framework.id).toBe(first.framework.id);
    expect(again.targets.map(({ sequence: _s, ...t }) => t)).toEqual(
      first.targets.map(({ sequence: _s, kidStatement: _k, ...t }) => expect.objectContaining(t)),
    );
    expect(exportCasePackage(first.framework, first.targets, '2026-10-01T00:00:00Z')).toEqual(exported);
  });

  it('saves through the outbox, and a re-import keeps what the teacher edited', async () => {
    const store = testStore();
    const imported = importCasePackageText(tiny);
    await saveCaseImport(store, imported);
    const id = `case-${U(11)}`;
    await writeFields(store.db, store.env, 'targets', id, { kidStatement: 'I know my big letters!', icon: 'abc' });
    await saveCaseImport(store, imported);
    const targets = await listFrameworkTargets(store, imported.framework.id);
    expect(targets).toHaveLength(3);
    expect(targets.find((t) => t.id === id)).toMatchObject({
      kidStatement: 'I know my big letters!',
      icon: 'abc',
      code: 'L.1',
    });
    expect(await store.db.outbox.count()).toBeGreaterThan(4);
  });
});

/** A package with a document, items and isChildOf associations (with sequence numbers) to the document. */
function casePackage(items: readonly Record<string, unknown>[], associations: readonly Record<string, unknown>[]) {
  const node = (identifier: string) => ({ identifier, uri: `u:${identifier}`, title: identifier });
  return {
    CFDocument: { identifier: 'doc-1', title: 'Levels', creator: 'District' },
    CFItems: items.map((item) => ({ uri: 'u', ...item })),
    CFAssociations: associations.map(({ from, to, ...rest }, i) => ({
      identifier: `a${i}`,
      uri: 'u',
      originNodeURI: node(String(from)),
      destinationNodeURI: node(String(to)),
      ...rest,
    })),
  };
}

describe('CASE import: order, non-targets, and a package already on the tablet', () => {
  it('lists targets in the package’s order (sequenceNumber), not in the codes’ string order', () => {
    const codes = ['L1.1', 'L1.10', 'L1.11', 'L1.2', 'L1.9'];
    const raw = casePackage(
      codes.map((code) => ({ identifier: code.replace('.', '-'), humanCodingScheme: code, fullStatement: code })),
      codes.map((code) => ({
        associationType: 'isChildOf',
        from: code.replace('.', '-'),
        to: 'doc-1',
        sequenceNumber: Number(code.split('.')[1]),
      })),
    );
    const { targets } = importCasePackage(raw);
    expect(targets.map((t) => [t.code, t.sequence])).toEqual([
      ['L1.1', 1],
      ['L1.2', 2],
      ['L1.9', 3],
      ['L1.10', 4],
      ['L1.11', 5],
    ]);
  });

  it('leaves out misconceptions and other items that are not targets, and says so', () => {
    const raw = casePackage(
      [
        { identifier: 't1', humanCodingScheme: 'T.1', fullStatement: 'Adds within 10.', CFItemType: 'Learning Target' },
        { identifier: 'm1', fullStatement: 'Thinks 3 + 4 is 34.', CFItemType: 'Misconception' },
        { identifier: 'm2', fullStatement: 'Counts the start.', CFItemTypeURI: { title: 'Common misconceptions' } },
        { identifier: 'x1', fullStatement: '2 + 3 = 5', CFItemType: 'Example' },
      ],
      [
        { associationType: 'isChildOf', from: 't1', to: 'doc-1', sequenceNumber: 1 },
        { associationType: 'isChildOf', from: 'm1', to: 't1', sequenceNumber: 1 },
        { associationType: 'isChildOf', from: 'm2', to: 't1', sequenceNumber: 2 },
        { associationType: 'isChildOf', from: 'x1', to: 't1', sequenceNumber: 3 },
        { associationType: 'isRelatedTo', from: 'm1', to: 't1' },
      ],
    );
    const { targets, report } = importCasePackage(raw);
    // The target keeps being a target (its misconceptions are not children that make it a group).
    expect(targets.map((t) => t.code)).toEqual(['T.1']);
    expect(report.notTargets).toEqual({ Misconception: 1, 'Common misconceptions': 1, Example: 1 });
    expect(report.skipped).toEqual([]);
    expect(report.ignoredAssociations).toEqual({});
  });

  it('updates the built-in framework from its own CASE export instead of making a second copy', async () => {
    const store = testStore();
    await seedFirstRun(store);
    const before = await listFrameworks(store);
    const literacy = before.find((f) => f.id === 'kindergarten-literacy')!;
    const ownTargets = await listFrameworkTargets(store, literacy.id);
    const exported = JSON.parse(JSON.stringify(exportCasePackage(literacy, ownTargets, '2026-10-01T00:00:00Z')));

    const placed = await prepareCaseImport(store, importCasePackage(exported));
    expect(placed.merge).toEqual({
      into: { id: 'kindergarten-literacy', title: literacy.title },
      updated: 28,
      added: 0,
      kept: 0,
    });
    await saveCaseImport(store, placed);
    expect((await listFrameworks(store)).map((f) => f.id)).toEqual(before.map((f) => f.id));
    const after = await listFrameworkTargets(store, literacy.id);
    expect(after.map((t) => [t.id, t.code, t.strand, t.prerequisites])).toEqual(
      ownTargets.map((t) => [t.id, t.code, t.strand, t.prerequisites]),
    );
    // What the teacher and the starter content set is kept: kid statements, icons, items, rules, Spanish.
    expect(after.map((t) => [t.kidStatement, t.icon, t.itemSetId, t.rule, t.translations])).toEqual(
      ownTargets.map((t) => [t.kidStatement, t.icon, t.itemSetId, t.rule, t.translations]),
    );
    expect((await listFrameworks(store)).find((f) => f.id === literacy.id)).toMatchObject({
      kind: 'academic',
      notices: expect.arrayContaining([...literacy.notices]),
    });
    expect(await store.db.targets.count()).toBe(36);
  });

  it('updates an imported framework from its next version: same ids, new targets added, none dropped', async () => {
    const store = testStore();
    await saveCaseImport(store, await prepareCaseImport(store, importCasePackageText(tiny)));
    const next = JSON.parse(tiny) as { CFItems: Record<string, unknown>[]; CFAssociations: unknown[] };
    next.CFItems = next.CFItems.filter((i) => i['identifier'] !== U(12));
    next.CFItems.push({ identifier: U(13), uri: 'u', fullStatement: 'Names letter sounds.', humanCodingScheme: 'L.3' });
    const placed = await prepareCaseImport(store, importCasePackage(next));
    expect(placed.merge).toMatchObject({ into: { id: `case-${U(1)}` }, updated: 2, added: 1, kept: 1 });
    await saveCaseImport(store, placed);
    expect(await listFrameworks(store)).toHaveLength(1);
    expect((await listFrameworkTargets(store, `case-${U(1)}`)).map((t) => t.code).sort()).toEqual([
      'B.1a',
      'L.1',
      'L.2',
      'L.3',
    ]);
  });
});
