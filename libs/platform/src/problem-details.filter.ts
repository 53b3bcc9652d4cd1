import { ArgumentsHost, BadRequestException, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  errors: { message: string; code: string; path: string }[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

/** What the HTTP server's own body parsing refuses (Nest hands on Fastify's FST_ERR_CTP_* as HttpExceptions). */
const BODY_ERRORS: Record<number, string> = {
  413: 'The request body is too large',
  415: "The request body's media type is not supported",
};

/**
 * Every error leaves as RFC 9457 problem details (the shape the DfE EES API uses). No stack trace
 * or SQL ever reaches a client: unexpected errors are logged here and answered with a bare 500.
 * Written through Nest's HTTP adapter, so it serves the API (Fastify) and the gateway (Express).
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly log = new Logger(ProblemDetailsFilter.name);

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<unknown>();
    const body = this.toProblem(exception);
    const adapter = this.adapterHost.httpAdapter;
    adapter.setHeader(response, 'Content-Type', PROBLEM_CONTENT_TYPE);
    adapter.reply(response, body, body.status);
  }

  private toProblem(exception: unknown): ProblemDetails {
    if (exception instanceof BadRequestException) {
      const payload = exception.getResponse() as { errors?: ProblemDetails['errors']; message?: string | string[] };
      const errors =
        payload.errors ?? [].concat((payload.message ?? 'bad request') as never).map((message: string) => ({ message, code: 'INVALID', path: '' }));
      return { type: 'about:blank', title: 'The request is not valid', status: 400, errors };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      return { type: 'about:blank', title: BODY_ERRORS[status] ?? exception.message, status, errors: [] };
    }
    const parsing = bodyParsingStatus(exception);
    if (parsing) return { type: 'about:blank', title: BODY_ERRORS[parsing] ?? 'The request body could not be read', status: parsing, errors: [] };
    this.log.error(`unhandled ${(exception as Error)?.name ?? 'error'}: ${(exception as Error)?.message ?? String(exception)}`);
    return { type: 'about:blank', title: 'Internal server error', status: HttpStatus.INTERNAL_SERVER_ERROR, errors: [] };
  }
}

/** The 4xx status of an error the server raised while reading a request body, if it is one. */
function bodyParsingStatus(exception: unknown): number | undefined {
  const { code, statusCode } = (exception ?? {}) as { code?: unknown; statusCode?: unknown };
  const fromServer = (typeof code === 'string' && code.startsWith('FST_')) || exception instanceof SyntaxError;
  if (!fromServer || typeof statusCode !== 'number' || statusCode < 400 || statusCode > 499) return undefined;
  return statusCode;
}
