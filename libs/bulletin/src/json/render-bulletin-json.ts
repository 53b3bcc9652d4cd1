import { Bulletin } from '../bulletin.model';

/**
 * Key order of each object in the bulletin, as the model declares it. Keys not listed (optional
 * fields added later) follow in alphabetical order, so the output never depends on how the
 * caller happened to build its objects: equal bulletins give byte-equal JSON (and hashes).
 */
const KEY_ORDER: Record<string, readonly string[]> = {
  bulletin: [
    'week',
    'weekCommencing',
    'revision',
    'releaseStatus',
    'publishedAt',
    'nextReleaseAt',
    'status',
    'methodologyUrl',
    'contact',
    'disclosure',
    'headline',
    'areas',
    'breakdowns',
    'repeatMissing',
    'returnInterviews',
    'revisions',
    'completeness',
    'trend',
    'provisionalWeeks',
  ],
  headline: ['setting', 'children', 'episodes', 'previousWeek', 'fourWeekAverage', 'sameWeekLastYear'],
  counts: ['children', 'episodes'],
  areas: [
    'level',
    'code',
    'name',
    'regionCode',
    'regionName',
    'oldLaCode',
    'setting',
    'children',
    'episodesStarted',
    'episodesEnded',
    'openAtWeekEnd',
    'ratePer10000',
  ],
  breakdowns: ['dimension', 'category', 'children', 'episodes'],
  repeatMissing: ['children', 'repeatChildren', 'percent'],
  returnInterviews: ['episodesEnded', 'offeredWithin72h', 'percent'],
  disclosure: ['method', 'ptable', 'statement'],
  revisions: [
    'weekCommencing',
    'week',
    'setting',
    'areaCode',
    'dimension',
    'category',
    'measure',
    'previouslyPublished',
    'published',
    'revisedOn',
    'reason',
  ],
  completeness: [
    'agencyType',
    'regionCode',
    'regionName',
    'eventsThisWeek',
    'usualWeeklyEvents',
    'meanLagHours',
    'lastEventOn',
    'silentDays',
    'flagged',
  ],
  trend: ['weekCommencing', 'week', 'setting', 'children', 'episodes'],
};

/** Which key order applies to the objects under a property. */
const CHILD_ORDER: Record<string, string> = {
  previousWeek: 'counts',
  fourWeekAverage: 'counts',
  sameWeekLastYear: 'counts',
};

/** The bulletin as JSON: model key order, 2-space indent, trailing newline. */
export function renderBulletinJson(b: Bulletin): string {
  return `${JSON.stringify(canonical(b, 'bulletin', '$'), null, 2)}\n`;
}

function canonical(value: unknown, order: string | undefined, path: string): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`${path} is not a finite number: ${value}`);
    return value;
  }
  if (Array.isArray(value)) return value.map((item, i) => canonical(item, order, `${path}[${i}]`));
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const listed = (order && KEY_ORDER[order]) || [];
    const keys = [
      ...listed.filter((k) => k in record),
      ...Object.keys(record)
        .filter((k) => !listed.includes(k))
        .sort(),
    ];
    const out: Record<string, unknown> = {};
    for (const key of keys) {
      if (record[key] === undefined) continue;
      out[key] = canonical(record[key], CHILD_ORDER[key] ?? (order === 'bulletin' ? key : undefined), `${path}.${key}`);
    }
    return out;
  }
  throw new TypeError(`${path} cannot be written as JSON (${typeof value})`);
}
