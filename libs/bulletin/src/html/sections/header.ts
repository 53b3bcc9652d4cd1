import { contactHtml, esc, link } from '../html';
import { Context } from '../context';
import { addWeeks } from '@mcm/shared';
import { formatDate, formatDateTime, parseWeekLabel } from '../../format';

/** "During school": absent from school without explanation in the school day, not "children missing education" (see SETTING_DEFINITION). */
export const BULLETIN_TITLE = 'Children going missing from home, from care and during school';

export function headerSection(ctx: Context, contents: { id: string; title: string }[]): string {
  const { b } = ctx;
  const { year, week } = parseWeekLabel(b.week);
  const sunday = new Date(Date.parse(`${addWeeks(b.weekCommencing, 1)}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const provisional =
    b.releaseStatus === 'provisional'
      ? '<div class="inset" role="note"><p><strong>Provisional edition (p).</strong> Not every agency had reported events past the end of this week when it was built. It will be replaced by the final edition once they have, or once the allowance for late reports has passed.</p></div>'
      : '';
  const revision =
    b.revision > 0
      ? `<div class="inset" role="note"><p><strong>${b.releaseStatus === 'final' ? 'Final' : 'Revised'} edition ${esc(String(b.revision))}.</strong> This edition replaces the one published earlier for this week. The revisions section lists every figure that changed.</p></div>`
      : '';
  return `<header class="page-header">
<p class="caption">Weekly statistics: week ${week} ${year}</p>
<h1>${esc(BULLETIN_TITLE)}: week commencing ${esc(formatDate(b.weekCommencing))}</h1>
<p><strong class="tag">${esc(b.status)}</strong></p>
${provisional || revision}
<dl class="release-meta">
<div><dt>Published</dt><dd>${esc(formatDateTime(b.publishedAt))}</dd></div>
<div><dt>Next release</dt><dd>${esc(formatDateTime(b.nextReleaseAt))}</dd></div>
<div><dt>Period covered</dt><dd>Monday ${esc(formatDate(b.weekCommencing))} to Sunday ${esc(formatDate(sunday))} (ISO week ${esc(b.week)}), England</dd></div>
<div><dt>Methodology</dt><dd>${link(b.methodologyUrl, 'How these statistics are produced')}</dd></div>
<div><dt>Contact</dt><dd>${contactHtml(b.contact)}</dd></div>
</dl>
<nav class="contents" aria-labelledby="contents-heading"><h2 id="contents-heading" class="heading-s">Contents</h2><ol>${contents
    .map((c) => `<li><a href="#${esc(c.id)}">${esc(c.title)}</a></li>`)
    .join('')}</ol></nav>
</header>`;
}
