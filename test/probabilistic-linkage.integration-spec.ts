import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixtureModel, ProbabilisticChildLinker } from '@mcm/linkage';
import { AgencyEvent, ChildAttributes, normaliseEvent } from '@mcm/shared';
import { aMissingReport } from '@mcm/shared/testing/event-factory';
import { createBatchAggregator, selectLinker, shippedLinkageModel } from '../apps/aggregator/src';
import { LinkageReviewService } from '../apps/api/src';
import { IsolatedPipeline, LOG_DIR } from '../tools/harness/src';
import { AggregatorHarness } from './support/aggregator-harness';
import { IncidenceRow, readIncidence } from './support/incidence';
import { computeExpected, generateScenario } from '../tools/simulator/src';
import { TEST_SECRETS } from './support/test-secrets';

const SECRET = TEST_SECRETS;
const police = { type: 'POLICE' as const, code: 'E23000001' };
const council = { type: 'LOCAL_AUTHORITY' as const, code: 'E09000033' };
const school = { type: 'SCHOOL' as const, code: '100001' };

const amelia: ChildAttributes = {
  nhsNumber: '9434765919',
  givenName: 'AMELIA',
  familyName: 'JONES',
  dateOfBirth: '2012-04-09',
  sex: 'F',
  homePostcode: 'SW1A 1AA',
  responsibleLaCode: 'E09000033',
};
// The school's record: a typo in the family name, no NHS number, and at first nothing else.
const schoolAmelia: ChildAttributes = { givenName: 'AMELIA', familyName: 'JONSE', sex: 'F' };

function ev(over: Partial<AgencyEvent>): AgencyEvent {
  return normaliseEvent(aMissingReport({ eventId: randomUUID(), reportedAt: over.occurredAt, ...over }));
}

const cell = (rows: IncidenceRow[], week: string, setting = 'ALL', la = 'ALL') =>
  rows.find((r) => r.weekCommencing === week && r.setting === setting && r.la === la) ?? { children: 0, episodesStarted: 0, openAtWeekEnd: 0 };

const WEEK1 = '2026-10-05';

