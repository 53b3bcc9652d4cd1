import { ConsoleLogger, LoggerService } from '@nestjs/common';
import { CommonEnv } from '@mcm/shared';

/** JSON lines in production (LOG_FORMAT=json), readable text on a developer's terminal. */
export function createLogger(service: string, format: CommonEnv['LOG_FORMAT']): LoggerService {
  return new ConsoleLogger(service, { json: format === 'json', prefix: service, timestamp: format !== 'json' });
}
