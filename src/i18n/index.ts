import { formatList, formatMessage, type MessageParams } from './format.ts';
import { appEn } from './messages/app.en.ts';
import { appEs } from './messages/app.es.ts';
import { picturesEn } from './messages/pictures.en.ts';
import { picturesEs } from './messages/pictures.es.ts';
import { rulesEn } from './messages/rules.en.ts';
import { rulesEs } from './messages/rules.es.ts';
import { conferenceEn } from './messages/conference.en.ts';
import { conferenceEs } from './messages/conference.es.ts';
import { stationEn } from './messages/station.en.ts';
import { stationEs } from './messages/station.es.ts';
import { deskEn } from './messages/desk.en.ts';
import { deskEs } from './messages/desk.es.ts';
import { targetsEn } from './messages/targets.en.ts';
import { targetsEs } from './messages/targets.es.ts';
import { exportsEn } from './messages/exports.en.ts';
import { exportsEs } from './messages/exports.es.ts';
import { familyEn } from './messages/family.en.ts';
import { familyEs } from './messages/family.es.ts';
import { schoolEn } from './messages/school.en.ts';
import { schoolEs } from './messages/school.es.ts';
import { pathsEn } from './messages/paths.en.ts';
import { pathsEs } from './messages/paths.es.ts';

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
const es = {
  ...appEs,
  ...picturesEs,
  ...rulesEs,
  ...conferenceEs,
  ...stationEs,
  ...deskEs,
  ...targetsEs,
  ...exportsEs,
  ...familyEs,
  ...schoolEs,
  ...pathsEs,
};
type CatalogKey = Extract<keyof typeof en, string>;
type PluralBase<K> = K extends `${infer Base}_${'zero' | 'one' | 'two' | 'few' | 'many' | 'other'}` ? Base : never;
/** A catalog key, or the base name of a plural (`class.studentCount` for `class.studentCount_one`…). */
export type MessageKey = CatalogKey | PluralBase<CatalogKey>;

/** Every language must carry every key: the Record type makes a missing Spanish string a type error. */
export const CATALOGS: Readonly<Record<Language, Readonly<Record<CatalogKey, string>>>> = {
  en,
  es,
};

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
  return formatMessage(CATALOGS[language], language, key, flat as MessageParams);
}

export function hasMessage(key: string): key is MessageKey {
  return key in en || `${key}_other` in en;
}