describe('probabilistic linkage in the aggregator (real database)', () => {
  const harness = new AggregatorHarness();
  const linker = new ProbabilisticChildLinker(fixtureModel());
  const nationalOf = async (code: string, ref: string) => {
    const [row] = await harness.dataSource.query('SELECT national_child_id FROM agency_child WHERE agency_code = $1 AND agency_child_ref = $2', [
      code,
      ref,
    ]);
    return Number(row.national_child_id);
  };

  beforeAll(async () => {
    await harness.start();
    harness.aggregator = createBatchAggregator(harness.dataSource, SECRET, linker);
  });
  afterAll(() => harness.stop());

  describe('merges and splits correct past weeks and keep IDs stable', () => {
    beforeAll(async () => {
      await harness.reset();
      // Week 1: police and council report Amelia (linked on the NHS number); the school reports
      // "Amelia Jonse" two days later. Nothing exact in common with the school's record.
      await harness.apply([
        ev({ agency: police, agencyChildRef: 'P-AM', agencyEpisodeRef: 'P1', occurredAt: '2026-10-05T20:00:00Z', child: amelia }),
        ev({ kind: 'RETURNED', agency: police, agencyChildRef: 'P-AM', agencyEpisodeRef: 'P1', occurredAt: '2026-10-06T08:00:00Z', child: {} }),
        ev({
          setting: 'CARE',
          careMissingType: 'M',
          agency: council,
          agencyChildRef: 'L-AM',
          agencyEpisodeRef: 'L1',
          occurredAt: '2026-10-05T21:00:00Z',
          child: amelia,
        }),
        ev({
          kind: 'RETURNED',
          setting: 'CARE',
          agency: council,
          agencyChildRef: 'L-AM',
          agencyEpisodeRef: 'L1',
          occurredAt: '2026-10-06T09:00:00Z',
          child: {},
        }),
      ]);
      await harness.apply([
        ev({
          setting: 'EDUCATION',
          agency: school,
          agencyChildRef: 'S-AM',
          agencyEpisodeRef: 'S1',
          occurredAt: '2026-10-08T09:00:00Z',
          child: schoolAmelia,
        }),
        ev({
          kind: 'RETURNED',
          setting: 'EDUCATION',
          agency: school,
          agencyChildRef: 'S-AM',
          agencyEpisodeRef: 'S1',
          occurredAt: '2026-10-08T15:00:00Z',
          child: {},
        }),
      ]);
    });

    it('keeps the school record apart while the evidence is thin', async () => {
      expect(cell(await harness.incidence(), WEEK1)).toMatchObject({ children: 2, episodesStarted: 2 });
      expect(await nationalOf(school.code, 'S-AM')).not.toBe(await nationalOf(police.code, 'P-AM'));
    });

    it('merges when the linking evidence arrives weeks later, correcting the past week and keeping the older ID', async () => {
      const older = await nationalOf(police.code, 'P-AM');
      const schoolId = await nationalOf(school.code, 'S-AM');
      expect(older).toBeLessThan(schoolId);
      // Four weeks on, the school reports again with the date of birth and postcode.
      await harness.apply([
        ev({
          setting: 'EDUCATION',
          agency: school,
          agencyChildRef: 'S-AM',
          agencyEpisodeRef: 'S2',
          occurredAt: '2026-11-02T09:00:00Z',
          child: { ...schoolAmelia, dateOfBirth: '2012-04-09', homePostcode: 'SW1A 1AA' },
        }),
      ]);
      const rows = await harness.incidence();
      expect(cell(rows, WEEK1)).toMatchObject({ children: 1, episodesStarted: 2 });
      expect(await nationalOf(school.code, 'S-AM')).toBe(older);
      expect(await nationalOf(police.code, 'P-AM')).toBe(older);
      const [retired] = await harness.dataSource.query('SELECT merged_into FROM national_child WHERE id = $1', [schoolId]);
      expect(Number(retired.merged_into)).toBe(older);
      const changes = await harness.dataSource.query(`SELECT change, national_child_id, linker FROM child_link_change WHERE change = 'MERGE'`);
      expect(changes).toEqual([{ change: 'MERGE', national_child_id: String(older), linker: 'probabilistic:lm-fixture' }]);
    });

    it('splits again when a correction removes the evidence; the larger part keeps the ID', async () => {
      const kept = await nationalOf(police.code, 'P-AM');
      await harness.apply([
        ev({
          kind: 'RETURNED',
          setting: 'EDUCATION',
          agency: school,
          agencyChildRef: 'S-AM',
          agencyEpisodeRef: 'S2',
          occurredAt: '2026-11-09T09:00:00Z',
          child: { dateOfBirth: '2013-11-30', homePostcode: 'M1 1AE' },
        }),
      ]);
      expect(cell(await harness.incidence(), WEEK1)).toMatchObject({ children: 2, episodesStarted: 2 });
      expect(await nationalOf(police.code, 'P-AM')).toBe(kept);
      expect(await nationalOf(council.code, 'L-AM')).toBe(kept);
      const split = await nationalOf(school.code, 'S-AM');
      expect(split).toBeGreaterThan(kept);
      const changes = await harness.dataSource.query(
        `SELECT other_ids, linker FROM child_link_change WHERE change = 'SPLIT' AND national_child_id = $1`,
        [split],
      );
      expect(changes).toEqual([{ other_ids: [String(kept)], linker: 'probabilistic:lm-fixture' }]);
    });
  });

  describe('review queue', () => {
    const reviews = () => new LinkageReviewService(harness.dataSource);
    const oscar: ChildAttributes = { givenName: 'OSCAR', familyName: 'BROWN', dateOfBirth: '2010-11-30', sex: 'M', homePostcode: 'M1 1AE' };
    const noah: ChildAttributes = { givenName: 'NOAH', familyName: 'PATEL', dateOfBirth: '2011-02-14', sex: 'M', homePostcode: 'B1 1AA' };
    // Names only: the fixture model puts these pairs in the review band (0.5 <= p < 0.8).
    beforeAll(async () => {
      await harness.reset();
      await harness.dataSource.query('TRUNCATE linkage_review');
      await harness.apply([
        ev({ agency: police, agencyChildRef: 'P-OS', agencyEpisodeRef: 'P1', occurredAt: '2026-10-05T20:00:00Z', child: oscar }),
        ev({
          setting: 'EDUCATION',
          agency: school,
          agencyChildRef: 'S-OS',
          agencyEpisodeRef: 'S1',
          occurredAt: '2026-10-07T09:00:00Z',
          child: { givenName: 'OSCAR', familyName: 'BROWN' },
        }),
        ev({ agency: police, agencyChildRef: 'P-NO', agencyEpisodeRef: 'P2', occurredAt: '2026-10-05T21:00:00Z', child: noah }),
        ev({
          setting: 'EDUCATION',
          agency: school,
          agencyChildRef: 'S-NO',
          agencyEpisodeRef: 'S2',
          occurredAt: '2026-10-07T10:00:00Z',
          child: { givenName: 'NOAH', familyName: 'PATEL' },
        }),
      ]);
    });

    it('lists pending pairs with probability and comparison levels, never identifying values', async () => {
      const { reviews: pending } = await reviews().list('PENDING', 100);
      expect(pending).toHaveLength(2);
      for (const r of pending) {
        expect(r.probability).toBeGreaterThanOrEqual(0.5);
        expect(r.probability).toBeLessThan(0.8);
        expect(r.modelId).toBe('lm-fixture');
        expect(r.comparisonLevels.find((c) => c.comparison === 'given_name')?.level).toBeDefined();
      }
      expect(JSON.stringify(pending)).not.toMatch(/OSCAR|BROWN|NOAH|PATEL|2010|2011|M1|B1|P-OS|S-OS|agency/i);
      expect(cell(await harness.incidence(), WEEK1)).toMatchObject({ children: 4 });
    });

    it('re-clusters on decisions and updates the figures without waiting for events', async () => {
      const { reviews: pending } = await reviews().list('PENDING', 100);
      const [first, second] = pending;
      const confirmed = await reviews().decide(first.id, 'CONFIRM', 'steward-1');
      expect(confirmed).toMatchObject({ status: 'CONFIRMED', decidedBy: 'steward-1', applied: false });
      await reviews().decide(second.id, 'REJECT', 'steward-1');
      await expect(reviews().decide(second.id, 'CONFIRM', 'steward-2')).rejects.toThrow(/already decided/);
      await expect(reviews().decide(999999, 'CONFIRM', 'steward-2')).rejects.toThrow(/no linkage review/);

      // The aggregator's poller applies them in their own transaction (any batch would too).
      expect(await harness.aggregator.applyPendingDecisions()).toEqual({ nationalChildrenTouched: expect.any(Number) });
      // The confirmed pair is one child now: 3 children. Its two reports start more than 24 hours
      // apart, so the later one implies a return from the earlier (docs/STATISTICS.md): still two episodes.
      expect(cell(await harness.incidence(), WEEK1)).toMatchObject({ children: 3, episodesStarted: 4 });
      const decided = [...(await reviews().list('CONFIRMED', 10)).reviews, ...(await reviews().list('REJECTED', 10)).reviews];
      expect(decided.map((r) => r.applied)).toEqual([true, true]);
      expect((await reviews().list('PENDING', 10)).reviews).toEqual([]);
      const merges = await harness.dataSource.query(`SELECT linker FROM child_link_change WHERE change = 'MERGE'`);
      expect(merges).toEqual([{ linker: 'probabilistic:lm-fixture' }]);
    });
  });

  describe('on a realistic simulated stream', () => {
    const scenario = generateScenario({ seed: 31, children: 400, days: 120, now: new Date() });
    const expected = computeExpected(scenario.events);
    const events = scenario.events.filter((e) => e.valid).map((e) => normaliseEvent(e.event!));
    const total = (rows: readonly { setting: string; la: string; children: number }[]) =>
      rows.filter((r) => r.setting === 'ALL' && r.la === 'ALL').reduce((sum, r) => sum + r.children, 0);
    const truth = total(expected.truth);
    const deterministic = total(expected.deterministic);
    const log = { info: jest.fn(), warn: jest.fn() };
    const activeModelId = async () => (await harness.dataSource.query('SELECT model_id FROM linkage_model WHERE active'))[0]?.model_id;
    // Merges and splits (a stream in arrival order mostly joins records to existing children, so there may be none).
    const otherLinkers = async (name: string) =>
      (await harness.dataSource.query('SELECT DISTINCT linker FROM child_link_change WHERE linker <> $1', [name])).length;

    beforeAll(async () => {
      await harness.reset();
      await harness.dataSource.query('TRUNCATE linkage_review, linkage_model');
    });

    it('links probabilistically from the first event on a fresh register, with the shipped model', async () => {
      const shipped = shippedLinkageModel();
      const selected = await selectLinker(harness.dataSource, TEST_SECRETS.cipher, 'probabilistic', log);
      expect(selected.linker.name).toBe(`probabilistic:${shipped.modelId}`);
      expect(log.info).toHaveBeenLastCalledWith(expect.stringMatching(/shipped model .*register: 0 agency child profiles/));
      // The shipped model is stored and active: links and review pairs name a stored model.
      expect(await activeModelId()).toBe(shipped.modelId);

      harness.aggregator = createBatchAggregator(harness.dataSource, SECRET, selected.linker, selected.reviews);
      await harness.apply(events, 700);
      const probabilistic = total(await harness.incidence());
      expect(deterministic).toBeGreaterThan(truth);
      expect(Math.abs(probabilistic - truth)).toBeLessThan(deterministic - truth);
      expect(Math.abs(probabilistic - truth)).toBeLessThanOrEqual(Math.ceil(truth * 0.02));
      expect(await otherLinkers(selected.linker.name)).toBe(0);
    });

    it('trains from the register at the first start once it is large enough, and keeps that model', async () => {
      const shippedId = await activeModelId();
      // Next start-up: the register holds the stream's profiles (a few hundred): train and switch.
      const selected = await selectLinker(harness.dataSource, TEST_SECRETS.cipher, 'probabilistic', log, { retrainMinProfiles: 200 });
      const trainedId = await activeModelId();
      expect(trainedId).not.toBe(shippedId);
      expect(selected.linker.name).toBe(`probabilistic:${trainedId}`);
      expect(log.info).toHaveBeenLastCalledWith(
        expect.stringMatching(new RegExp(`trained now on the register: \\d+ agency child profiles and activated, replacing ${shippedId}`)),
      );

      await harness.reset();
      harness.aggregator = createBatchAggregator(harness.dataSource, SECRET, selected.linker, selected.reviews);
      await harness.apply(events, 700);
      const probabilistic = total(await harness.incidence());
      expect(Math.abs(probabilistic - truth)).toBeLessThan(deterministic - truth);
      expect(Math.abs(probabilistic - truth)).toBeLessThanOrEqual(Math.ceil(truth * 0.02));
      expect(await otherLinkers(selected.linker.name)).toBe(0);

      // A trained model stays active at later starts, whatever the register's size.
      const again = await selectLinker(harness.dataSource, TEST_SECRETS.cipher, 'probabilistic', log, { retrainMinProfiles: 200 });
      expect(again.linker.name).toBe(selected.linker.name);
      expect(log.info).toHaveBeenLastCalledWith(expect.stringMatching(/active model/));
    });

    it('links deterministically only when asked to (LINKER=deterministic)', async () => {
      const selected = await selectLinker(harness.dataSource, TEST_SECRETS.cipher, 'deterministic', log);
      expect(selected.linker.name).toBe('deterministic-v1');
      expect(selected.reviews).toBeUndefined();
    });
  });
});

