import { randomUUID } from 'node:crypto';
import { adminKafka, deleteTopics, ensureTopics, KafkaPublisher, topicNames, topicSpecs } from '@mcm/kafka';
import { perturb } from '@mcm/disclosure';
import { KeyedWeeklyRow } from '@mcm/persistence';
import { AgencyEvent, normaliseEvent, referenceData } from '@mcm/shared';
import { aMissingReport } from '@mcm/shared/testing/event-factory';
import { BulletinService } from '../apps/aggregator/src';
import { computeExpected, generateScenario } from '../tools/simulator/src';
import { CARE_TYPES_OF_STORED_EPISODES } from '../libs/persistence/src/migrations/1795420000000-CareMissingType';
import { AggregatorHarness } from './support/aggregator-harness';
import { storedBulletin, storedEditions } from './support/stored-bulletins';
import { harnessEnv } from '../tools/harness/src';

type Content = {
  weekCommencing: string;
  headline: { setting: string; children: number; episodes: number }[];
  areas: { level: string; code: string; setting: string; children: number; episodesStarted: number; episodesEnded: number; openAtWeekEnd: number }[];
  breakdowns: { dimension: string; category: string; children: number; episodes: number }[];
  repeatMissing: { children: number; repeatChildren: number };
  returnInterviews: { episodesEnded: number; offeredWithin72h: number };
  trend: { weekCommencing: string; setting: string; children: number; episodes: number }[];
  revisions: {
    weekCommencing: string;
    setting: string;
    areaCode: string;
    dimension?: string;
    category?: string;
    measure: string;
    previouslyPublished: number;
    published: number;
  }[];
  completeness: { eventsThisWeek: number; usualWeeklyEvents: number; lastEventOn: string | null }[];
};

/**
 * Checks a stored bulletin against the database: every count is perturb(true value, cell key)
 * of its own cell; no count anywhere (revisions and completeness included) is 1 to 4; every
 * revision shows a changed published value, the one published now, and never a true value
 * that differs from what was published.
 */
