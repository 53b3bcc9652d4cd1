import { CompletenessNote } from '../../bulletin.model';
import { formatDateTime, formatNumber } from '../../format';
import { Context } from '../context';
import { esc, raw, table } from '../html';

const TYPE_LABEL: Record<string, string> = { POLICE: 'Police force', LOCAL_AUTHORITY: 'Local authority', SCHOOL: 'School' };

/** The status in words, so that a flag never rests on colour or styling. */
export function completenessStatus(n: CompletenessNote): string {
  if (!n.flagged) return 'No concerns';
  if (n.lastEventAt === null) return 'Flagged: no events received';
  if (n.silentDays !== null && n.silentDays > 0) return `Flagged: silent ${n.silentDays} ${n.silentDays === 1 ? 'day' : 'days'}`;
  if (n.eventsThisWeek < n.usualWeeklyEvents) return `Flagged: ${formatNumber(n.eventsThisWeek)} events against usually ${formatNumber(n.usualWeeklyEvents, 1)}`;
  return 'Flagged';
}

export function completenessSection(ctx: Context, tableNumber: number): string {
  const notes = [...ctx.b.completeness].sort(
    (x, y) => Number(y.flagged) - Number(x.flagged) || x.agencyType.localeCompare(y.agencyType) || x.agencyName.localeCompare(y.agencyName),
  );
  const flagged = notes.filter((n) => n.flagged).length;
  const intro = notes.length
    ? `${flagged} of ${notes.length} reporting ${notes.length === 1 ? 'agency is' : 'agencies are'} flagged this week. Figures for the areas they cover may be too low and are likely to rise when their events arrive.`
    : 'No completeness notes this week.';
  return `<section class="section" id="completeness" aria-labelledby="completeness-heading">
<h2 id="completeness-heading">Completeness of reporting</h2>
<p>Police forces, local authorities and schools send events as they happen. We flag an agency that has sent nothing for several days, or far fewer events than usual.</p>
<p>${esc(intro)}</p>
${notes.length ? table({
    caption: `Table ${tableNumber}: Reporting by agency, flagged agencies first`,
    columns: [
      { header: 'Agency' },
      { header: 'Type' },
      { header: 'Status' },
      { header: 'Events this week', numeric: true },
      { header: 'Usual events a week', numeric: true },
      { header: 'Mean reporting lag (hours)', numeric: true },
      { header: 'Last event received' },
    ],
    groups: [{ rows: notes.map((n) => ({
      className: n.flagged ? 'flagged' : undefined,
      cells: [
        `${n.agencyName} (${n.agencyCode})`,
        TYPE_LABEL[n.agencyType] ?? n.agencyType,
        n.flagged ? raw(`<strong class="flag">${esc(completenessStatus(n))}</strong>`) : completenessStatus(n),
        formatNumber(n.eventsThisWeek),
        formatNumber(n.usualWeeklyEvents, Number.isInteger(n.usualWeeklyEvents) ? 0 : 1),
        n.meanLagHours === null ? raw('<abbr class="symbol" title="not available">x</abbr>') : formatNumber(n.meanLagHours, 1),
        n.lastEventAt === null ? 'None received' : formatDateTime(n.lastEventAt),
      ],
    })) }],
    className: 'completeness',
  }) : ''}
</section>`;
}
