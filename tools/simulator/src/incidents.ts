import { Setting } from '@mcm/shared';
import { Rng } from './rng';
import { DAY, HOUR, MINUTE, floorSecond } from './time-utils';

/** A real missing incident of one child: what happened, before any agency recorded it. */
export interface TrueIncident {
  id: string;
  childId: string;
  setting: Setting;
  startMs: number;
  /** null: still missing at `now`. */
  endMs: number | null;
}

/**
 * Minimum true gap between one incident's end and the next one's start. Agency jitter (up to
 * 3 h), a wrong first report (up to 6 h) and a wrong first correction (up to 30 min) move an
 * agency's times at most 9.5 h, so agencies' episodes of different incidents stay >= 2 days apart.
 */
export const MIN_TRUE_GAP_MS = 3 * DAY;
/** Largest distance between any time an agency reports and the true start/end (see above). */
export const MAX_AGENCY_DEVIATION_MS = 9.5 * HOUR;
/** Incidents start at least this long after the window start, so no report precedes it. */
export const WINDOW_START_MARGIN_MS = 12 * HOUR;
/** The latest an incident may start: someone must have noticed before `now`. */
export const LATEST_START_BEFORE_NOW_MS = 15 * MINUTE;

/** Skewed: most children go missing once; a tail of repeat-missing children (3-15 a year). */
export function incidentCount(rng: Rng, setting: Setting, days: number): number {
  const repeat = () => 3 + Math.floor(13 * rng.next() ** 2);
  let count: number;
  if (setting === 'CARE')
    count = rng.weighted([
      [1, 35],
      [2, 15],
      [-1, 50],
    ] as const);
  else if (setting === 'HOME')
    count = rng.weighted([
      [1, 60],
      [2, 20],
      [-1, 20],
    ] as const);
  else
    count = rng.weighted([
      [1, 75],
      [2, 20],
      [3, 5],
    ] as const);
  if (count === -1) count = repeat();
  // The distribution describes a year; longer or shorter windows scale the repeats.
  return count === 1 ? 1 : Math.max(1, Math.round(count * (days / 365)));
}

/** Over three quarters under 24 hours, about 2% over a week; missing education lasts days to weeks. */
export function incidentDuration(rng: Rng, setting: Setting): number {
  if (setting === 'EDUCATION') return rng.logUniform(2 * DAY, 70 * DAY);
  const r = rng.next();
  if (r < 0.46) return rng.logUniform(30 * MINUTE, 6 * HOUR);
  if (r < 0.79) return rng.between(6 * HOUR, 24 * HOUR);
  if (r < 0.98) return rng.logUniform(24 * HOUR, 7 * DAY);
  return rng.logUniform(7 * DAY + HOUR, 45 * DAY);
}

const FORCED_OPEN: Record<Setting, number> = { HOME: 0.004, CARE: 0.01, EDUCATION: 0.2 };

/**
 * Lays a child's incidents out in the window without overlap (gap >= MIN_TRUE_GAP_MS). The
 * layout runs two days past `now`: incidents still running at `now` are open; some last
 * incidents are open by design (long-term missing, children missing education).
 */
export function planIncidents(rng: Rng, childId: string, setting: Setting, days: number, windowStartMs: number, nowMs: number): TrueIncident[] {
  const from = windowStartMs + WINDOW_START_MARGIN_MS;
  const latestStart = nowMs - LATEST_START_BEFORE_NOW_MS;
  const to = nowMs + 2 * DAY;
  let count = incidentCount(rng, setting, days);
  let durations = Array.from({ length: count }, () => incidentDuration(rng, setting));
  const required = () => durations.reduce((a, b) => a + b, 0) + (durations.length - 1) * MIN_TRUE_GAP_MS;
  while (durations.length > 1 && required() > (to - from) * 0.8) durations = durations.slice(0, -1);
  count = durations.length;

  const slack = Math.max(0, to - from - required());
  const weights = Array.from({ length: count + 1 }, () => rng.next() + 0.05);
  const total = weights.reduce((a, b) => a + b, 0);
  const incidents: TrueIncident[] = [];
  let t = from + (slack * weights[0]) / total;
  for (let i = 0; i < count; i++) {
    const startMs = floorSecond(t);
    if (startMs > latestStart) break;
    const endMs = floorSecond(t + durations[i]);
    incidents.push({ id: '', childId, setting, startMs, endMs: endMs > nowMs ? null : endMs });
    t = t + durations[i] + MIN_TRUE_GAP_MS + (slack * weights[i + 1]) / total;
  }
  if (incidents.length === 0) {
    const startMs = floorSecond(rng.between(from, Math.max(from, latestStart)));
    const endMs = floorSecond(startMs + durations[0]);
    incidents.push({ id: '', childId, setting, startMs, endMs: endMs > nowMs ? null : endMs });
  }
  const last = incidents[incidents.length - 1];
  if (last.endMs !== null && rng.chance(FORCED_OPEN[setting])) last.endMs = null;
  incidents.forEach((incident, i) => (incident.id = [childId, '-I', String(i + 1).padStart(2, '0')].join('')));
  return incidents;
}
