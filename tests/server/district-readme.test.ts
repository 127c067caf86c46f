/**
 * README "Host it for a district" stays true: its commands are package.json's, every variable in its table
 * is one the server reads, the Caddyfile it names is the one the district test runs, and the tests it cites
 * exist.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const section = /## Host it for a district\n([\s\S]*?)\n## /.exec(readme)?.[1] ?? '';
const scripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> })
  .scripts;

function serverSource(dir = join(root, 'server')): string {
  return readdirSync(dir)
    .map((name) => join(dir, name))
    .map((path) =>
      statSync(path).isDirectory() ? serverSource(path) : path.endsWith('.ts') ? readFileSync(path, 'utf8') : '',
    )
    .join('\n');
}

describe('README: Host it for a district', () => {
  it('uses the commands package.json has', () => {
    expect(section).toContain('npm run server');
    expect(scripts.server).toBe('node --import tsx server/main.ts');
    expect(section).toContain('npm run backup -- --out');
    expect(scripts.backup).toBe('node --import tsx server/backup/cli.ts backup');
    expect(section).toContain('npm run restore -- --from');
    expect(scripts.restore).toBe('node --import tsx server/backup/cli.ts restore');
    expect(section).toContain('npm run school:create -- --school');
    expect(scripts['school:create']).toBe('node --import tsx server/admin/cli.ts create-school');
    expect(section).toContain('npm run school:add-teacher -- --school');
    expect(scripts['school:add-teacher']).toBe('node --import tsx server/admin/cli.ts add-teacher');
    expect(section).toContain('npm run school:list');
    expect(scripts['school:list']).toBe('node --import tsx server/admin/cli.ts list-schools');
    expect(section).toContain('npm run school:reset-password -- --email');
    expect(scripts['school:reset-password']).toBe('node --import tsx server/admin/cli.ts reset-password');
    expect(section).toContain('npm run school:remove-teacher -- --email');
    expect(scripts['school:remove-teacher']).toBe('node --import tsx server/admin/cli.ts remove-teacher');
  });

  it('names only variables the server reads', () => {
    const source = serverSource();
    const table = section.split('\n').filter((line) => line.startsWith('| `'));
    const names = table.flatMap((line) => [...(line.split('|')[1] ?? '').matchAll(/`([A-Z_]+)/g)].map((m) => m[1]!));
    expect(names).toEqual(expect.arrayContaining(['NODE_ENV', 'DATABASE_URL', 'TRUST_PROXY', 'ALLOW_SIGN_UP']));
    for (const name of names) expect(source, name).toContain(`env.${name}`);
  });

  it('points at the Caddyfile and the tests that run its steps', () => {
    expect(section).toContain('server/deploy/Caddyfile');
    const caddyfile = readFileSync(join(root, 'server/deploy/Caddyfile'), 'utf8');
    expect(caddyfile).toContain('health_uri /ready');
    expect(readFileSync(join(root, 'tests/server/district-caddy.test.ts'), 'utf8')).toContain(
      'server/deploy/Caddyfile',
    );
    const cited = [...section.matchAll(/`(tests\/[\w/.-]+\.test\.ts)`/g)].map((m) => m[1]!);
    expect(cited.length).toBeGreaterThanOrEqual(6);
    for (const file of cited) expect(existsSync(join(root, file)), file).toBe(true);
  });
});
