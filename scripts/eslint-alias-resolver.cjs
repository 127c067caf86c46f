// A tiny import resolver for eslint-plugin-boundaries: package.json "imports" aliases (#db, #rules/*, …)
// and relative paths. (The usual TypeScript resolver pulls in native packages this registry lacks.)
const { existsSync, readFileSync } = require('node:fs');
const { dirname, join, resolve: resolvePath } = require('node:path');

const root = resolvePath(__dirname, '..');
const aliases = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).imports ?? {};

function fromAlias(source) {
  for (const [pattern, target] of Object.entries(aliases)) {
    if (pattern.endsWith('/*')) {
      const prefix = pattern.slice(0, -1);
      if (source.startsWith(prefix)) return join(root, target.replace('*', source.slice(prefix.length)));
    } else if (source === pattern) {
      return join(root, target);
    }
  }
  return null;
}

exports.interfaceVersion = 2;
exports.resolve = (source, file) => {
  const candidate = source.startsWith('#')
    ? fromAlias(source)
    : source.startsWith('.')
      ? resolvePath(dirname(file), source)
      : null;
  if (candidate === null) return { found: false };
  for (const path of [candidate, `${candidate}.ts`, `${candidate}.tsx`, join(candidate, 'index.ts')]) {
    if (existsSync(path)) return { found: true, path };
  }
  return { found: false };
};
