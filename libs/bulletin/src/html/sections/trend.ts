import { SettingKey } from '../../bulletin.model';
import { formatDate, formatNumber, formatShortDate } from '../../format';
import { SETTING_HEADER, SETTING_PHRASE } from '../../labels';
import { lineChart, LineSeries } from '../../svg/line-chart';
import { DASHES, MARKERS, PALETTE } from '../../svg/xml';
import { trendTitle } from '../chart-text';
import { Context, weekMarker } from '../context';
import { esc, table } from '../html';

/** Charted settings with fixed styles: colour, dash pattern and marker all differ. */
const CHARTED: { setting: SettingKey; colour: string; dash: string; marker: (typeof MARKERS)[number] }[] = [
  { setting: 'HOME', colour: PALETTE[0], dash: DASHES[0], marker: 'circle' },
  { setting: 'CARE', colour: PALETTE[1], dash: DASHES[1], marker: 'square' },
  { setting: 'EDUCATION', colour: PALETTE[2], dash: DASHES[2], marker: 'triangle' },
];

export function trendSection(ctx: Context): string {
  const { b } = ctx;
  const weeks = [...new Set(b.trend.map((t) => t.weekCommencing))].filter((w) => w <= b.weekCommencing).sort();
  const value = new Map(b.trend.map((t) => [`${t.weekCommencing}|${t.setting}`, t.children]));
  const charted = CHARTED.filter((c) => b.trend.some((t) => t.setting === c.setting));
  const series: LineSeries[] = charted.map((c) => ({
    key: c.setting,
    name: SETTING_HEADER[c.setting],
    values: weeks.map((w) => value.get(`${w}|${c.setting}`) ?? null),
    colour: c.colour,
    dash: c.dash,
    marker: c.marker,
  }));
  const title = trendTitle(
    b.trend,
    charted.map((c) => c.setting),
    b.weekCommencing,
  );
  const first = weeks[0];
  const last = weeks[weeks.length - 1];
  const subtitle = first
    ? `Number of children going missing each week by setting, England, weeks commencing ${formatDate(first)} to ${formatDate(last)}`
    : 'Number of children going missing each week by setting, England';
  const provisionalIdx = weeks.map((w, i) => (ctx.provisional.has(w) ? i : -1)).filter((i) => i >= 0);
  const description = `Line chart, one line per setting (${charted.map((c) => SETTING_HEADER[c.setting].toLowerCase()).join(', ')}), ${weeks.length} weeks. ${charted
    .map((c) => {
      const values = weeks.map((w) => value.get(`${w}|${c.setting}`)).filter((v): v is number => v !== undefined);
      if (!values.length) return '';
      return `Children missing ${SETTING_PHRASE[c.setting]}: ${formatNumber(values[values.length - 1])} this week, between ${formatNumber(Math.min(...values))} and ${formatNumber(Math.max(...values))} over the period.`;
    })
    .join(' ')} The data are in the table below the chart.`;

  const svg = weeks.length
    ? lineChart(series, {
        id: 'chart-trend',
        title,
        description,
        categories: weeks,
        formatCategory: (week, previous) => [
          formatShortDate(week),
          ...(previous === undefined || previous.slice(0, 4) !== week.slice(0, 4) ? [week.slice(0, 4)] : []),
        ],
        yAxisLabel: 'Children',
        xAxisLabel: 'Week commencing',
        formatValue: (v) => formatNumber(v),
        highlight: provisionalIdx.length
          ? { from: Math.min(...provisionalIdx), to: Math.max(...provisionalIdx), label: 'Provisional (p)' }
          : undefined,
      })
    : '<p>No trend data.</p>';

  const hasAll = b.trend.some((t) => t.setting === 'ALL');
  const columns = [
    { header: 'Week commencing' },
    ...charted.map((c) => ({ header: SETTING_HEADER[c.setting], numeric: true })),
    ...(hasAll ? [{ header: 'All settings (not charted)', numeric: true }] : []),
  ];
  const rows = [...weeks].reverse().map((w) => ({
    cells: [
      `${formatDate(w)}${weekMarker(ctx, w)}`,
      ...charted.map((c) => {
        const v = value.get(`${w}|${c.setting}`);
        return v === undefined ? 'x' : formatNumber(v);
      }),
      ...(hasAll ? [value.get(`${w}|ALL`) === undefined ? 'x' : formatNumber(value.get(`${w}|ALL`) as number)] : []),
    ],
  }));

  return `<section class="section" id="trend" aria-labelledby="trend-heading">
<h2 id="trend-heading">52-week trend</h2>
<figure class="chart-figure" aria-labelledby="trend-chart-title">
<h3 class="chart-title" id="trend-chart-title">${esc(title)}</h3>
<p class="chart-subtitle">${esc(subtitle)}</p>
${svg}
<figcaption class="chart-note">Each line is a setting, drawn in its own colour, dash pattern and marker shape (home: solid line with circles; care: dashed line with squares; education: dotted line with triangles). The shaded weeks at the right are provisional (p). Source: Missing Children Monitor.</figcaption>
</figure>
<details class="details" id="trend-table-details">
<summary>Show the chart's data as a table</summary>
${table({ caption: `Table 3: ${subtitle}`, columns, groups: [{ rows }], id: 'trend-table', className: 'chart-data' })}
</details>
</section>`;
}
