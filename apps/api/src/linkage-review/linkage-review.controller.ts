import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query, UsePipes } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/roles.decorator';
import { AuthenticatedUser } from '../auth/roles';
import { queryValidationPipe } from '../common/validation';
import { LinkageDecisionBody, LinkageReviewList, LinkageReviewQuery, LinkageReviewView } from './linkage-review.dto';
import { LinkageReviewService } from './linkage-review.service';

@ApiTags('linkage review')
@Controller('v1/linkage/reviews')
@ApiBearerAuth()
@Roles('data-steward', 'admin')
@UsePipes(queryValidationPipe)
export class LinkageReviewController {
  constructor(private readonly reviews: LinkageReviewService) {}

  @Get()
  @ApiOperation({ summary: 'Pairs of agency records the linker could not decide on, with how they compare (never names or identifiers)' })
  @ApiOkResponse({ type: LinkageReviewList })
  @ApiBadRequestResponse({ description: 'Problem details naming each invalid parameter' })
  list(@Query() query: LinkageReviewQuery): Promise<LinkageReviewList> {
    return this.reviews.list(query.status, query.limit, query.after);
  }

  @Post(':id/decision')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Record a reviewer decision; the aggregator re-clusters the records and updates the figures within seconds',
  })
  @ApiOkResponse({ type: LinkageReviewView })
  @ApiNotFoundResponse({ description: 'No such review' })
  @ApiConflictResponse({ description: 'The review was already decided' })
  decide(
    @Param('id', ParseIntPipe) id: number,
    @Body() body: LinkageDecisionBody,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<LinkageReviewView> {
    return this.reviews.decide(id, body.decision, user.sub);
  }
}
