import { SETTINGS } from '@mcm/shared';
import { AreaRow, SettingKey } from '../../bulletin.model';
import { formatDate } from '../../format';
import { SETTING_HEADER } from '../../labels';
import { cell, Context, weekMarker } from '../context';
import { table, TableRow } from '../html';

export function localAuthoritiesSection(ctx: Context): string {
  const { b } = ctx;
  const las = b.areas.filter((a) => a.level === 'Local authority');
  const byCode = new Map<string, Map<SettingKey, AreaRow>>();
  for (const a of las) {
    if (!byCode.has(a.code)) byCode.set(a.code, new Map());
    byCode.get(a.code)?.set(a.setting, a);
  }
  const settings: SettingKey[] = [...SETTINGS].filter((s) => las.some((a) => a.setting === s));
  const hasRate = las.some((a) => a.setting === 'ALL' && a.ratePer10000 !== undefined);

  // One row group per region (in region code order), authorities by name within it.
  const regions = new Map<string, { name: string; las: Map<SettingKey, AreaRow>[] }>();
  for (const cells of byCode.values()) {
    const any = cells.values().next().value as AreaRow;
    const code = any.regionCode ?? 'x';
    if (!regions.has(code)) regions.set(code, { name: any.regionName ?? 'Region not available', las: [] });
    regions.get(code)?.las.push(cells);
  }
  const groups = [...regions.entries()]
    .sort(([x], [y]) => x.localeCompare(y))
    .map(([, region]) => ({
      heading: region.name,
      rows: region.las
        .map((cells) => ({ cells, first: cells.values().next().value as AreaRow }))
        .sort((x, y) => x.first.name.localeCompare(y.first.name))
        .map(({ cells, first }): TableRow => {
          const all = cells.get('ALL');
          return {
            cells: [
              first.name,
              first.oldLaCode ?? 'x',
              cell(all?.children),
              ...settings.map((s) => cell(cells.get(s)?.children)),
              cell(all?.episodesStarted),
              cell(all?.episodesEnded),
              cell(all?.openAtWeekEnd),
              ...(hasRate ? [cell(all?.ratePer10000, 1)] : []),
            ],
          };
        }),
    }));

  const count = byCode.size;
  return `<section class="section" id="local-authorities" aria-labelledby="la-heading">
<h2 id="la-heading">By local authority</h2>
<p>Figures for ${count} children's services ${count === 1 ? 'authority' : 'authorities'}, grouped by region. Episode columns are for all settings.</p>
<p class="hint">Symbols: <strong>c</strong> suppressed to protect confidentiality (small numbers, or a figure that would reveal another suppressed one); <strong>x</strong> not available; <strong>z</strong> not applicable.</p>
${table({
  caption: `Table 5: Children going missing and missing episodes by local authority, England, week commencing ${formatDate(b.weekCommencing)}${weekMarker(ctx, b.weekCommencing)}`,
  columns: [
    { header: 'Local authority' },
    { header: 'LA number' },
    { header: 'Children, all settings', numeric: true },
    ...settings.map((s) => ({ header: `Children, ${SETTING_HEADER[s].toLowerCase()}`, numeric: true })),
    { header: 'Episodes started', numeric: true },
    { header: 'Episodes ended', numeric: true },
    { header: 'Open at week end', numeric: true },
    ...(hasRate ? [{ header: 'Children per 10,000 children', numeric: true }] : []),
  ],
  groups,
  id: 'la-table',
  className: 'la-table',
})}
</section>`;
}
