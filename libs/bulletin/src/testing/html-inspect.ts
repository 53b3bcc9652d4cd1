/** Small helpers for specs that read the rendered HTML (no DOM library in this repository). */

export function unescapeHtml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

const INLINE = /^(a|abbr|strong|em|span|b|i|code|tspan)$/i;

/** Visible text: styles dropped, block elements separated by a space, whitespace collapsed. */
export function textOf(html: string): string {
  const withoutStyles = html
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    .replace(/<head>[\s\S]*?<\/head>/g, '')
    .replace(/<![^>]*>/g, '');
  const text = withoutStyles.replace(/<\/?([a-zA-Z][\w-]*)\b[^>]*>/g, (_, name: string) => (INLINE.test(name) ? '' : ' '));
  return unescapeHtml(text).replace(/\s+/g, ' ').trim();
}

/** The markup of the element with this id (tables and svg do not nest themselves here). */
export function elementById(html: string, tag: string, id: string): string {
  const start = html.search(new RegExp(`<${tag}\\b[^>]*\\bid="${id}"`));
  if (start < 0) throw new Error(`no <${tag} id="${id}">`);
  const end = html.indexOf(`</${tag}>`, start);
  return html.slice(start, end + tag.length + 3);
}

/** Rows of a table as cell texts: the header row first, then body rows (group headings skipped). */
export function tableRows(tableHtml: string): { header: string[]; rows: string[][] } {
  const rowsHtml = [...tableHtml.matchAll(/<tr\b([^>]*)>([\s\S]*?)<\/tr>/g)].filter((m) => !/class="group"/.test(m[1]));
  const cells = (row: string) => [...row.matchAll(/<t[hd]\b[^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => textOf(c[1]));
  const [header, ...rows] = rowsHtml.map((m) => cells(m[2]));
  return { header, rows };
}

/** Checks that tags open and close in order (enough to catch broken SVG or HTML markup). */
export function unbalancedTags(markup: string): string[] {
  const voids = new Set(['meta', 'br', 'hr', 'img', 'input', 'link']);
  const stack: string[] = [];
  const problems: string[] = [];
  const body = markup.replace(/<!DOCTYPE[^>]*>/i, '').replace(/<style>[\s\S]*?<\/style>/g, '');
  for (const m of body.matchAll(/<(\/?)([a-zA-Z][\w:-]*)\b[^>]*?(\/?)>/g)) {
    const [, closing, name, selfClosing] = m;
    if (selfClosing || voids.has(name.toLowerCase())) continue;
    if (!closing) stack.push(name);
    else if (stack.pop() !== name) problems.push(`unexpected </${name}> at ${m.index}`);
  }
  return [...problems, ...stack.map((s) => `unclosed <${s}>`)];
}
