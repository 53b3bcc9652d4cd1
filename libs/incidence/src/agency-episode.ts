import { EventKind, RiskGrade, Setting } from '@mcm/shared';
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
    returnInterviewOffered,
    returnInterviewWithin72h,
    status,
  };
}
