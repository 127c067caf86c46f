/**
 * The set-up page's pictures: simple inline SVG drawings of the screens a person goes through, with the
 * words in the page's language. Attributes only (no style attributes, no scripts), so they render under a
 * strict Content-Security-Policy; each is an image with a text alternative.
 */
import { escapeHtml } from './html.ts';

const FONT = 'system-ui, -apple-system, Segoe UI, Roboto, sans-serif';
const BLUE = '#1d4e89';
const GREEN = '#1e7b3a';

type Control = 'chevron' | 'toggle' | 'checkbox';

function frame(id: string, description: string, width: number, height: number, body: string): string {
  return (
    `<svg class="picture" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${id}" xmlns="http://www.w3.org/2000/svg">` +
    `<title id="${id}">${escapeHtml(description)}</title>` +
    `<rect x="2" y="2" width="${width - 4}" height="${height - 4}" rx="18" fill="#f4f1ea" stroke="#39414a" stroke-width="3"/>` +
    body +
    '</svg>'
  );
}

function text(
  x: number,
  y: number,
  value: string,
  options: { size?: number; weight?: string; fill?: string; anchor?: 'start' | 'middle' } = {},
) {
  return `<text x="${x}" y="${y}" text-anchor="${options.anchor ?? 'start'}" font-family="${FONT}" font-size="${options.size ?? 14}" font-weight="${options.weight ?? 'normal'}" fill="${options.fill ?? '#1b1f24'}">${escapeHtml(value)}</text>`;
}

function control(kind: Control, x: number, y: number): string {
  if (kind === 'toggle') {
    return `<rect x="${x - 40}" y="${y - 12}" width="40" height="24" rx="12" fill="${GREEN}"/><circle cx="${x - 12}" cy="${y}" r="10" fill="#fff"/>`;
  }
  if (kind === 'checkbox') {
    return `<rect x="${x - 22}" y="${y - 11}" width="22" height="22" rx="4" fill="${BLUE}"/><path d="M${x - 17} ${y} l5 5 l9 -10" fill="none" stroke="#fff" stroke-width="3"/>`;
  }
  return `<path d="M${x - 10} ${y - 7} l7 7 l-7 7" fill="none" stroke="#7a828c" stroke-width="2.5"/>`;
}

/** A font size at which a label fits the row (about 0.55 em per character), 15 px at most. */
function fitSize(label: string, available: number): number {
  return Math.max(10, Math.min(15, Math.floor(available / (label.length * 0.55))));
}

/**
 * A settings screen: the steps to tap, top to bottom, each numbered, the last one outlined with the control
 * the person turns on (a switch, a tick box, or just the next arrow).
 */
export function settingsPicture(options: {
  id: string;
  description: string;
  title: string;
  steps: readonly string[];
  last: Control;
}): string {
  const width = 520;
  const rowHeight = 46;
  const height = 74 + options.steps.length * rowHeight + 14;
  const rows = options.steps
    .map((step, index) => {
      const y = 66 + index * rowHeight;
      const isLast = index === options.steps.length - 1;
      const outline = isLast ? ` stroke="${BLUE}" stroke-width="3"` : ' stroke="#d5d0c4"';
      return (
        `<rect x="20" y="${y}" width="${width - 40}" height="${rowHeight - 8}" rx="8" fill="#fff"${outline}/>` +
        `<circle cx="42" cy="${y + 19}" r="12" fill="${BLUE}"/>` +
        text(42, y + 24, String(index + 1), { size: 13, weight: 'bold', fill: '#fff', anchor: 'middle' }) +
        text(64, y + 24, step, { size: fitSize(step, width - 64 - 60) }) +
        control(isLast ? options.last : 'chevron', width - 32, y + 19)
      );
    })
    .join('');
  return frame(
    options.id,
    options.description,
    width,
    height,
    text(24, 44, options.title, { size: 20, weight: 'bold' }) + rows,
  );
}

/** A tablet's home screen: a few grey apps and Waypoint's blue icon with its name. */
export function homeScreenPicture(options: { id: string; description: string; appName: string }): string {
  const width = 420;
  const height = 260;
  let icons = '';
  for (let row = 0; row < 3; row++) {
    for (let column = 0; column < 5; column++) {
      const x = 40 + column * 72;
      const y = 30 + row * 72;
      const isWaypoint = row === 1 && column === 2;
      icons += `<rect x="${x}" y="${y}" width="48" height="48" rx="11" fill="${isWaypoint ? BLUE : '#cfc9bd'}"/>`;
      if (isWaypoint) {
        // The waypoint pin of the app's icon, drawn: a marker over a path.
        icons +=
          `<path d="M${x + 24} ${y + 38} c-9 -11 -13 -16 -13 -22 a13 13 0 0 1 26 0 c0 6 -4 11 -13 22z" fill="#fff"/>` +
          `<circle cx="${x + 24}" cy="${y + 16}" r="5" fill="${BLUE}"/>`;
      }
    }
  }
  const label = text(40 + 2 * 72 + 24, 30 + 72 + 66, options.appName, { size: 15, weight: 'bold', anchor: 'middle' });
  return frame(
    options.id,
    options.description,
    width,
    height,
    icons +
      `<circle cx="${width / 2}" cy="${height - 22}" r="9" fill="none" stroke="#39414a" stroke-width="2"/>` +
      label,
  );
}
