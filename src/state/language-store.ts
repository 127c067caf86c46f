import { create } from 'zustand';
import { persist } from 'zustand/middleware';

/** The interface language chosen on this device (UI-only state). */
interface LanguageState {
  readonly language: string;
  setLanguage(language: string): void;
}

function initialLanguage(): string {
  return typeof navigator === 'undefined' ? 'en' : navigator.language;
}

export const useLanguageStore = create<LanguageState>()(
  persist(
    (set) => ({
      language: initialLanguage(),
      setLanguage: (language) => set({ language }),
    }),
    { name: 'waypoint.language' },
  ),
);
