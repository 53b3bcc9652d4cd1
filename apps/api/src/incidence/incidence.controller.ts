import { Controller, Get, Query, Req, Res, UsePipes } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiBadRequestResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Request, Response } from 'express';
import { CurrentUser } from '../auth/roles.decorator';
import { AuthenticatedUser, seesUnsuppressed } from '../auth/roles';
import { AnswerCache } from '../common/answer-cache';
import { sendCsv, wantsCsv } from '../common/csv-response';
import { ApiEnv } from '../config/api.env';
import { queryValidationPipe } from '../common/validation';
import { IncidenceQuery } from './incidence-query.dto';
import { IncidenceQueryService } from './incidence-query.service';
import { WeeklyIncidenceResponse } from './weekly-incidence.dto';
import { WeeklyIncidenceQuery } from './weekly-incidence.query';
import { WeeklyIncidenceService } from './weekly-incidence.service';

const DISCLOSURE_NOTE = 'Below national level, analysts receive counts 1-4 and their complements as "c"; statisticians and admins receive them unsuppressed.';

@ApiTags('incidence')
@ApiBearerAuth()
@Controller('v1')
@UsePipes(queryValidationPipe)
export class IncidenceController {
  private readonly weeklyAnswers: AnswerCache<WeeklyIncidenceResponse>;
  private readonly queryAnswers: AnswerCache<Awaited<ReturnType<IncidenceQueryService['query']>>>;

  constructor(private readonly weeklyIncidence: WeeklyIncidenceService, private readonly incidence: IncidenceQueryService, config: ConfigService<ApiEnv, true>) {
    const ttl = config.get('API_CACHE_SECONDS', { infer: true }) * 1000;
    this.weeklyAnswers = new AnswerCache(ttl);
    this.queryAnswers = new AnswerCache(ttl);
  }

  @Get(['incidence/weekly', 'incidence/weekly.csv'])
  @ApiOperation({ summary: `Incidence per ISO week (Europe/London) for England, a region or a local authority. JSON, or CSV with .csv or Accept: text/csv. ${DISCLOSURE_NOTE}` })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: WeeklyIncidenceResponse })
  @ApiBadRequestResponse({ description: 'Problem details naming each invalid parameter' })
  async weekly(@Query() query: WeeklyIncidenceQuery, @CurrentUser() user: AuthenticatedUser, @Req() request: Request, @Res() response: Response): Promise<void> {
    const disclosure = seesUnsuppressed(user.role) ? 'unsuppressed' : 'protected';
    const result = await this.weeklyAnswers.get(`${disclosure}|${JSON.stringify(query)}`, () => this.weeklyIncidence.weekly(query, disclosure));
    if (!wantsCsv(request, request.path.endsWith('.csv') ? '.csv' : undefined)) return void response.json(result);
    sendCsv(response, `incidence-weekly-${result.query.from}-${result.query.to}.csv`,
      ['week', 'week_commencing', 'setting', 'area_code', 'area_name', 'children_count', 'episodes_started_count', 'episodes_ended_count', 'open_at_week_end_count'],
      result.weeks.map((w) => [w.week, w.weekCommencing, result.query.setting, result.query.la, result.query.laName, w.children, w.episodesStarted, w.episodesEnded, w.episodesOpenAtWeekEnd]));
  }

  @Get(['incidence', 'incidence.csv'])
  @ApiOperation({
    summary: 'Incidence over a range by week or month, filtered and grouped by setting, region, local authority, age band, sex, ethnicity group and risk grade, ' +
      `optionally compared with the previous period or year. JSON, or CSV with .csv or Accept: text/csv. ${DISCLOSURE_NOTE}`,
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ schema: { example: { query: { from: '2026-09', to: '2026-10', granularity: 'month', groupBy: ['setting'], compare: 'previous-year' }, rows: [{ period: '2026-09', periodStart: '2026-09-01', groups: { setting: 'CARE' }, children: 1032, episodesStarted: 6210, previous: { period: '2025-09', children: 998, episodesStarted: 6002 } }] } } })
  @ApiBadRequestResponse({ description: 'Problem details naming each invalid parameter' })
  async query(@Query() query: IncidenceQuery, @CurrentUser() user: AuthenticatedUser, @Req() request: Request, @Res() response: Response): Promise<void> {
    const disclosure = seesUnsuppressed(user.role) ? 'unsuppressed' : 'protected';
    const result = await this.queryAnswers.get(`${disclosure}|${JSON.stringify(query)}`, () => this.incidence.query(query, disclosure));
    if (!wantsCsv(request, request.path.endsWith('.csv') ? '.csv' : undefined)) return void response.json(result);
    const groups = query.groupBy;
    sendCsv(response, `incidence-${query.granularity}-${query.from}-${query.to}.csv`,
      ['period', 'period_start', ...groups.map(snake), 'children_count', 'episodes_started_count', ...(query.compare ? ['previous_period', 'previous_children_count', 'previous_episodes_started_count'] : [])],
      result.rows.map((r) => [r.period, r.periodStart, ...groups.map((g) => r.groups[g]), r.children, r.episodesStarted,
        ...(query.compare ? [r.previous?.period, r.previous?.children, r.previous?.episodesStarted] : [])]));
  }
}

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
