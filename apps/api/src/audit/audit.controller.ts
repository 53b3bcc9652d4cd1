import { Controller, Get, Query, UsePipes } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { DataSource } from 'typeorm';
import { Roles } from '../auth/roles.decorator';
import { queryValidationPipe } from '../common/validation';

export class AuditQuery {
  @ApiPropertyOptional({ description: 'Only this subject' }) @IsOptional() @IsString() subject?: string;
  @ApiPropertyOptional({ description: 'Records with an id below this (paging backwards)' }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) before?: number;
  @ApiPropertyOptional({ default: 100, maximum: 1000 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000) limit: number = 100;
}

@ApiTags('audit')
@ApiBearerAuth()
@Controller('v1/audit')
export class AuditController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @Get()
  @Roles('admin')
  @UsePipes(queryValidationPipe)
  @ApiOperation({ summary: 'The audit trail of API requests, newest first (admin)' })
  @ApiOkResponse({ schema: { example: { records: [{ id: '41', at: '2026-11-23T09:31:02.120Z', subject: 'alice', role: 'analyst', method: 'GET', route: '/v1/incidence/weekly', parameters: { setting: 'CARE' }, status: 200, durationMs: 4 }] } } })
  async list(@Query() query: AuditQuery) {
    const records = await this.db.query(
      `SELECT id, at, subject, role, method, route, parameters, status, duration_ms AS "durationMs" FROM api_audit
        WHERE ($1::text IS NULL OR subject = $1) AND ($2::bigint IS NULL OR id < $2) ORDER BY id DESC LIMIT $3`,
      [query.subject ?? null, query.before ?? null, query.limit],
    );
    return { records };
  }
}
