import { useCallback, useEffect, useReducer } from 'react';
import {
  isLanguageLoaded,
  loadLanguage,
  toLanguage,
  translate,
  type Language,
  type MessageKey,
  type RichParams,
} from '#i18n';
import { useLanguageStore } from '#state/language-store.ts';

export type Translate = (key: MessageKey, params?: RichParams) => string;

/** The current language and a translator bound to it. */
export function useT(): { t: Translate; language: Language } {
  const language = toLanguage(useLanguageStore((s) => s.language));
  // A language whose messages have not all arrived (the rest of the English comes just after the first
  // screen) renders again once they have; a failed load leaves the English there is, and the next
  // component that mounts tries again.
  const [loads, loaded] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    if (!isLanguageLoaded(language)) void loadLanguage(language).then(loaded, () => undefined);
  }, [language]);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `loads` makes a new t once a catalog lands
  const t = useCallback<Translate>((key, params) => translate(language, key, params), [language, loads]);
  return { t, language };
}
