/**
 * Finds English on a screen that should speak Spanish: every piece of every English message (the literal
 * text between its {placeholders}) that shows in what the screen says. Pure string work over the catalogs,
 * so the component tests and the end-to-end tests in Chromium use the same check.
 *
 * Not English for this purpose: a piece the Spanish catalog uses too (a cognate such as "panda", a name
 * such as "Waypoint"), and a word children practise, which the content puts on the screen on purpose.
 */
import { englishMore } from '../../src/i18n/catalog-en-more.ts';
import { es } from '../../src/i18n/catalog-es.ts';
import { appEn } from '../../src/i18n/messages/app.en.ts';
import { picturesEn } from '../../src/i18n/messages/pictures.en.ts';
import literacy from '../../src/content/kindergarten-literacy.json' with { type: 'json' };

const english: Readonly<Record<string, string>> = { ...appEn, ...picturesEn, ...englishMore };
const spanish: Readonly<Record<string, string>> = es;

/** A piece of a message worth looking for: three letters or more, once placeholders are cut out. */
const LETTERS = /\p{L}/gu;

function pieces(message: string): string[] {
  return message
    .split(/\{[^}]*\}/)
    .map((piece) => piece.replace(/^[\s·,:;()"“”'.!?¡¿-]+|[\s·,:;()"“”'-]+$/gu, '').trim())
    .filter((piece) => (piece.match(LETTERS)?.length ?? 0) >= 3);
}

function wholeWords(piece: string): RegExp {
  const escaped = piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u');
}

const spanishText = Object.values(spanish);

/** The English pieces to look for, each with the message key it comes from (computed once). */
const englishPieces: readonly { key: string; piece: string; pattern: RegExp }[] = Object.entries(english)
  .filter(([key, value]) => spanish[key] !== value)
  .flatMap(([key, value]) => pieces(value).map((piece) => ({ key, piece, pattern: wholeWords(piece) })))
  .filter(({ pattern }) => !spanishText.some((text) => pattern.test(text)));

/** Item labels of the starter content: English words and letters a child practises, whatever their language. */
const PRACTICE_WORDS: ReadonlySet<string> = new Set(
  literacy.itemSets.flatMap((set) => set.items.map((item) => item.label)),
);

/**
 * The English messages found in `texts` (a screen's visible text and its labels), as "key: piece". A piece
 * that is one of the words children practise ("cat", "and") is not looked for, since the content shows
 * those in every language, nor is any of `allowed` (children’s names, say), nor a text that is wholly one of them (a teacher’s note).
 */
export function englishLeaks(texts: readonly string[], allowed: readonly string[] = []): string[] {
  const skip = new Set([...PRACTICE_WORDS, ...allowed]);
  // A text that is wholly someone's own words (a teacher's note) is theirs, in whatever language they wrote.
  const said = texts.map((text) => text.replace(/\s+/g, ' ')).filter((text) => !skip.has(text.trim()));
  return englishPieces
    .filter(({ piece, pattern }) => !skip.has(piece) && said.some((text) => pattern.test(text)))
    .map((e) => `${e.key}: ${e.piece}`);
}
