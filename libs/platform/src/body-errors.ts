import { NextFunction, Request, Response } from 'express';

/** Body-parser failures (too large, malformed) as problem details, never Express's HTML page. */
export function bodyErrorsAsProblems(error: { status?: number } | undefined, _req: Request, res: Response, next: NextFunction): void {
  if (!error) return next();
  const status = error.status === 413 ? 413 : 400;
  res
    .status(status)
    .type('application/problem+json')
    .json({
      type: 'about:blank',
      title: status === 413 ? 'The request body is too large' : 'The request body could not be read',
      status,
      errors: [],
    });
}
