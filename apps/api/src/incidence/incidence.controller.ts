import { Controller, Get, Query, UsePipes } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../auth/roles.decorator';
import { AuthenticatedUser, seesUnsuppressed } from '../auth/roles';
import { queryValidationPipe } from '../common/validation';
import { WeeklyIncidenceResponse } from './weekly-incidence.dto';
import { WeeklyIncidenceQuery } from './weekly-incidence.query';
import { WeeklyIncidenceService } from './weekly-incidence.service';

@ApiTags('incidence')
@ApiBearerAuth()
@Controller('v1/incidence')
export class IncidenceController {
  constructor(private readonly incidence: WeeklyIncidenceService) {}

  @Get('weekly')
  @UsePipes(queryValidationPipe)
  @ApiOperation({ summary: 'Missing-children incidence per ISO week (Europe/London). Below national level, analysts receive counts 1-4 and their complements as "c"; statisticians and admins receive them unsuppressed.' })
  @ApiOkResponse({ type: WeeklyIncidenceResponse })
  @ApiBadRequestResponse({ description: 'Problem details naming each invalid parameter' })
  weekly(@Query() query: WeeklyIncidenceQuery, @CurrentUser() user: AuthenticatedUser): Promise<WeeklyIncidenceResponse> {
    return this.incidence.weekly(query, seesUnsuppressed(user.role) ? 'unsuppressed' : 'protected');
  }
}
