import type { Language } from '#i18n';
import { pictureNameKey, pictureSrc } from './pictures.ts';
import { useT } from './useT.ts';

/**
 * A child's picture: a drawing, the same on every tablet and on paper. Decorative unless `named`, when its
 * name (in `language`, the tablet's when absent) is its text alternative. Loaded lazily: every drawing is an SVG
 * document of its own to parse and lay out, and a list of a whole class (pictures and target icons) made a
 * tablet's first screen wait about half a second for drawings below the fold (see Icon).
 */
export function Picture({
  id,
  named = false,
  className = 'picture',
  language,
}: {
  id: string;
  named?: boolean;
  className?: string;
  language?: Language | undefined;
}) {
  const { t } = useT(language);
  return (
    <img
      className={className}
      src={pictureSrc(id)}
      alt={named ? t(pictureNameKey(id)) : ''}
      width={72}
      height={72}
      draggable={false}
      loading="lazy"
      decoding="async"
      data-picture={id}
    />
  );
}
