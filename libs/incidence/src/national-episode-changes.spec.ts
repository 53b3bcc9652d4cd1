import { changedWeeks, diffNationalEpisodes, episodesBeforeAndAfter, KeyedNationalEpisode } from './national-episode-changes';

const episode = (nationalChildId: number, startWeek: string, over: Partial<KeyedNationalEpisode> = {}): KeyedNationalEpisode => ({
  nationalChildId,
  startedAt: Date.parse(`${startWeek}T10:00:00Z`),
  endedAt: null,
  startWeek,
  endWeek: null,
  setting: 'HOME',
  laCode: 'E09000001',
  agencyEpisodeCount: 1,
  regionCode: 'E12000007',
  ageBand: '10-13',
  sex: 'F',
  ethnicityGroup: 'WHITE',
  riskGrade: 'LOW',
  durationBand: null,
  returnInterviewWithin72h: false,
  repeatMissing: false,
  careMissingType: null,
  childKey: nationalChildId * 7,
  episodeKey: 11,
  ...over,
});

describe('diffNationalEpisodes', () => {
  it('keeps the stored rows equal in every column, removes the rest and inserts what is left of the wanted', () => {
    const same = { ...episode(1, '2026-01-05'), id: 'a' };
    const changed = { ...episode(1, '2026-01-12'), id: 'b' };
    const other = { ...episode(2, '2026-01-05'), id: 'c' };
    const wanted = [
      episode(1, '2026-01-05'),
      episode(1, '2026-01-12', { endedAt: Date.parse('2026-01-13T00:00:00Z'), endWeek: '2026-01-12' }),
      episode(3, '2026-02-02'),
    ];
    const { removed, inserted, kept } = diffNationalEpisodes([same, changed, other], wanted);
    expect(removed.map((e) => e.id)).toEqual(['b', 'c']);
    expect(kept).toEqual([wanted[0]]);
    expect(inserted).toEqual([wanted[1], wanted[2]]);
  });

  it('matches one stored row to one wanted row: a duplicate wanted episode is inserted', () => {
    const { removed, inserted, kept } = diffNationalEpisodes(
      [{ ...episode(1, '2026-01-05'), id: 'a' }],
      [episode(1, '2026-01-05'), episode(1, '2026-01-05')],
    );
    expect([removed.length, kept.length, inserted.length]).toEqual([0, 1, 1]);
  });

  it('treats a changed record key as a changed row', () => {
    const { removed, inserted } = diffNationalEpisodes([{ ...episode(1, '2026-01-05'), id: 'a' }], [episode(1, '2026-01-05', { episodeKey: 12 })]);
    expect([removed.length, inserted.length]).toEqual([1, 1]);
  });
});

describe('episodesBeforeAndAfter', () => {
  it("groups by child, adding the kept episodes that start in a week the child's changes touch", () => {
    const removed = [episode(1, '2026-01-05', { laCode: 'E09000002' })];
    const inserted = [episode(1, '2026-01-05'), episode(2, '2026-03-02')];
    const keptSameWeek = episode(1, '2026-01-05', { startedAt: Date.parse('2026-01-07T10:00:00Z') });
    const keptOtherWeek = episode(1, '2026-02-02');
    const keptOtherChild = episode(3, '2026-01-05');
    const groups = episodesBeforeAndAfter({ removed, inserted, kept: [keptSameWeek, keptOtherWeek, keptOtherChild] });
    expect(groups).toEqual([
      { before: [removed[0], keptSameWeek], after: [inserted[0], keptSameWeek] },
      { before: [], after: [inserted[1]] },
    ]);
  });
});

describe('changedWeeks', () => {
  it('lists the start and end weeks of removed and inserted episodes once each', () => {
    const ended = episode(1, '2026-01-05', { endWeek: '2026-01-12', endedAt: Date.parse('2026-01-13T00:00:00Z') });
    expect(changedWeeks({ removed: [ended], inserted: [episode(2, '2026-01-12'), episode(3, '2026-01-05')] })).toEqual(['2026-01-05', '2026-01-12']);
  });
});
