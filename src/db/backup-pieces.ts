/**
 * Splits a backup file's text, as it arrives in chunks, into its pieces: the small values at the top (format,
 * dates, device), each row of each table, and each outbox entry, draft, setting and attachment. Only the
 * piece being read is held (one row, or one attachment's base64), never the whole file: a year's backup
 * with media is some 1.5 GB, more than a browser can hold as one string. Each piece is parsed with
 * JSON.parse on its own; the scanner only finds where pieces start and end, which any JSON split at any
 * point (inside a string, an escape or a number) allows.
 */
import { BackupFormatError } from './backup-format.ts';

/** The top-level lists whose items come one at a time. */
export const LISTED_PARTS = ['outbox', 'drafts', 'settings', 'blobs'] as const;
export type ListedPart = (typeof LISTED_PARTS)[number];

export type BackupPiece =
  | { readonly kind: 'head'; readonly key: string; readonly value: unknown }
  | { readonly kind: 'row'; readonly table: string; readonly value: unknown }
  | { readonly kind: 'item'; readonly part: ListedPart; readonly value: unknown };

type ObjectState = 'open' | 'keyOrEnd' | 'key' | 'colon' | 'value' | 'commaOrEnd';
type Frame =
  | { readonly type: 'root' | 'tables'; state: ObjectState; key: string }
  | {
      readonly type: 'list';
      readonly label: { table: string } | { part: ListedPart };
      state: 'valueOrEnd' | 'value' | 'commaOrEnd';
    };

interface Capture {
  /** Text of the value from chunks before this one. */
  readonly before: string[];
  start: number;
  depth: number;
  inString: boolean;
  /** A backslash ended the last chunk: the first character of this one is escaped. */
  skipNext: boolean;
  readonly scalar: boolean;
  readonly done: (value: unknown) => void;
}

const notJson = () => new BackupFormatError(['the file is not JSON (is it a Waypoint backup?)']);
const isSpace = (c: string) => c === ' ' || c === '\n' || c === '\r' || c === '\t';

export class BackupPieceReader {
  private readonly stack: Frame[] = [{ type: 'root', state: 'open', key: '' }];
  private capture: Capture | null = null;
  private finished = false;
  private out: BackupPiece[] = [];

  /** Reads the next chunk of text; answers the pieces it completed. */
  push(text: string): BackupPiece[] {
    this.out = [];
    let i = 0;
    // Where the next quote and backslash are: found once per chunk and moved on as needed, so a long
    // base64 string costs one search, and a row of short strings does not search the chunk per string.
    let quote = -2;
    let backslash = -2;
    while (i < text.length) {
      const cap = this.capture;
      if (cap) {
        if (cap.skipNext) {
          cap.skipNext = false;
          i += 1;
          continue;
        }
        if (cap.inString) {
          if (quote !== -1 && quote < i) quote = text.indexOf('"', i);
          if (backslash !== -1 && backslash < i) backslash = text.indexOf('\\', i);
          const next = backslash !== -1 && (quote === -1 || backslash < quote) ? backslash : quote;
          // The string goes on into the next chunk.
          if (next === -1) break;
          if (next === backslash) {
            if (next + 1 >= text.length) cap.skipNext = true;
            i = next + 2;
            continue;
          }
          cap.inString = false;
          i = next + 1;
          if (cap.depth === 0) this.endCapture(text, i);
          continue;
        }
        const c = text[i]!;
        if (c === '"') {
          cap.inString = true;
          i += 1;
        } else if (c === '{' || c === '[') {
          cap.depth += 1;
          i += 1;
        } else if (c === '}' || c === ']') {
          if (cap.depth === 0) {
            this.endCapture(text, i);
            continue;
          }
          cap.depth -= 1;
          i += 1;
          if (cap.depth === 0) this.endCapture(text, i);
        } else if (cap.scalar && (c === ',' || isSpace(c))) {
          this.endCapture(text, i);
        } else {
          i += 1;
        }
        continue;
      }
      const c = text[i]!;
      if (isSpace(c)) {
        i += 1;
        continue;
      }
      if (this.finished) throw notJson();
      this.structure(c, i);
      // A capture starts at this character; anything else consumed it.
      if (!this.capture) i += 1;
    }
    const cap = this.capture;
    if (cap) {
      cap.before.push(text.slice(cap.start));
      cap.start = 0;
    }
    return this.out;
  }

