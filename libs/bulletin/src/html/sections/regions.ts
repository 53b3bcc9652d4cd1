import { SETTINGS } from '@mcm/shared';
import { SettingKey } from '../../bulletin.model';
import { formatDate, formatNumber } from '../../format';
import { SETTING_HEADER } from '../../labels';
import { barChart, Bar } from '../../svg/bar-chart';
import { regionTitle } from '../chart-text';
import { cell, Context, weekMarker } from '../context';
import { esc, table } from '../html';

export function regionsSection(ctx: Context): string {
  const { b } = ctx;
  const regional = b.areas.filter((a) => a.level === 'Regional');
  const codes = [...new Set(regional.map((a) => a.code))];
  const get = (code: string, setting: SettingKey) => regional.find((a) => a.code === code && a.setting === setting);
  const regions = codes.map((code) => ({ code, name: regional.find((a) => a.code === code)?.name ?? code, all: get(code, 'ALL') }));
  // Largest first; suppressed or unavailable regions last, in code order.
  regions.sort((x, y) => {
    const vx = typeof x.all?.children === 'number' ? x.all.children : -1;
    const vy = typeof y.all?.children === 'number' ? y.all.children : -1;
    return vy - vx || x.code.localeCompare(y.code);
  });
  const bars: Bar[] = regions.map((r) => {
    const v = r.all?.children;
    return { label: r.name, value: typeof v === 'number' ? v : null, display: typeof v === 'number' ? formatNumber(v) : (v ?? 'x') };
  });
  const title = regionTitle(bars);
  const marker = weekMarker(ctx, b.weekCommencing);
  const subtitle = `Number of children going missing from any setting by region, England, week commencing ${formatDate(b.weekCommencing)}${marker}`;
  const description = `Horizontal bar chart of ${bars.length} regions, largest first: ${bars.map((x) => `${x.label} ${x.display}`).join('; ')}. The data are in the table below the chart.`;
  const settings: SettingKey[] = [...SETTINGS].filter((s) => regional.some((a) => a.setting === s));
  const hasRate = regional.some((a) => a.setting === 'ALL' && a.ratePer10000 !== undefined);

  const svg = bars.length
    ? barChart(bars, { id: 'chart-regions', title, description, valueAxisLabel: 'Children going missing', formatValue: (v) => formatNumber(v) })
    : '<p>No regional figures.</p>';
  const rows = regions.map((r) => ({
    cells: [
      r.name,
      cell(r.all?.children),
      ...settings.map((s) => cell(get(r.code, s)?.children)),
      cell(r.all?.episodesStarted),
      ...(hasRate ? [cell(r.all?.ratePer10000, 1)] : []),
    ],
  }));

  return `<section class="section" id="regions" aria-labelledby="regions-heading">
<h2 id="regions-heading">By region</h2>
<figure class="chart-figure" aria-labelledby="regions-chart-title">
<h3 class="chart-title" id="regions-chart-title">${esc(title)}</h3>
<p class="chart-subtitle">${esc(subtitle)}</p>
${svg}
<figcaption class="chart-note">Regions with more children have more children going missing: the table gives rates per 10,000 children where they are known. Source: Missing Children Monitor.</figcaption>
</figure>
${table({
  caption: `Table 4: Children going missing by region and setting, England, week commencing ${formatDate(b.weekCommencing)}${marker}`,
  columns: [
    { header: 'Region' },
    { header: 'Children, all settings (charted)', numeric: true },
    ...settings.map((s) => ({ header: `Children, ${SETTING_HEADER[s].toLowerCase()}`, numeric: true })),
    { header: 'Episodes started, all settings', numeric: true },
    ...(hasRate ? [{ header: 'Children per 10,000 children', numeric: true }] : []),
  ],
  groups: [{ rows }],
  id: 'regions-table',
  className: 'chart-data',
})}
</section>`;
}
