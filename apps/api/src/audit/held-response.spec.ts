import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { holdResponseUntil } from './held-response';

/** A real HTTP server on loopback (no database): the gate decides what the client gets. */
describe('holdResponseUntil', () => {
  const refusal = { status: 503, contentType: 'application/problem+json', body: '{"title":"not audited"}' };
  let server: Server;
  let handler: (req: IncomingMessage, res: ServerResponse) => void;
  let gate: (status: number) => Promise<void>;
  const url = () => `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

  beforeAll(async () => {
    server = createServer((req, res) => {
      res.setHeader('X-Content-Type-Options', 'nosniff'); // as helmet does, before the hold
      holdResponseUntil(res, (status) => gate(status), refusal);
      handler(req, res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const answer = (res: ServerResponse) => {
    res.statusCode = 201;
    res.setHeader('Content-Type', 'text/plain');
    res.setHeader('X-Data', 'secret-figures');
    res.end('the figures');
  };

  it('sends nothing until the gate resolves, then the response as it was', async () => {
    const log: string[] = [];
    handler = (_req, res) => answer(res);
    gate = async (status) => {
      log.push(`gate ${status}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
      log.push('committed');
    };
    const response = await fetch(url());
    log.push('response');
    expect(log).toEqual(['gate 201', 'committed', 'response']);
    expect([response.status, response.headers.get('x-data'), await response.text()]).toEqual([201, 'secret-figures', 'the figures']);
  });

  it('answers the refusal instead when the gate rejects: no body, no header of the handler', async () => {
    handler = (_req, res) => answer(res);
    gate = async () => { throw new Error('audit store down'); };
    const response = await fetch(url());
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.headers.get('x-data')).toBeNull();
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.text()).toBe(refusal.body);
  });

  const streamed = () => Readable.from(Array.from({ length: 300 }, (_, i) => `${String(i).padStart(4, '0')}${'x'.repeat(1020)}`));

  it('holds a piped stream and lets all of it through once the gate resolves', async () => {
    let gateCalls = 0;
    handler = (_req, res) => {
      res.setHeader('Content-Type', 'text/plain');
      streamed().pipe(res);
    };
    gate = async () => { gateCalls += 1; };
    const response = await fetch(url());
    const text = await response.text();
    expect([response.status, text.length, text.slice(0, 4), text.slice(-1024, -1020), gateCalls]).toEqual([200, 300 * 1024, '0000', '0299', 1]);
  });

  it('drops a piped stream when the gate rejects', async () => {
    handler = (_req, res) => streamed().pipe(res);
    gate = async () => { throw new Error('audit store down'); };
    const response = await fetch(url());
    expect([response.status, await response.text()]).toEqual([503, refusal.body]);
  });

  it('cuts the connection when the headers already left before the gate rejected', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.end('the figures');
    };
    gate = async () => { throw new Error('audit store down'); };
    const outcome = await fetch(url()).then((r) => r.text()).then((text) => `body ${text}`, () => 'cut');
    expect(outcome).toBe('cut');
  });
});
