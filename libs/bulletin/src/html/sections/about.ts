import { contactHtml, esc, link } from '../html';
import { Context, SYMBOLS } from '../context';
import { LINKAGE_METHODOLOGY } from '@mcm/linkage';
import { SETTING_DEFINITION } from '../../labels';

export const WEEK_NOTE =
  'Weeks run from Monday to Sunday in UK time (ISO weeks). In the CSV download, time_period is the ISO year and time_identifier is "Week N" with N the ISO week number, ' +
  'including "Week 53" in years that have 53 ISO weeks. Explore Education Statistics has no Week 53, so this label is our choice; the week_commencing column (the Monday, yyyy-mm-dd) ' +
  'identifies every week unambiguously.';

export function aboutSection(ctx: Context): string {
  const { b } = ctx;
  return `<section class="section" id="about" aria-labelledby="about-heading">
<h2 id="about-heading">About these statistics</h2>
<p>These are ${esc(b.status.toLowerCase())}: they are new and still being developed with their users. ${link(b.methodologyUrl, 'The methodology')} explains the sources, how children are counted once across agencies, disclosure control and the revisions policy.</p>
<ul class="list bullets">
<li>A child is counted once in a week however many times they go missing; each time is an episode.</li>
<li>A child can go missing from more than one setting in a week, so the settings do not add up to the total.</li>
<li>Settings. ${esc(Object.values(SETTING_DEFINITION).join(' '))}</li>
<li>${esc(WEEK_NOTE)}</li>
<li id="disclosure-statement">${esc(b.disclosure.statement)}</li>
<li>Method: ${esc(b.disclosure.method.toLowerCase())}, perturbation table ${esc(b.disclosure.ptable)}. Each total is protected as a figure of its own, so figures may not add up exactly to their totals, and England, regions and local authorities, this bulletin, earlier bulletins, the revisions below and the API all show the same figure the same way.</li>
</ul>
<h3 id="linkage-heading">Linkage quality</h3>
${LINKAGE_METHODOLOGY.split('\n\n')
  .map((paragraph) => `<p>${esc(paragraph)}</p>`)
  .join('\n')}
<h3 id="symbols-heading">Symbols</h3>
<dl class="symbols" aria-labelledby="symbols-heading">
${SYMBOLS.map((s) => `<div><dt>${esc(s.symbol)}</dt><dd>${esc(s.meaning)}</dd></div>`).join('\n')}
</dl>
<h3>Contact</h3>
<p>${contactHtml(b.contact)}</p>
</section>`;
}
