/**
 * Picture symbols for pre-readers, the drawings on children's controls, and icons for learning targets.
 *
 * Children's pictures and the controls they touch are drawings (SVG files from OpenMoji, CC BY-SA 4.0,
 * made by scripts/build-pictures.ts into public/drawings), never emoji: emoji look different on every
 * tablet and are empty boxes where the device has no emoji font. Each drawing is named here by the emoji
 * it draws, which is also how the build script finds it. Every picture has a spoken, translated name
 * (picture.<id>) for screen readers and read-aloud.
 *
 * The order of PICTURES is the order new students get them in (src/db/roster-import.ts): new ids go at
 * the end, and no id is ever removed, since students' records on devices and servers keep it.
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
  elephant: '🐘',
  monkey: '🐵',
  pig: '🐷',
  cow: '🐮',
  horse: '🐴',
  chick: '🐤',
  duck: '🦆',
  snail: '🐌',
  butterfly: '🦋',
  ladybug: '🐞',
  whale: '🐳',
  octopus: '🐙',
  giraffe: '🦒',
  snake: '🐍',
  mouse: '🐭',
  crab: '🦀',
  unicorn: '🦄',
  dinosaur: '🦕',
  panda: '🐼',
  banana: '🍌',
  grapes: '🍇',
  strawberry: '🍓',
  watermelon: '🍉',
  pineapple: '🍍',
  carrot: '🥕',
  lemon: '🍋',
  broccoli: '🥦',
  cherries: '🍒',
  cake: '🎂',
  'ice-cream': '🍦',
  mushroom: '🍄',
  bus: '🚌',
  train: '🚂',
  airplane: '✈️',
  bicycle: '🚲',
  tractor: '🚜',
  'fire-truck': '🚒',
  helicopter: '🚁',
  rainbow: '🌈',
  umbrella: '☂️',
  house: '🏠',
  balloon: '🎈',
  guitar: '🎸',
  key: '🔑',
  bell: '🔔',
  gift: '🎁',
  crown: '👑',
  cactus: '🌵',
} as const;

export type PictureId = keyof typeof PICTURES;

/** Drawings on children's controls and screens (public/drawings/icons/<name>.svg). */
export const ICONS = {
  // Recording, photo and drawing: each action its own picture (and colour, in capture.css).
  record: '🎤',
  stop: '⬛',
  listen: '▶️',
  keep: '✅',
  redo: '🔄',
  camera: '📷',
  crayon: '🖍️',
  clear: '🗑️',
  // The station's screens.
  speaker: '🔊',
  back: '⬅️',
  bye: '👋',
  lock: '🔒',
  smile: '🙂',
  feel: '😊',
  'face-1': '😟',
  'face-2': '😐',
  'face-3': '😀',
  // Next steps.
  repeat: '🔁',
  party: '🎉',
  teacher: '🧑‍🏫',
  sprout: '🌱',
  muscle: '💪',
  trophy: '🏆',
  // Learning targets (TARGET_ICONS below).
  book: '📖',
  arrow: '➡️',
  word: '🔤',
  space: '↔️',
  abc: '🔠',
  'letter-upper': '🅰️',
  'letter-lower': '🔡',
  ear: '👂',
  clap: '👏',
  music: '🎵',
  drum: '🥁',
  puzzle: '🧩',
  vowel: '🅾️',
  eyes: '👀',
  pencil: '✏️',
  star: '⭐',
  heart: '❤️',
  calm: '🧘',
  hand: '✋',
  friends: '🤝',
  speech: '💬',
  thinking: '🤔',
  target: '🎯',
} as const;

export type IconName = keyof typeof ICONS;

/** Shown for a picture id this version does not know (a record from a newer app, say). */
const UNKNOWN_PICTURE_ICON: IconName = 'smile';

export function isPictureId(id: string): id is PictureId {
  return Object.hasOwn(PICTURES, id);
}

/** The drawing of a child's picture; a smiling face for an id this version does not know. */
export function pictureSrc(id: string): string {
  return isPictureId(id) ? `${drawingsBase()}pictures/${id}.svg` : iconSrc(UNKNOWN_PICTURE_ICON);
}

export function iconSrc(name: IconName): string {
  return `${drawingsBase()}icons/${name}.svg`;
}

/** The message key of a picture's spoken name; "a picture" for an id this version does not know. */
export function pictureNameKey(id: string): `picture.${PictureId}` | 'picture.unknown' {
  return isPictureId(id) ? `picture.${id}` : 'picture.unknown';
}

function drawingsBase(): string {
  return `${import.meta.env.BASE_URL}drawings/`;
}

/** Target icons as text, for the teacher's screens (lists, tables, print). */
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

/** The drawing of each target icon, for children's screens. */
const TARGET_ICON_DRAWINGS: Readonly<Record<string, IconName>> = {
  book: 'book',
  arrow: 'arrow',
  word: 'word',
  space: 'space',
  abc: 'abc',
  'letter-upper': 'letter-upper',
  'letter-lower': 'letter-lower',
  ear: 'ear',
  clap: 'clap',
  rhyme: 'music',
  syllable: 'drum',
  blend: 'puzzle',
  sound: 'speaker',
  vowel: 'vowel',
  eye: 'eyes',
  pencil: 'pencil',
  puzzle: 'puzzle',
  star: 'star',
  heart: 'heart',
  calm: 'calm',
  hand: 'hand',
  friends: 'friends',
  speech: 'speech',
  choice: 'thinking',
};

export function targetIconName(id: string): IconName {
  return TARGET_ICON_DRAWINGS[id] ?? 'target';
}
