/**
 * Just enough PDF reading to tell blank pages from printed ones, without a PDF library: every `/Type
 * /Page` object, and whether its content streams draw any text (Tj/TJ). Chromium writes page objects
 * uncompressed and content streams as plain or Flate-compressed streams, which is all this handles.
 */
import { inflateSync } from 'node:zlib';

interface PdfObject {
  readonly dict: string;
  readonly stream: Buffer | null;
}

function readObjects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  const header = /(\d+) 0 obj\b/g;
  for (let match = header.exec(text); match; match = header.exec(text)) {
    const start = match.index + match[0].length;
    const end = text.indexOf('endobj', start);
    if (end < 0) break;
    const body = text.slice(start, end);
    const streamAt = body.search(/\bstream\r?\n/);
    if (streamAt < 0) {
      objects.set(Number(match[1]), { dict: body, stream: null });
      continue;
    }
    const dict = body.slice(0, streamAt);
    const dataStart = start + streamAt + (body.slice(streamAt).match(/^stream\r?\n/)?.[0].length ?? 0);
    const length = /\/Length (\d+)(?!\s+\d+\s+R)/.exec(dict);
    const dataEnd = length ? dataStart + Number(length[1]) : text.lastIndexOf('endstream', end);
    const raw = pdf.subarray(dataStart, dataEnd);
    objects.set(Number(match[1]), { dict, stream: /\/FlateDecode/.test(dict) ? inflateSync(raw) : raw });
    header.lastIndex = end;
  }
  return objects;
}

/** For each page, in file order, the decompressed text of its content streams. */
export function pdfPageContents(pdf: Buffer): string[] {
  const objects = readObjects(pdf);
  const pages = [...objects.values()].filter((o) => /\/Type\s*\/Page(?![a-zA-Z])/.test(o.dict));
  return pages.map((page) => {
    const contents = /\/Contents\s*(\[[^\]]*\]|\d+ 0 R)/.exec(page.dict)?.[1] ?? '';
    const ids = [...contents.matchAll(/(\d+) 0 R/g)].map((m) => Number(m[1]));
    return ids.map((id) => objects.get(id)?.stream?.toString('latin1') ?? '').join('\n');
  });
}

/** Whether a page's content draws text: a blank trailing page draws none. */
export function drawsText(content: string): boolean {
  return /\b(Tj|TJ)\b/.test(content);
}
