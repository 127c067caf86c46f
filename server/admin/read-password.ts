/**
 * A password for the admin commands, never from the command line (shell history, `ps`): typed at a
 * terminal without echo (twice, to catch a typo), or the first line of piped input for scripts.
 */
import { createInterface } from 'node:readline';

export interface PasswordInput {
  readonly input: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };
  readonly output: NodeJS.WritableStream;
}

/** The first line of a pipe (without its line ending); empty when there is none. */
async function firstLine(input: NodeJS.ReadableStream): Promise<string> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  try {
    for await (const line of lines) return line;
    return '';
  } finally {
    lines.close();
  }
}

/** One line typed at a terminal, not echoed. Ctrl-C stops with an error. */
function typed(io: PasswordInput, prompt: string): Promise<string> {
  const { input, output } = io;
  // No echo before the prompt shows, so not even a fast typist's first keys appear.
  input.setRawMode?.(true);
  output.write(prompt);
  input.resume();
  return new Promise((resolve, reject) => {
    let text = '';
    const finish = (error: Error | null) => {
      input.removeListener('data', onData);
      input.setRawMode?.(false);
      input.pause();
      output.write('\n');
      if (error) reject(error);
      else resolve(text);
    };
    const onData = (chunk: Buffer | string) => {
      for (const char of chunk.toString()) {
        if (char === '\r' || char === '\n' || char === '\u0004') return finish(null);
        if (char === '\u0003') return finish(new Error('Stopped.'));
        if (char === '\u007f' || char === '\b') text = [...text].slice(0, -1).join('');
        else if (char >= ' ') text += char;
      }
    };
    input.on('data', onData);
  });
}

export async function readPassword(io: PasswordInput, prompt: string): Promise<string> {
  if (!io.input.isTTY) return firstLine(io.input);
  const first = await typed(io, prompt);
  const again = await typed(io, 'Type it again: ');
  if (first !== again) throw new Error('The two passwords differ; nothing was changed.');
  return first;
}
