import type { ClassExportData, EvidenceRecord } from '#db';
import { toCsv, UTF8_BOM } from '#protocol/csv.ts';
import type { Translate } from '#ui/useT.ts';
import { evidenceCsv } from './class-csv.ts';

/**
 * A class's evidence spreadsheet written one student at a time: their evidence read, turned into rows and
 * handed to the file as a part of its own, then let go, so a year of a class (some 50,000 pieces of
 * evidence) never sits in memory as objects or as one string. `frame` is the class without evidence
 * (loadClassExportFrame); the file is byte for byte what buildEvidenceCsv makes, with the BOM spreadsheets
 * need to read UTF-8.
 */
export async function streamEvidenceCsv(
  frame: ClassExportData,
  readEvidence: (studentId: string) => Promise<readonly EvidenceRecord[]>,
  t: Translate,
  language: string,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<{ readonly file: Blob; readonly rows: number }> {
  const csv = evidenceCsv(frame, t, language);
  const parts: Blob[] = [new Blob([UTF8_BOM, toCsv([csv.header])])];
  let rows = 0;
  const total = frame.students.length;
  for (const [index, { student }] of frame.students.entries()) {
    const lines = csv.rows(student, await readEvidence(student.id));
    rows += lines.length;
    if (lines.length > 0) parts.push(new Blob([toCsv(lines)]));
    onProgress(index + 1, total);
  }
  return { file: new Blob(parts, { type: 'text/csv;charset=utf-8' }), rows };
}
