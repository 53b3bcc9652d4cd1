import { escapeHtml } from '../format';

/** Escapes text for SVG content and attributes (the same five characters as HTML). */
export const escapeXml = escapeHtml;

/** Coordinates with at most two decimals keep the markup small and stable. */
export function n(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

/** Approximate width of text in Arial at a font size: enough to lay out labels. */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += /[il.,:;'|!1 ]/.test(ch) ? 0.3 : /[mwMW@]/.test(ch) ? 0.85 : /[A-Z0-9]/.test(ch) ? 0.66 : 0.55;
  return em * fontSize;
}

export const FONT_FAMILY = 'Arial, Helvetica, sans-serif';
export const TEXT_COLOUR = '#0b0c0c';
export const SECONDARY_TEXT_COLOUR = '#505a5f';
export const GRID_COLOUR = '#d8d8d8';

/** Analysis Function categorical palette, in order. */
export const PALETTE = ['#12436D', '#28A197', '#801650', '#F46A25'] as const;
/** Dash patterns, so that series differ without colour. */
export const DASHES = ['', '8 4', '2 4', '10 4 2 4'] as const;
export type MarkerShape = 'circle' | 'square' | 'triangle' | 'diamond';
export const MARKERS: readonly MarkerShape[] = ['circle', 'square', 'triangle', 'diamond'];

export function marker(shape: MarkerShape, x: number, y: number, colour: string, size = 4): string {
  const fill = `fill="${escapeXml(colour)}" stroke="#ffffff" stroke-width="1"`;
  switch (shape) {
    case 'circle':
      return `<circle cx="${n(x)}" cy="${n(y)}" r="${n(size)}" ${fill}/>`;
    case 'square':
      return `<rect x="${n(x - size)}" y="${n(y - size)}" width="${n(size * 2)}" height="${n(size * 2)}" ${fill}/>`;
    case 'triangle':
      return `<path d="M${n(x)} ${n(y - size * 1.2)}L${n(x + size * 1.15)} ${n(y + size * 0.9)}L${n(x - size * 1.15)} ${n(y + size * 0.9)}Z" ${fill}/>`;
    case 'diamond':
      return `<path d="M${n(x)} ${n(y - size * 1.3)}L${n(x + size * 1.1)} ${n(y)}L${n(x)} ${n(y + size * 1.3)}L${n(x - size * 1.1)} ${n(y)}Z" ${fill}/>`;
  }
}
