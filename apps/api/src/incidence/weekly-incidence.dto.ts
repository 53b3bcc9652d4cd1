import { Published } from '@mcm/disclosure';
import { ApiProperty } from '@nestjs/swagger';

/** A count, or "c" where disclosure control suppressed it (analysts, below national level). */
const PUBLISHED = [{ type: 'integer', minimum: 0 }, { type: 'string', enum: ['c'] }];

export class WeekFigures {
  @ApiProperty({ example: '2026-W47', description: 'ISO week, Europe/London calendar' }) week!: string;
  @ApiProperty({ example: '2026-11-16', description: 'Monday of the week' }) weekCommencing!: string;
  @ApiProperty({ example: 412, description: 'Distinct national children with a missing episode starting in the week', oneOf: PUBLISHED }) children!: Published;
  @ApiProperty({ example: 530, description: 'National missing episodes starting in the week', oneOf: PUBLISHED }) episodesStarted!: Published;
  @ApiProperty({ example: 498, description: 'National missing episodes ending (child found or returned) in the week', oneOf: PUBLISHED }) episodesEnded!: Published;
  @ApiProperty({ example: 61, description: 'National episodes still open at the end of the week (Sunday 24:00 London time)', oneOf: PUBLISHED }) episodesOpenAtWeekEnd!: Published;
}

export class WeeklyIncidenceResponse {
  @ApiProperty({ example: { from: '2026-W46', to: '2026-W47', setting: 'ALL', la: 'ALL', laName: 'England' } })
  query!: { from: string; to: string; setting: string; la: string; laName: string };
  @ApiProperty({ type: [WeekFigures] }) weeks!: WeekFigures[];
}
