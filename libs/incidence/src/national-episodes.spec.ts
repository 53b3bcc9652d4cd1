import { buildNationalEpisodes, CountedAgencyEpisode } from './national-episodes';

const t = (iso: string) => Date.parse(iso);
const ep = (over: Partial<CountedAgencyEpisode>): CountedAgencyEpisode => ({
  agencyCode: 'E23000001',
  agencyEpisodeRef: 'P1',
  setting: 'HOME',
  startedAt: t('2026-11-10T18:00Z'),
  endedAt: t('2026-11-11T08:00Z'),
  laCode: 'E09000033',
  ...over,
});

describe('buildNationalEpisodes', () => {
  it('merges overlapping reports from different agencies into one episode under the priority setting', () => {
    const [episode, ...rest] = buildNationalEpisodes([
      ep({}),
      ep({
        agencyCode: 'E09000033',
        agencyEpisodeRef: 'L1',
        setting: 'CARE',
        startedAt: t('2026-11-10T20:00Z'),
        endedAt: t('2026-11-12T08:00Z'),
        laCode: 'E09000001',
      }),
    ]);
    expect(rest).toEqual([]);
    expect(episode).toMatchObject({
      setting: 'CARE',
      laCode: 'E09000001',
      startedAt: t('2026-11-10T18:00Z'),
      endedAt: t('2026-11-12T08:00Z'),
      agencyEpisodeCount: 2,
      startWeek: '2026-11-09',
      endWeek: '2026-11-09',
    });
  });
  it('keeps separate episodes apart and chains transitive overlaps', () => {
    const episodes = buildNationalEpisodes([
      ep({ agencyEpisodeRef: 'A', startedAt: t('2026-01-01T00:00Z'), endedAt: t('2026-01-02T00:00Z') }),
      ep({ agencyEpisodeRef: 'B', startedAt: t('2026-01-01T12:00Z'), endedAt: t('2026-01-03T00:00Z') }),
      ep({ agencyEpisodeRef: 'C', startedAt: t('2026-01-03T00:00Z'), endedAt: t('2026-01-04T00:00Z') }),
      ep({ agencyEpisodeRef: 'D', startedAt: t('2026-02-01T00:00Z'), endedAt: null, laCode: null }),
    ]);
    expect(episodes.map((e) => [e.agencyEpisodeCount, e.endedAt, e.laCode])).toEqual([
      [3, t('2026-01-04T00:00Z'), 'E09000033'],
      [1, null, 'UNKNOWN'],
    ]);
  });
  it('types a care episode M when any care member says M, and leaves other settings untyped', () => {
    const care = (ref: string, careMissingType: 'M' | 'A' | null) =>
      ep({ agencyCode: 'E09000033', agencyEpisodeRef: ref, setting: 'CARE', careMissingType });
    expect(buildNationalEpisodes([care('L1', 'A'), care('L2', 'M'), ep({})])[0].careMissingType).toBe('M');
    expect(buildNationalEpisodes([care('L1', 'A'), care('L2', null)])[0].careMissingType).toBe('A');
    expect(buildNationalEpisodes([care('L1', null)])[0].careMissingType).toBe('NOT_STATED');
    expect(buildNationalEpisodes([ep({})])[0].careMissingType).toBeNull();
  });
  it('treats an open episode as overlapping everything after its start', () => {
    const episodes = buildNationalEpisodes([ep({ endedAt: null }), ep({ agencyEpisodeRef: 'P2', startedAt: t('2026-12-25T00:00Z') })]);
    expect(episodes).toHaveLength(1);
    expect(episodes[0].endedAt).toBeNull();
  });
});
