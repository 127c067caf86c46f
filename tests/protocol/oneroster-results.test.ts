import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from '#protocol/csv.ts';
import { parseCsv, rosterEnrollmentId } from '#protocol/oneroster.ts';
import {
  buildOneRosterResults,
  gradebookIds,
  recordSourcedId,
  type GradebookInput,
} from '#protocol/oneroster-results.ts';

const CASE_ID = 'c0ffee00-0000-4000-8000-000000000001';

const input: GradebookInput = {
  exportedAt: '2026-09-10T08:30:00.000Z',
  classId: 'oneroster:CLASS_001',
  schoolId: 'oneroster:ORG_1',
  academicSessionSourcedId: 'ACAD_SESS_1',
  categories: [{ key: 'fw', title: 'Tiny phonics' }],
  lineItems: [
    {
      targetId: 'case-1',
      title: 'RF.K.1',
      description: 'Name all letters, upper and lower case',
      categoryKey: 'fw',
      assignDate: '2026-09-02',
      dueDate: '2026-09-20',
      resultValueMin: 0,
      resultValueMax: 4,
      caseIdentifier: CASE_ID,
    },
    {
      targetId: 't-cvc',
      title: 'RF.K.3',
      description: 'Read CVC words',
      categoryKey: 'fw',
      assignDate: '2026-09-06',
      dueDate: '2026-09-10',
      resultValueMin: 0,
      resultValueMax: 4,
    },
  ],
  results: [
    {
      targetId: 'case-1',
      studentId: 'oneroster:USER_0',
      status: 'mastered',
      score: 3.3,
      scoreDate: '2026-09-05',
      textScore: 'Mastered',
      comment: 'Mastered: the most recent of 2 checks is 3; 3 (Proficient) needed.',
    },
    {
      targetId: 't-cvc',
      studentId: 'oneroster:USER_0',
      status: 'inProgress',
      score: null,
      scoreDate: '2026-09-06',
      textScore: 'In progress',
      comment: 'Not yet: the best check had 1 of 2 items correct; 2 needed.',
    },
    {
      targetId: 't-cvc',
      studentId: 'demo:ben',
      status: 'skipped',
      score: null,
      scoreDate: '2026-09-10',
      textScore: 'Skipped',
      comment: '=not a formula',
    },
  ],
};

const file = (name: string) => buildOneRosterResults(input).find((f) => f.name === name)!.text;

