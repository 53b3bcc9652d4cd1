import { OutgoingHttpHeaders, ServerResponse } from 'node:http';

export interface Refusal {
  status: number;
  contentType: string;
  body: string;
}

type Call = { method: 'write' | 'end'; args: unknown[] };

/**
 * Holds a response until `gate` settles. The first write() or end(), the moment its status and
 * headers would go out, calls `gate(statusCode)`; everything written is held meanwhile (a piped
 * stream is told to wait, and resumed). When the gate resolves, the held calls go out as they
 * were. When it rejects, the client gets `refusal` instead, with the headers the response had
 * when it was held (security headers) and none that the handler added; whatever the handler
 * writes later is dropped. Should the headers already have left some other way (writeHead,
 * flushHeaders), the connection is cut rather than let the body through.
 */
export function holdResponseUntil(response: ServerResponse, gate: (status: number) => Promise<void>, refusal: Refusal): void {
  const baseline: OutgoingHttpHeaders = { ...response.getHeaders() };
  const original = { write: response.write, end: response.end };
  const held: Call[] = [];
  let state: 'open' | 'holding' | 'released' | 'refused' = 'open';

  const release = () => {
    state = 'released';
    response.write = original.write;
    response.end = original.end;
    for (const call of held.splice(0)) (original[call.method] as (...args: unknown[]) => unknown).apply(response, call.args);
    // A pipe paused by a held write() resumes on 'drain'; emit it if the socket will not.
    if (!response.writableEnded && !response.writableNeedDrain) response.emit('drain');
  };

  const refuse = () => {
    state = 'refused';
    held.length = 0;
    if (response.headersSent) {
      response.destroy();
      return;
    }
    for (const name of response.getHeaderNames()) response.removeHeader(name);
    for (const [name, value] of Object.entries(baseline)) if (value !== undefined) response.setHeader(name, value);
    response.statusCode = refusal.status;
    response.setHeader('Content-Type', refusal.contentType);
    response.setHeader('Content-Length', Buffer.byteLength(refusal.body));
    response.setHeader('Cache-Control', 'no-store');
    (original.end as (chunk: string) => ServerResponse).call(response, refusal.body);
  };

  const hold = (method: Call['method']) => (...args: unknown[]): unknown => {
    if (state === 'refused') return method === 'write' ? false : response;
    held.push({ method, args });
    if (state === 'open') {
      state = 'holding';
      let waiting: Promise<void>;
      try {
        waiting = gate(response.statusCode);
      } catch (error) {
        waiting = Promise.reject(error);
      }
      waiting.then(release, refuse);
    }
    return method === 'write' ? false : response;
  };
  response.write = hold('write') as ServerResponse['write'];
  response.end = hold('end') as ServerResponse['end'];
}
