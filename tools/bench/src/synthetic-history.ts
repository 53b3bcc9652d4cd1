import { DataSource, WeeklyIncidenceRepository } from '@mcm/persistence';
import { addWeeks, weekCommencing } from '@mcm/shared';
import { loadHistory } from '../../harness/src/synthetic-figures';

/**
 * Ten years of synthetic history ending last week, with the weekly incidence table rebuilt from
 * it; `log` reports each stage. Returns the last complete week.
 */
export async function buildHistory(dataSource: DataSource, episodes: number, log: (message: string) => void): Promise<string> {
  const lastWeek = addWeeks(weekCommencing(new Date()), -1);
  const t0 = Date.now();
  await loadHistory(dataSource, episodes, lastWeek);
  log(`loaded ${episodes} national episodes over 10 years in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  const t1 = Date.now();
  await new WeeklyIncidenceRepository().rebuildAll(dataSource.manager, lastWeek);
  log(`weekly figures rebuilt in ${((Date.now() - t1) / 1000).toFixed(0)} s`);
  return lastWeek;
}
