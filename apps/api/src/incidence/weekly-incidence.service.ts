import { Injectable } from '@nestjs/common';
import {
  DataSource,
  FirstFinalValue,
  IncidenceQueryRepository,
  InjectDataSource,
  KeyedFigure,
  PublishedCellRepository,
  WeeklyKeyedFigures,
} from '@mcm/persistence';
import { cellFlag } from '@mcm/bulletin';
import { DisclosureMode, disclosureStatement, publishCells } from '@mcm/disclosure';
import { addWeeks, isoWeekLabel, referenceData, weeksBetween } from '@mcm/shared';
import { invalidParameter, MAX_WEEKS, weekStartOf } from '../common/parameters';
import { ReleaseCalendarService } from './release-calendar.service';
import { WeekFigures, WeeklyIncidenceResponse } from './weekly-incidence.dto';
import { WeeklyIncidenceQuery } from './weekly-incidence.query';

const NONE: KeyedFigure = { value: 0, key: 0 };
/** Each measure of the response and its name in published_cell. */
const MEASURES = [
  ['children', 'children'],
  ['episodesStarted', 'episodes_started'],
  ['episodesEnded', 'episodes_ended'],
  ['episodesOpenAtWeekEnd', 'open_at_week_end'],
] as const;

@Injectable()
export class WeeklyIncidenceService {
  private readonly figures = new IncidenceQueryRepository();
  private readonly published = new PublishedCellRepository();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly calendar: ReleaseCalendarService,
  ) {}

  /**
   * Weekly figures of one area and setting, each cell published through its own cell key (exact
   * for statisticians), with its p/r/x marker. By default up to the last complete week; a later
   * week asked for explicitly is marked p.
   */
  async weekly(query: WeeklyIncidenceQuery, mode: DisclosureMode): Promise<WeeklyIncidenceResponse> {
    const laName = this.laName(query.la);
    const calendar = await this.calendar.now();
    const to = query.to ? weekStartOf(query.to, 'to') : calendar.lastCompleteWeek;
    const from = query.from ? weekStartOf(query.from, 'from') : addWeeks(to, -11);
    const span = weeksBetween(from, to) + 1;
    if (span < 1) throw invalidParameter('from', 'from must not be after to');
    if (span > MAX_WEEKS) throw invalidParameter('from', `at most ${MAX_WEEKS} weeks can be asked for at once`);
    const [rows, firsts] = await Promise.all([
      this.figures.weekly(this.db.manager, query.setting, query.la, from, to),
      this.published.firstFinal(this.db.manager, query.setting, query.la, from, to),
    ]);
    const stored = new Map<string, WeeklyKeyedFigures>(rows.map((w) => [w.weekStart, w]));
    const firstFinal = new Map<string, FirstFinalValue>(firsts.map((f) => [`${f.weekStart}|${f.measure}`, f]));
    const weeks = Array.from({ length: span }, (_, i): WeekFigures => {
      const weekStart = addWeeks(from, i);
      const cells = stored.get(weekStart) ?? { children: NONE, started: NONE, ended: NONE, open: NONE };
      const published = publishCells(
        { children: cells.children, episodesStarted: cells.started, episodesEnded: cells.ended, episodesOpenAtWeekEnd: cells.open },
        mode,
      );
      // After the latest report nothing says which episodes were still open: not available, never 0.
      const open = calendar.horizonWeek !== null && weekStart <= calendar.horizonWeek ? published.episodesOpenAtWeekEnd : null;
      const values = { ...published, episodesOpenAtWeekEnd: open };
      const completeness = calendar.completeness(weekStart);
      const flags = Object.fromEntries(
        MEASURES.map(([field, measure]) => {
          const first = firstFinal.get(`${weekStart}|${measure}`);
          return [field, cellFlag({ completeness, value: values[field], firstFinal: first ? (mode === 'exact' ? first.exact : first.value) : null })];
        }),
      ) as unknown as WeekFigures['flags'];
      return { week: isoWeekLabel(weekStart), weekCommencing: weekStart, status: completeness, ...values, flags };
    });
    return {
      query: { from: isoWeekLabel(from), to: isoWeekLabel(to), setting: query.setting, la: query.la, laName },
      lastCompleteWeek: isoWeekLabel(calendar.lastCompleteWeek),
      disclosure: disclosureStatement(mode),
      weeks,
    };
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
