import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Metric } from './metric.ts';

/**
 * The gzipped JS the first route loads: the entry script and everything it imports statically (the
 * <script type=module> and <link rel=modulepreload> tags Vite writes into index.html). Lazy routes
 * are not counted.
 */
export async function measureInitialJs(distDir = 'dist'): Promise<Metric> {
  const html = await readFile(join(distDir, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g)].map((m) => m[1]!);
  const preloads = [...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map((m) => m[1]!);
  const files = [...new Set([...scripts, ...preloads])];
  if (files.length === 0) throw new Error('No entry script found in dist/index.html: build first');
  let bytes = 0;
  for (const file of files) bytes += gzipSync(await readFile(join(distDir, file.replace(/^\//, '')))).byteLength;
  return { value: round1(bytes / 1024), unit: 'KB', detail: `${files.length} file(s): ${files.join(', ')}` };
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
