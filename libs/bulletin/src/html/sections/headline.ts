import { HeadlineRow } from '../../bulletin.model';
import { change, formatDate, formatNumber } from '../../format';
import { SETTING_HEADER, SETTING_PHRASE, SETTINGS } from '../../labels';
import { Context, weekMarker } from '../context';
import { esc, raw, table, TableRow } from '../html';

type Measure = 'children' | 'episodes';

export function headlineSection(ctx: Context): string {
  const { b } = ctx;
  const rows = SETTINGS.map((s) => b.headline.find((h) => h.setting === s)).filter((h): h is HeadlineRow => h !== undefined);
  const all = rows.find((r) => r.setting === 'ALL');
  const marker = weekMarker(ctx, b.weekCommencing);
  const points: string[] = [];
  if (all) {
    points.push(
      `${formatNumber(all.children)} children went missing in England in the week commencing ${formatDate(b.weekCommencing)}: ${change(all.children, all.previousWeek.children).words} on the previous week${yearPhrase(all, 'children')}.`,
      `They went missing ${formatNumber(all.episodes)} times (episodes), ${change(all.episodes, all.previousWeek.episodes).words} on the previous week.`,
    );
  }
  for (const r of rows.filter((r) => r.setting !== 'ALL')) {
    points.push(
      `${formatNumber(r.children)} children went missing ${SETTING_PHRASE[r.setting]}: ${change(r.children, r.previousWeek.children).words} on the previous week and ${change(r.children, r.fourWeekAverage.children, 1).words} on the 4-week average.`,
    );
  }
  if (ctx.provisional.has(b.weekCommencing))
    points.push('Figures for the latest weeks are provisional (p) and will be revised as agencies report late events.');

  return `<section class="section first" id="main-points" aria-labelledby="main-points-heading">
<h2 id="main-points-heading">Main points</h2>
<ul class="list bullets">${points.map((p) => `<li>${esc(p)}</li>`).join('')}</ul>
<p class="hint">A child can go missing from more than one setting in a week, so the settings do not add up to the total. The 4-week average is the average of the 4 weeks before this one.</p>
${headlineTable(rows, 'children', `Table 1: Children going missing by setting, England, week commencing ${formatDate(b.weekCommencing)}${marker}`)}
${headlineTable(rows, 'episodes', `Table 2: Missing episodes started by setting, England, week commencing ${formatDate(b.weekCommencing)}${marker}`)}
</section>`;
}

function yearPhrase(row: HeadlineRow, measure: Measure): string {
  if (!row.sameWeekLastYear) return '';
  return ` and ${change(row[measure], row.sameWeekLastYear[measure]).words} on the same week last year`;
}

function headlineTable(rows: HeadlineRow[], measure: Measure, caption: string): string {
  const tableRows: TableRow[] = rows.map((r) => {
    const lastYear = r.sameWeekLastYear;
    return {
      className: r.setting === 'ALL' ? 'total' : undefined,
      cells: [
        SETTING_HEADER[r.setting],
        formatNumber(r[measure]),
        formatNumber(r.previousWeek[measure]),
        change(r[measure], r.previousWeek[measure]).words,
        formatNumber(r.fourWeekAverage[measure], 1),
        change(r[measure], r.fourWeekAverage[measure], 1).words,
        lastYear ? formatNumber(lastYear[measure]) : raw('<abbr class="symbol" title="not available">x</abbr>'),
        lastYear ? change(r[measure], lastYear[measure]).words : 'no data a year earlier',
      ],
    };
  });
  return table({
    caption,
    columns: [
      { header: 'Setting' },
      { header: 'This week', numeric: true },
      { header: 'Previous week', numeric: true },
      { header: 'Change on previous week', numeric: true },
      { header: '4-week average', numeric: true },
      { header: 'Change on 4-week average', numeric: true },
      { header: 'Same week last year', numeric: true },
      { header: 'Change on last year', numeric: true },
    ],
    groups: [{ rows: tableRows }],
    className: 'headline',
  });
}
