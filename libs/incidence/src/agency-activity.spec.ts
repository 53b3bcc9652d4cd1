import { agencyActivityCells } from './agency-activity';

const at = (iso: string) => Date.parse(iso);

describe('agencyActivityCells', () => {
  it('sums events and lag per agency and London week of reporting, keeping the latest report', () => {
    const cells = agencyActivityCells([
      { agencyCode: 'P01', agencyType: 'POLICE', occurredAt: at('2026-03-02T08:00:00Z'), reportedAt: at('2026-03-02T10:00:00Z') },
      { agencyCode: 'P01', agencyType: 'POLICE', occurredAt: at('2026-03-03T08:00:00Z'), reportedAt: at('2026-03-04T08:00:00Z') },
      { agencyCode: 'P01', agencyType: 'POLICE', occurredAt: at('2026-03-09T08:00:00Z'), reportedAt: at('2026-03-09T09:00:00Z') },
      { agencyCode: 'L02', agencyType: 'LOCAL_AUTHORITY', occurredAt: at('2026-03-03T08:00:00Z'), reportedAt: at('2026-03-03T09:30:00Z') },
    ]);
    expect(cells).toEqual([
      { agencyCode: 'P01', agencyType: 'POLICE', weekStart: '2026-03-02', events: 2, lagHoursSum: 26, lastReportedAt: at('2026-03-04T08:00:00Z') },
      { agencyCode: 'P01', agencyType: 'POLICE', weekStart: '2026-03-09', events: 1, lagHoursSum: 1, lastReportedAt: at('2026-03-09T09:00:00Z') },
      {
        agencyCode: 'L02',
        agencyType: 'LOCAL_AUTHORITY',
        weekStart: '2026-03-02',
        events: 1,
        lagHoursSum: 1.5,
        lastReportedAt: at('2026-03-03T09:30:00Z'),
      },
    ]);
  });

  it('counts a report stated before the event occurred as no lag', () => {
    const [cell] = agencyActivityCells([
      { agencyCode: 'S03', agencyType: 'SCHOOL', occurredAt: at('2026-03-03T10:00:00Z'), reportedAt: at('2026-03-03T09:00:00Z') },
    ]);
    expect(cell.lagHoursSum).toBe(0);
  });
});
