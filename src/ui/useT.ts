import { useCallback } from 'react';
import { toLanguage, translate, type Language, type MessageKey, type RichParams } from '#i18n';
import { useLanguageStore } from '#state/language-store.ts';

export type Translate = (key: MessageKey, params?: RichParams) => string;

/** The current language and a translator bound to it. */
export function useT(): { t: Translate; language: Language } {
  const language = toLanguage(useLanguageStore((s) => s.language));
  const t = useCallback<Translate>((key, params) => translate(language, key, params), [language]);
  return { t, language };
}
