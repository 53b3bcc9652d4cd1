export * from './ticks';
export * from './line-chart';
export * from './bar-chart';
export { PALETTE, DASHES, MARKERS, escapeXml } from './xml';
export type { MarkerShape } from './xml';
