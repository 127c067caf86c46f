/**
 * Picture symbols for pre-readers and icons for learning targets. Emoji keep the bundle small and render
 * on every tablet; each has a spoken, translated name (picture.<id>) for screen readers and read-aloud.
 */
export const PICTURES = {
  dog: '🐶',
  cat: '🐱',
  fox: '🦊',
  frog: '🐸',
  owl: '🦉',
  bear: '🐻',
  lion: '🦁',
  fish: '🐟',
  bee: '🐝',
  turtle: '🐢',
  rabbit: '🐰',
  penguin: '🐧',
  sun: '☀️',
  star: '⭐',
  moon: '🌙',
  apple: '🍎',
  tree: '🌳',
  flower: '🌸',
  rocket: '🚀',
  car: '🚗',
  boat: '⛵',
  ball: '⚽',
  kite: '🪁',
  drum: '🥁',
} as const;

export type PictureId = keyof typeof PICTURES;

export function pictureGlyph(id: string): string {
  return (PICTURES as Record<string, string>)[id] ?? '🙂';
}

export function isPictureId(id: string): id is PictureId {
  return id in PICTURES;
}

export const TARGET_ICONS: Readonly<Record<string, string>> = {
  book: '📖',
  arrow: '➡️',
  word: '🔤',
  space: '␣',
  abc: '🔠',
  'letter-upper': '🅰️',
  'letter-lower': '🔡',
  ear: '👂',
  clap: '👏',
  rhyme: '🎵',
  syllable: '🥁',
  blend: '🧩',
  sound: '🔊',
  vowel: '🅾️',
  eye: '👀',
  pencil: '✏️',
  puzzle: '🧩',
  star: '⭐',
  heart: '❤️',
  calm: '🧘',
  hand: '✋',
  friends: '🤝',
  speech: '💬',
  choice: '🤔',
};

export function targetIcon(id: string): string {
  return TARGET_ICONS[id] ?? '🎯';
}