describe('OneRoster 1.2 results', () => {
  it('writes the files of a delta package, the CASE objectives file only when a target came from CASE', () => {
    expect(buildOneRosterResults(input).map((f) => f.name)).toEqual([
      'manifest.csv',
      'categories.csv',
      'lineItems.csv',
      'lineItemLearningObjectiveIds.csv',
      'results.csv',
    ]);
    const noCase = { ...input, lineItems: input.lineItems.map(({ caseIdentifier: _c, ...li }) => li) };
    expect(buildOneRosterResults(noCase).map((f) => f.name)).not.toContain('lineItemLearningObjectiveIds.csv');

    const manifest = parseCsv(file('manifest.csv'));
    expect(manifest[0]).toEqual(['propertyName', 'value']);
    const props = Object.fromEntries(manifest.slice(1).map(([k, v]) => [k, v]));
    expect(props['manifest.version']).toBe('1.0');
    expect(props['oneroster.version']).toBe('1.2');
    expect(props['file.results']).toBe('delta');
    expect(props['file.lineItems']).toBe('delta');
    expect(props['file.categories']).toBe('delta');
    expect(props['file.lineItemLearningObjectiveIds']).toBe('delta');
    expect(props['file.users']).toBe('absent');
    expect(props['file.resultLearningObjectiveIds']).toBe('absent');
    // All 21 data files of the 1.2 binding are named, each once.
    expect(manifest.filter(([k]) => k!.startsWith('file.'))).toHaveLength(21);
  });

  it('writes results.csv with the 1.2 columns, one row per student and target', () => {
    const lines = file('results.csv').split('\r\n');
    expect(lines[0]).toBe(
      'sourcedId,status,dateLastModified,lineItemSourcedId,studentSourcedId,scoreStatus,score,scoreDate,comment,textScore,classSourcedId,inProgress,incomplete,late,missing',
    );
    const lineItem1 = gradebookIds.lineItem('oneroster:CLASS_001', 'case-1');
    const lineItem2 = gradebookIds.lineItem('oneroster:CLASS_001', 't-cvc');
    expect(lines.slice(1)).toEqual([
      `${gradebookIds.result('oneroster:CLASS_001', 'case-1', 'oneroster:USER_0')},active,2026-09-10T08:30:00.000Z,${lineItem1},USER_0,fully graded,3.3,2026-09-05,Mastered: the most recent of 2 checks is 3; 3 (Proficient) needed.,Mastered,CLASS_001,false,,,`,
      `${gradebookIds.result('oneroster:CLASS_001', 't-cvc', 'oneroster:USER_0')},active,2026-09-10T08:30:00.000Z,${lineItem2},USER_0,partially graded,,2026-09-06,Not yet: the best check had 1 of 2 items correct; 2 needed.,In progress,CLASS_001,true,,,`,
      // Machine exchange: text is quoted where needed but never changed (no formula defusing).
      `${gradebookIds.result('oneroster:CLASS_001', 't-cvc', 'demo:ben')},active,2026-09-10T08:30:00.000Z,${lineItem2},demo@ben,exempt,,2026-09-10,=not a formula,Skipped,CLASS_001,false,,,`,
      '',
    ]);
  });

  it('writes line items, categories and CASE objectives keyed to the same stable ids', () => {
    const lineItem1 = gradebookIds.lineItem('oneroster:CLASS_001', 'case-1');
    const category = gradebookIds.category('fw');
    expect(file('lineItems.csv').split('\r\n')).toEqual([
      'sourcedId,status,dateLastModified,title,description,assignDate,dueDate,classSourcedId,categorySourcedId,academicSessionSourcedId,resultValueMin,resultValueMax,schoolSourcedId',
      `${lineItem1},active,2026-09-10T08:30:00.000Z,RF.K.1,"Name all letters, upper and lower case",2026-09-02,2026-09-20,CLASS_001,${category},ACAD_SESS_1,0,4,ORG_1`,
      `${gradebookIds.lineItem('oneroster:CLASS_001', 't-cvc')},active,2026-09-10T08:30:00.000Z,RF.K.3,Read CVC words,2026-09-06,2026-09-10,CLASS_001,${category},ACAD_SESS_1,0,4,ORG_1`,
      '',
    ]);
    expect(file('categories.csv')).toBe(
      `sourcedId,status,dateLastModified,title,weight\r\n${category},active,2026-09-10T08:30:00.000Z,Tiny phonics,\r\n`,
    );
    expect(file('lineItemLearningObjectiveIds.csv')).toBe(
      'sourcedId,status,dateLastModified,lineItemSourcedId,source,learningObjectiveId\r\n' +
        `${gradebookIds.lineItemObjective('oneroster:CLASS_001', 'case-1')},active,2026-09-10T08:30:00.000Z,${lineItem1},case,${CASE_ID}\r\n`,
    );
  });

  it('derives sourcedIds that are stable, distinct and made of OneRoster GUID characters', () => {
    const guid = /^[0-9A-Za-z.\-_/@]{1,255}$/;
    expect(recordSourcedId('oneroster:USER_0')).toBe('USER_0');
    expect(recordSourcedId('0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b')).toBe('0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b');
    expect(recordSourcedId('device:abc:1')).toBe('device@abc@1');
    // A child's record in a second class goes back as the child, whatever the ids hold.
    expect(recordSourcedId(rosterEnrollmentId('USER_0', 'CLASS_2'))).toBe('USER_0');
    expect(recordSourcedId(rosterEnrollmentId('u:1:x', 'c:2'))).toBe('u:1:x');
    const long = rosterEnrollmentId('u'.repeat(100), 'c'.repeat(100));
    expect(long.length).toBeLessThanOrEqual(128);
    expect(recordSourcedId(long)).toBe('u'.repeat(100));
    const ids = [
      gradebookIds.result('c1', 't1', 's1'),
      gradebookIds.result('c1', 't1', 's2'),
      gradebookIds.result('c2', 't1', 's1'),
      gradebookIds.lineItem('c1', 't1'),
      gradebookIds.lineItem('c2', 't1'),
      gradebookIds.category('fw'),
    ];
    for (const id of ids) expect(id).toMatch(guid);
    expect(new Set(ids).size).toBe(ids.length);
    expect(gradebookIds.result('c1', 't1', 's1')).toBe(ids[0]);
  });
});

describe('CSV writing', () => {
  it('quotes only where needed, ends every line with CRLF and defuses formulas unless told not to', () => {
    expect(
      toCsv([
        ['a', 'b, c', 'say "hi"'],
        ['line\nbreak', ''],
      ]),
    ).toBe('a,"b, c","say ""hi"""\r\n"line\nbreak",\r\n');
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('-2')).toBe("'-2");
    expect(csvField('@x, y')).toBe(`"'@x, y"`);
    expect(csvField('=1+1', { defuse: false })).toBe('=1+1');
    expect(parseCsv(toCsv([['x,y', 'z"']]))).toEqual([['x,y', 'z"']]);
  });
});
