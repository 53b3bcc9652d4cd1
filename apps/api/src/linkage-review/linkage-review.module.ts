import { Module } from '@nestjs/common';
import { LinkageReviewController } from './linkage-review.controller';
import { LinkageReviewService } from './linkage-review.service';

/** The linkage review queue (issue 3). Role protection (`data-steward`) arrives with access control. */
@Module({ controllers: [LinkageReviewController], providers: [LinkageReviewService] })
export class LinkageReviewModule {}
