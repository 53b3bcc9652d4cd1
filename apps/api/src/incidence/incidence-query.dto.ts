import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, Matches } from 'class-validator';
import { AGE_BANDS, CARE_MISSING_FILTER_VALUES, ETHNICITY_GROUPS, RISK_CATEGORIES, SETTINGS, SEXES } from '@mcm/shared';

export const GROUP_BY = ['setting', 'region', 'la', 'ageBand', 'sex', 'ethnicityGroup', 'riskGrade', 'careMissingType'] as const;
export type GroupBy = (typeof GROUP_BY)[number];
const list = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean)
    : value;
/** "setting must list HOME, CARE or EDUCATION": the message names the vocabulary's codes (", or" after a code with "or" in it). */
function mustList(name: string, values: readonly string[]): string {
  const [last, ...rest] = [...values].reverse();
  if (rest.length === 0) return `${name} must list ${last}`;
  const head = rest.reverse();
  return `${name} must list ${head.join(', ')}${head[head.length - 1].includes(' or ') ? ',' : ''} or ${last}`;
}
/** Highest grade first, as analysts ask for it. */
const RISK_FILTER_VALUES = [...RISK_CATEGORIES].reverse();
const PERIOD = /^(\d{4}-W\d{2}|\d{4}-\d{2}-\d{2}|\d{4}-\d{2})$/;

export class IncidenceQuery {
  @ApiPropertyOptional({ description: 'First period: ISO week (2026-W01), month (2026-01) or a date in it', example: '2026-01' })
  @Matches(PERIOD, { message: 'from must be an ISO week (2026-W01), a month (2026-01) or a date (2026-01-15)' })
  from!: string;

  @ApiPropertyOptional({ description: 'Last period, inclusive, in the same forms', example: '2026-10' })
  @Matches(PERIOD, { message: 'to must be an ISO week (2026-W47), a month (2026-10) or a date (2026-10-31)' })
  to!: string;

  @ApiPropertyOptional({ enum: ['week', 'month'], default: 'week', description: 'Periods of ISO weeks or calendar months (Europe/London)' })
  @IsOptional()
  @IsIn(['week', 'month'], { message: 'granularity must be week or month' })
  granularity: 'week' | 'month' = 'week';

  @ApiPropertyOptional({ description: 'Comma-separated dimensions to group by', example: 'setting,ageBand', enum: GROUP_BY, isArray: true })
  @IsOptional()
  @Transform(list)
  @IsArray()
  @ArrayMaxSize(3, { message: 'groupBy takes at most 3 dimensions' })
  @IsIn(GROUP_BY, { each: true, message: `groupBy must be a comma-separated list of ${GROUP_BY.join(', ')}` })
  groupBy: GroupBy[] = [];

  @ApiPropertyOptional({
    description:
      'Only these settings (comma-separated): HOME missing from home, CARE missing from care (a looked-after child), ' +
      'EDUCATION missing during school (absent from school without explanation during the school day; not "children missing education", ' +
      'who are not registered at any school)',
    example: 'CARE,HOME',
    enum: SETTINGS,
    isArray: true,
  })
  @IsOptional()
  @Transform(list)
  @IsArray()
  @IsIn(SETTINGS, { each: true, message: mustList('setting', SETTINGS) })
  setting?: string[];

  @ApiPropertyOptional({ description: 'Only this region (E12 code)', example: 'E12000007' })
  @IsOptional()
  @Matches(/^E12\d{6}$/, { message: 'region must be a region code like E12000007' })
  region?: string;

  @ApiPropertyOptional({ description: 'Only this local authority (GSS code)', example: 'E09000033' })
  @IsOptional()
  @Matches(/^E(06|08|09|10)\d{6}$/, { message: 'la must be a GSS code like E09000033' })
  la?: string;

  @ApiPropertyOptional({ description: 'Only these age bands', example: '10-15,16-17', enum: AGE_BANDS, isArray: true })
  @IsOptional()
  @Transform(list)
  @IsArray()
  @IsIn(AGE_BANDS, { each: true, message: mustList('ageBand', AGE_BANDS) })
  ageBand?: string[];

  @ApiPropertyOptional({ description: 'Only these sexes (M, F, U)', example: 'F', enum: SEXES, isArray: true })
  @IsOptional()
  @Transform(list)
  @IsArray()
  @IsIn(SEXES, { each: true, message: mustList('sex', SEXES) })
  sex?: string[];

  @ApiPropertyOptional({ description: 'Only these ethnicity groups', example: 'Black,Mixed', enum: ETHNICITY_GROUPS, isArray: true })
  @IsOptional()
  @Transform(list)
  @IsArray()
  @IsIn(ETHNICITY_GROUPS, { each: true, message: mustList('ethnicityGroup', ETHNICITY_GROUPS) })
  ethnicityGroup?: string[];

  @ApiPropertyOptional({ description: 'Only these police risk grades', example: 'HIGH', enum: RISK_FILTER_VALUES, isArray: true })
  @IsOptional()
  @Transform(list)
  @IsArray()
  @IsIn(RISK_FILTER_VALUES, { each: true, message: mustList('riskGrade', RISK_FILTER_VALUES) })
  riskGrade?: string[];

  @ApiPropertyOptional({
    description:
      'Only these SSDA903 missing types of episodes from care: M missing (whereabouts unknown), A away from placement without ' +
      'authorisation (whereabouts known), NOT_STATED; NOT_APPLICABLE selects episodes from home or during school. An episode is M when any ' +
      'agency recorded it as M, else A when one recorded A.',
    example: 'M,A',
    enum: CARE_MISSING_FILTER_VALUES,
    isArray: true,
  })
  @IsOptional()
  @Transform(list)
  @IsArray()
  @IsIn(CARE_MISSING_FILTER_VALUES, { each: true, message: mustList('careMissingType', CARE_MISSING_FILTER_VALUES) })
  careMissingType?: string[];

  @ApiPropertyOptional({
    enum: ['previous-period', 'previous-year'],
    description: 'Adds the same figures for the preceding range of equal length, or a year earlier',
  })
  @IsOptional()
  @IsIn(['previous-period', 'previous-year'], { message: 'compare must be previous-period or previous-year' })
  compare?: 'previous-period' | 'previous-year';
}
