import { BadRequestException, Body, Controller, Get, HttpCode, Post, Query, Req, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiOkResponse,
  ApiAcceptedResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { AgencyAuthGuard, AgencyRequest } from './agency-auth.guard';
import { AgencyThrottlerGuard } from './agency-throttler.guard';
import { MAX_EVENTS_PER_REQUEST, RejectionPageDto, SubmissionResultDto } from './gateway.dto';
import { GatewayService } from './gateway.service';

const bad = (message: string, path: string) => new BadRequestException({ errors: [{ message, code: 'INVALID', path }] });

@ApiTags('agencies')
@ApiBearerAuth('agency')
@ApiUnauthorizedResponse({ description: 'No credential, an unknown one, or a revoked agency' })
@UseGuards(AgencyAuthGuard, AgencyThrottlerGuard)
@Controller('v1')
export class GatewayController {
  constructor(private readonly gateway: GatewayService) {}

  @Post('events')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Publish events as your agency',
    description:
      `A JSON array of 1 to ${MAX_EVENTS_PER_REQUEST} events (contract v1, docs/events.md), each checked exactly as on Kafka, ` +
      'including that it names your agency (else AGENCY_MISMATCH). Accepted events enter the pipeline before the answer; sending an ' +
      'event again (same eventId) has no further effect.',
  })
  @ApiBody({
    schema: { type: 'array', maxItems: MAX_EVENTS_PER_REQUEST, items: { $ref: 'https://missing-children-monitor/schema/agency-event.v1.json' } },
  })
  @ApiAcceptedResponse({ type: SubmissionResultDto, description: 'One result per event, in order' })
  submit(@Req() request: AgencyRequest, @Body() body: unknown): Promise<SubmissionResultDto> {
    if (!Array.isArray(body)) throw bad('the body must be a JSON array of events', '');
    if (body.length === 0 || body.length > MAX_EVENTS_PER_REQUEST) throw bad(`send 1 to ${MAX_EVENTS_PER_REQUEST} events per request`, '');
    return this.gateway.submit(request.agency.code, body);
  }

  @Get('rejections')
  @ApiOperation({ summary: "Your agency's rejected events, oldest first (from Kafka and HTTP alike)" })
  @ApiQuery({ name: 'after', required: false, description: 'The `next` of the previous page' })
  @ApiQuery({ name: 'limit', required: false, description: '1 to 500 (default 100)' })
  @ApiOkResponse({ type: RejectionPageDto })
  rejections(@Req() request: AgencyRequest, @Query('after') after?: string, @Query('limit') limit?: string): Promise<RejectionPageDto> {
    if (after !== undefined && !/^\d{1,18}$/.test(after)) throw bad('after must be the next value of an earlier page', 'after');
    const size = limit === undefined ? 100 : Number(limit);
    if (!Number.isInteger(size) || size < 1 || size > 500) throw bad('limit must be a whole number from 1 to 500', 'limit');
    return this.gateway.rejectionsOf(request.agency.code, after, size);
  }
}
