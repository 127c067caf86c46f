/**
 * The admin commands' password prompt (server/admin/read-password.ts): at a terminal, echo is off before
 * the prompt shows and the password is asked twice; from a pipe, the first line is the password.
 */
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readPassword } from '#server/admin/read-password.ts';

/** A terminal: records raw mode and what was written, and types `keys` once the prompt `after` shows. */
function terminal(script: { after: string; keys: string }[]) {
  const input = Object.assign(new PassThrough(), {
    isTTY: true,
    rawMode: false,
    rawWhenPrompted: [] as boolean[],
    setRawMode(raw: boolean) {
      input.rawMode = raw;
    },
  });
  let shown = '';
  const output = new PassThrough();
  output.on('data', (chunk: Buffer) => {
    shown += chunk.toString();
    const next = script[0];
    if (next && shown.endsWith(next.after)) {
      script.shift();
      input.rawWhenPrompted.push(input.rawMode);
      setImmediate(() => input.write(next.keys));
    }
  });
  return {
    io: { input, output },
    input,
    shown: () => shown,
  };
}

describe('readPassword', () => {
  it('asks twice at a terminal with echo off, and takes backspace', async () => {
    const t = terminal([
      { after: 'Password: ', keys: 'correct horsx\u007fe battery\r' },
      { after: 'Type it again: ', keys: 'correct horse battery\r' },
    ]);
    await expect(readPassword(t.io, 'Password: ')).resolves.toBe('correct horse battery');
    expect(t.input.rawWhenPrompted).toEqual([true, true]);
    expect(t.input.rawMode).toBe(false);
    expect(t.shown()).not.toContain('horse');
  });

  it('refuses two different passwords, and stops at Ctrl-C', async () => {
    const differ = terminal([
      { after: 'Password: ', keys: 'correct horse battery\r' },
      { after: 'Type it again: ', keys: 'correct horse batterz\r' },
    ]);
    await expect(readPassword(differ.io, 'Password: ')).rejects.toThrow('The two passwords differ');
    const stopped = terminal([{ after: 'Password: ', keys: 'corr\u0003' }]);
    await expect(readPassword(stopped.io, 'Password: ')).rejects.toThrow('Stopped');
    expect(stopped.input.rawMode).toBe(false);
  });

  it('takes the first line of a pipe, without its line ending', async () => {
    const io = (text: string) => ({ input: Readable.from([text]), output: new PassThrough() });
    await expect(readPassword(io('correct horse battery\r\nmore\n'), 'Password: ')).resolves.toBe(
      'correct horse battery',
    );
    await expect(readPassword(io('no newline'), 'Password: ')).resolves.toBe('no newline');
    await expect(readPassword(io(''), 'Password: ')).resolves.toBe('');
  });
});
