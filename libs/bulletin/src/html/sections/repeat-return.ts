import { Published } from '../../bulletin.model';
import { formatDate, formatNumber } from '../../format';
import { REPEAT_MISSING_DEFINITION } from '../../labels';
import { cell, Context, weekMarker } from '../context';
import { esc, table } from '../html';

export function repeatReturnSection(ctx: Context, firstTable: number): { html: string; tables: number } {
  const { b } = ctx;
  const rm = b.repeatMissing;
  const ri = b.returnInterviews;
  const marker = weekMarker(ctx, b.weekCommencing);
  const repeatSentence = allNumbers(rm.children, rm.repeatChildren, rm.percent)
    ? `Of the ${formatNumber(rm.children as number)} children who went missing this week, ${formatNumber(rm.repeatChildren as number)} (${formatNumber(rm.percent as number, 1)}%) had an episode this week that was at least their third to start in 90 days.`
    : 'Repeat missing figures are suppressed (c) or not available (x) this week: see the table.';
  const returnSentence = allNumbers(ri.episodesEnded, ri.offeredWithin72h, ri.percent)
    ? `Of the ${formatNumber(ri.episodesEnded as number)} missing episodes from home or care that ended this week, ${formatNumber(ri.offeredWithin72h as number)} (${formatNumber(ri.percent as number, 1)}%) were followed by the offer of a return interview within 72 hours.`
    : 'Return interview figures are suppressed (c) or not available (x) this week: see the table.';
  const html = `<section class="section" id="repeat-return" aria-labelledby="repeat-return-heading">
<h2 id="repeat-return-heading">Repeat missing and return interviews</h2>
<h3>Repeat missing</h3>
<p>${esc(`Repeat missing: ${REPEAT_MISSING_DEFINITION}.`)}</p>
<p>${esc(repeatSentence)}</p>
${table({
  caption: `Table ${firstTable}: Children going missing repeatedly (an episode this week that was at least their third in 90 days), England, all settings, week commencing ${formatDate(b.weekCommencing)}${marker}`,
  columns: [{ header: 'Measure' }, { header: 'Value', numeric: true }],
  groups: [
    {
      rows: [
        { cells: ['Children going missing this week', cell(rm.children)] },
        { cells: ['Of whom with an episode this week that was at least their third in 90 days', cell(rm.repeatChildren)] },
        { cells: ['Percentage repeat missing', cell(rm.percent, 1)] },
      ],
    },
  ],
})}
<h3>Return interviews</h3>
<p>A child who returns after going missing from home or from care should be offered an independent return interview, within 72 hours under local procedures. Schools do not hold return interviews, so episodes during school are not counted here.</p>
<p>${esc(returnSentence)}</p>
${table({
  caption: `Table ${firstTable + 1}: Return interviews offered within 72 hours of missing episodes from home or care ending, England, week commencing ${formatDate(b.weekCommencing)}${marker}`,
  columns: [{ header: 'Measure' }, { header: 'Value', numeric: true }],
  groups: [
    {
      rows: [
        { cells: ['Missing episodes from home or care ended this week', cell(ri.episodesEnded)] },
        { cells: ['Of which a return interview was offered within 72 hours', cell(ri.offeredWithin72h)] },
        { cells: ['Percentage offered a return interview within 72 hours', cell(ri.percent, 1)] },
      ],
    },
  ],
})}
</section>`;
  return { html, tables: 2 };
}

function allNumbers(...values: (Published | number)[]): boolean {
  return values.every((v) => typeof v === 'number');
}
