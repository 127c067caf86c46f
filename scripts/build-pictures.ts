/**
 * Builds the drawings children see (public/drawings) from OpenMoji's art, CC BY-SA 4.0:
 *
 *   src/ui/pictures.ts PICTURES → public/drawings/pictures/<id>.svg   (children's pictures)
 *   src/ui/pictures.ts ICONS    → public/drawings/icons/<name>.svg    (controls, next steps, target icons)
 *   public/drawings/LICENSE.txt                                        (attribution, source of each file)
 *
 * Run by hand after changing either list: `node --import tsx scripts/build-pictures.ts [openmoji-dir]`.
 * Without a directory it fetches the openmoji package with `npm pack` into a temporary folder, so the
 * package (11,000 files) is never a dependency; only the chosen drawings, optimized by SVGO, are committed.
 * Anything it cannot find is an error, not a guess.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { optimize } from 'svgo';
import { ICONS, PICTURES } from '../src/ui/pictures.ts';

const OPENMOJI_VERSION = '17.0.0';
const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const out = join(root, 'public/drawings');

interface OpenMojiEntry {
  readonly emoji: string;
  readonly hexcode: string;
  readonly annotation: string;
  readonly openmoji_author: string;
}

function withOpenMoji(use: (dir: string) => void): void {
  const given = process.argv[2];
  if (given) return use(resolve(given));
  const tmp = mkdtempSync(join(tmpdir(), 'openmoji-'));
  try {
    execFileSync('npm', ['pack', `openmoji@${OPENMOJI_VERSION}`, '--pack-destination', tmp], { stdio: 'inherit' });
    execFileSync('tar', ['xzf', join(tmp, `openmoji-${OPENMOJI_VERSION}.tgz`), '-C', tmp]);
    use(join(tmp, 'package'));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

const withoutVariation = (emoji: string) => emoji.replaceAll('\uFE0F', '');

function build(source: string): void {
  const version = (JSON.parse(readFileSync(join(source, 'package.json'), 'utf8')) as { version: string }).version;
  const entries = JSON.parse(readFileSync(join(source, 'data/openmoji.json'), 'utf8')) as OpenMojiEntry[];
  const byEmoji = new Map(entries.map((e) => [withoutVariation(e.emoji), e]));
  const credits: string[] = [];

  const write = (folder: 'pictures' | 'icons', list: Readonly<Record<string, string>>) => {
    const dir = join(out, folder);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    for (const [name, emoji] of Object.entries(list)) {
      const entry = byEmoji.get(withoutVariation(emoji));
      if (!entry) throw new Error(`OpenMoji ${version} has no drawing of ${emoji} (${folder}/${name})`);
      const svg = readFileSync(join(source, 'color/svg', `${entry.hexcode}.svg`), 'utf8');
      writeFileSync(join(dir, `${name}.svg`), optimizeDrawing(svg, `${folder}/${name}`));
      credits.push(`${folder}/${name}.svg  ${entry.hexcode}  ${entry.annotation}  (${entry.openmoji_author})`);
    }
  };
  write('pictures', PICTURES);
  write('icons', ICONS);
  writeFileSync(join(out, 'LICENSE.txt'), licence(version, credits));
  const bytes = ['pictures', 'icons']
    .flatMap((folder) => readdirSync(join(out, folder)).map((f) => readFileSync(join(out, folder, f)).byteLength))
    .reduce((a, b) => a + b, 0);
  console.log(`${credits.length} drawings from OpenMoji ${version}, ${Math.round(bytes / 1024)} KB in ${out}`);
}

/**
 * SVGO with the default preset, then a fixed 72 × 72 size: an <img> of an SVG without one has no natural
 * size (tests check that each picture was drawn by it), and print uses it as the default size.
 */
function optimizeDrawing(svg: string, path: string): string {
  const { data } = optimize(svg, {
    path,
    multipass: true,
    floatPrecision: 2,
    plugins: ['preset-default', 'removeDimensions'],
  });
  if (!data.startsWith('<svg') || !data.includes('viewBox="0 0 72 72"')) {
    throw new Error(`${path}: not a 72 × 72 OpenMoji drawing`);
  }
  return `${data.replace('<svg', '<svg width="72" height="72"')}\n`;
}

function licence(version: string, credits: readonly string[]): string {
  return `The drawings in this folder are from OpenMoji ${version} (https://openmoji.org/), the open-source
emoji and icon project, by the authors named below, licensed under the Creative Commons Attribution-ShareAlike
4.0 International license (CC BY-SA 4.0, https://creativecommons.org/licenses/by-sa/4.0/). They were
optimized with SVGO (smaller files, same drawing) by scripts/build-pictures.ts; the changed files are
under the same license.

All emojis designed by OpenMoji – the open-source emoji and icon project. License: CC BY-SA 4.0

file  OpenMoji hexcode  name  (author)
${credits.join('\n')}
`;
}

withOpenMoji(build);
