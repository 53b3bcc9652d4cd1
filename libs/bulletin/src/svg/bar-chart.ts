import { niceTicks } from './ticks';
import { escapeXml, FONT_FAMILY, GRID_COLOUR, PALETTE, TEXT_COLOUR, n, textWidth } from './xml';

export interface Bar {
  label: string;
  /** null: no bar (suppressed or unavailable); `display` says why. */
  value: number | null;
  /** Text at the end of the bar; default the formatted value (or 'x' without a value). */
  display?: string;
}

export interface BarChartOptions {
  id: string;
  title: string;
  description: string;
  valueAxisLabel: string;
  formatValue?: (value: number) => string;
  colour?: string;
  width?: number;
  barHeight?: number;
}

const FONT = 14;
const SMALL = 13;

/** A horizontal bar chart as a self-contained SVG string, bars in the order given. */
export function barChart(bars: readonly Bar[], options: BarChartOptions): string {
  const width = options.width ?? 760;
  const barHeight = options.barHeight ?? 24;
  const gap = Math.round(barHeight * 0.5);
  const format = options.formatValue ?? ((v: number) => v.toLocaleString('en-GB'));
  const colour = options.colour ?? PALETTE[0];
  const values = bars.map((b) => b.value).filter((v): v is number => v !== null && Number.isFinite(v));
  const scale = niceTicks(Math.min(0, ...values), values.length ? Math.max(0, ...values) : 1, 6, values.every(Number.isInteger));
  const displays = bars.map((b) => b.display ?? (b.value === null || !Number.isFinite(b.value) ? 'x' : format(b.value)));

  const margin = {
    top: 8,
    left: Math.max(...bars.map((b) => textWidth(b.label, FONT)), 40) + 16,
    right: Math.max(48, ...displays.map((d) => textWidth(d, SMALL) + 12)),
    bottom: 56,
  };
  const plotW = width - margin.left - margin.right;
  const plotH = bars.length * (barHeight + gap) + gap;
  const height = margin.top + plotH + margin.bottom;
  const x = (v: number) => margin.left + (plotW * (v - scale.min)) / (scale.max - scale.min);

  const titleId = `${options.id}-title`;
  const descId = `${options.id}-desc`;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-bar" id="${escapeXml(options.id)}" viewBox="0 0 ${width} ${n(height)}" width="${width}" height="${n(height)}" role="img" aria-labelledby="${escapeXml(titleId)} ${escapeXml(descId)}" font-family="${FONT_FAMILY}" font-size="${FONT}">`,
    `<title id="${escapeXml(titleId)}">${escapeXml(options.title)}</title>`,
    `<desc id="${escapeXml(descId)}">${escapeXml(options.description)}</desc>`,
    '<g class="x-axis">',
  ];
  for (const t of scale.ticks) {
    out.push(
      `<line x1="${n(x(t))}" x2="${n(x(t))}" y1="${margin.top}" y2="${n(margin.top + plotH)}" stroke="${t === 0 ? TEXT_COLOUR : GRID_COLOUR}"/>`,
      `<text x="${n(x(t))}" y="${n(margin.top + plotH + 20)}" text-anchor="middle" font-size="${SMALL}" fill="${TEXT_COLOUR}">${escapeXml(format(t))}</text>`,
    );
  }
  out.push(
    `<text x="${n(margin.left + plotW / 2)}" y="${n(height - 10)}" text-anchor="middle" font-size="${SMALL}" fill="${TEXT_COLOUR}">${escapeXml(options.valueAxisLabel)}</text>`,
    '</g><g class="bars">',
  );
  bars.forEach((b, i) => {
    const top = margin.top + gap + i * (barHeight + gap);
    const mid = top + barHeight / 2 + 5;
    const has = b.value !== null && Number.isFinite(b.value);
    out.push(
      `<g class="bar" data-label="${escapeXml(b.label)}" data-value="${has ? String(b.value) : escapeXml(displays[i])}">`,
      `<text x="${n(margin.left - 8)}" y="${n(mid)}" text-anchor="end" fill="${TEXT_COLOUR}">${escapeXml(b.label)}</text>`,
    );
    const end = has ? x(b.value as number) : x(0);
    if (has) {
      const x0 = Math.min(x(0), end);
      out.push(`<rect x="${n(x0)}" y="${n(top)}" width="${n(Math.abs(end - x(0)))}" height="${barHeight}" fill="${escapeXml(colour)}"/>`);
    }
    out.push(`<text x="${n(Math.max(end, x(0)) + 6)}" y="${n(mid)}" font-size="${SMALL}" fill="${TEXT_COLOUR}">${escapeXml(displays[i])}</text></g>`);
  });
  out.push('</g></svg>');
  return out.join('');
}
