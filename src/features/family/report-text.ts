import { isLanguage, translate, type Language, type MessageKey, type RichParams } from '#i18n';
import type { RulesMessage } from '#rules';

/** A translator bound to the report's language, which may differ from the device's interface language. */
export type ReportText = (key: MessageKey, params?: RichParams) => string;

export function reportText(language: Language): ReportText {
  return (key, params) => translate(language, key, params);
}

/** A rules message (key and parameters) in the report's language. */
export function rulesText(language: Language, message: RulesMessage): string {
  return translate(language, message.key, message.params);
}

/**
 * The report's starting language: the family's, when the app speaks it; otherwise English, saying so (and
 * English, silently, when this device was never told the family's language).
 */
export function familyLanguageOf(tag: string | undefined): { language: Language; unsupportedTag?: string } {
  if (tag === undefined) return { language: 'en' };
  const base = tag.trim().toLowerCase().split('-')[0] ?? '';
  if (isLanguage(base)) return { language: base };
  return base === '' ? { language: 'en' } : { language: 'en', unsupportedTag: tag };
}
