import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { IsolatedPipeline, ROOT } from '../tools/harness/src';

const run = promisify(execFile);
const LA = 'E09000033';

/**
 * A council's SSDA903 return through `npm run import:903`, with the council's own credentials,
 * into the running pipeline: figures computed by hand, a re-import changes nothing, a corrected
 * return corrects, a bad row is reported and left out.
 */
describe('SSDA903 import (real broker and database)', () => {
  const pipeline = new IsolatedPipeline('ssda903');
  const dir = mkdtempSync(join(tmpdir(), 'mcm-903-'));
  const header = 'CHILD,SEX,DOB,ETHNIC,UPN\r\nK1,2,03/04/2012,WBRI,\r\nK2,1,21/11/2010,BAFR,\r\nK3,9,01/01/2011,WBRI,\r\n';
  // K1: one episode Mon 5 Oct to Wed 7 Oct, another Tue 20 Oct to Wed 21 Oct; K2: from Wed 14 Oct, still
  // missing; K3: its Header row has SEX 9, so its row is reported and not imported.
  const missing = (k1End: string) =>
    `CHILD,MISSING,MIS_START,MIS_END\r\nK1,M,05/10/2026,${k1End}\r\nK2,A,14/10/2026,\r\nK1,M,20/10/2026,21/10/2026\r\nK3,M,06/10/2026,07/10/2026\r\n`;

  const importReturn = async (missingCsv: string) => {
    writeFileSync(join(dir, 'header.csv'), header);
    writeFileSync(join(dir, 'missing.csv'), missingCsv);
    const args = [
      join(ROOT, 'dist/tools/import-903/src/main.js'),
      '--la',
      LA,
      '--header',
      join(dir, 'header.csv'),
      '--missing',
      join(dir, 'missing.csv'),
    ];
    const outcome = await run('node', args, { env: { ...process.env, ...pipeline.env() } }).catch(
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    await pipeline.waitUntilProcessed();
    return outcome as { code?: number; stdout: string; stderr: string };
  };

  const weeks = async () =>
    await pipeline.db.query<{ week: string; started: number; ended: number; open: number }>(
      `SELECT week_start::text AS week, episodes_started AS started, episodes_ended AS ended, open_at_week_end AS open FROM weekly_incidence
      WHERE area_code = $1 AND setting = 'CARE' AND week_start BETWEEN '2026-10-05' AND '2026-10-19' ORDER BY 1`,
      [LA],
    );

  beforeAll(async () => {
    await pipeline.start(['ingest', 'aggregator']);
    await pipeline.onboard([LA]);
  });
  afterAll(() => pipeline.stop());

  it('gives the hand-computed figures, reports the bad row by file, row and column, and a re-import is a no-op', async () => {
    const first = await importReturn(missing('07/10/2026'));
    expect(first.code).toBe(3);
    expect(first.stderr).toContain('missing.csv:5 CHILD:');
    expect(first.stderr).toContain('header.csv:4 SEX:');
    expect(first.stdout).toContain(`903 import ${LA}: 3 episodes`);
    expect(await weeks()).toEqual([
      { week: '2026-10-05', started: 1, ended: 1, open: 0 },
      { week: '2026-10-12', started: 1, ended: 0, open: 1 },
      { week: '2026-10-19', started: 1, ended: 1, open: 1 },
    ]);
    const [{ n: before }] = await pipeline.db.query<{ n: string }>('SELECT count(*) AS n FROM agency_event');
    await importReturn(missing('07/10/2026'));
    const [{ n: after }] = await pipeline.db.query<{ n: string }>('SELECT count(*) AS n FROM agency_event');
    expect(after).toBe(before);
  });

  it('turns a corrected return into corrections: K1 came back on Tuesday 13 October, not on the 7th', async () => {
    await importReturn(missing('13/10/2026'));
    expect(await weeks()).toEqual([
      { week: '2026-10-05', started: 1, ended: 0, open: 1 },
      { week: '2026-10-12', started: 1, ended: 1, open: 1 },
      { week: '2026-10-19', started: 1, ended: 1, open: 1 },
    ]);
  });
});
