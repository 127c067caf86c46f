import { Icon } from './Icon.tsx';
import { targetIconName } from './pictures.ts';

/**
 * A target's icon beside its words on a teacher's screen: the same bundled drawing the children see, sized
 * to the text (an emoji depends on the tablet's fonts, and many tablets draw an empty box for it).
 */
export function TargetIcon({ icon }: { icon: string }) {
  return <Icon name={targetIconName(icon)} className="icon target-icon-inline" />;
}
