import { pictureGlyph } from './pictures.ts';
import { useT } from './useT.ts';

/** A child's picture symbol. Decorative unless `named`, when its translated name is its accessible name. */
export function Picture({
  id,
  named = false,
  className = 'picture',
}: {
  id: string;
  named?: boolean;
  className?: string;
}) {
  const { t } = useT();
  return named ? (
    <span className={className} role="img" aria-label={t(`picture.${id}` as never)}>
      {pictureGlyph(id)}
    </span>
  ) : (
    <span className={className} aria-hidden="true">
      {pictureGlyph(id)}
    </span>
  );
}
