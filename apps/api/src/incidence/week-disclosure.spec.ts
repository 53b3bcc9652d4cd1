import * as fc from 'fast-check';
import { discloseAreaWeek, SettingRows } from './week-disclosure';

const week = (children: number, started: number) => ({ children, episodesStarted: started, episodesEnded: 0, episodesOpenAtWeekEnd: 0 });

describe('discloseAreaWeek', () => {
  it('suppresses small counts and a complement so the total does not give them away', () => {
    const out = discloseAreaWeek({ ALL: week(20, 20), HOME: week(3, 3), CARE: week(10, 10), EDUCATION: week(7, 7) });
    expect(out.HOME.episodesStarted).toBe('c');
    expect([out.CARE.episodesStarted, out.EDUCATION.episodesStarted, out.ALL.episodesStarted].filter((v) => v === 'c').length).toBeGreaterThanOrEqual(1);
  });
  it('never publishes a count from 1 to 4 (any setting, any measure)', () => {
    const count = fc.integer({ min: 0, max: 12 });
    fc.assert(fc.property(fc.tuple(count, count, count), fc.tuple(count, count, count), ([h, c, e], [hs, cs, es]) => {
      const rows: SettingRows = {
        HOME: week(Math.min(h, hs), hs), CARE: week(Math.min(c, cs), cs), EDUCATION: week(Math.min(e, es), es),
        ALL: week(Math.max(Math.min(h, hs), Math.min(c, cs), Math.min(e, es)), hs + cs + es),
      };
      const out = discloseAreaWeek(rows);
      for (const setting of Object.values(out)) for (const v of Object.values(setting)) expect(typeof v === 'number' && v >= 1 && v <= 4).toBe(false);
    }));
  });
});
