import { Controller, Get, Query, UsePipes } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { DataSource, InjectDataSource, StatisticsFiguresRepository } from '@mcm/persistence';
import { IsOptional, Matches } from 'class-validator';
import { agencyCompleteness, COMPLETENESS_ROUNDING_BASE, groupedCompleteness } from '@mcm/disclosure';
import { addWeeks, referenceData, weekCommencing, weekStartOfLabel } from '@mcm/shared';
import { AuthenticatedUser, COMPLETENESS_READERS, seesAgencyDetail } from '../auth/roles';
import { CurrentUser, Roles } from '../auth/roles.decorator';
import { invalidParameter } from '../common/parameters';
import { queryValidationPipe } from '../common/validation';

export class CompletenessQuery {
  @ApiPropertyOptional({ description: 'ISO week; default the last complete week', example: '2026-W47' })
  @IsOptional()
  @Matches(/^\d{4}-W\d{2}$/, { message: 'week must be an ISO week like 2026-W47' })
  week?: string;
}

const AGGREGATED_NOTE =
  `Agencies grouped by type and region (a council's region, a police force area's region; schools and Welsh forces: UNKNOWN); ` +
  `event counts rounded to the nearest ${COMPLETENESS_ROUNDING_BASE}, times to the day. Per-agency detail is for operators and admins.`;

/**
 * How complete agencies' reporting is, for any week. Analysts and statisticians see it by agency
 * type and region (libs/disclosure: counts rounded, times to the day); operators and admins see
 * each agency, as the bulletin's completeness notes are built.
 */
@ApiTags('completeness')
@ApiBearerAuth()
@Controller('v1/completeness')
@Roles(...COMPLETENESS_READERS)
export class CompletenessController {
  private readonly figures = new StatisticsFiguresRepository();

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @Get()
  @UsePipes(queryValidationPipe)
  @ApiOperation({
    summary:
      'Reporting completeness. Analysts and statisticians: per agency type and region, events in the week and usual weekly events (rounded to 10), ' +
      'agencies reporting, mean lag (hours), date of the last event, days silent. Operators and admins: per agency, with exact counts and times.',
  })
  @ApiOkResponse({
    schema: {
      example: {
        week: '2026-W47',
        level: 'agency type and region',
        note: AGGREGATED_NOTE,
        groups: [
          {
            agencyType: 'LOCAL_AUTHORITY',
            regionCode: 'E12000007',
            regionName: 'London',
            agencies: 33,
            agenciesReporting: 31,
            eventsThisWeek: 420,
            usualWeeklyEvents: 400,
            meanLagHours: 5,
            lastEventDate: '2026-11-22',
            silentDays: 0,
          },
        ],
      },
    },
  })
  async list(@Query() query: CompletenessQuery, @CurrentUser() user: AuthenticatedUser) {
    const weekStart = query.week ? weekStartOfLabel(query.week) : addWeeks(weekCommencing(new Date()), -1);
    if (!weekStart) throw invalidParameter('week', `${query.week} is not an ISO week`);
    const week = query.week ?? weekStart;
    const reference = referenceData();
    const agencies = await this.figures.agencies(this.db.manager, weekStart);
    if (seesAgencyDetail(user.role)) return { week, level: 'agency', agencies: agencies.map((a) => agencyCompleteness(a, reference, weekStart)) };
    const groups = groupedCompleteness(agencies, reference, weekStart);
    return { week, level: 'agency type and region', note: AGGREGATED_NOTE, groups };
  }
}
