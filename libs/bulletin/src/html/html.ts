import { escapeHtml } from '../format';

export const esc = escapeHtml;

/** Markup that is already safe; plain strings are escaped by `table`. */
export interface Html {
  html: string;
}
export const raw = (html: string): Html => ({ html });

export type CellContent = string | Html;

export interface Column {
  header: CellContent;
  /** Numbers: right-aligned, tabular figures. */
  numeric?: boolean;
}

export interface TableRow {
  cells: CellContent[];
  className?: string;
}

export interface TableOptions {
  caption: CellContent;
  columns: Column[];
  /** Row groups (a tbody each), optionally headed by a row-group header. */
  groups: { heading?: string; rows: TableRow[] }[];
  /** The first cell of each row is the row's header (`th scope="row"`). Default true. */
  rowHeaders?: boolean;
  id?: string;
  className?: string;
}

const content = (c: CellContent): string => (typeof c === 'string' ? esc(c) : c.html);

/** A GOV.UK-style table: caption, column and row headers with scope, numbers right-aligned. */
export function table(options: TableOptions): string {
  const rowHeaders = options.rowHeaders ?? true;
  const cls = ['table', options.className].filter(Boolean).join(' ');
  const head = options.columns.map((c) => `<th scope="col"${c.numeric ? ' class="num"' : ''}>${content(c.header)}</th>`).join('');
  const bodies = options.groups
    .map((group) => {
      const heading = group.heading
        ? `<tr class="group"><th scope="rowgroup" colspan="${options.columns.length}">${esc(group.heading)}</th></tr>`
        : '';
      const rows = group.rows
        .map((row) => {
          const cells = row.cells
            .map((cell, i) => {
              const numeric = options.columns[i]?.numeric;
              if (i === 0 && rowHeaders) return `<th scope="row"${numeric ? ' class="num"' : ''}>${content(cell)}</th>`;
              return `<td${numeric ? ' class="num"' : ''}>${content(cell)}</td>`;
            })
            .join('');
          return `<tr${row.className ? ` class="${esc(row.className)}"` : ''}>${cells}</tr>`;
        })
        .join('');
      return `<tbody>${heading}${rows}</tbody>`;
    })
    .join('');
  return `<div class="table-wrap"><table class="${esc(cls)}"${options.id ? ` id="${esc(options.id)}"` : ''}><caption>${content(options.caption)}</caption><thead><tr>${head}</tr></thead>${bodies}</table></div>`;
}

/** A link target we are willing to write: http(s), mailto, relative paths and fragments. */
export function safeUrl(url: string): string | null {
  const trimmed = url.trim();
  if (/^(https?:|mailto:)/i.test(trimmed)) return trimmed;
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return null; // javascript:, data: and the like
  return trimmed;
}

export function link(url: string, text: string): string {
  const href = safeUrl(url);
  return href === null ? esc(text) : `<a href="${esc(href)}">${esc(text)}</a>`;
}

/** Contact text with any email address as a mailto link. */
export function contactHtml(contact: string): string {
  const email = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/.exec(contact);
  if (!email) return esc(contact);
  const before = contact.slice(0, email.index);
  const after = contact.slice(email.index + email[0].length);
  return `${esc(before)}<a href="mailto:${esc(email[0])}">${esc(email[0])}</a>${esc(after)}`;
}
