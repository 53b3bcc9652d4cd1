import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { addWeeks, isoWeekLabel, referenceData, weekCommencing, weeksBetween, weekStartOfLabel } from '@mcm/shared';
import { DataSource } from 'typeorm';
import { WeeklyIncidenceResponse } from './weekly-incidence.dto';
import { WeeklyIncidenceQuery } from './weekly-incidence.query';

export const MAX_WEEKS = 521;

@Injectable()
export class WeeklyIncidenceService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async weekly(query: WeeklyIncidenceQuery): Promise<WeeklyIncidenceResponse> {
    const laName = this.laName(query.la);
    const to = query.to ? toWeekStart(query.to, 'to') : await this.latestWeek();
    const from = query.from ? toWeekStart(query.from, 'from') : addWeeks(to, -11);
    const span = weeksBetween(from, to) + 1;
    if (span < 1) throw invalid('from', 'from must not be after to');
    if (span > MAX_WEEKS) throw invalid('from', `at most ${MAX_WEEKS} weeks can be asked for at once`);
    const rows: { week_start: string; children: number; episodes_started: number; episodes_ended: number; open_at_week_end: number }[] = await this.db.query(
      `SELECT week_start::text, children, episodes_started, episodes_ended, open_at_week_end FROM weekly_incidence
        WHERE setting = $1 AND la_code = $2 AND week_start BETWEEN $3::date AND $4::date`,
      [query.setting, query.la, from, to],
    );
    const byWeek = new Map(rows.map((r) => [r.week_start, r]));
    const weeks = Array.from({ length: span }, (_, i) => {
      const weekStart = addWeeks(from, i);
      const row = byWeek.get(weekStart);
      return {
        week: isoWeekLabel(weekStart),
        weekCommencing: weekStart,
        children: row?.children ?? 0,
        episodesStarted: row?.episodes_started ?? 0,
        episodesEnded: row?.episodes_ended ?? 0,
        episodesOpenAtWeekEnd: row?.open_at_week_end ?? 0,
      };
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
    if (!la) throw invalid('la', `${code} is not a children's services authority in reference data ${referenceData().version}`);
    return la.name;
  }
}

function toWeekStart(value: string, path: string): string {
  if (value.includes('W')) {
    const start = weekStartOfLabel(value);
    if (!start) throw invalid(path, `${value} is not an ISO week`);
    return start;
  }
  const noon = new Date(`${value}T12:00:00Z`);
  if (Number.isNaN(noon.getTime()) || noon.toISOString().slice(0, 10) !== value) throw invalid(path, `${value} is not a calendar date`);
  return weekCommencing(noon);
}

const invalid = (path: string, message: string) => new BadRequestException({ errors: [{ path, code: 'INVALID', message }] });
