import * as fc from 'fast-check';
import { EpisodeEvent, foldAgencyEpisode } from './agency-episode';

const t = (iso: string) => Date.parse(iso);
const base = { setting: 'HOME' as const, agencyCode: 'E23000001', agencyChildRef: 'C1', agencyEpisodeRef: 'E1' };
const report: EpisodeEvent = {
  ...base,
  eventId: 'a',
  kind: 'MISSING_REPORTED',
  occurredAt: t('2026-11-10T18:00Z'),
  reportedAt: t('2026-11-10T19:00Z'),
  riskGrade: 'LOW',
};
const returned: EpisodeEvent = {
  ...base,
  eventId: 'b',
  kind: 'RETURNED',
  occurredAt: t('2026-11-11T08:00Z'),
  reportedAt: t('2026-11-11T09:00Z'),
  returnInterviewOffered: true,
};
const corrected: EpisodeEvent = {
  ...base,
  eventId: 'c',
  kind: 'EPISODE_CORRECTED',
  occurredAt: t('2026-11-12T10:00Z'),
  reportedAt: t('2026-11-12T10:00Z'),
  correction: { missingFrom: t('2026-11-10T16:00Z'), riskGrade: 'HIGH' },
};
const withdrawn: EpisodeEvent = {
  ...base,
  eventId: 'd',
  kind: 'REPORT_WITHDRAWN',
  occurredAt: t('2026-11-13T10:00Z'),
  reportedAt: t('2026-11-13T10:00Z'),
};

describe('foldAgencyEpisode', () => {
  it("places the episode in the LA stated at its start: its report or a correction, then its other events, then an LA's own code", () => {
    const la = (code: string) => ({ responsibleLaCode: code });
    expect(
      foldAgencyEpisode([
        { ...report, ...la('E09000001') },
        { ...returned, ...la('E09000002') },
      ]).laCode,
    ).toBe('E09000001');
    expect(
      foldAgencyEpisode([
        { ...report, ...la('E09000001') },
        { ...corrected, ...la('E09000003') },
      ]).laCode,
    ).toBe('E09000003');
    expect(foldAgencyEpisode([report, { ...returned, ...la('E09000002') }]).laCode).toBe('E09000002');
    expect(foldAgencyEpisode([report, returned]).laCode).toBeNull();
    const council = { agencyCode: 'E08000025' };
    expect(foldAgencyEpisode([{ ...report, ...council }]).laCode).toBe('E08000025');
    expect(foldAgencyEpisode([{ ...report, ...council, ...la('E09000001') }]).laCode).toBe('E09000001');
  });

  it('starts at the report, ends at the return, applies corrections', () => {
    expect(foldAgencyEpisode([report, returned, corrected])).toMatchObject({
      status: 'ACTIVE',
      startedAt: t('2026-11-10T16:00Z'),
      endedAt: t('2026-11-11T08:00Z'),
      riskGrade: 'HIGH',
      returnInterviewOffered: true,
    });
  });
  it('keeps a return that arrives before its report and applies it once the report arrives', () => {
    expect(foldAgencyEpisode([returned])).toMatchObject({ status: 'AWAITING_REPORT', startedAt: null, endedAt: t('2026-11-11T08:00Z') });
    expect(foldAgencyEpisode([returned, report])).toMatchObject({ status: 'ACTIVE', endedAt: t('2026-11-11T08:00Z') });
  });
  it('withdraws the whole episode', () => {
    expect(foldAgencyEpisode([report, withdrawn]).status).toBe('WITHDRAWN');
  });
  it('flags a correction that puts the return before the start', () => {
    const bad: EpisodeEvent = { ...corrected, eventId: 'e', correction: { returnedAt: t('2026-11-09T00:00Z') } };
    expect(foldAgencyEpisode([report, bad]).status).toBe('INCONSISTENT');
  });
  it('gives the same state whatever order the events arrive in', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray([report, returned, corrected, withdrawn], { minLength: 1 }), (subset) => {
        const reversed = [...subset].reverse();
        expect(foldAgencyEpisode(reversed)).toEqual(foldAgencyEpisode(subset));
      }),
    );
  });
});
