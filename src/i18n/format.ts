/**
 * Message formatting: `{name}` placeholders, and plural variants stored as `key_one` / `key_other`
 * (chosen with Intl.PluralRules from the `count` parameter). Pure, so tests and the server can use it.
 */
export type MessageParams = Readonly<Record<string, string | number>>;
export type Catalog = Readonly<Record<string, string>>;

export function formatMessage(catalog: Catalog, language: string, key: string, params: MessageParams = {}): string {
  const count = params['count'];
  let template: string | undefined;
  if (typeof count === 'number') {
    const category = pluralRules(language).select(count);
    template = catalog[`${key}_${category}`] ?? catalog[`${key}_other`];
  }
  template ??= catalog[key];
  if (template === undefined) return key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? numberFormat(language).format(value) : value;
  });
}

/** Joins a list the way the language does: "b, d and p" / "b, d y p". */
export function formatList(language: string, items: readonly string[]): string {
  return listFormat(language).format(items);
}

// Making an Intl formatter costs far more than using one (a screen of plural messages made hundreds), and
// a device speaks two or three languages: one of each per language, kept.
const pluralRules = perLanguage((language) => new Intl.PluralRules(language));
const numberFormat = perLanguage((language) => new Intl.NumberFormat(language));
const listFormat = perLanguage((language) => new Intl.ListFormat(language, { style: 'long', type: 'conjunction' }));

/** "Mar 1, 2026" / "1 mar 2026": one formatter per language, as a screen of evidence cards needs one each. */
export const mediumDateFormat = perLanguage((language) => new Intl.DateTimeFormat(language, { dateStyle: 'medium' }));

function perLanguage<T>(make: (language: string) => T): (language: string) => T {
  const made = new Map<string, T>();
  return (language) => made.get(language) ?? made.set(language, make(language)).get(language)!;
}
