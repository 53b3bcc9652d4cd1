import { ApiProperty } from '@nestjs/swagger';

const PUBLISHED = 'Published through the cell-key method (never 1 to 4) except for statisticians, who receive the exact count';
const FLAG =
  'GSS marker: `p` provisional (the week is not complete, or still in progress), `r` revised (the value differs from the one first published once the week was complete), `x` not available (the value is null), null for none';

/** What a response says about the protection of its figures. */
export class DisclosureNote {
  @ApiProperty({ enum: ['cell-key', 'none'], example: 'cell-key', description: '`none` only for statisticians (exact figures)' }) method!:
    'cell-key' | 'none';
  @ApiProperty({ example: 'mcm-ptable-v1', required: false, description: 'The perturbation table (docs/STATISTICS.md)' }) ptable?: string;
  @ApiProperty({ description: 'One plain sentence saying how the figures are protected' }) note!: string;
}

export type CellFlag = 'p' | 'r' | 'x' | null;

export class WeekFlags {
  @ApiProperty({ enum: ['p', 'r'], nullable: true, description: FLAG }) children!: CellFlag;
  @ApiProperty({ enum: ['p', 'r'], nullable: true, description: FLAG }) episodesStarted!: CellFlag;
  @ApiProperty({ enum: ['p', 'r'], nullable: true, description: FLAG }) episodesEnded!: CellFlag;
  @ApiProperty({ enum: ['p', 'r', 'x'], nullable: true, description: FLAG }) episodesOpenAtWeekEnd!: CellFlag;
}

export class WeekFigures {
  @ApiProperty({ example: '2026-W47', description: 'ISO week, Europe/London calendar' }) week!: string;
  @ApiProperty({ example: '2026-11-16', description: 'Monday of the week' }) weekCommencing!: string;
  @ApiProperty({
    enum: ['complete', 'provisional', 'in-progress'],
    example: 'complete',
    description: 'Where the week stands under the release rule (docs/STATISTICS.md, "When a week is complete")',
  })
  status!: 'complete' | 'provisional' | 'in-progress';
  @ApiProperty({ example: 412, minimum: 0, description: `Distinct national children with a missing episode starting in the week. ${PUBLISHED}` })
  children!: number;
  @ApiProperty({ example: 530, minimum: 0, description: `National missing episodes starting in the week. ${PUBLISHED}` }) episodesStarted!: number;
  @ApiProperty({ example: 498, minimum: 0, description: `National missing episodes ending (child found or returned) in the week. ${PUBLISHED}` })
  episodesEnded!: number;
  @ApiProperty({
    example: 61,
    minimum: 0,
    nullable: true,
    description: `National episodes still open at the end of the week (Sunday 24:00 London time); null (flag x) for a week after the latest report received. ${PUBLISHED}`,
  })
  episodesOpenAtWeekEnd!: number | null;
  @ApiProperty({ type: WeekFlags }) flags!: WeekFlags;
}

export class WeeklyIncidenceResponse {
  @ApiProperty({ example: { from: '2026-W36', to: '2026-W47', setting: 'ALL', la: 'ALL', laName: 'England' } })
  query!: { from: string; to: string; setting: string; la: string; laName: string };
  @ApiProperty({ example: '2026-W47', description: 'The last complete week now: the default `to`' }) lastCompleteWeek!: string;
  @ApiProperty({ type: DisclosureNote }) disclosure!: DisclosureNote;
  @ApiProperty({ type: [WeekFigures] }) weeks!: WeekFigures[];
}