async function expectCellKeyBulletin(db: { query: (sql: string, params?: unknown[]) => Promise<any[]> }, content: Content): Promise<void> {
  const cells = new Map<string, KeyedWeeklyRow>();
  for (const r of await db.query(
    'SELECT week_start::text AS w, setting, area_code, children, episodes_started, episodes_ended, open_at_week_end, children_key, started_key, ended_key, open_key FROM weekly_incidence',
  )) {
    cells.set(`${r.w}|${r.setting}|${r.area_code}`, r);
  }
  const publish = (week: string, setting: string, area: string, measure: 'children' | 'episodes_started' | 'episodes_ended' | 'open_at_week_end') => {
    const c = cells.get(`${week}|${setting}|${area === 'E92000001' ? 'ALL' : area}`);
    const key = { children: 'children_key', episodes_started: 'started_key', episodes_ended: 'ended_key', open_at_week_end: 'open_key' } as const;
    return c ? perturb(c[measure], Number(c[key[measure]])) : 0;
  };
  const truth = (week: string, setting: string, area: string, measure: 'children' | 'episodes_started' | 'episodes_ended' | 'open_at_week_end') =>
    cells.get(`${week}|${setting}|${area === 'E92000001' ? 'ALL' : area}`)?.[measure] ?? 0;
  const all: number[] = [];
  for (const a of content.areas) {
    expect([a.children, a.episodesStarted, a.episodesEnded, a.openAtWeekEnd]).toEqual([
      publish(content.weekCommencing, a.setting, a.code, 'children'),
      publish(content.weekCommencing, a.setting, a.code, 'episodes_started'),
      publish(content.weekCommencing, a.setting, a.code, 'episodes_ended'),
      publish(content.weekCommencing, a.setting, a.code, 'open_at_week_end'),
    ]);
    all.push(a.children, a.episodesStarted, a.episodesEnded, a.openAtWeekEnd);
  }
  for (const t of content.trend) {
    expect([t.children, t.episodes]).toEqual([
      publish(t.weekCommencing, t.setting, 'ALL', 'children'),
      publish(t.weekCommencing, t.setting, 'ALL', 'episodes_started'),
    ]);
    all.push(t.children, t.episodes);
  }
  const breakdowns = new Map<string, { children: number; episodes: number; children_key: string; episodes_key: string }>();
  for (const r of await db.query(
    "SELECT dimension, category, children, episodes, children_key, episodes_key FROM weekly_breakdown WHERE week_start = $1 AND setting = 'ALL' AND area_code = 'ALL'",
    [content.weekCommencing],
  )) {
    breakdowns.set(`${r.dimension}|${r.category}`, r);
  }
  for (const b of content.breakdowns) {
    const r = breakdowns.get(`${b.dimension}|${b.category}`)!;
    expect([b.children, b.episodes]).toEqual([perturb(r.children, Number(r.children_key)), perturb(r.episodes, Number(r.episodes_key))]);
    all.push(b.children, b.episodes);
  }
  for (const h of content.headline) all.push(h.children, h.episodes);
  for (const r of content.revisions) {
    const measure = r.measure as 'children';
    expect(r.published).toBe(publish(r.weekCommencing, r.setting, r.areaCode, measure));
    expect(r.previouslyPublished).not.toBe(r.published);
    // A true value appears only where it happens to equal the published one.
    const now = truth(r.weekCommencing, r.setting, r.areaCode, measure);
    if (r.published !== now) expect([r.published, r.previouslyPublished]).not.toContain(now);
    all.push(r.published, r.previouslyPublished);
  }
  for (const c of content.completeness) {
    all.push(c.eventsThisWeek, c.usualWeeklyEvents);
    if (c.lastEventOn !== null) expect(c.lastEventOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  }
  expect(all.filter((v) => v >= 1 && v <= 4)).toEqual([]);
}

const ev = (over: Partial<AgencyEvent>): AgencyEvent =>
  normaliseEvent(aMissingReport({ eventId: randomUUID(), reportedAt: over.occurredAt, ...over }));
const police = { type: 'POLICE' as const, code: 'E23000001' };

describe('national statistics (aggregator on a real database)', () => {
  const harness = new AggregatorHarness();
  const scenario = generateScenario({ seed: 31, children: 500, days: 200, now: new Date() });
  const expected = computeExpected(scenario.events);
  beforeAll(async () => {
    await harness.start();
    await harness.apply(
      scenario.events.filter((e) => e.valid).map((e) => normaliseEvent(e.event!)),
      800,
    );
  });
  afterAll(() => harness.stop());
  const q = <T>(sql: string, params: unknown[] = []) => harness.dataSource.query(sql, params) as Promise<T[]>;

  it('rolls local authorities up to regions and England: episodes add up, children never exceed the sum', async () => {
    const regionOf = new Map([...referenceData().localAuthorities.values()].map((la) => [la.code, la.regionCode]));
    const rows = await q<{
      week_start: string;
      setting: string;
      area_code: string;
      children: number;
      episodes_started: number;
      episodes_ended: number;
      open_at_week_end: number;
    }>('SELECT week_start::text, setting, area_code, children, episodes_started, episodes_ended, open_at_week_end FROM weekly_incidence');
    const sum = (filter: (r: (typeof rows)[number]) => boolean, field: 'episodes_started' | 'episodes_ended' | 'open_at_week_end' | 'children') =>
      rows.filter(filter).reduce((n, r) => n + r[field], 0);
    const regionRows = rows.filter((r) => r.area_code.startsWith('E12'));
    expect(regionRows.length).toBeGreaterThan(0);
    for (const region of regionRows) {
      const inRegion = (r: (typeof rows)[number]) =>
        r.week_start === region.week_start && r.setting === region.setting && regionOf.get(r.area_code) === region.area_code;
      for (const field of ['episodes_started', 'episodes_ended', 'open_at_week_end'] as const) expect(region[field]).toBe(sum(inRegion, field));
      expect(region.children).toBeLessThanOrEqual(sum(inRegion, 'children'));
    }
    for (const england of rows.filter((r) => r.area_code === 'ALL')) {
      const regionsAndUnknown = (r: (typeof rows)[number]) =>
        r.week_start === england.week_start && r.setting === england.setting && (r.area_code.startsWith('E12') || r.area_code === 'UNKNOWN');
      expect(england.episodes_started).toBe(sum(regionsAndUnknown, 'episodes_started'));
    }
  });

  it('keeps breakdown totals equal to the headline figures', async () => {
    const headline = await q<{ week_start: string; children: number; episodes_started: number; episodes_ended: number }>(
      "SELECT week_start::text, children, episodes_started, episodes_ended FROM weekly_incidence WHERE setting = 'ALL' AND area_code = 'ALL'",
    );
    const totals = await q<{ week_start: string; dimension: string; children: number; episodes: number }>(
      "SELECT week_start::text, dimension, children, episodes FROM weekly_breakdown WHERE setting = 'ALL' AND area_code = 'ALL' AND category = 'Total'",
    );
    for (const h of headline) {
      for (const dimension of ['age_band_sex', 'ethnicity_group', 'risk_grade', 'repeat_missing']) {
        const t = totals.find((r) => r.week_start === h.week_start && r.dimension === dimension);
        expect([h.week_start, dimension, t?.children ?? 0, t?.episodes ?? 0]).toEqual([h.week_start, dimension, h.children, h.episodes_started]);
      }
      const durations = totals.find((r) => r.week_start === h.week_start && r.dimension === 'duration_band');
      expect(durations?.episodes ?? 0).toBe(h.episodes_ended);
    }
    const categories = await q<{ category: string }>("SELECT DISTINCT category FROM weekly_breakdown WHERE dimension = 'duration_band'");
    expect(categories.map((c) => c.category).sort()).toEqual(expect.arrayContaining(['Total', 'Under 24 hours']));
  });

  it('still equals the simulator ground truth', async () => {
    const national = (await harness.incidence()).filter((r) => r.la === 'ALL');
    expect(national).toEqual(expected.deterministic.filter((r) => r.la === 'ALL'));
  });

  it('counts return interviews over HOME and CARE episodes, and CARE by missing type, as the independent recomputation does', async () => {
    const rows = await q<{ week_start: string; setting: string; dimension: string; category: string; children: number; episodes: number }>(
      `SELECT week_start::text, setting, dimension, category, children, episodes FROM weekly_breakdown
        WHERE area_code = 'ALL' AND ((dimension = 'return_interview' AND setting = 'ALL') OR (dimension = 'care_missing_type' AND setting = 'CARE'))`,
    );
    const cell = (week: string, dimension: string, category: string) =>
      rows.find((r) => r.week_start === week && r.dimension === dimension && r.category === category);
    const label = { M: 'Missing (M)', A: 'Away from placement without authorisation (A)', NOT_STATED: 'Missing type not stated' } as const;
    const weeks = new Set(rows.map((r) => r.week_start));
    expect(expected.measures.length).toBeGreaterThan(0);
    for (const m of expected.measures) {
      weeks.delete(m.weekCommencing);
      const ended = cell(m.weekCommencing, 'return_interview', 'Total')?.episodes ?? 0;
      const offered = cell(m.weekCommencing, 'return_interview', 'Offered within 72 hours')?.episodes ?? 0;
      expect([m.weekCommencing, ended, offered]).toEqual([m.weekCommencing, m.returnInterviewEpisodesEnded, m.returnInterviewOfferedWithin72h]);
      for (const type of ['M', 'A', 'NOT_STATED'] as const) {
        const c = cell(m.weekCommencing, 'care_missing_type', label[type]);
        expect([m.weekCommencing, type, c?.children ?? 0, c?.episodes ?? 0]).toEqual([
          m.weekCommencing,
          type,
          m.care[type].children,
          m.care[type].episodes,
        ]);
      }
    }
    expect([...weeks]).toEqual([]);
    // The missing-type breakdown adds up to the CARE headline (episodes) and never exceeds it (children).
    const care = await q<{ week_start: string; children: number; episodes_started: number }>(
      "SELECT week_start::text, children, episodes_started FROM weekly_incidence WHERE setting = 'CARE' AND area_code = 'ALL' AND episodes_started > 0",
    );
    for (const c of care) {
      expect([
        c.week_start,
        cell(c.week_start, 'care_missing_type', 'Total')?.children,
        cell(c.week_start, 'care_missing_type', 'Total')?.episodes,
      ]).toEqual([c.week_start, c.children, c.episodes_started]);
    }
    const sums = (type: 'A' | 'M') => expected.measures.reduce((n, m) => n + m.care[type].episodes, 0);
    expect(sums('M')).toBeGreaterThan(0);
    expect(sums('A')).toBeGreaterThan(0);
  });

  it('types stored episodes in the migration as the aggregator types them', async () => {
    const stored = await q<{ id: string; care_missing_type: string }>(
      "SELECT id, care_missing_type FROM national_episode WHERE setting = 'CARE' ORDER BY id",
    );
    const migrated = await q<{ id: string; care_missing_type: string }>(`SELECT * FROM (${CARE_TYPES_OF_STORED_EPISODES}) t ORDER BY id`);
    expect(stored.length).toBeGreaterThan(0);
    expect(migrated).toEqual(stored);
  });
});

describe('revisions and the weekly bulletin (real database and broker)', () => {
  const harness = new AggregatorHarness();
  const topics = topicNames(`test-bulletin-${randomUUID().slice(0, 8)}.`);
  const kafka = adminKafka('test-bulletin', harnessEnv());
  const publisher = new KafkaPublisher(kafka);
  const settings = { silentDaysFlag: 14, methodologyUrl: '/docs/STATISTICS.md', contact: 'test', topic: topics.bulletins };
  let bulletins: BulletinService;
  beforeAll(async () => {
    await harness.start();
    await ensureTopics(kafka, topicSpecs(topics));
    await publisher.connect();
    bulletins = new BulletinService(harness.dataSource, publisher, settings);
  });
  afterAll(async () => {
    await publisher.disconnect();
    await deleteTopics(kafka, Object.values(topics));
    await harness.stop();
  });
  const q = <T>(sql: string, params: unknown[] = []) => harness.dataSource.query(sql, params) as Promise<T[]>;
  const amy = { nhsNumber: '9434765919', givenName: 'AMY', familyName: 'LEE', dateOfBirth: '2011-03-02', responsibleLaCode: 'E09000033' };

  it('builds a week once even when two instances build it at the same time, and again only when data changed', async () => {
    await harness.apply([ev({ agency: police, agencyChildRef: 'P-1', agencyEpisodeRef: 'E-1', occurredAt: '2026-11-02T20:00:00Z', child: amy })]);
    const [a, b] = await Promise.all([
      bulletins.build('2026-11-02'),
      new BulletinService(harness.dataSource, publisher, settings).build('2026-11-02'),
    ]);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    expect([a.revision, b.revision]).toEqual([0, 0]);
    expect((await bulletins.build('2026-11-02')).created).toBe(false);
    expect(await storedEditions(harness.dataSource, '2026-11-02')).toHaveLength(1);
  });

  it('records a revision when a late event changes a published week, and publishes a new revision only if a published value changed', async () => {
    const late = ev({
      agency: police,
      agencyChildRef: 'P-2',
      agencyEpisodeRef: 'E-2',
      occurredAt: '2026-11-03T20:00:00Z',
      reportedAt: '2026-11-20T10:00:00Z',
      child: { givenName: 'ZED', familyName: 'ROE', dateOfBirth: '2012-01-01', responsibleLaCode: 'E09000033' },
    });
    await harness.apply([late]);
    const revisions = await q<{ measure: string; old_value: number; new_value: number; reason: string }>(
      "SELECT measure, old_value, new_value, reason FROM incidence_revision WHERE week_start = '2026-11-02' AND setting = 'ALL' AND area_code = 'ALL' ORDER BY measure",
    );
    expect(revisions).toEqual(
      expect.arrayContaining([
        { measure: 'children', old_value: 1, new_value: 2, reason: 'late event' },
        { measure: 'episodes_started', old_value: 1, new_value: 2, reason: 'late event' },
      ]),
    );
    // A new revision only if a published value changed (1 and 2 children are both published as 0 or 5).
    const rebuilt = await bulletins.build('2026-11-02');
    expect(rebuilt.revision).toBe(rebuilt.created ? 1 : 0);
    await expectCellKeyBulletin(harness.dataSource, await storedBulletin<Content>(harness.dataSource, '2026-11-02'));
  });

  it('records a merge of two children as a revision of the children count', async () => {
    // Zed turns out to be Amy (the same NHS number): two children become one in week 2026-11-02.
    await harness.apply([
      ev({
        kind: 'EPISODE_CORRECTED',
        agency: police,
        agencyChildRef: 'P-2',
        agencyEpisodeRef: 'E-2',
        occurredAt: '2026-11-21T10:00:00Z',
        correction: {},
        child: { nhsNumber: amy.nhsNumber },
      }),
    ]);
    const [merge] = await q<{ old_value: number; new_value: number; reason: string }>(
      "SELECT old_value, new_value, reason FROM incidence_revision WHERE week_start = '2026-11-02' AND setting = 'ALL' AND area_code = 'ALL' AND measure = 'children' ORDER BY id DESC LIMIT 1",
    );
    expect(merge).toEqual({ old_value: 2, new_value: 1, reason: 'linkage merge or split' });
  });

  it('catches up every week missed, then has nothing to do', async () => {
    const now = new Date('2026-11-25T12:00:00Z');
    const built = await bulletins.catchUp(now);
    expect(built.map((b) => b.week)).toEqual(['2026-W46', '2026-W47']);
    expect(await bulletins.catchUp(now)).toEqual([]);
    const content = await storedBulletin<{ week: string; headline: { setting: string; children: number }[]; revisions: unknown[] }>(
      harness.dataSource,
      '2026-11-16',
    );
    expect(content.week).toBe('2026-W47');
    expect(content.headline.map((h) => h.setting)).toEqual(['ALL', 'HOME', 'CARE', 'EDUCATION']);
    // The merge changed 2026-11-02 after its revision 1: W46 lists the cells whose published value changed.
    const w46 = await storedBulletin<Content>(harness.dataSource, '2026-11-09');
    await expectCellKeyBulletin(harness.dataSource, w46);
    const first = await storedBulletin<Content>(harness.dataSource, '2026-11-02');
    for (const r of w46.revisions) {
      if (r.dimension) {
        // A breakdown cell (breakdowns are revised too): the value 2026-11-02's bulletin published for it.
        const headlines: Record<string, number> = {
          'repeat_missing|Total': first.repeatMissing.children,
          'repeat_missing|Repeat missing': first.repeatMissing.repeatChildren,
          'return_interview|Total': first.returnInterviews.episodesEnded,
          'return_interview|Offered within 72 hours': first.returnInterviews.offeredWithin72h,
        };
        const cell = first.breakdowns.find((b) => b.dimension === r.dimension && b.category === r.category);
        expect(r.previouslyPublished).toBe(cell ? cell[r.measure as 'children' | 'episodes'] : headlines[`${r.dimension}|${r.category}`]);
        continue;
      }
      const before = first.areas.find((a) => a.code === r.areaCode && a.setting === r.setting)!;
      const field = { children: 'children', episodes_started: 'episodesStarted', episodes_ended: 'episodesEnded', open_at_week_end: 'openAtWeekEnd' }[
        r.measure
      ] as 'children';
      expect(r.previouslyPublished).toBe(before[field]);
    }
  });
});

describe('one child in two settings in one week (real database)', () => {
  const harness = new AggregatorHarness();
  beforeAll(() => harness.start());
  afterAll(() => harness.stop());

  it('counts the child once in the week, and once in each setting', async () => {
    const child = { nhsNumber: '6716689966', givenName: 'KAI', familyName: 'NG', dateOfBirth: '2010-06-01', responsibleLaCode: 'E08000025' };
    const council = { type: 'LOCAL_AUTHORITY' as const, code: 'E08000025' };
    await harness.apply([
      ev({ agency: police, agencyChildRef: 'P-K', agencyEpisodeRef: 'H-1', occurredAt: '2026-03-30T18:00:00Z', child }),
      ev({ kind: 'RETURNED', agency: police, agencyChildRef: 'P-K', agencyEpisodeRef: 'H-1', occurredAt: '2026-03-31T08:00:00Z', child: {} }),
      ev({
        setting: 'CARE',
        careMissingType: 'A',
        agency: council,
        agencyChildRef: 'L-K',
        agencyEpisodeRef: 'C-1',
        occurredAt: '2026-04-03T22:30:00Z',
        child,
      }),
      ev({
        kind: 'RETURNED',
        setting: 'CARE',
        agency: council,
        agencyChildRef: 'L-K',
        agencyEpisodeRef: 'C-1',
        occurredAt: '2026-04-06T10:00:00Z',
        child: {},
      }),
    ]);
    const rows = await harness.incidence();
    const cell = (setting: string, la: string) => rows.find((r) => r.weekCommencing === '2026-03-30' && r.setting === setting && r.la === la);
    expect(cell('ALL', 'ALL')).toMatchObject({ children: 1, episodesStarted: 2 });
    expect(cell('HOME', 'ALL')).toMatchObject({ children: 1, episodesStarted: 1 });
    expect(cell('CARE', 'E08000025')).toMatchObject({ children: 1, episodesStarted: 1, openAtWeekEnd: 1 });
    // The care episode runs over the week boundary (and the BST change on 29 March is behind it).
    expect(rows.find((r) => r.weekCommencing === '2026-04-06' && r.setting === 'ALL' && r.la === 'ALL')).toBeUndefined();
    const [ended] = await harness.dataSource.query(
      "SELECT episodes_ended FROM weekly_incidence WHERE week_start = '2026-04-06' AND setting = 'CARE' AND area_code = 'ALL'",
    );
    expect(ended.episodes_ended).toBe(1);
  });
});

describe('bulletin against the simulator ground truth (real database and broker)', () => {
  const harness = new AggregatorHarness();
  const topics = topicNames(`test-bulletin-${randomUUID().slice(0, 8)}.`);
  const kafka = adminKafka('test-bulletin-truth', harnessEnv());
  const publisher = new KafkaPublisher(kafka);
  const scenario = generateScenario({ seed: 33, children: 400, days: 120, now: new Date(), linkableOnly: true });
  const expected = computeExpected(scenario.events);
  beforeAll(async () => {
    await harness.start();
    await ensureTopics(kafka, topicSpecs(topics));
    await publisher.connect();
    await harness.apply(
      scenario.events.filter((e) => e.valid).map((e) => normaliseEvent(e.event!)),
      800,
    );
  });
  afterAll(async () => {
    await publisher.disconnect();
    await deleteTopics(kafka, Object.values(topics));
    await harness.stop();
  });

  it('publishes every cell, England included, as perturb(its true value, its cell key): never 1 to 4, England within 2 of the truth', async () => {
    const busiest = expected.truth.filter((r) => r.la === 'ALL' && r.setting === 'ALL').sort((a, b) => b.children - a.children)[0];
    const service = new BulletinService(harness.dataSource, publisher, {
      silentDaysFlag: 14,
      methodologyUrl: '/m',
      contact: 't',
      topic: topics.bulletins,
    });
    const outcome = await service.build(busiest.weekCommencing);
    const content = await storedBulletin<Content>(harness.dataSource, busiest.weekCommencing, outcome.revision);
    for (const setting of ['ALL', 'HOME', 'CARE', 'EDUCATION']) {
      const truth = expected.truth.find((r) => r.weekCommencing === busiest.weekCommencing && r.setting === setting && r.la === 'ALL');
      const headline = content.headline.find((h: { setting: string }) => h.setting === setting)!;
      for (const [published, exact] of [
        [headline.children, truth?.children ?? 0],
        [headline.episodes, truth?.episodesStarted ?? 0],
      ]) {
        expect(Math.abs(published - exact)).toBeLessThanOrEqual(exact >= 5 ? 2 : 5);
      }
    }
    await expectCellKeyBulletin(harness.dataSource, content);
    const local = content.areas.filter((a: { level: string }) => a.level === 'Local authority');
    expect(local.some((a: { children: number }) => a.children > 0)).toBe(true);
  });
});
