import { niceTicks } from './ticks';
import {
  DASHES,
  escapeXml,
  FONT_FAMILY,
  GRID_COLOUR,
  MARKERS,
  MarkerShape,
  PALETTE,
  SECONDARY_TEXT_COLOUR,
  TEXT_COLOUR,
  marker,
  n,
  textWidth,
} from './xml';

export interface LineSeries {
  /** Stable identifier, written to `data-key`. */
  key: string;
  /** Legend and end label. */
  name: string;
  /** One value per category; null leaves a gap in the line. */
  values: readonly (number | null)[];
  colour?: string;
  /** stroke-dasharray; '' is a solid line. */
  dash?: string;
  marker?: MarkerShape;
}

export interface LineChartOptions {
  /** Prefix of element ids: unique within the page. */
  id: string;
  /** Accessible name (SVG <title>): the chart's title. */
  title: string;
  /** Accessible description (SVG <desc>). */
  description: string;
  /** The x categories, evenly spaced (e.g. week-commencing dates). */
  categories: readonly string[];
  /** Tick label lines of a category; `previous` is the last labelled category, if any. */
  formatCategory?: (category: string, previous: string | undefined) => string[];
  /** Label every nth category (default: about eight labels, always including the last). */
  tickEvery?: number;
  yAxisLabel: string;
  xAxisLabel?: string;
  formatValue?: (value: number) => string;
  /** Shade a range of categories (inclusive indices), e.g. provisional weeks, with a text label. */
  highlight?: { from: number; to: number; label: string };
  /** Draw a marker on every nth point (and the last); default 4. */
  markerEvery?: number;
  width?: number;
  height?: number;
}

const FONT = 14;
const SMALL = 13;

