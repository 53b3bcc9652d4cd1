import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { computeExpected } from './expected';
import { buildGroundTruth, GroundTruth, writeGroundTruth } from './ground-truth';
import { generateScenario } from './scenario';

describe('ground truth file', () => {
  it('writes JSON that reads back to the same ground truth', async () => {
    const scenario = generateScenario({ seed: 2, children: 200, days: 60, now: new Date('2025-06-01T12:00:00Z'), invalidShare: 0.05 });
    const groundTruth = buildGroundTruth(scenario, computeExpected(scenario.events), { rate: null });
    const dir = await mkdtemp(join(tmpdir(), 'sim-gt-'));
    try {
      const path = join(dir, 'nested', 'ground-truth.json');
      await writeGroundTruth(groundTruth, path);
      const read = JSON.parse(await readFile(path, 'utf8')) as GroundTruth;
      expect(read).toEqual(JSON.parse(JSON.stringify(groundTruth)));
      expect(read).toMatchObject({
        seed: 2,
        now: '2025-06-01T12:00:00.000Z',
        params: { children: 200, days: 60, invalidShare: 0.05, linkableOnly: false, rate: null },
      });
      expect(read.counts.events).toBe(scenario.events.length);
      expect(read.counts.valid + read.counts.invalid).toBe(read.counts.events);
      expect(read.events.map((e) => e.eventId)).toEqual(scenario.events.map((e) => e.eventId));
      expect(read.events.filter((e) => !e.valid).every((e) => e.expectedRejection !== undefined && e.trueChildId === null)).toBe(true);
      expect(read.events.filter((e) => e.valid).every((e) => e.expectedRejection === undefined && e.trueChildId !== null)).toBe(true);
      expect(read.expected.truth.length).toBeGreaterThan(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