  /** The text has ended: answers a last piece (a number at the very end cannot be) or says it ended early. */
  end(): void {
    if (this.capture || !this.finished) throw new BackupFormatError(['the file ends early (was it copied whole?)']);
  }

  private structure(c: string, at: number): void {
    const frame = this.stack.at(-1)!;
    if (frame.type === 'list') {
      if (frame.state !== 'commaOrEnd') {
        if (c === ']' && frame.state === 'valueOrEnd') return this.close();
        const { label } = frame;
        frame.state = 'commaOrEnd';
        return this.startCapture(c, at, (value) =>
          this.out.push(
            'table' in label ? { kind: 'row', table: label.table, value } : { kind: 'item', part: label.part, value },
          ),
        );
      }
      if (c === ',') frame.state = 'value';
      else if (c === ']') this.close();
      else throw notJson();
      return;
    }
    switch (frame.state) {
      case 'open':
        if (c !== '{') throw notJson();
        frame.state = 'keyOrEnd';
        return;
      case 'keyOrEnd':
      case 'key':
        if (c === '}' && frame.state === 'keyOrEnd') return this.close();
        if (c !== '"') throw notJson();
        return this.startCapture(c, at, (key) => {
          frame.key = key as string;
          frame.state = 'colon';
        });
      case 'colon':
        if (c !== ':') throw notJson();
        frame.state = 'value';
        return;
      case 'value': {
        frame.state = 'commaOrEnd';
        // The tables and the lists are announced empty; their rows and items follow one by one.
        if (frame.type === 'root' && frame.key === 'tables' && c === '{') {
          this.out.push({ kind: 'head', key: 'tables', value: {} });
          this.stack.push({ type: 'tables', state: 'keyOrEnd', key: '' });
          return;
        }
        const part = LISTED_PARTS.find((p) => p === frame.key);
        if (frame.type === 'root' && part && c === '[') {
          this.out.push({ kind: 'head', key: part, value: [] });
          this.stack.push({ type: 'list', label: { part }, state: 'valueOrEnd' });
          return;
        }
        if (frame.type === 'tables') {
          if (c !== '[') throw new BackupFormatError([`"${frame.key}" is not a list`]);
          this.stack.push({ type: 'list', label: { table: frame.key }, state: 'valueOrEnd' });
          return;
        }
        const key = frame.key;
        return this.startCapture(c, at, (value) => this.out.push({ kind: 'head', key, value }));
      }
      case 'commaOrEnd':
        if (c === ',') frame.state = 'key';
        else if (c === '}') this.close();
        else throw notJson();
        return;
    }
  }

  private close(): void {
    this.stack.pop();
    if (this.stack.length === 0) this.finished = true;
  }

  /** Starts reading a value at `at`; the capture loop reads its first character (`c`) next. */
  private startCapture(c: string, at: number, done: (value: unknown) => void): void {
    const scalar = c !== '{' && c !== '[' && c !== '"';
    this.capture = { before: [], start: at, depth: 0, inString: false, skipNext: false, scalar, done };
  }

  /** The captured value ends before `end`: parse it on its own and hand it on. */
  private endCapture(text: string, end: number): void {
    const cap = this.capture!;
    this.capture = null;
    const raw = cap.before.length === 0 ? text.slice(cap.start, end) : cap.before.join('') + text.slice(0, end);
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      throw notJson();
    }
    cap.done(value);
  }
}

/** A file's text in chunks of about `chunkBytes`, decoded as UTF-8 across chunk edges. */
export async function* fileText(file: Blob, chunkBytes = 1 << 20): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (let at = 0; at < file.size; at += chunkBytes) {
    const bytes = await file.slice(at, at + chunkBytes).arrayBuffer();
    let text: string;
    try {
      text = decoder.decode(bytes, { stream: true });
    } catch {
      throw notJson();
    }
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}
