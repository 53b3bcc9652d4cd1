import { Bulletin } from '@mcm/bulletin';
import { adminKafka, ensureTopics, KafkaPublisher, topicNames, topicSpecs } from '@mcm/kafka';
import { BulletinRepository, DataSource, dataSourceOptions, migrateDatabase, WeeklyBreakdownRepository } from '@mcm/persistence';
import { BulletinService } from '../../../apps/aggregator/src';
import { episodeStartWeeks, harnessEnv, nudgeEnglandChildren, ScratchDatabase, WeeklyTruth, weeklyTruth } from '../../harness/src';
import { buildHistory } from './synthetic-history';

/**
 * `npm run bench:bulletin`: ten years of national history (about 2,000,000 episodes, loaded in
 * bulk), then times building the latest week's bulletin (figures, disclosure control, JSON, CSV,
 * HTML, storage and publication).
 */
const log = (m: string) => process.stderr.write(`[bench:bulletin] ${m}\n`);

async function main(): Promise<void> {
  const flag = process.argv.indexOf('--episodes');
  const episodes = flag >= 0 ? Number(process.argv[flag + 1]) : 2_000_000;
  if (!Number.isInteger(episodes) || episodes < 1) throw new Error('usage: npm run bench:bulletin [-- --episodes N]');
  const runs = 7;
  const db = await new ScratchDatabase().create();
  await migrateDatabase(db.url);
  const dataSource = await new DataSource(dataSourceOptions(db.url)).initialize();
  const topics = topicNames(`bench-bulletin-${Date.now()}.`);
  // Benchmarks set up their own topics as the admin tooling.
  const kafka = adminKafka('bench-bulletin', harnessEnv());
  await ensureTopics(kafka, topicSpecs(topics));
  const publisher = new KafkaPublisher(kafka);
  await publisher.connect();
  try {
    const lastWeek = await buildHistory(dataSource, episodes, log);
    const t1 = Date.now();
    const weeks = await episodeStartWeeks(dataSource);
    const breakdowns = new WeeklyBreakdownRepository();
    for (let i = 0; i < weeks.length; i += 26) await breakdowns.recompute(dataSource.manager, weeks.slice(i, i + 26));
    log(`breakdowns for ${weeks.length} weeks in ${((Date.now() - t1) / 1000).toFixed(0)} s`);

    const service = new BulletinService(dataSource, publisher, {
      silentDaysFlag: 14,
      methodologyUrl: '/docs/STATISTICS.md',
      contact: 'bench',
      topic: topics.bulletins,
    });
    const timings: number[] = [];
    for (let run = 0; run < runs; run++) {
      // A revision per run (the data changes a little) so that every run does the whole build.
      await nudgeEnglandChildren(dataSource, lastWeek);
      const started = performance.now();
      const outcome = await service.build(lastWeek);
      timings.push(performance.now() - started);
      if (!outcome.created) throw new Error('expected a new revision');
    }
    timings.sort((a, b) => a - b);
    const latest = (await new BulletinRepository().formats(dataSource, lastWeek))!;
    const size = latest.html.length + latest.csv.length;
    log(`build times ms: ${timings.map((t) => t.toFixed(0)).join(', ')}; HTML + CSV ${(size / 1024).toFixed(0)} KiB`);
    // Utility of the cell-key method on this bulletin: every area cell against its true value.
    const content = latest.content as Bulletin;
    const truth = new Map<string, WeeklyTruth>();
    for (const r of await weeklyTruth(dataSource, lastWeek)) {
      truth.set(`${r.setting}|${r.area_code}`, r);
    }
    const fields = [
      ['children', 'children'],
      ['episodesStarted', 'episodes_started'],
      ['episodesEnded', 'episodes_ended'],
      ['openAtWeekEnd', 'open_at_week_end'],
    ] as const;
    for (const level of ['National', 'Regional', 'Local authority']) {
      let cells = 0;
      let changed = 0;
      let absolute = 0;
      let nonZero = 0;
      for (const a of content.areas.filter((x) => x.level === level)) {
        const t = truth.get(`${a.setting}|${a.level === 'National' ? 'ALL' : a.code}`);
        for (const [published, column] of fields) {
          const exact = t?.[column] ?? 0;
          cells++;
          nonZero += exact > 0 ? 1 : 0;
          changed += a[published] !== exact ? 1 : 0;
          absolute += Math.abs(Number(a[published]) - exact);
        }
      }
      process.stdout.write(
        `UTILITY level="${level}" cells=${cells} non_zero=${nonZero} changed_share=${(changed / cells).toFixed(3)} changed_share_of_non_zero=${(changed / Math.max(1, nonZero)).toFixed(3)} mean_abs_error=${(absolute / cells).toFixed(3)}\n`,
      );
    }
    process.stdout.write(
      `RESULT bulletin_build_ms=${timings[Math.floor(runs / 2)].toFixed(0)} max_ms=${timings[runs - 1].toFixed(0)} episodes=${episodes} weeks=${weeks.length}\n`,
    );
  } finally {
    await publisher.disconnect();
    await dataSource.destroy();
    await db.drop();
  }
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    process.stderr.write(`bench:bulletin failed: ${error.stack ?? error.message}\n`);
    process.exit(1);
  },
);
