/**
 * The admin commands as package.json's scripts run them (server/admin/cli.ts), in a process of their own or in
 * this one, and the production environment over a new, empty database they run against.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '#protocol';
import { runAdminCommand } from '#server/admin/cli.ts';
import { startFromEnv } from '#server/main.ts';
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

export interface ApiAnswer<T> {
  readonly status: number;
  readonly body: T;
}

export type ApiCall = <T>(method: string, path: string, token: string | null, body?: unknown) => Promise<ApiAnswer<T>>;

/**
 * The server the environment describes, started and listening on a free port beside the commands (as a
 * production server runs while an administrator uses them), and a JSON call to its API. `cleanup` is handed
 * what stops it.
 */
export async function listeningServer(
  env: NodeJS.ProcessEnv,
  cleanup: (stop: () => Promise<void>) => void,
): Promise<ApiCall> {
  const started = await startFromEnv(env);
  cleanup(() => started.close());
  await started.app.listen({ port: 0, host: '127.0.0.1' });
  const address = started.app.server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  const base = `http://127.0.0.1:${address.port}/api/v1`;
  const json = { 'content-type': 'application/json', [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) };
  return async <T>(method: string, path: string, token: string | null, body?: unknown) => {
    const r = await fetch(`${base}${path}`, {
      method,
      headers: { ...json, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: r.status, body: (await r.json()) as T };
  };
}
