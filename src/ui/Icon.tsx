import { iconSrc, type IconName } from './pictures.ts';

/**
 * A drawing on a control or beside a word (record, keep, a target's icon…): always decorative, since the
 * word next to it, or the control's label, says what it means.
 */
export function Icon({ name, className = 'icon' }: { name: IconName; className?: string }) {
  return <img className={className} src={iconSrc(name)} alt="" width={72} height={72} draggable={false} />;
}
