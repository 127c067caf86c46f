import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CasePackageError,
  exportCasePackage,
  importCasePackage,
  importCasePackageText,
} from '#protocol/case-package.ts';
import { listFrameworkTargets, saveCaseImport, writeFields } from '#db';
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
