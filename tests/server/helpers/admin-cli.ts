/** The admin commands as package.json's scripts run them (server/admin/cli.ts), in a process of their own. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

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
