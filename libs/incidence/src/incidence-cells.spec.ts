import { CellDelta, IncidenceDeltas } from './incidence-cells';

const episode = { setting: 'HOME', laCode: 'E09000033', regionCode: 'E12000007', startWeek: '2026-11-02', endWeek: '2026-11-16' as string | null };

const level1 = (d: IncidenceDeltas) => d.list().filter((c) => c.setting !== 'ALL' && c.laCode === episode.laCode);
const at = (d: IncidenceDeltas, weekStart: string, setting: string, laCode: string): Partial<CellDelta> | undefined => {
  const cell = d.list().find((c) => c.weekStart === weekStart && c.setting === setting && c.laCode === laCode);
  return cell && { started: cell.started, ended: cell.ended, open: cell.open };
};

describe('incidence deltas', () => {
  it('counts the start week, the end week and the weeks the episode is open at the end of', () => {
    const d = new IncidenceDeltas();
    d.addEpisode(episode, '2026-11-30', 1);
    expect(level1(d).map(({ weekStart, started, ended, open }) => [weekStart, started, ended, open])).toEqual([
      ['2026-11-02', 1, 0, 1],
      ['2026-11-16', 0, 1, 0],
      ['2026-11-09', 0, 0, 1],
    ]);
  });

  it('caps an open episode at the horizon week', () => {
    const d = new IncidenceDeltas();
    d.addEpisode({ ...episode, endWeek: null }, '2026-11-23', 1);
    expect(level1(d).map((c) => c.weekStart)).toEqual(['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23']);
  });

  it('counts an episode that ends in its start week as started and ended, never open', () => {
    const d = new IncidenceDeltas();
    d.addEpisode({ ...episode, endWeek: '2026-11-02' }, '2026-11-30', 1);
    expect(level1(d)).toEqual([
      {
        weekStart: '2026-11-02',
        setting: 'HOME',
        laCode: 'E09000033',
        children: 0,
        started: 1,
        ended: 1,
        open: 0,
        childrenKey: 0,
        startedKey: 0,
        endedKey: 0,
        openKey: 0,
      },
    ]);
  });

  it('moves every total above a cell by the same amount: settings, region and England', () => {
    const d = new IncidenceDeltas();
    d.addEpisode({ ...episode, endWeek: '2026-11-02' }, '2026-11-30', 1);
    const areas = d
      .list()
      .map((c) => `${c.setting}/${c.laCode}`)
      .sort();
    expect(areas).toEqual(['ALL/ALL', 'ALL/E09000033', 'ALL/E12000007', 'HOME/ALL', 'HOME/E09000033', 'HOME/E12000007']);
    expect(d.list().every((c) => c.started === 1 && c.ended === 1)).toBe(true);
  });

  it('has no region rows for an unknown area', () => {
    const d = new IncidenceDeltas();
    d.addEpisode({ ...episode, laCode: 'UNKNOWN', regionCode: 'UNKNOWN', endWeek: null }, null, 1);
    expect(
      d
        .list()
        .map((c) => `${c.setting}/${c.laCode}`)
        .sort(),
    ).toEqual(['ALL/ALL', 'ALL/UNKNOWN', 'HOME/ALL', 'HOME/UNKNOWN']);
  });

  it('leaves out cells whose sums cancel out', () => {
    const d = new IncidenceDeltas();
    d.addEpisode(episode, '2026-11-30', -1);
    d.addEpisode(episode, '2026-11-30', 1);
    expect(d.list()).toEqual([]);
  });

  it('moves distinct children by the cells a child enters or leaves, at every level', () => {
    const d = new IncidenceDeltas();
    const care = { ...episode, setting: 'CARE' };
    const otherLa = { ...episode, laCode: 'E09000030' };
    // Before: one HOME episode. After: that one plus a CARE one in the same LA and week, and a
    // HOME one in another LA of the same region in the same week.
    d.addChildChange([episode], [episode, care, otherLa]);
    const children = (setting: string, laCode: string) => d.list().find((c) => c.setting === setting && c.laCode === laCode)?.children ?? 0;
    expect(children('CARE', 'E09000033')).toBe(1);
    expect(children('HOME', 'E09000030')).toBe(1);
    expect(children('ALL', 'E09000030')).toBe(1);
    expect(children('CARE', 'E12000007')).toBe(1);
    expect(children('CARE', 'ALL')).toBe(1);
    // Already counted there: no change.
    expect(children('HOME', 'E09000033')).toBe(0);
    expect(children('ALL', 'E09000033')).toBe(0);
    expect(children('HOME', 'E12000007')).toBe(0);
    expect(children('ALL', 'E12000007')).toBe(0);
    expect(children('ALL', 'ALL')).toBe(0);
  });

  it('takes a child out of every cell when its episodes go (a merge retires its national id)', () => {
    const d = new IncidenceDeltas();
    d.addChildChange([episode, { ...episode, startWeek: '2026-11-09' }], []);
    expect(d.list().map((c) => c.children)).toEqual(Array(12).fill(-1));
  });

  it('adds the weeks a horizon advance brings in', () => {
    const d = new IncidenceDeltas();
    d.addOpen(episode, '2026-11-23', 3);
    expect(at(d, '2026-11-23', 'ALL', 'ALL')).toEqual({ started: 0, ended: 0, open: 3 });
  });
});

describe('incidence deltas: record-key sums (cell-key method)', () => {
  const keyed = {
    setting: 'HOME',
    laCode: 'E09000033',
    regionCode: 'E12000007',
    startWeek: '2026-11-02',
    endWeek: '2026-11-16' as string | null,
    childKey: 11,
    episodeKey: 1000,
  };

  it('moves each cell key with the records entering and leaving it, at every level', () => {
    const d = new IncidenceDeltas();
    d.addEpisode(keyed, '2026-11-30', 1);
    d.addChildChange([], [keyed]);
    const cell = (week: string, setting: string, la: string) =>
      d.list().find((c) => c.weekStart === week && c.setting === setting && c.laCode === la)!;
    expect(cell('2026-11-02', 'HOME', 'E09000033')).toMatchObject({
      children: 1,
      childrenKey: 11,
      started: 1,
      startedKey: 1000,
      open: 1,
      openKey: 1000,
    });
    expect(cell('2026-11-16', 'ALL', 'ALL')).toMatchObject({ ended: 1, endedKey: 1000, openKey: 0 });
  });

  it('keeps a cell whose counts cancel but whose records changed: its key moved', () => {
    const d = new IncidenceDeltas();
    d.addEpisode(keyed, null, -1);
    d.addEpisode({ ...keyed, episodeKey: 2000 }, null, 1);
    const start = d.list().find((c) => c.weekStart === '2026-11-02' && c.setting === 'HOME' && c.laCode === 'E09000033')!;
    expect(start).toMatchObject({ started: 0, startedKey: 1000 });
  });
});
