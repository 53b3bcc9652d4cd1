import { aMissingReport } from '@mcm/shared/testing/event-factory';
import { computeExpected, generateScenario, SimEvent } from '../tools/simulator/src';
import { DETERMINISTIC_LINKAGE, IsolatedPipeline } from '../tools/harness/src';
import { readIncidence, sortRows } from './support/incidence';

const A = 'E23000001';
const B = 'E09000033';

async function post(url: string, token: string | undefined, body: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

async function get(url: string, token: string): Promise<{ status: number; body: any }> {
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, body: await response.json() };
}

/** Events whose bytes are JSON can travel over HTTP as array elements (broken bytes cannot). */
const jsonSendable = (e: SimEvent) => {
  try {
    JSON.parse(e.bytes.toString('utf8'));
    return e.bytes.length > 0;
  } catch {
    return false;
  }
};

/** The HTTP gateway: same checks, same pipeline, same figures as Kafka; each agency sees only its own. */
describe('the agency HTTP gateway', () => {
  const overHttp = new IsolatedPipeline('gw', {
    ...DETERMINISTIC_LINKAGE,
    GATEWAY_RATE_LIMIT_PER_MINUTE: '20',
    GATEWAY_MAX_BODY_BYTES: String(1024 * 1024),
  });
  const overKafka = new IsolatedPipeline('gwk', DETERMINISTIC_LINKAGE);
  const scenario = generateScenario({ seed: 21, children: 150, days: 60, now: new Date() });
  const events = scenario.events.filter(jsonSendable);
  let tokenA = '';
  let tokenB = '';

  beforeAll(async () => {
    await Promise.all([overHttp.start(['ingest', 'aggregator']), overKafka.start(['ingest', 'aggregator'])]);
    [
      {
        http: { token: tokenA },
      },
      {
        http: { token: tokenB },
      },
    ] = await overHttp.onboard([A, B]);
  });
  afterAll(() => Promise.all([overHttp.stop(), overKafka.stop()]));

  it('gives the same figures for the same events sent over HTTP and over Kafka, equal to the ground truth', async () => {
    const byAgency = new Map<string, SimEvent[]>();
    for (const e of events) byAgency.set(e.publisher, [...(byAgency.get(e.publisher) ?? []), e]);
    const credentials = new Map((await overHttp.onboard([...byAgency.keys()])).map((c) => [c.agency, c]));
    let rejected = 0;
    for (const [agency, list] of byAgency) {
      for (let i = 0; i < list.length; i += 500) {
        const chunk = list.slice(i, i + 500);
        const { status, body } = await post(
          credentials.get(agency)!.http.url,
          credentials.get(agency)!.http.token,
          chunk.map((e) => JSON.parse(e.bytes.toString('utf8'))),
        );
        expect(status).toBe(202);
        expect(body.results.map((r: { status: string }) => r.status)).toEqual(chunk.map((e) => (e.valid ? 'accepted' : 'rejected')));
        rejected += body.rejected;
      }
    }
    expect(rejected).toBe(events.filter((e) => !e.valid).length);
    await overKafka.publish(events.map((e) => ({ as: e.publisher, key: e.key, value: e.bytes })));
    await Promise.all([overHttp.waitUntilProcessed(), overKafka.waitUntilProcessed()]);
    const viaHttp = await readIncidence(overHttp.db);
    expect(viaHttp.length).toBeGreaterThan(10);
    expect(viaHttp).toEqual(await readIncidence(overKafka.db));
    expect(viaHttp).toEqual(sortRows(computeExpected(events).deterministic));
  });

  it('answers 401 without a credential, with a malformed or unknown one', async () => {
    const url = `${overHttp.gatewayUrl}/v1/events`;
    for (const token of [undefined, 'nonsense', `mcm_agency_${'A'.repeat(43)}`]) {
      const { status, body } = await post(url, token, [aMissingReport()]);
      expect({ token, status, type: body.type }).toEqual({ token, status: 401, type: 'about:blank' });
    }
  });

  it('checks the shape and size of a request', async () => {
    const url = `${overHttp.gatewayUrl}/v1/events`;
    expect((await post(url, tokenA, { events: [] })).status).toBe(400);
    expect((await post(url, tokenA, [])).status).toBe(400);
    expect(
      (
        await post(
          url,
          tokenA,
          Array.from({ length: 1001 }, () => ({})),
        )
      ).status,
    ).toBe(400);
    expect((await post(url, tokenA, `[${'"x",'.repeat(300_000)}"x"]`)).status).toBe(413);
  });

  it('rejects an event naming another agency as AGENCY_MISMATCH, is idempotent by eventId, and shows each agency only its own rejections', async () => {
    const url = `${overHttp.gatewayUrl}/v1/events`;
    const own = aMissingReport({ agencyChildRef: 'GW-1', agencyEpisodeRef: 'GW-E1' });
    const spoof = aMissingReport({
      agency: { type: 'LOCAL_AUTHORITY', code: B },
      setting: 'CARE',
      agencyChildRef: 'GW-2',
      agencyEpisodeRef: 'GW-E2',
    });
    delete (spoof as { riskGrade?: string }).riskGrade;
    const first = await post(url, tokenA, [own, spoof]);
    expect(first.status).toBe(202);
    expect(first.body.results).toEqual([
      { index: 0, eventId: own.eventId, status: 'accepted' },
      { index: 1, eventId: spoof.eventId, status: 'rejected', reasons: [expect.objectContaining({ code: 'AGENCY_MISMATCH' })] },
    ]);
    const again = await post(url, tokenA, [own]);
    expect(again.body.results[0].status).toBe('accepted');
    await overHttp.waitUntilProcessed();
    expect(await overHttp.db.query('SELECT event_id FROM agency_event WHERE event_id = ANY($1::uuid[])', [[own.eventId, spoof.eventId]])).toEqual([
      { event_id: own.eventId },
    ]);

    const mine = await get(`${overHttp.gatewayUrl}/v1/rejections?limit=500`, tokenA);
    expect(mine.body.rejections.map((r: { eventId: string }) => r.eventId)).toContain(spoof.eventId);
    const theirs = await get(`${overHttp.gatewayUrl}/v1/rejections?limit=500`, tokenB);
    expect(theirs.status).toBe(200);
    expect(theirs.body.rejections.map((r: { eventId: string }) => r.eventId)).not.toContain(spoof.eventId);
    const [{ n }] = await overHttp.db.query<{ n: string }>('SELECT count(*) AS n FROM agency_rejection WHERE agency_code = $1', [A]);
    let pages = 0;
    let seen = 0;
    for (let after: string | null = '0'; after !== null; pages++) {
      const page: { body: { rejections: unknown[]; next: string | null } } = await get(
        `${overHttp.gatewayUrl}/v1/rejections?limit=2&after=${after}`,
        tokenA,
      );
      seen += page.body.rejections.length;
      after = page.body.next;
    }
    expect(seen).toBe(Number(n));
    expect(pages).toBe(Math.max(1, Math.ceil(Number(n) / 2)));
  });

  it('limits requests per agency, not across agencies', async () => {
    const url = `${overHttp.gatewayUrl}/v1/rejections?limit=1`;
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) statuses.push((await get(url, tokenB)).status);
    expect(statuses).toContain(429);
    const [code] = await overHttp.onboard(['E23000003']);
    expect((await get(url, code.http.token)).status).toBe(200);
  });

  it('refuses a revoked agency at once', async () => {
    const [c] = await overHttp.onboard(['E23000004']);
    expect((await get(`${overHttp.gatewayUrl}/v1/rejections`, c.http.token)).status).toBe(200);
    await overHttp.onboarding().revoke('E23000004');
    expect((await post(c.http.url, c.http.token, [aMissingReport({ agency: { type: 'POLICE', code: 'E23000004' } })])).status).toBe(401);
  });
});
