import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';

export const REVIEW_STATUSES = ['PENDING', 'CONFIRMED', 'REJECTED'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];
export const REVIEW_DECISIONS = ['CONFIRM', 'REJECT'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

export class LinkageReviewQuery {
  @ApiPropertyOptional({ enum: REVIEW_STATUSES, default: 'PENDING' })
  @IsOptional()
  @IsIn(REVIEW_STATUSES, { message: 'status must be one of PENDING, CONFIRMED, REJECTED' })
  status: ReviewStatus = 'PENDING';

  @ApiPropertyOptional({ description: 'Page size', default: 100, minimum: 1, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit: number = 100;

  @ApiPropertyOptional({ description: 'Return reviews with an id greater than this (paging: pass the last id of the previous page)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  after?: number;
}

export class LinkageDecisionBody {
  @ApiProperty({ enum: REVIEW_DECISIONS, description: 'CONFIRM: the two records are one child. REJECT: they are different children.' })
  @IsIn(REVIEW_DECISIONS, { message: 'decision must be CONFIRM or REJECT' })
  decision!: ReviewDecision;
}

export class ComparisonLevel {
  @ApiProperty({ example: 'family_name' }) comparison!: string;
  @ApiProperty({ example: 'jaro_winkler_0.92', description: "The agreement level the pair reached (or 'missing')" }) level!: string;
  @ApiProperty({ example: 5.1, description: 'Match weight of that level in bits (log2 m/u)' }) weight!: number;
}

/** A pair as a reviewer sees it: how the two records compare, never what they contain. */
export class LinkageReviewView {
  @ApiProperty({ example: 42 }) id!: number;
  @ApiProperty({ enum: REVIEW_STATUSES }) status!: ReviewStatus;
  @ApiProperty({ example: 0.64, description: 'Match probability under the model' }) probability!: number;
  @ApiProperty({ example: 'lm-20261120T0930-1a2b3c4d' }) modelId!: string;
  @ApiProperty({ type: [ComparisonLevel] }) comparisonLevels!: ComparisonLevel[];
  @ApiProperty() createdAt!: string;
  @ApiPropertyOptional({ nullable: true }) decidedAt!: string | null;
  @ApiPropertyOptional({ nullable: true }) decidedBy!: string | null;
  @ApiProperty({ description: 'Whether the aggregator has re-clustered the records and updated the figures after the decision' })
  applied!: boolean;
}

export class LinkageReviewList {
  @ApiProperty({ type: [LinkageReviewView] }) reviews!: LinkageReviewView[];
}
