import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DisclosureMode, disclosureStatement, publishCells } from '@mcm/disclosure';
import { IncidenceQueryRepository, KeyedFigure, WeeklyKeyedFigures } from '@mcm/persistence';
import { addWeeks, isoWeekLabel, referenceData, weekCommencing, weeksBetween } from '@mcm/shared';
import { DataSource } from 'typeorm';
import { invalidParameter, MAX_WEEKS, weekStartOf } from '../common/parameters';
import { WeeklyIncidenceResponse } from './weekly-incidence.dto';
import { WeeklyIncidenceQuery } from './weekly-incidence.query';

const NONE: KeyedFigure = { value: 0, key: 0 };

@Injectable()
export class WeeklyIncidenceService {
  private readonly figures = new IncidenceQueryRepository();

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Weekly figures of one area and setting, each cell published through its own cell key (exact for statisticians). */
  async weekly(query: WeeklyIncidenceQuery, mode: DisclosureMode): Promise<WeeklyIncidenceResponse> {
    const laName = this.laName(query.la);
    const to = query.to ? weekStartOf(query.to, 'to') : (await this.figures.latestWeek(this.db.manager)) ?? weekCommencing(new Date());
    const from = query.from ? weekStartOf(query.from, 'from') : addWeeks(to, -11);
    const span = weeksBetween(from, to) + 1;
    if (span < 1) throw invalidParameter('from', 'from must not be after to');
    if (span > MAX_WEEKS) throw invalidParameter('from', `at most ${MAX_WEEKS} weeks can be asked for at once`);
    const stored = new Map<string, WeeklyKeyedFigures>((await this.figures.weekly(this.db.manager, query.setting, query.la, from, to)).map((w) => [w.weekStart, w]));
    const weeks = Array.from({ length: span }, (_, i) => {
      const weekStart = addWeeks(from, i);
      const cells = stored.get(weekStart) ?? { children: NONE, started: NONE, ended: NONE, open: NONE };
      const published = publishCells({ children: cells.children, episodesStarted: cells.started, episodesEnded: cells.ended, episodesOpenAtWeekEnd: cells.open }, mode);
      return { week: isoWeekLabel(weekStart), weekCommencing: weekStart, ...published };
    });
    return { query: { from: isoWeekLabel(from), to: isoWeekLabel(to), setting: query.setting, la: query.la, laName }, disclosure: disclosureStatement(mode), weeks };
  }

  private laName(code: string): string {
    if (code === 'ALL') return 'England';
    if (code === 'UNKNOWN') return 'Not available';
    const region = referenceData().regions.get(code);
    if (region) return region.name;
    const la = referenceData().localAuthorities.get(code);
    if (!la) throw invalidParameter('la', `${code} is not a children's services authority in reference data ${referenceData().version}`);
    return la.name;
  }
}
