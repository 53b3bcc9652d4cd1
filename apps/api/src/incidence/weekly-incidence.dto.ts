import { ApiProperty } from '@nestjs/swagger';

const PUBLISHED = 'Published through the cell-key method (never 1 to 4) except for statisticians, who receive the exact count';

/** What a response says about the protection of its figures. */
export class DisclosureNote {
  @ApiProperty({ enum: ['cell-key', 'none'], example: 'cell-key', description: '`none` only for statisticians (exact figures)' }) method!: 'cell-key' | 'none';
  @ApiProperty({ example: 'mcm-ptable-v1', required: false, description: 'The perturbation table (docs/STATISTICS.md)' }) ptable?: string;
  @ApiProperty({ description: 'One plain sentence saying how the figures are protected' }) note!: string;
}

export class WeekFigures {
  @ApiProperty({ example: '2026-W47', description: 'ISO week, Europe/London calendar' }) week!: string;
  @ApiProperty({ example: '2026-11-16', description: 'Monday of the week' }) weekCommencing!: string;
  @ApiProperty({ example: 412, minimum: 0, description: `Distinct national children with a missing episode starting in the week. ${PUBLISHED}` }) children!: number;
  @ApiProperty({ example: 530, minimum: 0, description: `National missing episodes starting in the week. ${PUBLISHED}` }) episodesStarted!: number;
  @ApiProperty({ example: 498, minimum: 0, description: `National missing episodes ending (child found or returned) in the week. ${PUBLISHED}` }) episodesEnded!: number;
  @ApiProperty({ example: 61, minimum: 0, description: `National episodes still open at the end of the week (Sunday 24:00 London time). ${PUBLISHED}` }) episodesOpenAtWeekEnd!: number;
}

export class WeeklyIncidenceResponse {
  @ApiProperty({ example: { from: '2026-W46', to: '2026-W47', setting: 'ALL', la: 'ALL', laName: 'England' } })
  query!: { from: string; to: string; setting: string; la: string; laName: string };
  @ApiProperty({ type: DisclosureNote }) disclosure!: DisclosureNote;
  @ApiProperty({ type: [WeekFigures] }) weeks!: WeekFigures[];
}
