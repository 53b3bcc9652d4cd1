import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, Matches } from 'class-validator';
import { CARE_MISSING_TYPE_VALUES } from '@mcm/persistence';

export const GROUP_BY = ['setting', 'region', 'la', 'ageBand', 'sex', 'ethnicityGroup', 'riskGrade', 'careMissingType'] as const;
export type GroupBy = (typeof GROUP_BY)[number];
const list = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',').map((v) => v.trim()).filter(Boolean) : value);
const PERIOD = /^(\d{4}-W\d{2}|\d{4}-\d{2}-\d{2}|\d{4}-\d{2})$/;

export class IncidenceQuery {
  @ApiPropertyOptional({ description: 'First period: ISO week (2026-W01), month (2026-01) or a date in it', example: '2026-01' })
  @Matches(PERIOD, { message: 'from must be an ISO week (2026-W01), a month (2026-01) or a date (2026-01-15)' })
  from!: string;

  @ApiPropertyOptional({ description: 'Last period, inclusive, in the same forms', example: '2026-10' })
  @Matches(PERIOD, { message: 'to must be an ISO week (2026-W47), a month (2026-10) or a date (2026-10-31)' })
  to!: string;

  @ApiPropertyOptional({ enum: ['week', 'month'], default: 'week', description: 'Periods of ISO weeks or calendar months (Europe/London)' })
  @IsOptional() @IsIn(['week', 'month'], { message: 'granularity must be week or month' })
  granularity: 'week' | 'month' = 'week';

  @ApiPropertyOptional({ description: 'Comma-separated dimensions to group by', example: 'setting,ageBand', enum: GROUP_BY, isArray: true })
  @IsOptional() @Transform(list) @IsArray() @ArrayMaxSize(3, { message: 'groupBy takes at most 3 dimensions' })
  @IsIn(GROUP_BY, { each: true, message: `groupBy must be a comma-separated list of ${GROUP_BY.join(', ')}` })
  groupBy: GroupBy[] = [];

  @ApiPropertyOptional({
    description: 'Only these settings (comma-separated): HOME missing from home, CARE missing from care (a looked-after child), ' +
      'EDUCATION missing during school (absent from school without explanation during the school day; not "children missing education", ' +
      'who are not registered at any school)',
    example: 'CARE,HOME',
  })
  @IsOptional() @Transform(list) @IsArray() @IsIn(['HOME', 'CARE', 'EDUCATION'], { each: true, message: 'setting must list HOME, CARE or EDUCATION' })
  setting?: string[];

  @ApiPropertyOptional({ description: 'Only this region (E12 code)', example: 'E12000007' })
  @IsOptional() @Matches(/^E12\d{6}$/, { message: 'region must be a region code like E12000007' })
  region?: string;

  @ApiPropertyOptional({ description: 'Only this local authority (GSS code)', example: 'E09000033' })
  @IsOptional() @Matches(/^E(06|08|09|10)\d{6}$/, { message: 'la must be a GSS code like E09000033' })
  la?: string;

  @ApiPropertyOptional({ description: 'Only these age bands', example: '10-15,16-17' })
  @IsOptional() @Transform(list) @IsArray() @IsIn(['Under 1', '1-4', '5-9', '10-15', '16-17', 'UNKNOWN'], { each: true, message: 'ageBand must list Under 1, 1-4, 5-9, 10-15, 16-17 or UNKNOWN' })
  ageBand?: string[];

  @ApiPropertyOptional({ description: 'Only these sexes (M, F, U)', example: 'F' })
  @IsOptional() @Transform(list) @IsArray() @IsIn(['M', 'F', 'U'], { each: true, message: 'sex must list M, F or U' })
  sex?: string[];

  @ApiPropertyOptional({ description: 'Only these ethnicity groups', example: 'Black,Mixed' })
  @IsOptional() @Transform(list) @IsArray()
  @IsIn(['White', 'Mixed', 'Asian', 'Black', 'Other', 'Refused or not obtained', 'UNKNOWN'], { each: true, message: 'ethnicityGroup must list White, Mixed, Asian, Black, Other, Refused or not obtained, or UNKNOWN' })
  ethnicityGroup?: string[];

  @ApiPropertyOptional({ description: 'Only these police risk grades', example: 'HIGH' })
  @IsOptional() @Transform(list) @IsArray() @IsIn(['HIGH', 'MEDIUM', 'LOW', 'NO_APPARENT_RISK', 'NOT_GRADED'], { each: true, message: 'riskGrade must list HIGH, MEDIUM, LOW, NO_APPARENT_RISK or NOT_GRADED' })
  riskGrade?: string[];

  @ApiPropertyOptional({
    description: 'Only these SSDA903 missing types of episodes from care: M missing (whereabouts unknown), A away from placement without ' +
      'authorisation (whereabouts known), NOT_STATED; NOT_APPLICABLE selects episodes from home or during school. An episode is M when any ' +
      'agency recorded it as M, else A when one recorded A.',
    example: 'M,A',
  })
  @IsOptional() @Transform(list) @IsArray()
  @IsIn(CARE_MISSING_TYPE_VALUES, { each: true, message: 'careMissingType must list M, A, NOT_STATED or NOT_APPLICABLE' })
  careMissingType?: string[];

  @ApiPropertyOptional({ enum: ['previous-period', 'previous-year'], description: 'Adds the same figures for the preceding range of equal length, or a year earlier' })
  @IsOptional() @IsIn(['previous-period', 'previous-year'], { message: 'compare must be previous-period or previous-year' })
  compare?: 'previous-period' | 'previous-year';
}
