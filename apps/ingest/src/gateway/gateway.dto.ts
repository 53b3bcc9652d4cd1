import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export const MAX_EVENTS_PER_REQUEST = 1000;

export class RejectionReasonDto {
  @ApiProperty({ example: '/agency/code', description: 'JSON Pointer into the event' }) path!: string;
  @ApiProperty({ example: 'AGENCY_MISMATCH', description: 'Machine-readable code (docs/events.md lists them all)' }) code!: string;
  @ApiProperty({ description: 'For people; never repeats the values sent' }) message!: string;
}

export class EventResultDto {
  @ApiProperty({ description: 'Position of the event in the request array' }) index!: number;
  @ApiProperty({ nullable: true, description: 'The eventId, when the event had a readable one' }) eventId!: string | null;
  @ApiProperty({ enum: ['accepted', 'rejected'] }) status!: 'accepted' | 'rejected';
  @ApiPropertyOptional({ type: [RejectionReasonDto] }) reasons?: RejectionReasonDto[];
}

export class SubmissionResultDto {
  @ApiProperty() accepted!: number;
  @ApiProperty() rejected!: number;
  @ApiProperty({ type: [EventResultDto] }) results!: EventResultDto[];
}

export class RejectionDto {
  @ApiProperty({ description: 'Cursor: pass the last one seen as `after`' }) id!: string;
  @ApiProperty() rejectedAt!: string;
  @ApiProperty({ nullable: true }) eventId!: string | null;
  @ApiProperty({ type: [RejectionReasonDto] }) reasons!: RejectionReasonDto[];
}

export class RejectionPageDto {
  @ApiProperty({ type: [RejectionDto] }) rejections!: RejectionDto[];
  @ApiProperty({ nullable: true, description: 'The `after` of the next page; null when there is no more' }) next!: string | null;
}
