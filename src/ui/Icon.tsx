import { iconSrc, type IconName } from './pictures.ts';

/**
 * A drawing on a control or beside a word (record, keep, a target's icon…): always decorative, since the
 * word next to it, or the control's label, says what it means. `loading="lazy"`: React sets `src` while it
 * renders, before the element is in the page, so an eager drawing loads and is laid out between the slices
 * of the render that made it; lazily it waits until it is in view.
 */
export function Icon({ name, className = 'icon' }: { name: IconName; className?: string }) {
  return (
    <img
      className={className}
      src={iconSrc(name)}
      alt=""
      width={72}
      height={72}
      draggable={false}
      loading="lazy"
      decoding="async"
    />
  );
}
