import Fastify from 'fastify';
import { installEtags, matchesEtag, weakEtag } from './etag';

describe('ETags', () => {
  it("are Express's weak ETags (the etag package)", () => {
    expect(weakEtag('')).toBe('W/"0-2jmj7l5rSw0yVb/vlWAYkK/YBwk"');
    expect(weakEtag('{"a":1}')).toBe(weakEtag(Buffer.from('{"a":1}')));
    expect(weakEtag('hello')).toMatch(/^W\/"5-[A-Za-z0-9+/]{27}"$/);
  });
  it('match If-None-Match weakly, in a list or as *', () => {
    const tag = weakEtag('x');
    expect(matchesEtag(`"other", ${tag.slice(2)}`, tag)).toBe(true);
    expect(matchesEtag('*', tag)).toBe(true);
    expect(matchesEtag('"other"', tag)).toBe(false);
    expect(matchesEtag(undefined, tag)).toBe(false);
  });
  it('answer a GET for the copy the client has with 304 and no body', async () => {
    const app = Fastify();
    installEtags(app);
    app.get('/figures', async () => ({ figures: [1, 2] }));
    app.get('/bad', async (_request, reply) => reply.code(400).send({ error: true }));
    const first = await app.inject('/figures');
    const etag = first.headers.etag as string;
    expect(etag).toBe(weakEtag(first.body));
    const again = await app.inject({ url: '/figures', headers: { 'if-none-match': etag } });
    expect([again.statusCode, again.body, again.headers['content-type']]).toEqual([304, '', undefined]);
    const refused = await app.inject({ url: '/bad', headers: { 'if-none-match': (await app.inject('/bad')).headers.etag as string } });
    expect(refused.statusCode).toBe(400);
  });
});
