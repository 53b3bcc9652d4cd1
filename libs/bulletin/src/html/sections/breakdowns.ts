import { BreakdownRow, Published } from '../../bulletin.model';
import { formatDate, roundTo } from '../../format';
import { categoryLabel, Dimension, DIMENSION_EPISODES, DIMENSION_SETTING, DIMENSIONS, SETTING_HEADER } from '../../labels';
import { cell, Context, weekMarker } from '../context';
import { esc, table } from '../html';

const HEADING: Record<Dimension, string> = {
  age_band_sex: 'Age and sex',
  ethnicity_group: 'Ethnic group',
  risk_grade: 'Risk grade',
  duration_band: 'How long children were missing',
  care_missing_type: 'Missing from care: missing or away without authorisation',
};
const NOTE: Record<Dimension, string> = {
  age_band_sex: 'Children and the episodes that started this week, by age band and sex.',
  ethnicity_group: 'Children and the episodes that started this week, by ethnic group.',
  risk_grade: 'Children and the episodes that started this week, by the risk grade police gave the episode (no apparent risk, low, medium, high).',
  duration_band: 'Children and the episodes that ended this week, by how long the child was missing: an episode’s length is known only once it ends.',
  care_missing_type:
    'Looked-after children and the episodes from care that started this week, as the DfE reports them (SSDA903): missing (M) when the child’s whereabouts were unknown, ' +
    'away from placement without authorisation (A) when they were known but the child was not where they should have been. An episode counts as missing when any agency recorded it as missing. ' +
    'A child with both kinds of episode counts in both rows.',
};

export function breakdownsSection(ctx: Context, firstTable: number): { html: string; tables: number } {
  const { b } = ctx;
  const marker = weekMarker(ctx, b.weekCommencing);
  let n = firstTable;
  const parts: string[] = [];
  for (const dimension of DIMENSIONS) {
    const rows = b.breakdowns.filter((r) => r.dimension === dimension);
    if (!rows.length) continue;
    const ordered = [...rows.filter((r) => r.category !== 'Total'), ...rows.filter((r) => r.category === 'Total')];
    const episodes = DIMENSION_EPISODES[dimension] === 'ended' ? 'Episodes ended' : 'Episodes started';
    parts.push(`<h3 id="breakdown-${esc(dimension)}">${esc(HEADING[dimension])}</h3>
<p>${esc(NOTE[dimension])}</p>
${table({
  caption: `Table ${n++}: ${HEADING[dimension]}, England, ${SETTING_HEADER[DIMENSION_SETTING[dimension]].toLowerCase()}, week commencing ${formatDate(b.weekCommencing)}${marker}`,
  columns: [
    { header: 'Category' },
    { header: 'Children', numeric: true },
    { header: 'Percentage of children', numeric: true },
    { header: episodes, numeric: true },
  ],
  groups: [
    {
      rows: ordered.map((r) => ({
        className: r.category === 'Total' ? 'total' : undefined,
        cells: [categoryLabel(r.category), cell(r.children), share(r, rows), cell(r.episodes)],
      })),
    },
  ],
  className: 'breakdown',
})}`);
  }
  const html = `<section class="section" id="characteristics" aria-labelledby="characteristics-heading">
<h2 id="characteristics-heading">Characteristics of children and episodes</h2>
${parts.length ? parts.join('\n') : '<p>No breakdowns are available for this week.</p>'}
</section>`;
  return { html, tables: n - firstTable };
}

/** A category's share of the Total, when both are published; its symbol otherwise. */
function share(row: BreakdownRow, rows: BreakdownRow[]): ReturnType<typeof cell> {
  const total = rows.find((r) => r.category === 'Total')?.children;
  const value: Published = row.children;
  if (typeof value !== 'number') return cell(value);
  if (typeof total !== 'number' || total === 0) return cell('x');
  return cell(roundTo((100 * value) / total, 1), 1);
}
