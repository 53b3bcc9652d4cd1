/** Events are applied in (reportedAt, eventId) order, so the result never depends on arrival order. */
export interface Ordered {
  eventId: string;
  reportedAt: number;
}

export function byReportOrder(a: Ordered, b: Ordered): number {
  return a.reportedAt - b.reportedAt || (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0);
}
