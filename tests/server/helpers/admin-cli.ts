/**
 * The admin commands as package.json's scripts run them (server/admin/cli.ts), in a process of their own or in
 * this one, and the production environment over a new, empty database they run against.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { runAdminCommand } from '#server/admin/cli.ts';
import { newPostgresDatabase } from './databases.ts';

const root = join(import.meta.dirname, '..', '..', '..');

export interface CommandRun {
  readonly code: number | null;
  /** Standard output and error together, as the administrator sees them. */
  readonly out: string;
}

/** `command` is one of server/admin/cli.ts's (create-school, add-teacher, reset-password…); `stdin` is piped in (the password's line). */
export function adminCommand(env: NodeJS.ProcessEnv, command: string, args: string[], stdin = ''): Promise<CommandRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/admin/cli.ts', command, ...args], {
      cwd: root,
      env: { PATH: process.env.PATH, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out }));
    child.stdin.end(stdin);
  });
}

/** The command in this process (quicker for refusals), with `stdin` as the piped password. */
export async function adminInProcess(env: NodeJS.ProcessEnv, args: string[], stdin = ''): Promise<CommandRun> {
  const lines: string[] = [];
  const io = { input: Readable.from([stdin]), output: new PassThrough() };
  const code = await runAdminCommand(args, env, io, (l) => lines.push(l));
  return { code, out: lines.join('\n') };
}

/**
 * A production environment (no demo school) over a new, empty database of this kind: a SQLite file in a new
 * folder, or a new PostgreSQL database. `cleanup` is handed what removes it.
 */
export async function newProductionEnv(
  kind: 'sqlite' | 'postgres',
  name: string,
  cleanup: (remove: () => Promise<void>) => void,
): Promise<NodeJS.ProcessEnv> {
  const dir = mkdtempSync(join(tmpdir(), `waypoint-${name}-`));
  cleanup(async () => rmSync(dir, { recursive: true, force: true }));
  const env: NodeJS.ProcessEnv = { NODE_ENV: 'production', DATA_DIR: join(dir, 'data'), LOG_LEVEL: 'silent' };
  if (kind === 'postgres') {
    const database = await newPostgresDatabase(name.replace(/-/g, ''));
    cleanup(database.drop);
    env.DATABASE_URL = database.url;
  }
  return env;
}
