import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { Public } from '../auth/public.decorator';
import { HealthService } from './health.service';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @ApiOkResponse({ description: 'Kafka and PostgreSQL both answer', schema: { example: { status: 'ok', checks: { database: 'up', kafka: 'up' } } } })
  @ApiServiceUnavailableResponse({ description: 'A dependency does not answer' })
  async check(@Res({ passthrough: true }) response: FastifyReply) {
    const report = await this.health.check();
    response.code(report.status === 'ok' ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return report;
  }
}
