import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ChildAttributes, normaliseEvent, readKeyringFile } from '@mcm/shared';
import { computeExpected, generateScenario, Scenario } from '../tools/simulator/src';
import { DETERMINISTIC_LINKAGE, IsolatedPipeline } from '../tools/harness/src';
import { readIncidence, snapshot, sortRows } from './support/incidence';

const run = promisify(execFile);
const ROOT = join(__dirname, '..');
const records = (events: Scenario['events']) => events.map((e) => ({ as: e.publisher, key: e.key, value: e.bytes, headers: { ...e.headers } }));

/** Every identifying value the simulation gave a child, as stored after normalisation. */
function identities(scenario: Scenario): { field: keyof ChildAttributes; value: string }[] {
  const found = new Map<string, { field: keyof ChildAttributes; value: string }>();
  for (const e of scenario.events) {
    if (!e.valid || !e.event) continue;
    const child = normaliseEvent(e.event).child;
    for (const field of ['nhsNumber', 'upn', 'givenName', 'familyName', 'dateOfBirth', 'homePostcode'] as const) {
      const value = child[field];
      // UN1-UN5 are "unknown UPN" codes, not identifiers.
      if (value !== undefined && !(field === 'upn' && /^UN\d$/.test(value))) found.set(`${field}:${value}`, { field, value });
    }
  }
  return [...found.values()];
}

/** The values found in `text` as whole tokens (inside a hex or base64 run they are chance, not a leak). */
function leaked(text: string, values: { field: string; value: string }[]): string[] {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return values.filter(({ value }) => new RegExp(`(?<![0-9A-Za-z+/])${escape(value)}(?![0-9A-Za-z+/])`).test(text)).map((v) => v.field);
}

/**
 * What a stolen database dump or a copy of the accepted topic yields: no child's identifiers,
 * names or date of birth in clear. And a key rotation while the pipeline runs changes no link
 * and no figure.
 */
describe("children's identities at rest", () => {
  const pipeline = new IsolatedPipeline('identity', DETERMINISTIC_LINKAGE);
  const scenario = generateScenario({ seed: 31, children: 400, days: 150, now: new Date() });
  const expected = computeExpected(scenario.events);
  const half = Math.floor(scenario.events.length / 2);
  const values = identities(scenario);
  const firstEventDate = scenario.events
    .map((e) => e.event?.occurredAt)
    .filter((d): d is string => !!d)
    .sort()[0]
    .slice(0, 10);
  // A date of birth equal to a day the pipeline stores as an event time is not a leak of it.
  const searched = values.filter((v) => v.field !== 'dateOfBirth' || v.value < firstEventDate);

  beforeAll(async () => {
    await pipeline.start(['ingest', 'aggregator']);
    await pipeline.publish(records(scenario.events.slice(0, half)));
    await pipeline.waitUntilProcessed();
  });
  afterAll(() => pipeline.stop());

  it('a pg_dump of the database holds no NHS number, UPN, name, date of birth or postcode of any simulated child', async () => {
    expect(searched.length).toBeGreaterThan(1000);
    expect(new Set(searched.map((v) => v.field))).toEqual(new Set(['nhsNumber', 'upn', 'givenName', 'familyName', 'dateOfBirth', 'homePostcode']));
    const { stdout: dump } = await run('pg_dump', ['--no-owner', pipeline.db.url], { maxBuffer: 512 * 1024 * 1024 });
    const [{ n }] = await pipeline.db.query<{ n: string }>('SELECT count(*) AS n FROM child_identity_observation');
    expect(Number(n)).toBeGreaterThan(500);
    // The search finds clear values where they are: the agencies' own references are stored.
    const refs = scenario.events
      .filter((e) => e.valid && e.event)
      .slice(0, 50)
      .map((e) => ({ field: 'agencyChildRef', value: e.event!.agencyChildRef }));
    expect(leaked(dump, refs)).toHaveLength(refs.length);
    expect(leaked(dump, searched)).toEqual([]);
  });

  it('the accepted topic carries every child sealed: a copy of the broker disk holds none of them in clear', async () => {
    const accepted = await pipeline.readAll(pipeline.topics.accepted);
    expect(accepted.length).toBeGreaterThan(500);
    const text = accepted.map((m) => m.value!.toString('utf8')).join('\n');
    expect(leaked(text, searched)).toEqual([]);
    expect(JSON.parse(accepted[0].value!.toString()).sealedChild).toEqual({ keyId: expect.any(String), data: expect.any(String) });
  });

  it('npm run keys:rotate, while the pipeline runs, re-seals everything under a new key and changes no link and no figure', async () => {
    const before = await snapshot(pipeline.db);
    const oldKey = readKeyringFile(pipeline.identityKeysFile).activeId;
    const { stdout } = await run('node', ['dist/tools/keys/src/main.js'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: pipeline.db.url, IDENTITY_KEYS_FILE: pipeline.identityKeysFile },
    });
    const newKey = readKeyringFile(pipeline.identityKeysFile).activeId;
    expect(newKey).not.toBe(oldKey);
    const [{ n }] = await pipeline.db.query<{ n: string }>(
      'SELECT (SELECT count(*) FROM child_identity_observation) + (SELECT count(*) FROM agency_child_profile) AS n',
    );
    expect(stdout.trim().split('\n').pop()).toBe(`ROTATE active=${newKey} resealed=${n} remaining=0`);
    expect(
      await pipeline.db.query('SELECT DISTINCT key_id FROM child_identity_observation UNION SELECT DISTINCT key_id FROM agency_child_profile'),
    ).toEqual([{ key_id: newKey }]);
    expect(await snapshot(pipeline.db)).toEqual(before);

    // Again while the rest of the stream flows: services pick the newer key up from the file, the
    // rest links against profiles sealed under both keys, and the figures are the ground truth's.
    const publishing = pipeline.publish(records(scenario.events.slice(half)));
    const { stdout: second } = await run('node', ['dist/tools/keys/src/main.js'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: pipeline.db.url, IDENTITY_KEYS_FILE: pipeline.identityKeysFile },
    });
    await publishing;
    await pipeline.waitUntilProcessed();
    const newestKey = readKeyringFile(pipeline.identityKeysFile).activeId;
    expect(second.trim().split('\n').pop()).toMatch(new RegExp(`^ROTATE active=${newestKey} resealed=\\d+ remaining=0$`));
    expect(
      await pipeline.db.query('SELECT DISTINCT key_id FROM child_identity_observation UNION SELECT DISTINCT key_id FROM agency_child_profile'),
    ).toEqual([{ key_id: newestKey }]);
    expect(await readIncidence(pipeline.db)).toEqual(sortRows(expected.deterministic));

    // The old key can go once nothing uses it.
    const { stdout: retired } = await run('node', ['dist/tools/keys/src/main.js', '--retire', oldKey], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: pipeline.db.url, IDENTITY_KEYS_FILE: pipeline.identityKeysFile },
    });
    expect(retired).toContain(`identity key ${oldKey} retired`);
    expect(readKeyringFile(pipeline.identityKeysFile).ids().sort()).toEqual([newKey, newestKey].sort());
  });
});
