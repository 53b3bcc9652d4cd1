import { toCsv } from '@mcm/bulletin';
import { FastifyReply, FastifyRequest } from 'fastify';

/** The request's path, without its query string. */
export function requestPath(request: Pick<FastifyRequest, 'url'>): string {
  const cut = request.url.indexOf('?');
  return cut < 0 ? request.url : request.url.slice(0, cut);
}

/** CSV when asked for by a `.csv` suffix or `Accept: text/csv`; otherwise JSON. */
export function wantsCsv(request: Pick<FastifyRequest, 'headers'>, suffix: string | undefined): boolean {
  return suffix === '.csv' || /\btext\/csv\b/.test(request.headers.accept ?? '');
}

export function sendCsv(response: FastifyReply, filename: string, header: string[], rows: (string | number | null | undefined)[][]): void {
  response.type('text/csv; charset=utf-8');
  response.header('Content-Disposition', `attachment; filename="${filename}"`);
  response.send(
    toCsv(
      header,
      rows.map((r) => r.map((v) => (v === null || v === undefined ? '' : String(v)))),
    ),
  );
}
