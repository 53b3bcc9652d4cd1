import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query, Req, SetMetadata, UsePipes } from '@nestjs/common';
import {
  ApiBadRequestResponse, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags,
} from '@nestjs/swagger';
import { Request } from 'express';
import { queryValidationPipe } from '../common/validation';
import { LinkageDecisionBody, LinkageReviewList, LinkageReviewQuery, LinkageReviewView } from './linkage-review.dto';
import { LinkageReviewService } from './linkage-review.service';

/**
 * Role metadata for the access-control issue: only `data-steward` may list or decide linkage
 * reviews. NOT ENFORCED YET: no guard reads it until access control lands (README: the API is
 * unprotected and listens on 127.0.0.1 only).
 */
export const ROLES_KEY = 'roles';
export const DATA_STEWARD = 'data-steward';
const Roles = (...roles: string[]) => SetMetadata(ROLES_KEY, roles);

/** Until access control lands there is no authenticated user; the decision is recorded as this. */
export const UNAUTHENTICATED_REVIEWER = 'unauthenticated';

@ApiTags('linkage review')
@Controller('v1/linkage/reviews')
@Roles(DATA_STEWARD)
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
    summary: 'Record a reviewer decision; the aggregator re-clusters the records and updates the figures in its next batch',
  })
  @ApiOkResponse({ type: LinkageReviewView })
  @ApiNotFoundResponse({ description: 'No such review' })
  @ApiConflictResponse({ description: 'The review was already decided' })
  decide(@Param('id', ParseIntPipe) id: number, @Body() body: LinkageDecisionBody, @Req() request: Request): Promise<LinkageReviewView> {
    const user = (request as Request & { user?: { id?: string } }).user;
    return this.reviews.decide(id, body.decision, user?.id ?? UNAUTHENTICATED_REVIEWER);
  }
}
