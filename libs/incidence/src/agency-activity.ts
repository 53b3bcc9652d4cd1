import { weekCommencing } from '@mcm/shared';

/** One accepted event as agency activity counts it. */
export interface ActivityEvent {
  agencyCode: string;
  agencyType: string;
  /** Epoch milliseconds. */
  occurredAt: number;
  reportedAt: number;
}

export interface ActivityCell {
  agencyCode: string;
  agencyType: string;
  weekStart: string;
  events: number;
  /** Reporting lag (reported minus occurred, never negative) summed over the events, in hours. */
  lagHoursSum: number;
  lastReportedAt: number;
}

/** New events per agency and week of reporting (Europe/London): what they add to the completeness notes. */
export function agencyActivityCells(events: readonly ActivityEvent[]): ActivityCell[] {
  const cells = new Map<string, ActivityCell>();
  for (const e of events) {
    const weekStart = weekCommencing(new Date(e.reportedAt));
    const key = `${e.agencyCode}|${weekStart}`;
    const cell =
      cells.get(key) ??
      cells.set(key, { agencyCode: e.agencyCode, agencyType: e.agencyType, weekStart, events: 0, lagHoursSum: 0, lastReportedAt: 0 }).get(key)!;
    cell.events++;
    cell.lagHoursSum += Math.max(0, e.reportedAt - e.occurredAt) / 3_600_000;
    cell.lastReportedAt = Math.max(cell.lastReportedAt, e.reportedAt);
  }
  return [...cells.values()];
}
