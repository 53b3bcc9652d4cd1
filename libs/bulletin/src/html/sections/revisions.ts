import { Revision } from '../../bulletin.model';
import { change, formatDate, formatNumber } from '../../format';
import { measureLabel, SETTING_HEADER } from '../../labels';
import { Context } from '../context';
import { esc, table } from '../html';

const REASON_TEXT: Record<string, string> = {
  'late event': 'an agency reported an event late',
  'linkage merge': 'records found to be the same child were merged',
  'linkage split': 'records wrongly linked as one child were separated',
  correction: 'an error was corrected',
  withdrawal: 'an agency withdrew a record',
};

export const REVISIONS_POLICY =
  "Agencies report some events days or weeks after they happen, so a week's figures are provisional (p) until every agency that reports regularly has reported past the week's end, " +
  'or until a set number of days after it; a bulletin built before then is a provisional edition, replaced by the final one when the data is complete. ' +
  'We revise earlier weeks when late events arrive, when record linkage finds that two records are the same child (merge) or that one record was two children (split), ' +
  'when an agency withdraws a record, and to correct errors. Each figure whose published value changed is marked r and listed here with the value published before, the value published now, when it changed and why. ' +
  'Both are published values, protected like every other figure, so a change shown here is not the exact change in the number of children or episodes.';

export function revisionsSection(ctx: Context, tableNumber: number): string {
  const { b } = ctx;
  const revisions = [...b.revisions].sort(
    (x, y) =>
      x.weekCommencing.localeCompare(y.weekCommencing) ||
      x.areaCode.localeCompare(y.areaCode) ||
      x.setting.localeCompare(y.setting) ||
      x.measure.localeCompare(y.measure),
  );
  const body = revisions.length
    ? `<p>${esc(summary(revisions))}</p>
${table({
  caption: `Table ${tableNumber}: Figures revised since first published`,
  columns: [
    { header: 'Week commencing' },
    { header: 'Setting' },
    { header: 'Area' },
    { header: 'Measure' },
    { header: 'Previously published', numeric: true },
    { header: 'Published now (r)', numeric: true },
    { header: 'Change', numeric: true },
    { header: 'Reason' },
    { header: 'Revised on' },
  ],
  groups: [
    {
      rows: revisions.map((r) => ({
        cells: [
          `${formatDate(r.weekCommencing)} (${r.week})`,
          SETTING_HEADER[r.setting] ?? r.setting,
          ctx.names.get(r.areaCode) ?? r.areaCode,
          r.dimension ? `${measureLabel(r.measure)}: ${r.category} (${r.dimension.replace(/_/g, ' ')})` : measureLabel(r.measure),
          formatNumber(r.previouslyPublished),
          formatNumber(r.published),
          change(r.published, r.previouslyPublished).words,
          r.reason,
          formatDate(r.revisedOn),
        ],
      })),
    },
  ],
  className: 'revisions',
})}`
    : '<p>No figures published earlier have been revised in this release.</p>';
  return `<section class="section" id="revisions" aria-labelledby="revisions-heading">
<h2 id="revisions-heading">Revisions to earlier weeks</h2>
<p>${esc(REVISIONS_POLICY)}</p>
${body}
</section>`;
}

/** Scale, nature and cause in a sentence: "5 figures for 2 weeks were revised: 3 because ...". */
function summary(revisions: Revision[]): string {
  const weeks = new Set(revisions.map((r) => r.weekCommencing)).size;
  const byReason = new Map<string, number>();
  for (const r of revisions) byReason.set(r.reason, (byReason.get(r.reason) ?? 0) + 1);
  const causes = [...byReason.entries()]
    .sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))
    .map(([reason, count]) => `${count} because ${REASON_TEXT[reason] ?? `of: ${reason}`}`);
  const largest = [...revisions].sort((x, y) => Math.abs(y.published - y.previouslyPublished) - Math.abs(x.published - x.previouslyPublished))[0];
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return `${plural(revisions.length, 'figure', 'figures')} for ${plural(weeks, 'earlier week', 'earlier weeks')} ${revisions.length === 1 ? 'was' : 'were'} revised: ${causes.join('; ')}. The largest change was ${change(largest.published, largest.previouslyPublished).words}.`;
}
