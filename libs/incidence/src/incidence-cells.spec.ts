import { cellsOfEpisode, openWeeksBetween } from './incidence-cells';

const episode = { setting: 'HOME', laCode: 'E09000033', startWeek: '2026-11-02', endWeek: '2026-11-16' as string | null };

describe('incidence cells', () => {
  it('touches the start week, the end week and the weeks the episode is open at the end of', () => {
    expect(cellsOfEpisode(episode, '2026-11-30').map((c) => c.weekStart)).toEqual(['2026-11-02', '2026-11-16', '2026-11-09']);
  });
  it('caps an open episode at the horizon week', () => {
    expect(cellsOfEpisode({ ...episode, endWeek: null }, '2026-11-23').map((c) => c.weekStart)).toEqual(['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23']);
  });
  it('touches only the start week of an episode that ends in its start week', () => {
    expect(cellsOfEpisode({ ...episode, endWeek: '2026-11-02' }, '2026-11-30')).toHaveLength(1);
  });
  it('finds the weeks a horizon advance adds', () => {
    expect(openWeeksBetween({ ...episode, endWeek: null }, '2026-11-09', '2026-11-23')).toEqual(['2026-11-16', '2026-11-23']);
    expect(openWeeksBetween(episode, '2026-11-09', '2026-11-23')).toEqual([]);
  });
});
