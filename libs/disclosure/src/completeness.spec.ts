import { aggregateCompleteness, AgencyActivityFigures, roundToBase } from './completeness';

const agency = (over: Partial<AgencyActivityFigures>): AgencyActivityFigures => ({
  agencyType: 'SCHOOL',
  regionCode: 'UNKNOWN',
  eventsThisWeek: 0,
  eventsBefore: 0,
  weeksBefore: 8,
  eventsToDate: 0,
  lagHoursSum: 0,
  lastReportedAt: null,
  ...over,
});

describe('aggregated completeness', () => {
  it('rounds to the nearest 10, 1 to 4 becoming 0', () => {
    expect([0, 1, 4, 5, 14, 15, 96].map((n) => roundToBase(n))).toEqual([0, 0, 0, 10, 10, 20, 100]);
  });

  it('groups agencies by type and region, with rounded counts, whole-hour lags and dates without times', () => {
    const weekEnd = new Date('2026-11-23T00:00:00Z');
    const groups = aggregateCompleteness(
      [
        agency({ agencyType: 'SCHOOL', eventsThisWeek: 1, eventsToDate: 3, lagHoursSum: 7.5, lastReportedAt: new Date('2026-11-19T14:05:00Z') }),
        agency({ agencyType: 'SCHOOL', eventsThisWeek: 2, eventsToDate: 2, lagHoursSum: 2, lastReportedAt: new Date('2026-11-18T23:30:00Z') }),
        agency({ agencyType: 'SCHOOL' }),
        agency({
          agencyType: 'LOCAL_AUTHORITY',
          regionCode: 'E12000007',
          eventsThisWeek: 37,
          eventsBefore: 160,
          eventsToDate: 400,
          lagHoursSum: 1234,
          lastReportedAt: new Date('2026-11-22T23:30:00Z'),
          impliedReturnsThisWeek: 12,
        }),
      ],
      weekEnd,
    );
    expect(groups).toEqual([
      {
        agencyType: 'LOCAL_AUTHORITY',
        regionCode: 'E12000007',
        agencies: 1,
        agenciesReporting: 1,
        eventsThisWeek: 40,
        usualWeeklyEvents: 20,
        meanLagHours: 3,
        lastEventDate: '2026-11-22',
        silentDays: 0,
        impliedReturnsThisWeek: 10,
      },
      {
        agencyType: 'SCHOOL',
        regionCode: 'UNKNOWN',
        agencies: 3,
        agenciesReporting: 2,
        eventsThisWeek: 0,
        usualWeeklyEvents: 0,
        meanLagHours: 2,
        lastEventDate: '2026-11-19',
        silentDays: 3,
        impliedReturnsThisWeek: 0,
      },
    ]);
    expect(JSON.stringify(groups)).not.toMatch(/T\d\d:/);
  });
});
