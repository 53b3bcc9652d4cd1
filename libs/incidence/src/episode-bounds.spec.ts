import { boundAgencyEpisodes, nationalEpisodesOfChild } from './episode-bounds';
import { CountedAgencyEpisode } from './national-episodes';

const t = (iso: string) => Date.parse(iso);
const ep = (over: Partial<CountedAgencyEpisode>): CountedAgencyEpisode => ({
  agencyCode: '100001',
  agencyEpisodeRef: 'S1',
  setting: 'EDUCATION',
  startedAt: t('2026-03-02T09:00Z'),
  endedAt: null,
  laCode: 'E09000033',
  child: { dateOfBirth: '2012-05-01' },
  ...over,
});

describe('episodes without a reported return', () => {
  it("end just before the start of the child's next episode from any agency, which stays a national episode of its own", () => {
    const school = ep({});
    const police = ep({
      agencyCode: 'E23000001',
      agencyEpisodeRef: 'P1',
      setting: 'HOME',
      startedAt: t('2026-04-10T20:00Z'),
      endedAt: t('2026-04-11T08:00Z'),
    });
    const care = ep({
      agencyCode: 'E09000033',
      agencyEpisodeRef: 'L1',
      setting: 'CARE',
      startedAt: t('2026-06-01T20:00Z'),
      endedAt: t('2026-06-02T08:00Z'),
    });
    const { episodes, agencyEpisodes } = nationalEpisodesOfChild([care, police, school]);
    expect(agencyEpisodes.find((e) => e.agencyEpisodeRef === 'S1')).toMatchObject({ endedAt: police.startedAt - 1, impliedEnd: 'NEXT_EPISODE' });
    expect(agencyEpisodes.find((e) => e.agencyEpisodeRef === 'P1')?.impliedEnd).toBeNull();
    // Not one open episode swallowing the later ones under the care setting: three, each its own.
    expect(episodes.map((e) => [e.setting, e.startedAt, e.endedAt])).toEqual([
      ['EDUCATION', school.startedAt, police.startedAt - 1],
      ['HOME', police.startedAt, police.endedAt],
      ['CARE', care.startedAt, care.endedAt],
    ]);
  });

  it('take a later report starting within a day as a report of the same episode: one national episode, ending when that report ends', () => {
    const school = ep({});
    const police = ep({ agencyCode: 'E23000001', agencyEpisodeRef: 'P1', setting: 'HOME', startedAt: t('2026-03-02T11:00Z'), endedAt: null });
    const { episodes, agencyEpisodes } = nationalEpisodesOfChild([school, police]);
    expect(agencyEpisodes.find((e) => e.agencyEpisodeRef === 'S1')).toMatchObject({ endedAt: police.startedAt, impliedEnd: 'CO_REPORT' });
    expect(episodes.map((e) => [e.setting, e.startedAt, e.endedAt])).toEqual([['HOME', school.startedAt, t('2030-04-30T23:00Z')]]);
    const found = nationalEpisodesOfChild([school, { ...police, endedAt: t('2026-03-02T18:00Z') }]).episodes;
    expect(found.map((e) => [e.startedAt, e.endedAt])).toEqual([[school.startedAt, t('2026-03-02T18:00Z')]]);
  });

  it('chain through several open episodes and never through one starting at the same instant', () => {
    const bounded = boundAgencyEpisodes([
      ep({ agencyEpisodeRef: 'A' }),
      ep({ agencyEpisodeRef: 'B' }),
      ep({ agencyEpisodeRef: 'C', startedAt: t('2026-05-01T09:00Z') }),
      ep({ agencyEpisodeRef: 'D', startedAt: t('2026-05-01T20:00Z') }),
    ]);
    expect(bounded.map((e) => [e.agencyEpisodeRef, e.endedAt, e.impliedEnd])).toEqual([
      ['A', t('2026-05-01T09:00Z') - 1, 'NEXT_EPISODE'],
      ['B', t('2026-05-01T09:00Z') - 1, 'NEXT_EPISODE'],
      ['C', t('2026-05-01T20:00Z'), 'CO_REPORT'],
      ['D', t('2030-04-30T23:00Z'), 'AGED_18'],
    ]);
  });

  it('end at 00:00 London time on the 18th birthday when no later episode comes first, and otherwise keep the reported return', () => {
    const seventeen = { dateOfBirth: '2009-01-15' };
    const [open, returnedLate] = boundAgencyEpisodes([
      ep({ child: seventeen, startedAt: t('2026-12-01T10:00Z') }),
      ep({ agencyEpisodeRef: 'S2', child: seventeen, startedAt: t('2026-11-01T10:00Z'), endedAt: t('2027-02-01T10:00Z') }),
    ]);
    expect(open).toMatchObject({ endedAt: t('2027-01-15T00:00Z'), impliedEnd: 'AGED_18' });
    expect(returnedLate).toMatchObject({ endedAt: t('2027-02-01T10:00Z'), impliedEnd: null });
  });

  it('bound an episode with no date of birth at 18 years after its start, and leave out one starting at 18 or over', () => {
    const [bounded] = boundAgencyEpisodes([ep({ child: {} }), ep({ agencyEpisodeRef: 'X', child: { dateOfBirth: '2008-03-01' } })]);
    expect(bounded).toMatchObject({ agencyEpisodeRef: 'S1', endedAt: t('2044-03-02T00:00Z'), impliedEnd: 'AGED_18' });
    expect(boundAgencyEpisodes([ep({ child: { dateOfBirth: '2008-03-01' } })])).toEqual([]);
  });

  it('does not depend on the order the episodes come in', () => {
    const list = [
      ep({ agencyEpisodeRef: 'A' }),
      ep({ agencyEpisodeRef: 'B', startedAt: t('2026-03-05T09:00Z') }),
      ep({ agencyEpisodeRef: 'C', startedAt: t('2026-03-04T09:00Z'), endedAt: t('2026-03-06T09:00Z') }),
    ];
    const key = (l: CountedAgencyEpisode[]) =>
      JSON.stringify(boundAgencyEpisodes(l).sort((a, b) => a.agencyEpisodeRef.localeCompare(b.agencyEpisodeRef)));
    expect(key([...list].reverse())).toBe(key(list));
    expect(nationalEpisodesOfChild([...list].reverse()).episodes).toEqual(nationalEpisodesOfChild(list).episodes);
  });
});
