import { Bulletin, Published } from '../bulletin.model';
import { formatPublished } from '../format';
import { areaNames, ENGLAND, isEnglandCode } from '../labels';
import { esc, Html, raw } from './html';

/** What every section needs: the bulletin and lookups derived once. */
export interface Context {
  b: Bulletin;
  names: Map<string, string>;
  provisional: Set<string>;
  /** `${weekCommencing}|${setting}|${areaCode}` of revised figures (England as E92000001). */
  revised: Set<string>;
  /** Week-commencing dates with any revised figure. */
  revisedWeeks: Set<string>;
}

export function contextOf(b: Bulletin): Context {
  const areaCode = (code: string) => (isEnglandCode(code) ? ENGLAND.code : code);
  return {
    b,
    names: areaNames(b.areas),
    provisional: new Set(b.provisionalWeeks),
    revised: new Set(b.revisions.map((r) => `${r.weekCommencing}|${r.setting}|${areaCode(r.areaCode)}`)),
    revisedWeeks: new Set(b.revisions.map((r) => r.weekCommencing)),
  };
}

/** A published cell with its symbol explained to assistive technology. */
export function cell(value: Published | undefined, dp = 0): Html {
  const text = formatPublished(value, dp);
  const meaning = SYMBOL_MEANING[text];
  return raw(meaning ? `<abbr class="symbol" title="${esc(meaning)}">${esc(text)}</abbr>` : esc(text));
}

/** ' (p)' or ' (r)' after a week's label; p wins over r for a provisional week. */
export function weekMarker(ctx: Context, weekCommencing: string, revisedKey?: string): string {
  if (ctx.provisional.has(weekCommencing)) return ' (p)';
  if (revisedKey ? ctx.revised.has(revisedKey) : ctx.revisedWeeks.has(weekCommencing)) return ' (r)';
  return '';
}

export const SYMBOL_MEANING: Record<string, string> = {
  c: 'suppressed to protect confidentiality',
  x: 'not available',
  z: 'not applicable',
};

export const SYMBOLS: { symbol: string; meaning: string }[] = [
  { symbol: 'x', meaning: 'Not available: the figure is not collected or could not be produced for this week.' },
  {
    symbol: 'z',
    meaning:
      'Not applicable: the measure does not apply (for example return interviews for children missing during school, which schools do not hold).',
  },
  { symbol: 'p', meaning: 'Provisional: figures for recent weeks will change as agencies report late events.' },
  { symbol: 'r', meaning: 'Revised: the figure has changed since it was first published. The revisions section explains each change.' },
];
