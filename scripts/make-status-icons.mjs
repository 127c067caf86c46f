// Renders the overview's status icons (src/features/overview/icons/*.svg) into the PNGs its CSS uses.
// PNG, not SVG, because the grid paints up to 1,800 of them: a bitmap is drawn from one decoded copy, an SVG
// is painted anew for every cell. Run by hand after changing an icon.
import { chromium } from 'playwright-core';
import { readdir, readFile } from 'node:fs/promises';

const SIZE = 48; // about 3x the icon's size on screen (0.9em of the grid's text)
const dir = new URL('../src/features/overview/icons/', import.meta.url);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE } });
for (const file of (await readdir(dir)).filter((f) => f.endsWith('.svg'))) {
  const svg = await readFile(new URL(file, dir), 'utf8');
  await page.setContent(
    `<body style="margin:0">${svg.replace('<svg ', `<svg width="${SIZE}" height="${SIZE}" style="display:block" `)}</body>`,
  );
  await page.screenshot({ path: new URL(file.replace(/\.svg$/, '.png'), dir).pathname, omitBackground: true });
}
await browser.close();
