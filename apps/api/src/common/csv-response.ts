import { toCsv } from '@mcm/bulletin';
import { Request, Response } from 'express';

/** CSV when asked for by a `.csv` suffix or `Accept: text/csv`; otherwise JSON. */
export function wantsCsv(request: Request, suffix: string | undefined): boolean {
  return suffix === '.csv' || /\btext\/csv\b/.test(request.headers.accept ?? '');
}

export function sendCsv(response: Response, filename: string, header: string[], rows: (string | number | null | undefined)[][]): void {
  response.type('text/csv; charset=utf-8');
  response.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  response.send(toCsv(header, rows.map((r) => r.map((v) => (v === null || v === undefined ? '' : String(v))))));
}
