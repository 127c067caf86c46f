import { describe, it, expect } from 'vitest';
import type { Target } from '#protocol';
import { literacyFramework, selFramework } from '#content/index.ts';
import { TARGET_ICONS } from '#ui/pictures.ts';

const CCSS_NOTICE =
  '(c) Copyright 2010. National Governors Association Center for Best Practices and Council of Chief State School Officers. All rights reserved.';

// The icons the app can draw: every starter target must use one of them.
const ICONS = new Set(Object.keys(TARGET_ICONS));

const all: Target[] = [...literacyFramework.targets, ...selFramework.targets];
const targetIds = new Set(all.map((t) => t.id));

describe('starter frameworks', () => {
  it('has 28 literacy targets and 8 SEL targets with unique ids', () => {
    expect(literacyFramework.targets).toHaveLength(28);
    expect(selFramework.targets).toHaveLength(8);
    expect(targetIds.size).toBe(36);
    expect(literacyFramework.framework.kind).toBe('academic');
    expect(selFramework.framework.kind).toBe('socialEmotional');
    expect(selFramework.itemSets).toHaveLength(0);
  });

  it('ties every target to its framework and orders by sequence', () => {
    for (const { framework, targets } of [literacyFramework, selFramework]) {
      expect(targets.every((t) => t.frameworkId === framework.id)).toBe(true);
      expect(targets.map((t) => t.sequence)).toEqual(targets.map((_, i) => i + 1));
    }
  });

  it('resolves every prerequisite, item set and item id', () => {
    const sets = new Map(literacyFramework.itemSets.map((s) => [s.id, s]));
    for (const t of all) {
      for (const p of t.prerequisites) expect(targetIds, `${t.id} → ${p}`).toContain(p);
      if (t.itemSetId === undefined) {
        expect(t.itemIds).toBeUndefined();
        continue;
      }
      const set = sets.get(t.itemSetId);
      expect(set, `${t.id} → ${t.itemSetId}`).toBeDefined();
      const ids = new Set(set?.items.map((i) => i.id));
      for (const id of t.itemIds ?? []) expect(ids, `${t.id} → ${id}`).toContain(id);
    }
  });

  it('lists prerequisites earlier in the sequence (a valid order)', () => {
    for (const { targets } of [literacyFramework, selFramework]) {
      const seq = new Map(targets.map((t) => [t.id, t.sequence]));
      for (const t of targets) for (const p of t.prerequisites) expect(seq.get(p)).toBeLessThan(t.sequence);
    }
  });

  it('has the letter, sound and Dolch item sets with url-safe ids unique within each set', () => {
    const count = (id: string) => literacyFramework.itemSets.find((s) => s.id === id)?.items.length;
    expect(count('letters-uppercase')).toBe(26);
    expect(count('letters-lowercase')).toBe(26);
    expect(count('letter-sounds')).toBe(26);
    expect(count('dolch-pre-primer')).toBe(40);
    expect(count('dolch-primer')).toBe(52);
    for (const set of literacyFramework.itemSets) {
      expect(set.frameworkId).toBe('kindergarten-literacy');
      const ids = set.items.map((i) => i.id);
      expect(new Set(ids).size, set.id).toBe(ids.length);
      for (const item of set.items) {
        expect(item.id).toMatch(/^[A-Za-z0-9-]+$/);
        expect(item.label.length).toBeGreaterThan(0);
      }
    }
    const sounds = literacyFramework.itemSets.find((s) => s.id === 'letter-sounds');
    expect(sounds?.items.find((i) => i.id === 'sound-b')).toEqual({
      id: 'sound-b',
      label: 'b',
      prompt: '/b/ as in bat',
    });
    expect(literacyFramework.targets.find((t) => t.id === 'ph-consonant-sounds')?.itemIds).toHaveLength(21);
    expect(literacyFramework.targets.find((t) => t.id === 'ph-short-vowels')?.itemIds).toEqual([
      'sound-a',
      'sound-e',
      'sound-i',
      'sound-o',
      'sound-u',
    ]);
  });

  it('translates the suggested mastery rules', () => {
    const rule = (id: string) => all.find((t) => t.id === id)?.rule;
    expect(rule('lt-names-upper')).toEqual({ kind: 'allItemsOnDistinctDays', days: 2 });
    expect(rule('hf-dolch-primer')).toEqual({ kind: 'allItemsOnDistinctDays', days: 2 });
    expect(rule('pa-syllable-blend')).toEqual({ kind: 'itemsInOneCheck', count: 8 });
    expect(rule('pa-rhyme-recognize')).toEqual({ kind: 'itemsInOneCheck', count: 9 });
    expect(rule('sel-calm-down')).toEqual({ kind: 'score', method: { kind: 'mOfN', m: 3, n: 4 } });
  });

  it('gives every target an icon from the list and Spanish statements', () => {
    for (const t of all) {
      expect(ICONS, t.id).toContain(t.icon);
      const es = t.translations?.['es'];
      expect(es?.kidStatement, t.id).toBeTruthy();
      expect(es?.teacherStatement, t.id).toBeTruthy();
      expect(es?.kidStatement).not.toBe(t.kidStatement);
    }
  });

  it('codes SEL targets by competency', () => {
    expect(selFramework.targets.map((t) => t.code)).toEqual([
      'SEL.SA.1',
      'SEL.SA.2',
      'SEL.SM.1',
      'SEL.SM.2',
      'SEL.SOA.1',
      'SEL.RS.1',
      'SEL.RS.2',
      'SEL.RDM.1',
    ]);
    expect(selFramework.targets.every((t) => t.strand.length > 0)).toBe(true);
  });

  it('carries the licence and attribution notices', () => {
    const notices = literacyFramework.framework.notices;
    expect(notices.some((n) => n.includes(CCSS_NOTICE))).toBe(true);
    expect(notices.some((n) => n.includes('Dolch'))).toBe(true);
    expect(notices.some((n) => n.includes('Authored for this project'))).toBe(true);
    expect(selFramework.framework.notices.length).toBeGreaterThan(0);
  });
});
