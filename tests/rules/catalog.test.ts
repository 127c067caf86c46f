import { describe, it, expect } from 'vitest';
import { NEXT_STEP_KINDS } from '#rules';
import { rulesEn } from '../../src/i18n/messages/rules.en.ts';
import { rulesEs } from '../../src/i18n/messages/rules.es.ts';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const has = (key: string) => key in rulesEn || `${key}_other` in rulesEn;

describe('rules message catalogs', () => {
  it('Spanish has the same keys and the same placeholders as English', () => {
    expect(Object.keys(rulesEs).sort()).toEqual(Object.keys(rulesEn).sort());
    for (const [key, en] of Object.entries(rulesEn)) {
      expect([key, placeholders(rulesEs[key as keyof typeof rulesEn])]).toEqual([key, placeholders(en)]);
    }
  });

  it('every next-step kind has a message for child, teacher and family', () => {
    for (const kind of NEXT_STEP_KINDS)
      for (const audience of ['child', 'teacher', 'family'])
        expect(has(`rules.next.${kind}.${audience}`), `${kind}.${audience}`).toBe(true);
  });

  it('every method has mastered and notYet explanations with plural variants', () => {
    const kinds = [
      'decayingAverage',
      'exponentialDecay',
      'nTimes',
      'mostRecent',
      'highest',
      'average',
      'mOfN',
      'inARow',
      'allItemsOnDistinctDays',
      'itemsInOneCheck',
    ];
    for (const kind of kinds)
      for (const state of ['mastered', 'notYet'])
        for (const form of ['one', 'other'])
          expect(`rules.explain.${kind}.${state}_${form}` in rulesEn, `${kind}.${state}_${form}`).toBe(true);
  });
});
