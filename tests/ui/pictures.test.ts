import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDemoClass } from '#content/demo-class.ts';
import { loadedCatalog } from '#i18n';
import {
  ICONS,
  iconSrc,
  isPictureId,
  pictureNameKey,
  PICTURES,
  pictureSrc,
  TARGET_ICONS,
  targetIconName,
} from '#ui/pictures.ts';

// Tests run from the project's root (vitest's root); jsdom's import.meta.url is no file URL.
const drawings = resolve('public/drawings');
const read = (path: string) => readFileSync(join(drawings, path), 'utf8');

/** The 24 pictures of the first version: students on devices and servers keep these ids. */
const FIRST_PICTURES = [
  'dog',
  'cat',
  'fox',
  'frog',
  'owl',
  'bear',
  'lion',
  'fish',
  'bee',
  'turtle',
  'rabbit',
  'penguin',
  'sun',
  'star',
  'moon',
  'apple',
  'tree',
  'flower',
  'rocket',
  'car',
  'boat',
  'ball',
  'kite',
  'drum',
];

describe('children’s pictures', () => {
  it('are enough for a big kindergarten class, and every id ever handed out still has its drawing', () => {
    const ids = Object.keys(PICTURES);
    expect(ids.length).toBeGreaterThanOrEqual(48);
    expect(ids.slice(0, FIRST_PICTURES.length)).toEqual(FIRST_PICTURES);
    const demo = buildDemoClass({ now: '2026-10-01T12:00:00Z' });
    for (const student of demo.students) expect(isPictureId(student.picture), student.picture).toBe(true);
  });

  it('are drawings shipped with the app: a small, self-contained 72 × 72 SVG each', () => {
    const files = [
      ...Object.keys(PICTURES).map((id) => `pictures/${id}.svg`),
      ...Object.keys(ICONS).map((name) => `icons/${name}.svg`),
    ];
    for (const file of files) {
      const svg = read(file);
      expect(svg, file).toMatch(
        /^<svg width="72" height="72" xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 72 72"/,
      );
      expect(svg.length, file).toBeLessThan(12_000);
      // Nothing that runs, loads or draws text with the device's fonts (which may lack the glyphs).
      expect(svg, file).not.toMatch(/<script|<foreignObject|<text|<image|href="(?!#)|url\((?!#)/);
    }
    // No stray files: the folder is exactly the two lists (scripts/build-pictures.ts writes both).
    expect(readdirSync(join(drawings, 'pictures')).sort()).toEqual(
      Object.keys(PICTURES)
        .map((id) => `${id}.svg`)
        .sort(),
    );
    expect(readdirSync(join(drawings, 'icons')).sort()).toEqual(
      Object.keys(ICONS)
        .map((name) => `${name}.svg`)
        .sort(),
    );
  });

  it('credit OpenMoji under CC BY-SA 4.0 for every file', () => {
    const licence = read('LICENSE.txt');
    expect(licence).toContain('OpenMoji');
    expect(licence).toContain('CC BY-SA 4.0');
    for (const id of Object.keys(PICTURES)) expect(licence).toContain(`pictures/${id}.svg`);
    for (const name of Object.keys(ICONS)) expect(licence).toContain(`icons/${name}.svg`);
  });

  it('each have a name in every language, and no two share a name', () => {
    for (const language of ['en', 'es'] as const) {
      const catalog = loadedCatalog(language);
      const names = Object.keys(PICTURES).map((id) => catalog[pictureNameKey(id)]);
      expect(names.every((name) => typeof name === 'string' && name.length > 0)).toBe(true);
      expect(new Set(names).size, language).toBe(names.length);
    }
  });

  it('an id this version does not know still gets a drawing and a name', () => {
    expect(isPictureId('griffin')).toBe(false);
    expect(pictureSrc('griffin')).toBe(iconSrc('smile'));
    expect(pictureNameKey('griffin')).toBe('picture.unknown');
    expect(pictureSrc('owl')).toBe('/drawings/pictures/owl.svg');
    // Inherited names are not pictures.
    expect(isPictureId('toString')).toBe(false);
  });

  it('every target icon has a drawing for children’s screens', () => {
    for (const icon of Object.keys(TARGET_ICONS)) expect(targetIconName(icon), icon).not.toBe('target');
    expect(targetIconName('no-such-icon')).toBe('target');
  });
});
