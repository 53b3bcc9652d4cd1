import { ArgumentsHost, BadRequestException, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { Response } from 'express';

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  errors: { message: string; code: string; path: string }[];
}

/**
 * Every error leaves as RFC 9457 problem details (the shape the DfE EES API uses). No stack trace
 * or SQL ever reaches a client: unexpected errors are logged here and answered with a bare 500.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly log = new Logger(ProblemDetailsFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toProblem(exception);
    response.status(body.status).type('application/problem+json').json(body);
  }

  private toProblem(exception: unknown): ProblemDetails {
    if (exception instanceof BadRequestException) {
      const payload = exception.getResponse() as { errors?: ProblemDetails['errors']; message?: string | string[] };
      const errors = payload.errors ?? [].concat((payload.message ?? 'bad request') as never).map((message: string) => ({ message, code: 'INVALID', path: '' }));
      return { type: 'about:blank', title: 'The request is not valid', status: 400, errors };
    }
    if (exception instanceof HttpException) {
      return { type: 'about:blank', title: exception.message, status: exception.getStatus(), errors: [] };
    }
    this.log.error(`unhandled ${(exception as Error)?.name ?? 'error'}: ${(exception as Error)?.message ?? String(exception)}`);
    return { type: 'about:blank', title: 'Internal server error', status: HttpStatus.INTERNAL_SERVER_ERROR, errors: [] };
  }
}
