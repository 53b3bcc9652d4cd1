import { ApiPropertyOptional } from '@nestjs/swagger';
import { SETTINGS_WITH_ALL, SettingOrAll } from '@mcm/shared';
import { IsIn, IsOptional, Matches } from 'class-validator';

const WEEK_OR_DATE = /^(\d{4}-W\d{2}|\d{4}-\d{2}-\d{2})$/;

export class WeeklyIncidenceQuery {
  @ApiPropertyOptional({
    description: 'First week: ISO week (2026-W40) or any date in it (2026-09-30). Default: 11 weeks before `to`.',
    example: '2026-W40',
  })
  @IsOptional()
  @Matches(WEEK_OR_DATE, { message: 'from must be an ISO week like 2026-W40 or a date like 2026-09-30' })
  from?: string;

  @ApiPropertyOptional({ description: 'Last week, inclusive, in the same forms. Default: the latest week with data.', example: '2026-W47' })
  @IsOptional()
  @Matches(WEEK_OR_DATE, { message: 'to must be an ISO week like 2026-W47 or a date like 2026-11-20' })
  to?: string;

  @ApiPropertyOptional({
    enum: SETTINGS_WITH_ALL,
    default: 'ALL',
    description:
      'HOME missing from home; CARE missing from care (a looked-after child; /v1/incidence?groupBy=careMissingType separates M missing from ' +
      'A away without authorisation); EDUCATION missing during school (absent from school without explanation during the school day; not ' +
      '"children missing education", who are not registered at any school); ALL every setting, each child once',
  })
  @IsOptional()
  @IsIn(SETTINGS_WITH_ALL, { message: `setting must be one of ${SETTINGS_WITH_ALL.join(', ')}` })
  setting: SettingOrAll = 'ALL';

  @ApiPropertyOptional({
    description: "Children's services authority GSS code (E06/E08/E09/E10), a region (E12), UNKNOWN, or ALL for England",
    default: 'ALL',
    example: 'E09000033',
  })
  @IsOptional()
  @Matches(/^(ALL|E(06|08|09|10|12)\d{6}|UNKNOWN)$/, { message: 'la must be ALL, UNKNOWN, a region (E12...) or a GSS code like E09000033' })
  la: string = 'ALL';
}
