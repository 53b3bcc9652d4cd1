import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { addWeeks, isoWeekLabel, referenceData, weekCommencing, weeksBetween } from '@mcm/shared';
import { DataSource } from 'typeorm';
import { invalidParameter, MAX_WEEKS, weekStartOf } from '../common/parameters';
import { WeeklyIncidenceResponse } from './weekly-incidence.dto';
import { WeeklyIncidenceQuery } from './weekly-incidence.query';
import { discloseAreaWeek, SettingRows } from './week-disclosure';

const zero = () => ({ children: 0, episodesStarted: 0, episodesEnded: 0, episodesOpenAtWeekEnd: 0 });

@Injectable()
export class WeeklyIncidenceService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Weekly figures; below national level, roles that see suppressed figures get them protected. */
  async weekly(query: WeeklyIncidenceQuery, disclosure: 'protected' | 'unsuppressed' = 'protected'): Promise<WeeklyIncidenceResponse> {
    const laName = this.laName(query.la);
    const to = query.to ? weekStartOf(query.to, 'to') : await this.latestWeek();
    const from = query.from ? weekStartOf(query.from, 'from') : addWeeks(to, -11);
    const span = weeksBetween(from, to) + 1;
    if (span < 1) throw invalidParameter('from', 'from must not be after to');
    if (span > MAX_WEEKS) throw invalidParameter('from', `at most ${MAX_WEEKS} weeks can be asked for at once`);
    const protect = disclosure === 'protected' && query.la !== 'ALL';
    const rows: { week_start: string; setting: keyof SettingRows; children: number; episodes_started: number; episodes_ended: number; open_at_week_end: number }[] =
      await this.db.query(
        `SELECT week_start::text, setting, children, episodes_started, episodes_ended, open_at_week_end FROM weekly_incidence
          WHERE setting = ANY($1::text[]) AND la_code = $2 AND week_start BETWEEN $3::date AND $4::date`,
        [protect ? ['ALL', 'HOME', 'CARE', 'EDUCATION'] : [query.setting], query.la, from, to],
      );
    const byWeek = new Map<string, SettingRows>();
    for (const r of rows) {
      const settings = byWeek.get(r.week_start) ?? { ALL: zero(), HOME: zero(), CARE: zero(), EDUCATION: zero() };
      settings[r.setting] = { children: r.children, episodesStarted: r.episodes_started, episodesEnded: r.episodes_ended, episodesOpenAtWeekEnd: r.open_at_week_end };
      byWeek.set(r.week_start, settings);
    }
    const weeks = Array.from({ length: span }, (_, i) => {
      const weekStart = addWeeks(from, i);
      const settings = byWeek.get(weekStart) ?? { ALL: zero(), HOME: zero(), CARE: zero(), EDUCATION: zero() };
      const figures = protect ? discloseAreaWeek(settings)[query.setting] : settings[query.setting];
      return { week: isoWeekLabel(weekStart), weekCommencing: weekStart, ...figures };
    });
    return { query: { from: isoWeekLabel(from), to: isoWeekLabel(to), setting: query.setting, la: query.la, laName }, weeks };
  }

  private async latestWeek(): Promise<string> {
    const [row]: { week: string | null }[] = await this.db.query(`SELECT max(week_start)::text AS week FROM weekly_incidence`);
    return row.week ?? weekCommencing(new Date());
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
