import { clockDependentEventIds, demoFigures, describeDemoFigures, relativeDifference } from './demo-comparison';

describe('demo figures against the simulation', () => {
  const truth = {
    counts: { trueChildren: 3000 },
    events: [{ eventId: 'a' }, { eventId: 'b', clockDependent: true as const }],
    expected: {
      truth: [
        { setting: 'ALL', la: 'ALL', episodesStarted: 5000 },
        { setting: 'ALL', la: 'ALL', episodesStarted: 3956 },
        // Breakdowns count the same episodes again: not added.
        { setting: 'CARE', la: 'ALL', episodesStarted: 1200 },
        { setting: 'ALL', la: 'E09000033', episodesStarted: 40 },
      ],
    },
  };

  it('takes children from the population and episodes from the national all-settings rows', () => {
    expect(demoFigures(truth, { nationalChildren: 3012, nationalEpisodes: 8990 })).toEqual({
      children: { counted: 3012, simulated: 3000 },
      episodes: { counted: 8990, simulated: 8956 },
      acceptedFutureEvents: 0,
    });
    expect(clockDependentEventIds(truth)).toEqual(['b']);
  });

  it('prints both with signed relative differences', () => {
    expect(describeDemoFigures(demoFigures(truth, { nationalChildren: 3012, nationalEpisodes: 8990 }))).toBe(
      '3,012 national children counted, 3,000 in the simulation (+0.4%); 8,990 episodes, 8,956 in the simulation (+0.4%)',
    );
    expect(describeDemoFigures(demoFigures(truth, { nationalChildren: 3001, nationalEpisodes: 8957 }, 1))).toBe(
      '3,001 national children counted, 3,000 in the simulation (0.0%); 8,957 episodes, 8,956 in the simulation (0.0%); ' +
        '1 event the simulation dated after its end were accepted (the clock has passed them) and count as children and episodes of their own',
    );
    expect(relativeDifference(2970, 3000)).toBe('-1.0%');
    expect(relativeDifference(3001, 3000)).toBe('0.0%');
    expect(relativeDifference(0, 0)).toBe('0.0%');
  });
});
