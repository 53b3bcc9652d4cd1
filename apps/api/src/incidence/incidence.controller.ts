import { Controller, Get, Query, UsePipes } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { queryValidationPipe } from '../common/validation';
import { WeeklyIncidenceResponse } from './weekly-incidence.dto';
import { WeeklyIncidenceQuery } from './weekly-incidence.query';
import { WeeklyIncidenceService } from './weekly-incidence.service';

@ApiTags('incidence')
@Controller('v1/incidence')
export class IncidenceController {
  constructor(private readonly incidence: WeeklyIncidenceService) {}

  @Get('weekly')
  @UsePipes(queryValidationPipe)
  @ApiOperation({ summary: 'National missing-children incidence per ISO week (Europe/London)' })
  @ApiOkResponse({ type: WeeklyIncidenceResponse })
  @ApiBadRequestResponse({ description: 'Problem details naming each invalid parameter' })
  weekly(@Query() query: WeeklyIncidenceQuery): Promise<WeeklyIncidenceResponse> {
    return this.incidence.weekly(query);
  }
}
