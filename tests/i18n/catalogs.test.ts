import { describe, expect, it } from 'vitest';
import { loadedCatalog, toLanguage, translate } from '#i18n';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogs', () => {
  const en = loadedCatalog('en');
  const es = loadedCatalog('es');

  it('have the same keys in English and Spanish, none empty', () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries(es)) expect(text.trim(), key).not.toBe('');
  });

  it('call a child’s path "camino" on every Spanish screen the child reads, never "ruta" beside it', () => {
    // The teacher's path editor says "ruta"; a child's My path and map said both, two words for one thing.
    const childKeys = Object.keys(es).filter(
      (key) =>
        key.startsWith('myPath.') ||
        key === 'nav.myPath' ||
        key === 'pathMap.kidTitle' ||
        key === 'rules.next.allDone.child',
    );
    expect(childKeys.length).toBeGreaterThan(10);
    for (const key of childKeys) expect(es[key as keyof typeof es], key).not.toMatch(/\bruta\b/i);
    expect(es['myPath.title']).toMatch(/camino/);
  });

  it('call a learning target "objetivo" on teacher screens and "meta" where a child or family reads it', () => {
    // The observation form said "Meta de aprendizaje" beside the conference's "Objetivo de aprendizaje".
    // Keys are sorted by the screen that shows them; the station's setup, clips and PIN are the teacher's. The
    // rules' explanations and pacing show on a child's My path and the teacher's student page alike: "meta",
    // the child's word, and checked by neither list.
    const teacherOnlyStationKeys = ['kiosk.setup.', 'kiosk.clips.', 'kiosk.changePin.', 'kiosk.leave.', 'kiosk.pin.'];
    const teacherPrefixes = [
      'student.',
      'observation.',
      'conference.',
      'overview.',
      'count.targets',
      'frameworks.',
      'targetEdit.',
      'pathPlan.',
      'pathEditor.',
      'classPath.',
      'year.',
      'exports.',
      'sync.',
      ...teacherOnlyStationKeys,
    ];
    const keys = Object.keys(es) as (keyof typeof es)[];
    const teacherKeys = keys.filter(
      (key) => teacherPrefixes.some((p) => key.startsWith(p)) || /^rules\.next\.\w+\.teacher(_|$)/.test(key),
    );
    const childFamilyKeys = keys.filter(
      (key) =>
        (key.startsWith('kiosk.') && !teacherOnlyStationKeys.some((p) => key.startsWith(p))) ||
        key.startsWith('myPath.') ||
        key.startsWith('family.report.') ||
        /^rules\.next\.\w+\.(child|family)(_|$)/.test(key),
    );
    expect(teacherKeys.length).toBeGreaterThan(100);
    expect(childFamilyKeys.length).toBeGreaterThan(40);
    for (const key of teacherKeys) expect(es[key], key).not.toMatch(/\bmetas?\b/i);
    for (const key of childFamilyKeys) expect(es[key], key).not.toMatch(/\bobjetivos?\b/i);
    expect(es['observation.target']).toBe(es['conference.observe.targets_one'].replace(/ \(.*\)$/, ''));
    expect(es['myPath.add.target']).toMatch(/^Meta\b/);
    // One word for the next step on the teacher's screens too (the family report's "El próximo paso" may stay).
    expect(es['student.nextStep']).toBe(es['conference.nextStep']);
  });

  it('use the same placeholders in both languages', () => {
    for (const key of Object.keys(en)) {
      expect(placeholders(es[key as keyof typeof es]), key).toEqual(placeholders(en[key as keyof typeof en]));
    }
  });
});

describe('translate', () => {
  it('fills placeholders, picks plural forms and joins lists per language', () => {
    expect(translate('en', 'class.studentCount', { count: 1 })).toBe('1 student');
    expect(translate('en', 'class.studentCount', { count: 8 })).toBe('8 students');
    expect(translate('es', 'class.studentCount', { count: 8 })).toBe('8 estudiantes');
    expect(translate('en', 'class.working', { target: ['b', 'd', 'p'] })).toBe('Working on: b, d, and p');
    expect(translate('es', 'class.working', { target: ['b', 'd', 'p'] })).toBe('Trabaja en: b, d y p');
  });

  it('maps regional tags to a supported language and falls back to English', () => {
    expect(toLanguage('es-MX')).toBe('es');
    expect(toLanguage('fr-FR')).toBe('en');
    expect(toLanguage(undefined)).toBe('en');
  });
});
