/** Names of the picture symbols children sign in with, read aloud and used as accessible names. */
export const picturesEn = {
  'picture.dog': 'dog',
  'picture.cat': 'cat',
  'picture.fox': 'fox',
  'picture.frog': 'frog',
  'picture.owl': 'owl',
  'picture.bear': 'bear',
  'picture.lion': 'lion',
  'picture.fish': 'fish',
  'picture.bee': 'bee',
  'picture.turtle': 'turtle',
  'picture.rabbit': 'rabbit',
  'picture.penguin': 'penguin',
  'picture.sun': 'sun',
  'picture.star': 'star',
  'picture.moon': 'moon',
  'picture.apple': 'apple',
  'picture.tree': 'tree',
  'picture.flower': 'flower',
  'picture.rocket': 'rocket',
  'picture.car': 'car',
  'picture.boat': 'boat',
  'picture.ball': 'ball',
  'picture.kite': 'kite',
  'picture.drum': 'drum',
} as const;

export type PictureMessageKey = keyof typeof picturesEn;
