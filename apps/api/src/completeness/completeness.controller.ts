import { Controller, Get, Query, UsePipes } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsOptional, Matches } from 'class-validator';
import { agencyCompleteness, StatisticsFiguresRepository } from '@mcm/persistence';
import { addWeeks, referenceData, weekCommencing, weekStartOfLabel } from '@mcm/shared';
import { DataSource } from 'typeorm';
import { invalidParameter } from '../common/parameters';
import { queryValidationPipe } from '../common/validation';

export class CompletenessQuery {
  @ApiPropertyOptional({ description: 'ISO week; default the last complete week', example: '2026-W47' })
  @IsOptional() @Matches(/^\d{4}-W\d{2}$/, { message: 'week must be an ISO week like 2026-W47' })
  week?: string;
}

/** How complete each agency's reporting is: the bulletin's completeness notes, for any week. */
@ApiTags('completeness')
@ApiBearerAuth()
@Controller('v1/completeness')
export class CompletenessController {
  private readonly figures = new StatisticsFiguresRepository();

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @Get()
  @UsePipes(queryValidationPipe)
  @ApiOperation({ summary: 'Per agency: events in the week against its usual weekly volume (8 weeks before), mean reporting lag, last event, days silent' })
  @ApiOkResponse({ schema: { example: { week: '2026-W47', agencies: [{ agencyCode: 'E23000001', agencyName: 'Metropolitan Police', agencyType: 'POLICE', eventsThisWeek: 412, usualWeeklyEvents: 398.5, meanLagHours: 3.2, lastEventAt: '2026-11-22T23:10:00.000Z', silentDays: 0 }] } } })
  async list(@Query() query: CompletenessQuery) {
    const weekStart = query.week ? weekStartOfLabel(query.week) : addWeeks(weekCommencing(new Date()), -1);
    if (!weekStart) throw invalidParameter('week', `${query.week} is not an ISO week`);
    const reference = referenceData();
    const agencies = (await this.figures.agencies(this.db.manager, weekStart)).map((a) => agencyCompleteness(a, reference, weekStart));
    return { week: query.week ?? weekStart, agencies };
  }
}
