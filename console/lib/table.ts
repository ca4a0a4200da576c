// Plain tables: columns with a header, a cell function and optional right alignment.
import { h } from './dom.ts';

export interface Column<T> {
  title: string;
  cell: (row: T) => Node | string | number;
  numeric?: boolean;
}

export function table<T>(columns: Column<T>[], rows: T[], opts: { testId?: string; rowId?: (row: T) => string } = {}): HTMLTableElement {
  const head = h('tr', {}, ...columns.map((c) => h('th', { class: c.numeric ? 'num' : undefined }, c.title)));
  const body = rows.map((r) =>
    h(
      'tr',
      { 'data-row': opts.rowId?.(r) },
      ...columns.map((c) => {
        const v = c.cell(r);
        return h('td', { class: c.numeric ? 'num' : undefined }, typeof v === 'object' ? v : String(v));
      }),
    ),
  );
  return h('table', { class: 'table', 'data-testid': opts.testId }, h('thead', {}, head), h('tbody', {}, ...body));
}
