import { createContext, useCallback, useContext, useEffect, useReducer } from 'react';
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
import { afterFirstScreen } from './first-screen.ts';

export type Translate = (key: MessageKey, params?: RichParams) => string;

/**
 * The language of a screen that speaks to one child (My path: the student's family language), which may
 * not be the tablet's. Everything under its provider speaks it; elsewhere it is null, the tablet's language.
 */
export const ScreenLanguage = createContext<Language | null>(null);

/**
 * The current language and a translator bound to it: `inLanguage` when given (a signed-in child's language,
 * from the caller), else the screen's (ScreenLanguage), else the tablet's.
 */
export function useT(inLanguage?: Language): { t: Translate; language: Language } {
  const tabletLanguage = toLanguage(useLanguageStore((s) => s.language));
  const screenLanguage = useContext(ScreenLanguage);
  const language = inLanguage ?? screenLanguage ?? tabletLanguage;
  // A language whose messages have not all arrived (the rest of the English comes just after the first
  // screen) renders again once they have; a failed load leaves the English there is, and the next
  // component that mounts tries again.
  const [loads, loaded] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    if (isLanguageLoaded(language)) return;
    // The first screen's English is in the app's first chunk: the rest of it can wait until that screen is in.
    const load = language === 'en' ? afterFirstScreen().then(() => loadLanguage('en')) : loadLanguage(language);
    void load.then(loaded, () => undefined);
  }, [language]);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `loads` makes a new t once a catalog lands
  const t = useCallback<Translate>((key, params) => translate(language, key, params), [language, loads]);
  return { t, language };
}
