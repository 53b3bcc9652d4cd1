import { SettingKey, TrendPoint } from '../bulletin.model';
import { change, formatNumber } from '../format';
import { SETTING_PHRASE } from '../labels';

const VERB = { up: 'rose', down: 'fell', same: 'held steady' } as const;

/**
 * The trend chart's title, in active voice, from its data: the settings' change on the previous
 * week ("Children going missing from care fell by 8.2% this week").
 */
export function trendTitle(trend: readonly TrendPoint[], settings: readonly SettingKey[], week: string): string {
  const moves = settings
    .map((setting) => {
      const points = trend
        .filter((t) => t.setting === setting && t.weekCommencing <= week)
        .sort((a, b) => a.weekCommencing.localeCompare(b.weekCommencing));
      const [previous, current] = points.slice(-2);
      if (!previous || !current || current.weekCommencing !== week) return null;
      return { setting, ...change(current.children, previous.children) };
    })
    .filter((m): m is NonNullable<typeof m> => m !== null);
  if (!moves.length) return 'Children going missing each week by setting';
  const directions = new Set(moves.map((m) => m.direction));
  if (directions.size === 1 && moves.length > 1) {
    const [direction] = directions;
    return direction === 'same'
      ? 'Children going missing held steady this week in every setting'
      : `Children going missing ${VERB[direction]} this week ${listPhrases(moves.map((m) => SETTING_PHRASE[m.setting]))}`;
  }
  const biggest = [...moves].sort((a, b) => Math.abs(b.percent ?? Infinity) - Math.abs(a.percent ?? Infinity))[0];
  const by = biggest.direction === 'same' || biggest.percent === null ? '' : ` by ${formatNumber(Math.abs(biggest.percent), 1)}%`;
  return `Children going missing ${SETTING_PHRASE[biggest.setting]} ${VERB[biggest.direction]}${by} this week`;
}

/** "from home" and "from care" -> "from home and care"; with "during school" each phrase stays whole. */
function listPhrases(phrases: string[]): string {
  const allFrom = phrases.every((p) => p.startsWith('from '));
  const items = allFrom ? phrases.map((p) => p.replace(/^from /, '')) : phrases;
  const list = items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}` : items[0];
  return allFrom ? `from ${list}` : list;
}

/** The region chart's title from its data: the region with the most and the fewest children. */
export function regionTitle(bars: readonly { label: string; value: number | null }[]): string {
  const known = bars.filter((b): b is { label: string; value: number } => b.value !== null);
  if (known.length < 2) return 'Children going missing this week by region';
  const sorted = [...known].sort((a, b) => b.value - a.value);
  return `${sorted[0].label} had the most children going missing this week and ${sorted[sorted.length - 1].label} the fewest`;
}
