import { formatList, formatMessage, type MessageParams } from './format.ts';
import { appEn } from './messages/app.en.ts';
import { picturesEn } from './messages/pictures.en.ts';
import { rulesEn } from './messages/rules.en.ts';
import { conferenceEn } from './messages/conference.en.ts';
import { stationEn } from './messages/station.en.ts';
import { deskEn } from './messages/desk.en.ts';
import { targetsEn } from './messages/targets.en.ts';
import { exportsEn } from './messages/exports.en.ts';
import { familyEn } from './messages/family.en.ts';
import { schoolEn } from './messages/school.en.ts';
import { pathsEn } from './messages/paths.en.ts';

export { formatList, formatMessage, type MessageParams } from './format.ts';

// One catalog pair per part of the app, one line each.
const en = {
  ...appEn,
  ...picturesEn,
  ...rulesEn,
  ...conferenceEn,
  ...stationEn,
  ...deskEn,
  ...targetsEn,
  ...exportsEn,
  ...familyEn,
  ...schoolEn,
  ...pathsEn,
};
export type CatalogKey = Extract<keyof typeof en, string>;
type PluralBase<K> = K extends `${infer Base}_${'zero' | 'one' | 'two' | 'few' | 'many' | 'other'}` ? Base : never;
/** A catalog key, or the base name of a plural (`class.studentCount` for `class.studentCount_one`…). */
export type MessageKey = CatalogKey | PluralBase<CatalogKey>;

export type Catalog = Readonly<Record<CatalogKey, string>>;

/**
 * English ships with the app; every other language is its own chunk (catalog-es.ts, whose type makes a
 * missing Spanish string an error), loaded before the first render when it is the device's language and
 * just after otherwise (main.tsx). Until a catalog is loaded its messages fall back to English.
 */
const catalogs: Partial<Record<Language, Catalog>> = { en };

export function isLanguageLoaded(language: Language): boolean {
  return catalogs[language] !== undefined;
}

export async function loadLanguage(language: Language): Promise<void> {
  if (language === 'es' && !catalogs.es) catalogs.es = (await import('./catalog-es.ts')).es;
}

export async function loadAllLanguages(): Promise<void> {
  await Promise.all(LANGUAGES.map((l) => loadLanguage(l.tag)));
}

/** A loaded catalog; throws for one not loaded yet, so a test never compares English with itself. */
export function loadedCatalog(language: Language): Catalog {
  const catalog = catalogs[language];
  if (!catalog) throw new Error(`The ${language} messages are not loaded`);
  return catalog;
}

export const LANGUAGES = [
  { tag: 'en', name: 'English' },
  { tag: 'es', name: 'Español' },
] as const;

export type Language = (typeof LANGUAGES)[number]['tag'];

export function isLanguage(value: unknown): value is Language {
  return LANGUAGES.some((l) => l.tag === value);
}

/** Best supported language for a BCP 47 tag such as 'es-MX'; English otherwise. */
export function toLanguage(tag: string | undefined): Language {
  const base = tag?.toLowerCase().split('-')[0];
  return isLanguage(base) ? base : 'en';
}

/** Parameters may include string arrays, joined the way the language joins lists. */
export type RichParams = Readonly<Record<string, string | number | readonly string[]>>;

export function translate(language: Language, key: MessageKey | string, params: RichParams = {}): string {
  const flat: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) {
    flat[name] = Array.isArray(value) ? formatList(language, value) : (value as string | number);
  }
  return formatMessage(catalogs[language] ?? en, language, key, flat as MessageParams);
}

export function hasMessage(key: string): key is MessageKey {
  return key in en || `${key}_other` in en;
}
