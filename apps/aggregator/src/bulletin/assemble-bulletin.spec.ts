import { mkdtempSync, copyFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultReferenceDir, ReferenceData } from '@mcm/shared';
import { assembleBulletin, BulletinInputs } from './assemble-bulletin';

function referenceWithPopulation(): ReferenceData {
  const dir = mkdtempSync(join(tmpdir(), 'mcm-reference-'));
  for (const file of readdirSync(defaultReferenceDir())) copyFileSync(join(defaultReferenceDir(), file), join(dir, file));
  const las = [...ReferenceData.load(dir).localAuthorities.keys()];
  writeFileSync(join(dir, 'child_population.csv'), `new_la_code,population_0_17\n${las.map((la) => `${la},50000`).join('\n')}\n`);
  return ReferenceData.load(dir);
}

const inputs = (reference: ReferenceData): BulletinInputs => ({
  weekStart: '2026-11-16',
  incidence: new Map([['2026-11-16', [
    { setting: 'ALL', area: 'ALL', children: 30, started: 31, ended: 20, open: 5 },
    { setting: 'HOME', area: 'E09000033', children: 25, started: 26, ended: 15, open: 4 },
    { setting: 'ALL', area: 'E09000033', children: 25, started: 26, ended: 15, open: 4 },
    { setting: 'HOME', area: 'E09000001', children: 3, started: 3, ended: 3, open: 1 },
    { setting: 'ALL', area: 'E09000001', children: 3, started: 3, ended: 3, open: 1 },
  ]]]),
  sameWeekLastYear: '2025-11-17', breakdowns: [], revisions: [], agencies: [], reference,
  silentDaysFlag: 14, methodologyUrl: '/m', contact: 'c',
});

describe('assembleBulletin', () => {
  it('gives rates per 10,000 children where a population table is loaded, and suppresses them with their counts', () => {
    const bulletin = assembleBulletin(inputs(referenceWithPopulation()));
    const row = (code: string) => bulletin.areas.find((a) => a.code === code && a.setting === 'ALL')!;
    expect(row('E92000001').ratePer10000).toBe(Math.round((30 / (50000 * 153)) * 100_000) / 10);
    expect(row('E09000001').children).toBe('c');
    expect(row('E09000001').ratePer10000).toBe('c');
  });
  it('leaves rates out without a population table', () => {
    const bulletin = assembleBulletin(inputs(ReferenceData.load()));
    expect(bulletin.areas.every((a) => a.ratePer10000 === undefined)).toBe(true);
    expect(bulletin.headline.find((h) => h.setting === 'ALL')).toMatchObject({ children: 30, episodes: 31 });
  });
});
