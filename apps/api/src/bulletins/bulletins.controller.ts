import { Controller, Get, Header, Param, Query, Res } from '@nestjs/common';
import { invalidParameter } from '../common/parameters';
import { ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import { FastifyReply as Response } from 'fastify';
import { BulletinFormat, BulletinsService, BulletinSummary } from './bulletins.service';

const CONTENT_TYPES: Record<BulletinFormat, string> = { json: 'application/json', csv: 'text/csv; charset=utf-8', html: 'text/html; charset=utf-8' };

@ApiTags('bulletins')
@Controller('v1/bulletins')
export class BulletinsController {
  constructor(private readonly bulletins: BulletinsService) {}

  @Get()
  @ApiOperation({ summary: 'Published weekly bulletins, newest first (latest edition of each week: provisional, final or revised)' })
  @ApiOkResponse({
    schema: {
      example: [
        {
          week: '2026-W47',
          weekCommencing: '2026-11-16',
          revision: 0,
          releaseStatus: 'final',
          publishedAt: '2026-11-23T07:00:00.000Z',
          links: { json: '/v1/bulletins/2026-W47.json', csv: '/v1/bulletins/2026-W47.csv', html: '/v1/bulletins/2026-W47.html' },
        },
      ],
    },
  })
  list(): Promise<BulletinSummary[]> {
    return this.bulletins.list();
  }

  @Get(':file')
  @Header('Cache-Control', 'no-cache')
  @ApiOperation({ summary: 'One bulletin: 2026-W47 or 2026-W47.json (JSON), 2026-W47.csv (tidy CSV), 2026-W47.html (the release page)' })
  @ApiParam({ name: 'file', example: '2026-W47.html' })
  @ApiQuery({ name: 'revision', required: false, description: 'A revision number; default the latest' })
  async get(@Param('file') file: string, @Query('revision') revision: string | undefined, @Res() response: Response): Promise<void> {
    const match = /^(\d{4}-W\d{2})(?:\.(json|csv|html))?$/.exec(file);
    if (!match) throw invalidParameter('file', 'expected an ISO week like 2026-W47, optionally with .json, .csv or .html');
    if (revision !== undefined && !/^\d+$/.test(revision)) throw invalidParameter('revision', 'revision must be a non-negative integer');
    const format = (match[2] ?? 'json') as BulletinFormat;
    const body = await this.bulletins.get(match[1], format, revision === undefined ? undefined : Number(revision));
    response.type(CONTENT_TYPES[format]);
    if (format === 'csv') response.header('Content-Disposition', `attachment; filename="missing-children-${match[1]}.csv"`);
    response.send(format === 'json' ? JSON.stringify(body) : body);
  }
}
