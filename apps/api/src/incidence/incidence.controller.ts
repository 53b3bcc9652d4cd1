import { Controller, Get, Query, Req, Res, UsePipes } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiBadRequestResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { FastifyReply as Response, FastifyRequest as Request } from 'fastify';
import { CurrentUser } from '../auth/roles.decorator';
import { AuthenticatedUser, disclosureModeOf } from '../auth/roles';
import { AnswerCache, answerKey } from '../common/answer-cache';
import { requestPath, sendCsv, wantsCsv } from '../common/csv-response';
import { ApiEnv } from '../config/api.env';
import { queryValidationPipe } from '../common/validation';
import { rowFlag } from '@mcm/bulletin';
import { IncidenceQuery } from './incidence-query.dto';
import { IncidenceAnswer, IncidenceQueryService } from './incidence-query.service';
import { WeeklyIncidenceResponse } from './weekly-incidence.dto';
import { WeeklyIncidenceQuery } from './weekly-incidence.query';
import { WeeklyIncidenceService } from './weekly-incidence.service';

const DISCLOSURE_NOTE =
  'Every count, England included, is published through the cell-key method (docs/STATISTICS.md): the same cell always gets the same value, ' +
  'no count from 1 to 4 is shown, and totals are cells of their own, not sums of rows; the `disclosure` object says so. Statisticians alone receive exact counts.';

@ApiTags('incidence')
@ApiBearerAuth()
@Controller('v1')
@UsePipes(queryValidationPipe)
export class IncidenceController {
  private readonly weeklyAnswers: AnswerCache<WeeklyIncidenceResponse>;
  private readonly queryAnswers: AnswerCache<IncidenceAnswer>;

  constructor(
    private readonly weeklyIncidence: WeeklyIncidenceService,
    private readonly incidence: IncidenceQueryService,
    config: ConfigService<ApiEnv, true>,
  ) {
    const ttl = config.get('API_CACHE_SECONDS', { infer: true }) * 1000;
    this.weeklyAnswers = new AnswerCache(ttl);
    this.queryAnswers = new AnswerCache(ttl);
  }

  @Get(['incidence/weekly', 'incidence/weekly.csv'])
  @ApiOperation({
    summary: `Incidence per ISO week (Europe/London) for England, a region or a local authority. JSON, or CSV with .csv or Accept: text/csv. ${DISCLOSURE_NOTE}`,
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: WeeklyIncidenceResponse })
  @ApiBadRequestResponse({ description: 'Problem details naming each invalid parameter' })
  async weekly(
    @Query() query: WeeklyIncidenceQuery,
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const mode = disclosureModeOf(user.role);
    const result = await this.weeklyAnswers.get(answerKey(mode, query), () => this.weeklyIncidence.weekly(query, mode));
    if (!wantsCsv(request, requestPath(request).endsWith('.csv') ? '.csv' : undefined)) return void response.send(result);
    sendCsv(
      response,
      `incidence-weekly-${result.query.from}-${result.query.to}.csv`,
      [
        'week',
        'week_commencing',
        'setting',
        'area_code',
        'area_name',
        'children_count',
        'episodes_started_count',
        'episodes_ended_count',
        'open_at_week_end_count',
        'revision_status',
      ],
      // EES symbols: x for a value not available; revision_status p or r for the row (p before r).
      result.weeks.map((w) => [
        w.week,
        w.weekCommencing,
        result.query.setting,
        result.query.la,
        result.query.laName,
        w.children,
        w.episodesStarted,
        w.episodesEnded,
        w.episodesOpenAtWeekEnd ?? 'x',
        rowFlag(Object.values(w.flags)),
      ]),
    );
  }

  @Get(['incidence', 'incidence.csv'])
  @ApiOperation({
    summary:
      'Incidence over a range by week or month, filtered and grouped by setting, region, local authority, age band, sex, ethnicity group and risk grade, ' +
      `optionally compared with the previous period or year. JSON, or CSV with .csv or Accept: text/csv. ${DISCLOSURE_NOTE}`,
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({
    schema: {
      example: {
        query: { from: '2026-09', to: '2026-10', granularity: 'month', groupBy: ['setting'], compare: 'previous-year' },
        disclosure: {
          method: 'cell-key',
          ptable: 'mcm-ptable-v1',
          note: "To protect children's privacy, every figure has had a small amount of random noise added (the cell-key method), ...",
        },
        rows: [
          {
            period: '2026-09',
            periodStart: '2026-09-01',
            groups: { setting: 'CARE' },
            children: 1032,
            episodesStarted: 6210,
            flag: null,
            previous: { period: '2025-09', children: 998, episodesStarted: 6002 },
          },
        ],
      },
    },
  })
  @ApiBadRequestResponse({
    description:
      "Problem details naming each invalid parameter, or refusing the query's shape: TOO_MANY_DIMENSIONS (more than 2 dimensions below national level, 3 for England) or TOO_SPARSE (more than half its non-zero cells would be counts below 5)",
  })
  async query(
    @Query() query: IncidenceQuery,
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const mode = disclosureModeOf(user.role);
    const result = await this.queryAnswers.get(answerKey(mode, query), () => this.incidence.query(query, mode));
    if (!wantsCsv(request, requestPath(request).endsWith('.csv') ? '.csv' : undefined)) return void response.send(result);
    const groups = query.groupBy;
    sendCsv(
      response,
      `incidence-${query.granularity}-${query.from}-${query.to}.csv`,
      [
        'period',
        'period_start',
        ...groups.map(snake),
        'children_count',
        'episodes_started_count',
        ...(query.compare ? ['previous_period', 'previous_children_count', 'previous_episodes_started_count'] : []),
        'revision_status',
      ],
      result.rows.map((r) => [
        r.period,
        r.periodStart,
        ...groups.map((g) => r.groups[g]),
        r.children,
        r.episodesStarted,
        ...(query.compare ? [r.previous?.period, r.previous?.children, r.previous?.episodesStarted] : []),
        r.flag ?? '',
      ]),
    );
  }
}

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
