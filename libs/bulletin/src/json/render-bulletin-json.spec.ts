import { Bulletin } from '../bulletin.model';
import { sampleBulletin } from '../testing/sample-bulletin';
import { renderBulletinJson } from './render-bulletin-json';

/** The same object with every key order reversed, recursively. */
function reversedKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reversedKeys) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reversedKeys(v)]),
    ) as T;
  }
  return value;
}

describe('renderBulletinJson', () => {
  const b = sampleBulletin();
  const json = renderBulletinJson(b);

  it('round-trips', () => {
    expect(JSON.parse(json)).toEqual(b);
  });

  it('writes keys in the model order, with a 2-space indent', () => {
    expect(Object.keys(JSON.parse(json))).toEqual([
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
    ]);
    expect(json.startsWith('{\n  "week": "2026-W47",\n  "weekCommencing": "2026-11-16",')).toBe(true);
    expect(Object.keys(JSON.parse(json).headline[0])).toEqual([
      'setting',
      'children',
      'episodes',
      'previousWeek',
      'fourWeekAverage',
      'sameWeekLastYear',
    ]);
    expect(Object.keys(JSON.parse(json).headline[0].previousWeek)).toEqual(['children', 'episodes']);
    const la = JSON.parse(json).areas.find((a: { level: string }) => a.level === 'Local authority');
    expect(Object.keys(la).slice(0, 7)).toEqual(['level', 'code', 'name', 'regionCode', 'regionName', 'oldLaCode', 'setting']);
  });

  it('does not depend on the order in which the caller built its objects', () => {
    expect(renderBulletinJson(reversedKeys(b))).toBe(json);
  });

  it('keeps added optional fields, sorted after the known ones, and drops undefined', () => {
    const extended = { ...b, zeta: 1, alpha: 'a', contact: b.contact, nextReleaseAt: b.nextReleaseAt } as Bulletin & { zeta: number; alpha: string };
    const keys = Object.keys(JSON.parse(renderBulletinJson(extended)));
    expect(keys.slice(-2)).toEqual(['alpha', 'zeta']);
    const withUndefined = { ...b, areas: [{ ...b.areas[0], ratePer10000: undefined }] };
    expect(JSON.parse(renderBulletinJson(withUndefined)).areas[0]).not.toHaveProperty('ratePer10000');
  });

  it('refuses numbers JSON cannot hold', () => {
    expect(() => renderBulletinJson({ ...b, repeatMissing: { ...b.repeatMissing, percent: Number.POSITIVE_INFINITY } })).toThrow(
      /repeatMissing\.percent/,
    );
  });
});
