import { londonMidnight, parseDfeDate } from './dates';

const londonClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

describe('parseDfeDate', () => {
  it('reads dd/mm/yyyy and yyyy-mm-dd', () => {
    expect(['03/04/2011', '3/4/2011', '2011-04-03'].map(parseDfeDate)).toEqual(['2011-04-03', '2011-04-03', '2011-04-03']);
  });
  it('rejects dates not on the calendar and other shapes', () => {
    expect(['31/02/2011', '29/02/2023', '00/01/2011', '01/13/2011', '2011/04/03', '03-04-2011', '', '03/04/11'].map(parseDfeDate)).toEqual(
      Array(8).fill(null),
    );
    expect(parseDfeDate('29/02/2024')).toBe('2024-02-29');
  });
});

describe('londonMidnight', () => {
  it('is +00:00 in winter and +01:00 in summer', () => {
    expect(londonMidnight('2026-01-15')).toEqual({ epochMs: Date.parse('2026-01-15T00:00:00Z'), rfc3339: '2026-01-15T00:00:00+00:00' });
    expect(londonMidnight('2026-06-15')).toEqual({ epochMs: Date.parse('2026-06-14T23:00:00Z'), rfc3339: '2026-06-15T00:00:00+01:00' });
  });
  it('agrees with the IANA time zone database every day from 2000 to 2040, clock-change days included', () => {
    for (let day = Date.UTC(2000, 0, 1); day < Date.UTC(2040, 0, 1); day += 86_400_000) {
      const date = new Date(day).toISOString().slice(0, 10);
      const { epochMs, rfc3339 } = londonMidnight(date);
      expect(Date.parse(rfc3339)).toBe(epochMs);
      const [dd, mm, yyyy] = londonClock.format(epochMs).split(/[/, ]+/);
      expect(`${yyyy}-${mm}-${dd} ${londonClock.format(epochMs).slice(-5)}`).toBe(`${date} 00:00`);
    }
  });
});