/** A line chart as a self-contained SVG string: legend, axes, gridlines, end labels. */
export function lineChart(series: readonly LineSeries[], options: LineChartOptions): string {
  const width = options.width ?? 760;
  const height = options.height ?? 420;
  const count = options.categories.length;
  for (const s of series) {
    if (s.values.length !== count) throw new RangeError(`series ${s.key} has ${s.values.length} values for ${count} categories`);
  }
  const format = options.formatValue ?? ((v: number) => v.toLocaleString('en-GB'));
  const styled = series.map((s, i) => ({
    ...s,
    colour: s.colour ?? PALETTE[i % PALETTE.length],
    dash: s.dash ?? DASHES[i % DASHES.length],
    marker: s.marker ?? MARKERS[i % MARKERS.length],
  }));

  const values = styled.flatMap((s) => s.values.filter((v): v is number => v !== null && Number.isFinite(v)));
  const scale = niceTicks(Math.min(0, ...values), values.length ? Math.max(...values) : 1, 6, values.every(Number.isInteger));
  const tickLabels = scale.ticks.map((t) => format(t));
  const endLabels = styled.map((s) => {
    const last = lastIndex(s.values);
    return last < 0 ? '' : `${s.name} ${format(s.values[last] as number)}`;
  });

  const legendHeight = 34;
  const margin = {
    top: legendHeight + 14,
    left: Math.max(...tickLabels.map((t) => textWidth(t, SMALL))) + 38,
    right: Math.max(40, ...endLabels.map((t) => textWidth(t, SMALL) + 16)),
    bottom: 48 + (options.xAxisLabel ? 20 : 0),
  };
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const x = (i: number) => margin.left + (count <= 1 ? plotW / 2 : (i * plotW) / (count - 1));
  const y = (v: number) => margin.top + plotH * (1 - (v - scale.min) / (scale.max - scale.min));

  const titleId = `${options.id}-title`;
  const descId = `${options.id}-desc`;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-line" id="${escapeXml(options.id)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${escapeXml(titleId)} ${escapeXml(descId)}" font-family="${FONT_FAMILY}" font-size="${FONT}">`,
    `<title id="${escapeXml(titleId)}">${escapeXml(options.title)}</title>`,
    `<desc id="${escapeXml(descId)}">${escapeXml(options.description)}</desc>`,
  );

  // Legend: line sample with its dash pattern and marker, then the name.
  let lx = margin.left;
  out.push('<g class="legend">');
  for (const s of styled) {
    const cy = 16;
    out.push(
      `<line x1="${n(lx)}" y1="${cy}" x2="${n(lx + 34)}" y2="${cy}" stroke="${escapeXml(s.colour)}" stroke-width="3"${s.dash ? ` stroke-dasharray="${escapeXml(s.dash)}"` : ''}/>`,
      marker(s.marker, lx + 17, cy, s.colour),
      `<text x="${n(lx + 42)}" y="${cy + 5}" fill="${TEXT_COLOUR}">${escapeXml(s.name)}</text>`,
    );
    lx += 42 + textWidth(s.name, FONT) + 24;
  }
  out.push('</g>');

  if (options.highlight && count > 0) {
    const from = Math.max(0, options.highlight.from);
    const to = Math.min(count - 1, options.highlight.to);
    if (from <= to) {
      const half = count > 1 ? plotW / (count - 1) / 2 : 0;
      const x0 = Math.max(margin.left, x(from) - half);
      const x1 = Math.min(margin.left + plotW, x(to) + half);
      out.push(
        `<g class="highlight"><rect x="${n(x0)}" y="${margin.top}" width="${n(x1 - x0)}" height="${n(plotH)}" fill="#f3f2f1"/>`,
        `<text x="${n(x1)}" y="${margin.top - 6}" text-anchor="end" font-size="${SMALL}" fill="${SECONDARY_TEXT_COLOUR}">${escapeXml(options.highlight.label)}</text></g>`,
      );
    }
  }

  // Y axis: gridlines and tick labels.
  out.push('<g class="y-axis">');
  scale.ticks.forEach((t, i) => {
    out.push(
      `<line x1="${margin.left}" x2="${n(margin.left + plotW)}" y1="${n(y(t))}" y2="${n(y(t))}" stroke="${t === 0 ? TEXT_COLOUR : GRID_COLOUR}" stroke-width="1"/>`,
      `<text x="${margin.left - 8}" y="${n(y(t) + 4)}" text-anchor="end" font-size="${SMALL}" fill="${TEXT_COLOUR}">${escapeXml(tickLabels[i])}</text>`,
    );
  });
  out.push(
    `<text transform="translate(14 ${n(margin.top + plotH / 2)}) rotate(-90)" text-anchor="middle" font-size="${SMALL}" fill="${TEXT_COLOUR}">${escapeXml(options.yAxisLabel)}</text>`,
    '</g>',
  );

  // X axis: ticks every nth category, counted back from the last so the latest is labelled.
  const every = options.tickEvery ?? Math.max(1, Math.ceil(count / 8));
  const formatCategory = options.formatCategory ?? ((c: string) => [c]);
  out.push(
    `<g class="x-axis"><line x1="${margin.left}" x2="${n(margin.left + plotW)}" y1="${n(margin.top + plotH)}" y2="${n(margin.top + plotH)}" stroke="${TEXT_COLOUR}"/>`,
  );
  let previous: string | undefined;
  for (let i = 0; i < count; i++) {
    if ((count - 1 - i) % every !== 0) continue;
    const lines = formatCategory(options.categories[i], previous);
    previous = options.categories[i];
    const tx = x(i);
    out.push(`<line x1="${n(tx)}" x2="${n(tx)}" y1="${n(margin.top + plotH)}" y2="${n(margin.top + plotH + 6)}" stroke="${TEXT_COLOUR}"/>`);
    out.push(
      `<text x="${n(tx)}" y="${n(margin.top + plotH + 22)}" text-anchor="middle" font-size="${SMALL}" fill="${TEXT_COLOUR}">${lines
        .map((line, j) => `<tspan x="${n(tx)}" dy="${j === 0 ? 0 : 16}">${escapeXml(line)}</tspan>`)
        .join('')}</text>`,
    );
  }
  if (options.xAxisLabel) {
    out.push(
      `<text x="${n(margin.left + plotW / 2)}" y="${height - 6}" text-anchor="middle" font-size="${SMALL}" fill="${TEXT_COLOUR}">${escapeXml(options.xAxisLabel)}</text>`,
    );
  }
  out.push('</g>');

  // Series: path broken at gaps, markers every nth point and at the last.
  const markerEvery = Math.max(1, options.markerEvery ?? 4);
  for (const s of styled) {
    const dataValues = s.values.map((v) => (v === null ? '' : String(v))).join(',');
    out.push(`<g class="series" data-key="${escapeXml(s.key)}" data-name="${escapeXml(s.name)}" data-values="${escapeXml(dataValues)}">`);
    let d = '';
    let penDown = false;
    s.values.forEach((v, i) => {
      if (v === null || !Number.isFinite(v)) {
        penDown = false;
        return;
      }
      d += `${penDown ? 'L' : 'M'}${n(x(i))} ${n(y(v))}`;
      penDown = true;
    });
    if (d) {
      out.push(
        `<path d="${d}" fill="none" stroke="${escapeXml(s.colour)}" stroke-width="2.5" stroke-linejoin="round" stroke-linecap="round"${s.dash ? ` stroke-dasharray="${escapeXml(s.dash)}"` : ''}/>`,
      );
    }
    const last = lastIndex(s.values);
    s.values.forEach((v, i) => {
      if (v === null || !Number.isFinite(v)) return;
      if (i === last || (last - i) % markerEvery === 0) out.push(marker(s.marker, x(i), y(v), s.colour));
    });
    out.push('</g>');
  }

  // End labels, nudged apart vertically so they never overlap.
  const placed = styled
    .map((s, i) => ({ s, label: endLabels[i], last: lastIndex(s.values) }))
    .filter((e) => e.last >= 0)
    .map((e) => ({ ...e, ty: y(e.s.values[e.last] as number) }))
    .sort((a, b) => a.ty - b.ty);
  const gap = 16;
  for (let i = 1; i < placed.length; i++) placed[i].ty = Math.max(placed[i].ty, placed[i - 1].ty + gap);
  const bottom = margin.top + plotH;
  if (placed.length && placed[placed.length - 1].ty > bottom) {
    placed[placed.length - 1].ty = bottom;
    for (let i = placed.length - 2; i >= 0; i--) placed[i].ty = Math.min(placed[i].ty, placed[i + 1].ty - gap);
  }
  out.push('<g class="end-labels">');
  for (const e of placed) {
    out.push(`<text x="${n(x(e.last) + 10)}" y="${n(e.ty + 4)}" font-size="${SMALL}" fill="${TEXT_COLOUR}">${escapeXml(e.label)}</text>`);
  }
  out.push('</g></svg>');
  return out.join('');
}

function lastIndex(values: readonly (number | null)[]): number {
  for (let i = values.length - 1; i >= 0; i--) if (values[i] !== null && Number.isFinite(values[i])) return i;
  return -1;
}
