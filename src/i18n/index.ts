import { formatList, formatMessage, type MessageParams } from './format.ts';
import { appEn } from './messages/app.en.ts';
import { picturesEn } from './messages/pictures.en.ts';
import type { englishMore } from './catalog-en-more.ts';

export { formatList, formatMessage, mediumDateFormat, type MessageParams } from './format.ts';

/** What the first screen says (the header and the class page): the only messages in the app's first chunk. */
const englishFirst = { ...appEn, ...picturesEn };
type English = typeof englishFirst & typeof englishMore;
export type CatalogKey = Extract<keyof English, string>;
type PluralBase<K> = K extends `${infer Base}_${'zero' | 'one' | 'two' | 'few' | 'many' | 'other'}` ? Base : never;
/** A catalog key, or the base name of a plural (`class.studentCount` for `class.studentCount_one`…). */
export type MessageKey = CatalogKey | PluralBase<CatalogKey>;

export type Catalog = Readonly<Record<CatalogKey, string>>;

/**
 * The first screen's English ships with the app. The rest of the English (catalog-en-more.ts) and every
 * other language (catalog-es.ts, whose type makes a missing Spanish string an error) are chunks of their
 * own: the device's language before the first render when it is not English, everything else just after
 * (main.tsx), and each screen after the first waits for its English before it shows (App.tsx). Until a
 * catalog is loaded its messages fall back to the English there is.
 */
const catalogs: Partial<Record<Language, Catalog>> = {};
const loading = new Map<Language, Promise<void>>();

export function isLanguageLoaded(language: Language): boolean {
  return catalogs[language] !== undefined;
}

export function loadLanguage(language: Language): Promise<void> {
  let load = loading.get(language);
  if (!load) {
    load = importCatalog(language).then(
      (catalog) => {
        catalogs[language] = catalog;
      },
      (error: unknown) => {
        loading.delete(language); // the next call tries again
        throw error;
      },
    );
    loading.set(language, load);
  }
  return load;
}

async function importCatalog(language: Language): Promise<Catalog> {
  if (language === 'es') return (await import('./catalog-es.ts')).es;
  return { ...englishFirst, ...(await import('./catalog-en-more.ts')).englishMore };
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
  return formatMessage(catalogs[language] ?? english(), language, key, flat as MessageParams);
}

export function hasMessage(key: string): key is MessageKey {
  const en = english();
  return key in en || `${key}_other` in en;
}

function english(): Readonly<Record<string, string>> {
  return catalogs.en ?? englishFirst;
}
