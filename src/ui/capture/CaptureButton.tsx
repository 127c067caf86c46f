import type { ButtonHTMLAttributes } from 'react';
import { Icon } from '../Icon.tsx';
import type { IconName } from '../pictures.ts';

/**
 * The capture components' buttons: a drawing and a word, and a colour of its own for each action
 * (capture.css), so a child who cannot read tells "keep" from "record again" by picture and colour.
 */
export type CaptureTone = 'record' | 'stop' | 'listen' | 'keep' | 'redo' | 'plain';

export function CaptureButton({
  icon,
  tone,
  className = '',
  children,
  ...button
}: ButtonHTMLAttributes<HTMLButtonElement> & { icon: IconName; tone: CaptureTone }) {
  return (
    <button type="button" className={`capture-action capture-${tone} ${className}`.trim()} {...button}>
      <Icon name={icon} className="icon capture-icon" />
      <span className="capture-word">{children}</span>
    </button>
  );
}

/** Says again, on request, what the child may do now (a pre-reader's screens only). */
export function HearButton({ label, onHear }: { label: string; onHear(): void }) {
  return (
    <CaptureButton icon="speaker" tone="plain" className="capture-hear" onClick={onHear}>
      {label}
    </CaptureButton>
  );
}
