import { AGENCY_CODE_PATTERNS, EventKind, RiskGrade, Setting } from '@mcm/shared';
import { byReportOrder, Ordered } from './ordering';

/** The non-identifying facts of an accepted event that episodes are built from. */
export interface EpisodeEvent extends Ordered {
  kind: EventKind;
  setting: Setting;
  agencyCode: string;
  agencyChildRef: string;
  agencyEpisodeRef: string;
  occurredAt: number;
  careMissingType?: 'M' | 'A';
  riskGrade?: RiskGrade;
  returnInterviewOffered?: boolean;
  /** The child's responsible LA as this event states it (`child.responsibleLaCode`). */
  responsibleLaCode?: string;
  correction?: { missingFrom?: number; returnedAt?: number; riskGrade?: RiskGrade; careMissingType?: 'M' | 'A' };
}

/**
 * ACTIVE: counted. AWAITING_REPORT: a return or correction arrived before the missing report;
 * kept and applied as soon as the report arrives. WITHDRAWN: reported in error. INCONSISTENT:
 * the agency's own facts put the return before the start; not counted until corrected.
 */
export type AgencyEpisodeStatus = 'ACTIVE' | 'AWAITING_REPORT' | 'WITHDRAWN' | 'INCONSISTENT';

export interface AgencyEpisode {
  agencyCode: string;
  agencyEpisodeRef: string;
  agencyChildRef: string;
  setting: Setting;
  careMissingType: 'M' | 'A' | null;
  riskGrade: RiskGrade | null;
  startedAt: number | null;
  endedAt: number | null;
  /** The LA stated for the child at the episode's start (agencyEpisodeLa), or null. */
  laCode: string | null;
  returnInterviewOffered: boolean | null;
  /** A RETURNED event reported within 72 hours of the return said an interview was offered. */
  returnInterviewWithin72h: boolean;
  status: AgencyEpisodeStatus;
}

const RETURN_INTERVIEW_WINDOW_MS = 72 * 3_600_000;

/** Folds every event of one agency episode into its current state; order-independent. */
export function foldAgencyEpisode(events: readonly EpisodeEvent[]): AgencyEpisode {
  const ordered = [...events].sort(byReportOrder);
  const report = ordered.filter((e) => e.kind === 'MISSING_REPORTED').pop();
  const anchor = report ?? ordered[ordered.length - 1];
  let startedAt = report?.occurredAt ?? null;
  let endedAt: number | null = null;
  let riskGrade: RiskGrade | null = null;
  let careMissingType = report?.careMissingType ?? null;
  let returnInterviewOffered: boolean | null = null;
  let returnInterviewWithin72h = false;
  let correctedStart: number | undefined;
  let correctedEnd: number | undefined;
  let withdrawn = false;
  for (const e of ordered) {
    if (e.riskGrade) riskGrade = e.riskGrade;
    if (e.kind === 'RETURNED') {
      endedAt = e.occurredAt;
      if (e.returnInterviewOffered !== undefined) returnInterviewOffered = e.returnInterviewOffered;
      if (e.returnInterviewOffered && e.reportedAt - e.occurredAt <= RETURN_INTERVIEW_WINDOW_MS) returnInterviewWithin72h = true;
    }
    if (e.kind === 'REPORT_WITHDRAWN') withdrawn = true;
    if (e.kind === 'EPISODE_CORRECTED' && e.correction) {
      correctedStart = e.correction.missingFrom ?? correctedStart;
      correctedEnd = e.correction.returnedAt ?? correctedEnd;
      riskGrade = e.correction.riskGrade ?? riskGrade;
      careMissingType = e.correction.careMissingType ?? careMissingType;
    }
  }
  if (report && correctedStart !== undefined) startedAt = correctedStart;
  if (correctedEnd !== undefined) endedAt = correctedEnd;
  const status: AgencyEpisodeStatus = withdrawn
    ? 'WITHDRAWN'
    : !report
      ? 'AWAITING_REPORT'
      : endedAt !== null && startedAt !== null && endedAt < startedAt
        ? 'INCONSISTENT'
        : 'ACTIVE';
  return {
    agencyCode: anchor.agencyCode,
    agencyEpisodeRef: anchor.agencyEpisodeRef,
    agencyChildRef: anchor.agencyChildRef,
    setting: anchor.setting,
    careMissingType,
    riskGrade,
    startedAt,
    endedAt,
    laCode: agencyEpisodeLa(ordered, anchor.agencyCode),
    returnInterviewOffered,
    returnInterviewWithin72h,
    status,
  };
}

/**
 * The LA an agency episode is placed in (docs/events.md, "The local authority of an episode"): the
 * latest statement on its MISSING_REPORTED and EPISODE_CORRECTED events (they describe the episode
 * as at its start), else on its other events, else a local authority's own code for its own
 * reports. Never a statement on the child's other episodes. `ordered`: in report order.
 */
export function agencyEpisodeLa(ordered: readonly EpisodeEvent[], agencyCode: string): string | null {
  const latest = (kinds: EventKind[]) => ordered.filter((e) => e.responsibleLaCode !== undefined && kinds.includes(e.kind)).pop()?.responsibleLaCode;
  return (
    latest(['MISSING_REPORTED', 'EPISODE_CORRECTED']) ??
    latest(['RETURNED', 'REPORT_WITHDRAWN']) ??
    (AGENCY_CODE_PATTERNS.LOCAL_AUTHORITY.test(agencyCode) ? agencyCode : null)
  );
}
