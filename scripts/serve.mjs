// Serves the built app (dist/) with an SPA fallback. Used by `npm start` until the sync server serves it.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const root = new URL('../dist/', import.meta.url).pathname;
const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '127.0.0.1';
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
  '.json': 'application/json',
};

async function resolve(urlPath) {
  const safe = normalize(decodeURIComponent(urlPath)).replace(/^(\.\.[/\\])+/, '');
  const file = join(root, safe);
  if (file.startsWith(root)) {
    const info = await stat(file).catch(() => null);
    if (info?.isFile()) return file;
  }
  return join(root, 'index.html');
}

createServer(async (req, res) => {
  const file = await resolve(new URL(req.url ?? '/', 'http://x').pathname);
  const body = await readFile(file);
  const noCache = file.endsWith('index.html') || file.endsWith('sw.js');
  res.writeHead(200, {
    'content-type': types[extname(file)] ?? 'application/octet-stream',
    'cache-control': noCache ? 'no-cache' : 'public, max-age=31536000, immutable',
  });
  res.end(body);
}).listen(port, host, () => console.log(`Waypoint is running at http://${host}:${port}/`));
