import { toLanguage, translate, type Language } from '#i18n';
import type { StudentProgressData } from '#db';
import type { NextStepKind } from '#rules';
import { evaluateProgress } from '#ui/progress-input.ts';
import type { SpeechClip } from '#ui/speech.ts';

/** Everything the child's home shows, computed once at sign-in so the screen itself renders cheaply. */
export interface ChildHomeView {
  readonly studentId: string;
  readonly firstName: string;
  readonly picture: string;
  /** The language of the child's screens: the family language when the app speaks it, else English. */
  readonly uiLanguage: Language;
  readonly target: {
    readonly id: string;
    readonly icon: string;
    readonly statement: string;
    /** The language the statement is written in, so it is voiced in that language. */
    readonly language: string;
    readonly clip?: SpeechClip;
  } | null;
  readonly nextStep: { readonly kind: NextStepKind; readonly text: string };
}

interface Translated {
  readonly kidStatement?: string;
}

/** The kid statement in `language` (exact tag, then its base language), or null when it has none. */
export function translatedKidStatement(
  translations: Readonly<Record<string, Translated>> | undefined,
  language: string,
): { statement: string; language: string } | null {
  const base = language.toLowerCase().split('-')[0] ?? language;
  for (const tag of [language, base]) {
    const statement = translations?.[tag]?.kidStatement;
    if (statement) return { statement, language: tag };
  }
  return null;
}

/**
 * The language a child hears and reads at the station: their family's, else the one this tablet speaks (a
 * station joined through a school server sees only the picture grid, never a family's language).
 */
export function childLanguageTag(student: { readonly familyLanguage?: string }, tabletLanguage: string): string {
  return student.familyLanguage?.trim() || tabletLanguage;
}

export function buildChildHome(
  data: StudentProgressData,
  options: { now: Date; contentLanguage: string; tabletLanguage?: string },
): ChildHomeView {
  const family = childLanguageTag(data.student, options.tabletLanguage ?? options.contentLanguage);
  // Rules put the kid statement into the next-step sentence, so hand them the child's own words.
  const targets = data.targets.map((target) => {
    const own = translatedKidStatement(target.translations, family);
    return own ? { ...target, kidStatement: own.statement } : target;
  });
  const progress = evaluateProgress({ ...data, targets }, options.now);
  const current = data.targets.find((t) => t.id === progress.currentTargetId);
  const uiLanguage = toLanguage(family);
  const own = current ? translatedKidStatement(current.translations, family) : null;
  return {
    studentId: data.student.id,
    firstName: data.student.displayName.split(' ')[0] ?? data.student.displayName,
    picture: data.student.picture,
    uiLanguage,
    target: current
      ? {
          id: current.id,
          icon: current.icon,
          statement: own?.statement ?? current.kidStatement,
          language: own?.language ?? options.contentLanguage,
        }
      : null,
    nextStep: {
      kind: progress.nextStep.kind,
      text: translate(uiLanguage, progress.nextStep.child.key, progress.nextStep.child.params),
    },
  };
}

/** The confirming choice: the child's own picture and up to three others, in random order. */
export function pickConfirmChoices<T extends { readonly id: string; readonly picture: string }>(
  students: readonly T[],
  chosenId: string,
  random: () => number,
): T[] {
  const chosen = students.find((s) => s.id === chosenId);
  if (!chosen) return [];
  // Others with a different picture first, so the child's own picture is never ambiguous.
  const others = shuffle(
    students.filter((s) => s.id !== chosenId && s.picture !== chosen.picture),
    random,
  ).slice(0, 3);
  return shuffle([chosen, ...others], random);
}

function shuffle<T>(values: readonly T[], random: () => number): T[] {
  const copy = [...values];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}
