import type { CellState, OverviewColumns, OverviewRow } from './overview-view.ts';
import type { IndexRange } from './overview-window.ts';

export interface RowLabels {
  readonly states: Readonly<Record<CellState, string>>;
  /** Said by screen readers after the status of the child's current target. */
  readonly current: string;
}

/**
 * One grid row's header and cells as HTML, for `<tr dangerouslySetInnerHTML>`: the browser parses a row's
 * cells in one go, where React would create, fill and append each cell itself. Only the columns in `range`
 * get cells; an empty spacer on each side spans the others, so the row keeps its full width, and
 * aria-colindex gives each cell its true column (1 is the student's name).
 * Every text is escaped; the name links to the child's conference (OverviewGrid follows it in the app).
 */
export function rowCellsHtml(
  row: OverviewRow,
  columns: OverviewColumns,
  labels: RowLabels,
  range: IndexRange = { start: 0, end: columns.length },
): string {
  const current = row.progress.currentTargetId;
  // Escaped once per row, not once per cell: the five words repeat across the row.
  const words = new Map<CellState, string>();
  const word = (state: CellState) => words.get(state) ?? words.set(state, escapeHtml(labels.states[state])).get(state)!;
  let html = `<th scope="row" aria-colindex="1"><a href="${escapeHtml(conferenceHref(row.student.id))}">${escapeHtml(row.student.displayName)}</a></th>`;
  html += spacerHtml(range.start);
  for (let i = range.start; i < range.end; i++) {
    const { target, index } = columns[i]!;
    const state = row.cells[index] ?? 'notOnPath';
    html +=
      target.id === current
        ? `<td aria-colindex="${i + 2}" class="cell cell-${state} cell-current">${word(state)}<span class="visually-hidden"> (${escapeHtml(labels.current)})</span></td>`
        : `<td aria-colindex="${i + 2}" class="cell cell-${state}">${word(state)}</td>`;
  }
  html += spacerHtml(columns.length - range.end);
  return html;
}

/** An empty cell spanning `span` columns left out of the DOM, hidden from assistive technology. */
function spacerHtml(span: number): string {
  return span > 0 ? `<td class="overview-spacer" colspan="${span}" aria-hidden="true"></td>` : '';
}

export function conferenceHref(studentId: string): string {
  return `/conference/${encodeURIComponent(studentId)}`;
}

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}
