import { useRef, useState, type PointerEvent } from 'react';
import { useT } from '../useT.ts';
import { CaptureButton, HearButton } from './CaptureButton.tsx';
import type { ChildVoice } from './child-voice.ts';
import { toBlob } from './compress-image.ts';
import type { CapturedMedia } from './media-types.ts';

const COLOURS = [
  { id: 'ink', value: '#1b1f24' },
  { id: 'blue', value: '#1d4e89' },
  { id: 'red', value: '#a4262c' },
  { id: 'green', value: '#1e6b3a' },
] as const;

/** Canvas size in pixels; CSS scales it to the screen, pointer positions are mapped back. */
const WIDTH = 800;
const HEIGHT = 500;

interface Props {
  onDrawn(drawing: CapturedMedia): void;
  label?: string;
  /** Turns the canvas into bytes; PNG by default (line drawings stay crisp and small). */
  exportDrawing?: (canvas: HTMLCanvasElement) => Promise<CapturedMedia>;
  /**
   * A child draws: words (colour names too) in the child's language, and a layout that fits the screen
   * in either orientation with Keep in view (capture.css, `.capture-child`).
   */
  forChild?: ChildVoice | undefined;
}

async function exportPng(canvas: HTMLCanvasElement): Promise<CapturedMedia> {
  const blob = await toBlob(canvas, 'image/png');
  return { bytes: await blob.arrayBuffer(), mime: 'image/png' };
}

/** A quick drawing with a finger, pen or mouse. */
export function DrawingPad({ onDrawn, label, exportDrawing = exportPng, forChild }: Props) {
  const { t } = useT(forChild?.language);
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const [colour, setColour] = useState<string>(COLOURS[0].value);
  const [hasInk, setHasInk] = useState(false);
  const [kept, setKept] = useState(false);

  const point = (event: PointerEvent<HTMLCanvasElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    const x = rect.width ? ((event.clientX - rect.left) / rect.width) * WIDTH : event.clientX;
    const y = rect.height ? ((event.clientY - rect.top) / rect.height) * HEIGHT : event.clientY;
    return { x, y };
  };

  const begin = (event: PointerEvent<HTMLCanvasElement>) => {
    const context = canvas.current?.getContext('2d');
    drawing.current = true;
    event.currentTarget.setPointerCapture?.(event.pointerId);
    const { x, y } = point(event);
    if (context) {
      context.strokeStyle = colour;
      context.lineWidth = 6;
      context.lineCap = 'round';
      context.lineJoin = 'round';
      context.beginPath();
      context.moveTo(x, y);
      context.lineTo(x + 0.1, y + 0.1);
      context.stroke();
    }
    setHasInk(true);
    setKept(false);
  };

  const move = (event: PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return;
    const context = canvas.current?.getContext('2d');
    const { x, y } = point(event);
    context?.lineTo(x, y);
    context?.stroke();
  };

  const clear = () => {
    canvas.current?.getContext('2d')?.clearRect(0, 0, WIDTH, HEIGHT);
    setHasInk(false);
    setKept(false);
  };

  const keep = async () => {
    if (!canvas.current) return;
    onDrawn(await exportDrawing(canvas.current));
    clear();
    setKept(true);
  };

  const colourName = (id: (typeof COLOURS)[number]['id']) => t(`capture.colour.${id}`);
  return (
    <fieldset className={`capture drawing-pad${forChild ? ' capture-child' : ''}`}>
      <legend>{label ?? t('capture.drawing.title')}</legend>
      <div className="drawing-layout">
        <div role="radiogroup" aria-label={t('capture.drawing.colour')} className="choice-row drawing-colours">
          {COLOURS.map((c) => (
            <button
              key={c.id}
              type="button"
              role="radio"
              aria-checked={colour === c.value}
              className="colour-swatch"
              onClick={() => {
                setColour(c.value);
                forChild?.readAloud(colourName(c.id));
              }}
            >
              <span aria-hidden="true" className="swatch" style={{ background: c.value }} />{' '}
              <span className="capture-word">{colourName(c.id)}</span>
            </button>
          ))}
        </div>
        <div className="drawing-stage">
          <canvas
            ref={canvas}
            width={WIDTH}
            height={HEIGHT}
            className="drawing-canvas"
            role="img"
            aria-label={t('capture.drawing.canvas')}
            onPointerDown={begin}
            onPointerMove={move}
            onPointerUp={() => (drawing.current = false)}
            onPointerCancel={() => (drawing.current = false)}
          />
        </div>
        <div className="choice-row capture-actions drawing-actions">
          <CaptureButton icon="keep" tone="keep" onClick={() => void keep()} disabled={!hasInk}>
            {t('capture.drawing.keep')}
          </CaptureButton>
          <CaptureButton icon="clear" tone="plain" onClick={clear} disabled={!hasInk}>
            {t('capture.drawing.clear')}
          </CaptureButton>
          {forChild ? (
            <HearButton
              label={t('capture.hear')}
              onHear={() =>
                forChild.readAloud(
                  [...COLOURS.map((c) => colourName(c.id)), t('capture.drawing.keep'), t('capture.drawing.clear')].join(
                    ', ',
                  ),
                )
              }
            />
          ) : null}
        </div>
      </div>
      <p role="status" aria-live="polite" className="capture-status">
        {kept ? t('capture.drawing.kept') : ''}
      </p>
    </fieldset>
  );
}