/** The services as deployed, with the default configuration (no LINKER set). */
describe('the aggregator service links probabilistically by default (real broker and database)', () => {
  const pipeline = new IsolatedPipeline('plink');
  const scenario = generateScenario({ seed: 32, children: 300, days: 90, now: new Date() });
  const expected = computeExpected(scenario.events);
  const total = (rows: readonly { setting: string; la: string; children: number }[]) =>
    rows.filter((r) => r.setting === 'ALL' && r.la === 'ALL').reduce((sum, r) => sum + r.children, 0);

  beforeAll(async () => {
    await pipeline.start(['ingest', 'aggregator']);
    await pipeline.publish(scenario.events.map((e) => ({ as: e.publisher, key: e.key, value: e.bytes, headers: { ...e.headers } })));
    await pipeline.waitUntilProcessed();
  });
  afterAll(() => pipeline.stop());

  it('uses the shipped model from the first event of a fresh database and comes closer to the truth than deterministic rules', async () => {
    const shipped = shippedLinkageModel();
    expect(await pipeline.db.query('SELECT model_id FROM linkage_model WHERE active')).toEqual([{ model_id: shipped.modelId }]);
    // The whole log, not the service's last output: the start-up line comes before the batches'.
    expect(readFileSync(join(LOG_DIR, `plink-${pipeline.id}-aggregator.log`), 'utf8')).toContain(
      `probabilistic linker with model ${shipped.modelId}: shipped model`,
    );
    expect(await pipeline.db.query('SELECT DISTINCT linker FROM child_link_change WHERE linker <> $1', [`probabilistic:${shipped.modelId}`])).toEqual(
      [],
    );
    const truth = total(expected.truth);
    const deterministic = total(expected.deterministic);
    const counted = total(await readIncidence(pipeline.db));
    expect(Math.abs(counted - truth)).toBeLessThan(deterministic - truth);
    expect(Math.abs(counted - truth)).toBeLessThanOrEqual(Math.ceil(truth * 0.02));
  });
});
