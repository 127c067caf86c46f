import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCALE } from '#protocol';
import type { StudentRecord, TargetRecord } from '#db';
import { summarizeStudent } from '#ui/progress-summary.ts';
import { OverviewGrid } from '#features/overview/OverviewGrid.tsx';
import { buildOverviewView, type CellState } from '#features/overview/overview-view.ts';
import { escapeHtml, rowCellsHtml } from '#features/overview/overview-row-html.ts';

const NOW = new Date('2026-03-02T12:00:00Z');
const LABELS: Record<CellState, string> = {
  notStarted: 'Not started',
  inProgress: 'In progress',
  mastered: 'Mastered',
  skipped: 'Skipped',
  notOnPath: 'Not on path',
};

const target = (id: string, sequence: number): TargetRecord => ({
  id,
  frameworkId: 'fw',
  code: `T.${sequence}`,
  sequence,
  strand: 'S',
  teacherStatement: `Target ${sequence}`,
  kidStatement: `I can ${sequence}`,
  icon: 'star',
  prerequisites: [],
  rule: { kind: 'score', method: { kind: 'mostRecent' } },
  _hlc: {},
});

const student = (id: string, displayName: string): StudentRecord => ({
  id,
  classId: 'c',
  displayName,
  picture: 'fox',
  familyLanguage: 'en',
  archived: false,
  _hlc: {},
});

/**
 * A class of one or two children through the real rules: t1 mastered, t2 current, t3 skipped, t4 (and any
 * further target) not on the path.
 */
function view(children: readonly StudentRecord[], targetCount = 4) {
  const targets = Array.from({ length: targetCount }, (_, i) => target(`t${i + 1}`, i + 1));
  const data = children.map((s) => ({
    student: s,
    path: {
      id: s.id,
      studentId: s.id,
      entries: [{ targetId: 't1' }, { targetId: 't2' }, { targetId: 't3', skippedReason: 'moved on' }],
      _hlc: {},
    },
    targets,
    itemSets: [],
    evidence: [
      {
        id: `${s.id}-e1`,
        studentId: s.id,
        targetIds: ['t1'],
        kind: 'observation' as const,
        observedAt: '2026-03-01T10:00:00Z',
        recordedAt: '2026-03-01T10:00:00Z',
        recordedBy: { kind: 'teacher' as const, id: 't' },
        level: 4,
        _hlc: {},
      },
    ],
    decisions: [],
    scale: DEFAULT_SCALE,
  }));
  const group = {
    id: 'c',
    schoolId: 's',
    name: 'Class',
    teacherIds: [],
    templateTargetIds: targets.map((t) => t.id),
    language: 'en',
    _hlc: {},
  };
  return buildOverviewView(
    group,
    data.map((d) => ({ student: d.student, summary: summarizeStudent(d, NOW) })),
    targets,
    NOW,
  );
}

const columnsOf = (v: ReturnType<typeof view>) => v.targets.map((t, index) => ({ target: t, index }));

