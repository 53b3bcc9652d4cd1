import { CompletenessNote } from '../../bulletin.model';
import { formatDate, formatNumber } from '../../format';
import { Context } from '../context';
import { esc, raw, table } from '../html';

const TYPE_LABEL: Record<string, string> = { POLICE: 'Police forces', LOCAL_AUTHORITY: 'Local authorities', SCHOOL: 'Schools' };

/** The status in words, so that a flag never rests on colour or styling. */
export function completenessStatus(n: CompletenessNote): string {
  if (!n.flagged) return 'No concerns';
  if (n.lastEventOn === null) return 'Flagged: no events received';
  if (n.silentDays !== null && n.silentDays > 0) return `Flagged: silent ${n.silentDays} ${n.silentDays === 1 ? 'day' : 'days'}`;
  if (n.eventsThisWeek < n.usualWeeklyEvents)
    return `Flagged: about ${formatNumber(n.eventsThisWeek)} events against usually about ${formatNumber(n.usualWeeklyEvents)}`;
  return 'Flagged';
}

/** Agencies grouped by type and region: never one agency, event counts rounded to 10, dates to the day. */
export function completenessSection(ctx: Context, tableNumber: number): string {
  const notes = [...ctx.b.completeness].sort(
    (x, y) => Number(y.flagged) - Number(x.flagged) || x.agencyType.localeCompare(y.agencyType) || x.regionName.localeCompare(y.regionName),
  );
  const flagged = notes.filter((n) => n.flagged).length;
  const intro = notes.length
    ? `${flagged} of ${notes.length} ${notes.length === 1 ? 'group' : 'groups'} of reporting agencies ${flagged === 1 ? 'is' : 'are'} flagged this week. Figures for the areas they cover may be too low and are likely to rise when their events arrive.`
    : 'No completeness notes this week.';
  return `<section class="section" id="completeness" aria-labelledby="completeness-heading">
<h2 id="completeness-heading">Completeness of reporting</h2>
<p>Police forces, local authorities and schools send events as they happen. We show reporting by type of agency and region, never for one agency, with numbers of events rounded to the nearest 10 and dates to the day. We flag a group that has sent nothing for several days, or far fewer events than usual.</p>
<p>${esc(intro)}</p>
${
  notes.length
    ? table({
        caption: `Table ${tableNumber}: Reporting by type of agency and region, flagged groups first`,
        columns: [
          { header: 'Agencies' },
          { header: 'Region' },
          { header: 'Status' },
          { header: 'Events this week (to nearest 10)', numeric: true },
          { header: 'Usual events a week (to nearest 10)', numeric: true },
          { header: 'Mean reporting lag (hours)', numeric: true },
          { header: 'Last event received' },
        ],
        groups: [
          {
            rows: notes.map((n) => ({
              className: n.flagged ? 'flagged' : undefined,
              cells: [
                TYPE_LABEL[n.agencyType] ?? n.agencyType,
                n.regionName,
                n.flagged ? raw(`<strong class="flag">${esc(completenessStatus(n))}</strong>`) : completenessStatus(n),
                formatNumber(n.eventsThisWeek),
                formatNumber(n.usualWeeklyEvents),
                n.meanLagHours === null ? raw('<abbr class="symbol" title="not available">x</abbr>') : formatNumber(n.meanLagHours),
                n.lastEventOn === null ? 'None received' : formatDate(n.lastEventOn),
              ],
            })),
          },
        ],
        className: 'completeness',
      })
    : ''
}
</section>`;
}