describe('overview grid rows as HTML', () => {
  it('gives a header with the child’s link and one cell per column, with the status word and its class', () => {
    const v = view([student('s 1', 'Ana')]);
    const row = document.createElement('tr');
    row.innerHTML = rowCellsHtml(v.rows[0]!, columnsOf(v), { states: LABELS, current: 'Current' });

    const header = row.querySelector('th[scope="row"]')!;
    expect(header.querySelector('a')!.getAttribute('href')).toBe('/conference/s%201');
    expect(header.textContent).toBe('Ana');
    const cells = [...row.querySelectorAll('td')];
    expect(cells.map((td) => td.textContent)).toEqual(['Mastered', 'Not started (Current)', 'Skipped', 'Not on path']);
    expect(cells.map((td) => td.className)).toEqual([
      'cell cell-mastered',
      'cell cell-notStarted cell-current',
      'cell cell-skipped',
      'cell cell-notOnPath',
    ]);
    // "(Current)" is for screen readers; sighted users see the outline.
    expect(cells[1]!.querySelector('.visually-hidden')!.textContent).toBe(' (Current)');
  });

  it('escapes names and labels, so they stay text', () => {
    const v = view([student('s1', '<img src=x onerror=alert(1)> & "Bo"')]);
    const row = document.createElement('tr');
    row.innerHTML = rowCellsHtml(v.rows[0]!, columnsOf(v), {
      states: { ...LABELS, mastered: '<b>Mastered</b>' },
      current: 'Current',
    });
    expect(row.querySelector('img, b')).toBeNull();
    expect(row.querySelector('th')!.textContent).toBe('<img src=x onerror=alert(1)> & "Bo"');
    expect(row.querySelector('td')!.textContent).toBe('<b>Mastered</b>');
    expect(escapeHtml(`a&b<c>"d"'e'`)).toBe('a&amp;b&lt;c&gt;&quot;d&quot;&#39;e&#39;');
  });

  it('is a table with column and row headers, whose name links stay in the app on a plain click', async () => {
    const v = view([student('s1', 'Ana'), student('s2', 'Bo')]);
    render(
      <MemoryRouter initialEntries={['/overview']}>
        <Routes>
          <Route
            path="/overview"
            element={<OverviewGrid columns={columnsOf(v)} rows={v.rows} stateLabels={LABELS} />}
          />
          <Route path="/conference/:studentId" element={<p>Conference page</p>} />
        </Routes>
      </MemoryRouter>,
    );
    const grid = screen.getByRole('table', { name: 'Status of each student on each learning target' });
    // Each target's header: its code, and the child's statement, which tells targets of one code apart.
    expect(
      within(grid)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Student', 'T.1 I can 1', 'T.2 I can 2', 'T.3 I can 3', 'T.4 I can 4']);
    expect(within(grid).getAllByRole('columnheader')[1]).toHaveAttribute('title', 'Target 1');
    expect(
      within(grid)
        .getAllByRole('rowheader')
        .map((th) => th.textContent),
    ).toEqual(['Ana', 'Bo']);
    expect(within(grid).getAllByRole('cell')).toHaveLength(8);

    await userEvent.click(within(grid).getByRole('link', { name: 'Bo' }));
    expect(screen.getByText('Conference page')).toBeInTheDocument();
  });
});

describe('overview grid focus', () => {
  const renderGrid = () => {
    const v = view([student('s1', 'Ana'), student('s2', 'Bo')]);
    const ui = (labels: Record<CellState, string>) => (
      <MemoryRouter>
        <button type="button">Elsewhere</button>
        <OverviewGrid columns={columnsOf(v)} rows={v.rows} stateLabels={labels} />
      </MemoryRouter>
    );
    const { rerender } = render(ui(LABELS));
    // New words rewrite every row's HTML, as a live update or a scroll rewrites the rows it changes.
    const rewriteRows = () => rerender(ui({ ...LABELS, mastered: 'Dominada' }));
    return { rewriteRows };
  };

  it('gives the focus back to the child’s name when their row is rewritten', () => {
    const { rewriteRows } = renderGrid();
    const before = screen.getByRole('link', { name: 'Bo' });
    act(() => before.focus());
    rewriteRows();
    const after = screen.getByRole('link', { name: 'Bo' });
    expect(screen.getAllByRole('cell', { name: 'Dominada' })).toHaveLength(2);
    expect(after).not.toBe(before);
    expect(after).toHaveFocus();
  });

  it('leaves the focus where the user moved it', async () => {
    const { rewriteRows } = renderGrid();
    act(() => screen.getByRole('link', { name: 'Bo' }).focus());
    act(() => screen.getByRole('button', { name: 'Elsewhere' }).focus());
    rewriteRows();
    expect(screen.getByRole('button', { name: 'Elsewhere' })).toHaveFocus();
    // Nor does a link the user left for the page's body take it back when its row is rewritten.
    act(() => screen.getByRole('link', { name: 'Ana' }).focus());
    act(() => (document.activeElement as HTMLElement).blur());
    await act(() => Promise.resolve());
    rewriteRows();
    expect(document.body).toHaveFocus();
  });
});

describe('overview grid cell window', () => {
  const NAMES = Array.from({ length: 40 }, (_, i) => `Child ${String(i + 1).padStart(2, '0')}`);
  const renderWide = () => {
    const v = view(
      NAMES.map((name, i) => student(`s${i + 1}`, name)),
      30,
    );
    render(
      <MemoryRouter>
        <OverviewGrid columns={columnsOf(v)} rows={v.rows} stateLabels={LABELS} />
      </MemoryRouter>,
    );
    const grid = screen.getByRole('table', { name: 'Status of each student on each learning target' });
    const scroller = screen.getByRole('region', { name: 'Status of each student on each learning target' });
    const headerCodes = () =>
      within(grid)
        .getAllByRole('columnheader')
        .map((th) => th.querySelector('.overview-code')?.textContent ?? th.textContent);
    const bodyRows = () => within(grid).getAllByRole('row').slice(1);
    const colIndexes = (cells: readonly HTMLElement[]) => cells.map((c) => Number(c.getAttribute('aria-colindex')));
    /** Which body rows (1-based) have status cells. */
    const rowsWithCells = () =>
      bodyRows()
        .map((row, i) => (within(row).queryAllByRole('cell').length > 0 ? i + 1 : 0))
        .filter((n) => n > 0);
    // jsdom has no layout: fake the container's size and scroll position, as a browser would report them.
    const layOut = (box: { width?: number; height?: number; left?: number; top?: number }) => {
      for (const [key, value] of Object.entries({
        clientWidth: box.width,
        clientHeight: box.height,
        scrollLeft: box.left,
        scrollTop: box.top,
      }))
        if (value !== undefined) Object.defineProperty(scroller, key, { configurable: true, value });
      fireEvent.scroll(scroller);
    };
    /** The cells each side of the view, rendered once the browser is idle after the first render. */
    const withOverscan = () => waitFor(() => expect(headerCodes()).toHaveLength(9));
    return { grid, scroller, headerCodes, bodyRows, colIndexes, rowsWithCells, layOut, withOverscan };
  };
  const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

  it('keeps every child’s row and name, with cells only in the rows and columns in view, at their true columns', async () => {
    const { grid, headerCodes, bodyRows, colIndexes, rowsWithCells } = renderWide();
    expect(grid).toHaveAttribute('aria-colcount', '31');
    // No layout in jsdom, so the guess from the window's size stands: jsdom's window is 1,024 px wide; less
    // the page's padding (36 px) and the student column (199 px), 789 px for 135 px target columns shows 6
    // of them (5 whole). The first render has those only.
    expect(headerCodes()).toEqual(['Student', ...range(1, 6).map((n) => `T.${n}`)]);
    // Every child is in the table, with a name link to their conference.
    expect(bodyRows()).toHaveLength(40);
    expect(
      within(grid)
        .getAllByRole('rowheader')
        .map((th) => th.textContent),
    ).toEqual(NAMES);
    expect(within(grid).getAllByRole('link')).toHaveLength(40);
    // jsdom's window is 768 px high and the grid may take 70 % of it: 537 px, less 81 px of caption and
    // header row, for 45 px rows (a 44 px name link and a border) shows 11 (10.1).
    expect(rowsWithCells()).toEqual(range(1, 11));
    expect(colIndexes(within(bodyRows()[0]!).getAllByRole('cell'))).toEqual(range(2, 7));
    expect(bodyRows()[0]!.querySelector('.overview-spacer')).toHaveAttribute('colspan', '24');

    // Once the browser is idle, 2 more columns after them and 2 more rows below are rendered.
    await waitFor(() => expect(headerCodes()).toEqual(['Student', ...range(1, 8).map((n) => `T.${n}`)]));
    expect(colIndexes(within(grid).getAllByRole('columnheader'))).toEqual(range(1, 9));
    expect(rowsWithCells()).toEqual(range(1, 13));
    const firstRow = bodyRows()[0]!;
    expect(colIndexes(within(firstRow).getAllByRole('cell'))).toEqual(range(2, 9));
    expect(within(grid).getAllByRole('rowheader')[0]).toHaveAttribute('aria-colindex', '1');
    // The columns left out are spanned by one empty cell, hidden from assistive technology.
    const spacer = firstRow.querySelector('.overview-spacer')!;
    expect(spacer).toHaveAttribute('colspan', '22');
    expect(spacer).toHaveAttribute('aria-hidden', 'true');
    // A row out of view is its name and one spacer across every target column.
    const lastRow = bodyRows()[39]!;
    expect(within(lastRow).queryAllByRole('cell')).toHaveLength(0);
    expect([...lastRow.querySelectorAll('.overview-spacer')].map((td) => td.getAttribute('colspan'))).toEqual(['30']);
  });

  it('follows the scroll to other columns, keyboard or pointer alike', async () => {
    const { scroller, headerCodes, bodyRows, colIndexes, layOut } = renderWide();
    expect(scroller).toHaveAttribute('tabindex', '0');
    layOut({ width: 1024, left: 1200 });
    // 1,200 px scrolled = 8.9 columns of 135 px: columns 8..14 (T.9..T.15) in view, 2 more each side.
    await waitFor(() => expect(headerCodes()).toEqual(['Student', ...range(7, 17).map((n) => `T.${n}`)]));
    const firstRow = bodyRows()[0]!;
    expect(colIndexes(within(firstRow).getAllByRole('cell'))).toEqual(range(8, 18));
    expect([...firstRow.querySelectorAll('.overview-spacer')].map((td) => td.getAttribute('colspan'))).toEqual([
      '6',
      '13',
    ]);
  });

  it('follows the scroll to other rows', async () => {
    const { rowsWithCells, layOut } = renderWide();
    layOut({ height: 600, top: 900 });
    // No layout to measure the rows in: the guess's 45 px rows 81 px down. 900 px scrolled shows rows from
    // (900 − 81) / 45 = 18.2 (the 19th) to (900 + 600 − 81) / 45 = 31.5 (the 32nd), and 2 more each side.
    await waitFor(() => expect(rowsWithCells()).toEqual(range(17, 34)));
  });

  it('leaves the cells as they are while the view stays within them', async () => {
    const { headerCodes, rowsWithCells, layOut, withOverscan } = renderWide();
    await withOverscan();
    const before = document.querySelector('tbody')!.innerHTML;
    // 100 px right and a row down: columns 0..5 and rows 0..11 show, all rendered already.
    layOut({ width: 988, height: 537, left: 100, top: 45 });
    // The window is read on the next animation frame; give React time to render any change from it.
    await act(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))));
    expect(headerCodes()).toHaveLength(9);
    expect(rowsWithCells()).toEqual(range(1, 13));
    expect(document.querySelector('tbody')!.innerHTML).toBe(before);
  });

  it('prints every cell, in tables of ten targets that fit the page, each with every child', async () => {
    const { headerCodes, rowsWithCells, withOverscan } = renderWide();
    await withOverscan();
    expect(screen.queryByRole('table', { name: /^Targets/ })).toBeNull();
    fireEvent(window, new Event('beforeprint'));
    const parts = screen.getAllByRole('table', { name: /^Targets/ });
    expect(parts.map((table) => table.querySelector('caption')!.textContent)).toEqual([
      'Targets 1–10 of 30',
      'Targets 11–20 of 30',
      'Targets 21–30 of 30',
    ]);
    parts.forEach((table, part) => {
      const codes = within(table)
        .getAllByRole('columnheader')
        .map((th) => th.querySelector('.overview-code')?.textContent ?? th.textContent);
      expect(codes).toEqual(['Student', ...range(part * 10 + 1, part * 10 + 10).map((n) => `T.${n}`)]);
      const rows = within(table).getAllByRole('row').slice(1);
      expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual(NAMES);
      for (const row of rows) expect(within(row).getAllByRole('cell')).toHaveLength(10);
      expect(table.querySelector('.overview-spacer')).toBeNull();
    });
    // The screen's grid (hidden on paper) keeps its window.
    expect(headerCodes()).toHaveLength(9);
    expect(rowsWithCells()).toEqual(range(1, 13));
    fireEvent(window, new Event('afterprint'));
    expect(screen.queryByRole('table', { name: /^Targets/ })).toBeNull();
  });
});
