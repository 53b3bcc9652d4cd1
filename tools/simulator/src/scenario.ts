import { AgencyEvent, AgencyType, ChildAttributes, isUnknownUpnCode, ReferenceData, referenceData, RiskGrade, Setting } from '@mcm/shared';
import { agencyChildKey } from '@mcm/kafka';
import { exactKeys, NameKeyGuard, RealNoise, RecordedIdentity, recordIdentity } from './identity';
import { planIncidents, TrueIncident, MIN_TRUE_GAP_MS } from './incidents';
import { generateInvalidEvents, invalidEventCount } from './invalid-events';
import { generatePopulation, TrueChild } from './population';
import { Rng } from './rng';
import { SimEvent, ValidSimEvent } from './sim-event';
import { DAY, HOUR, MINUTE, floorSecond, londonInstant, utcInstant } from './time-utils';

export interface ScenarioOptions {
  seed: number;
  children: number;
  days: number;
  /** End of the simulated history; no timestamp is later (except in TIMESTAMP_IN_FUTURE invalid events). */
  now: Date;
  /** Share of all events that are invalid (default 0.01). */
  invalidShare?: number;
  /** Every agency record keeps exact keys so deterministic linkage resolves every child. */
  linkableOnly?: boolean;
  reference?: ReferenceData;
}

export interface AgencyRecordTruth {
  agencyType: AgencyType;
  agencyCode: string;
  agencyChildRef: string;
  trueChildId: string;
  realNoise: RealNoise[];
}

export interface IncidentTruth extends TrueIncident {
  /** `${agency.code}|${agencyEpisodeRef}` of each agency episode reporting it. */
  agencyEpisodes: string[];
}

export interface ScenarioTruth {
  nowMs: number;
  windowStartMs: number;
  population: TrueChild[];
  incidents: IncidentTruth[];
  agencyRecords: AgencyRecordTruth[];
  /** `${agency.code}|${agencyEpisodeRef}` of the episodes reported in error and withdrawn. */
  withdrawnEpisodes: string[];
}

export interface Scenario {
  options: Required<Omit<ScenarioOptions, 'reference'>>;
  /** In publishing order. */
  events: SimEvent[];
  truth: ScenarioTruth;
}

export const DEFAULT_INVALID_SHARE = 0.01;

/** Generates the whole scenario in memory, deterministically for a seed. */
export function generateScenario(options: ScenarioOptions): Scenario {
  const reference = options.reference ?? referenceData();
  const invalidShare = options.invalidShare ?? DEFAULT_INVALID_SHARE;
  if (!(invalidShare >= 0 && invalidShare < 1)) throw new Error('invalidShare must be in [0, 1)');
  if (!(options.days >= 1)) throw new Error('days must be at least 1');
  if (!(options.children >= 1)) throw new Error('children must be at least 1');
  const nowMs = floorSecond(options.now.getTime());
  const windowStartMs = nowMs - Math.round(options.days * DAY);
  const population = generatePopulation({ seed: options.seed, children: options.children, nowMs, windowStartMs, reference });

  const guard = new NameKeyGuard();
  for (const child of population) guard.claim(child.index, child.givenName, child.familyName, child.dateOfBirth);
  const laCodesByRegion = new Map<string, string[]>();
  for (const la of [...reference.localAuthorities.values()].sort((a, b) => (a.code < b.code ? -1 : 1))) {
    const list = laCodesByRegion.get(la.regionCode) ?? [];
    list.push(la.code);
    laCodesByRegion.set(la.regionCode, list);
  }
  const ctx: GenerationContext = {
    seed: options.seed,
    days: options.days,
    nowMs,
    windowStartMs,
    linkableOnly: options.linkableOnly ?? false,
    guard,
    laCodesByRegion,
    eventIds: new Set(),
    counters: { childRef: 0, episodeRef: 0 },
  };

  const events: SimEvent[] = [];
  const incidents: IncidentTruth[] = [];
  const agencyRecords: AgencyRecordTruth[] = [];
  const withdrawnEpisodes: string[] = [];
  for (const child of population) {
    const generated = generateChild(ctx, child);
    for (const e of generated.events) events.push(e);
    for (const i of generated.incidents) incidents.push(i);
    for (const r of generated.records) agencyRecords.push(r);
    for (const w of generated.withdrawn) withdrawnEpisodes.push(w);
  }

  const invalid = generateInvalidEvents({
    rng: Rng.for(options.seed, 'invalid'),
    count: invalidEventCount(events.length, invalidShare),
    nowMs,
    windowStartMs,
    reference,
    newEventId: (rng) => uniqueEventId(ctx, rng),
    newChildRef: (type) => newChildRef(ctx, type),
    newEpisodeRef: (type) => newEpisodeRef(ctx, type),
  });
  for (const e of invalid) events.push(e);

  // Publishing order: by publishAt (reportedAt, except out-of-order returns), generation order on ties.
  const order = events.map((e, i) => ({ e, i }));
  order.sort((a, b) => a.e.publishAtMs - b.e.publishAtMs || a.i - b.i);

  return {
    options: {
      seed: options.seed,
      children: options.children,
      days: options.days,
      now: new Date(nowMs),
      invalidShare,
      linkableOnly: ctx.linkableOnly,
    },
    events: order.map((o) => o.e),
    truth: { nowMs, windowStartMs, population, incidents, agencyRecords, withdrawnEpisodes },
  };
}

interface GenerationContext {
  seed: number;
  days: number;
  nowMs: number;
  windowStartMs: number;
  linkableOnly: boolean;
  guard: NameKeyGuard;
  laCodesByRegion: Map<string, string[]>;
  eventIds: Set<string>;
  counters: { childRef: number; episodeRef: number };
}

interface AgencyRecord {
  agency: { type: AgencyType; code: string };
  childRef: string;
  identity: RecordedIdentity;
  /** reportedAt of the EPISODE_CORRECTED that fixes the child's details; later events use `identity.corrected`. */
  childFixAtMs?: number;
  timestamps: 'UTC' | 'LONDON';
  /** Names+DOB-only copies of the identity versions, shared between events. */
  minimal?: Map<ChildAttributes, ChildAttributes>;
}

interface CorrectionValues {
  missingFromMs?: number;
  returnedAtMs?: number;
  riskGrade?: RiskGrade;
  careMissingType?: 'M' | 'A';
}

interface CorrectionPlan {
  occurredAtMs: number;
  reportedAtMs: number;
  values: CorrectionValues;
  /** Carries the corrected child details. */
  childFix?: boolean;
  /** Shares its reportedAt with the correction before it: the greater eventId must carry the final value. */
  tiedWithPrevious?: boolean;
}

interface EpisodePlan {
  record: AgencyRecord;
  episodeRef: string;
  incidentId: string | null;
  setting: Setting;
  careMissingType?: 'M' | 'A';
  riskGrade?: RiskGrade;
  startInitialMs: number;
  startFinalMs: number;
  mrReportedAtMs: number;
  /** RETURNED, if the agency has recorded the return by `now`. */
  returned?: { occurredAtMs: number; reportedAtMs: number; publishBeforeMissing: boolean };
  corrections: CorrectionPlan[];
  withdrawn?: { occurredAtMs: number; reportedAtMs: number };
}

interface AgencyInvolvement {
  type: AgencyType;
  code: string;
  setting: Setting;
  careMissingType?: 'M' | 'A';
}

const RISK_WEIGHTS = [
  ['NO_APPARENT_RISK', 20],
  ['LOW', 40],
  ['MEDIUM', 30],
  ['HIGH', 10],
] as const;

function generateChild(ctx: GenerationContext, child: TrueChild) {
  const rng = Rng.for(ctx.seed, 'child', child.index);
  const primary = rng.weighted([
    ['HOME', 60],
    ['CARE', 30],
    ['EDUCATION', 10],
  ] as const);
  const incidents = planIncidents(rng, child.id, primary, ctx.days, ctx.windowStartMs, ctx.nowMs);
  const regionLaCodes = ctx.laCodesByRegion.get(child.regionCode) ?? [child.responsibleLaCode];
  const records = new Map<string, AgencyRecord>();
  const recordFor = (type: AgencyType, code: string): AgencyRecord => {
    let record = records.get(code);
    if (!record) {
      record = {
        agency: { type, code },
        childRef: newChildRef(ctx, type),
        identity: recordIdentity(rng, child, type, {
          nowMs: ctx.nowMs,
          windowStartMs: ctx.windowStartMs,
          guard: ctx.guard,
          regionLaCodes,
          isCareChild: primary === 'CARE',
        }),
        timestamps: type === 'POLICE' || (type === 'LOCAL_AUTHORITY' && Number(code.slice(-1)) % 2 === 0) ? 'UTC' : 'LONDON',
      };
      records.set(code, record);
    }
    return record;
  };

  const episodes: EpisodePlan[] = [];
  const incidentTruths: IncidentTruth[] = [];
  for (const incident of incidents) {
    const agencyEpisodes: string[] = [];
    for (const involvement of agenciesFor(rng, child, incident.setting)) {
      const plan = planEpisode(ctx, rng, recordFor(involvement.type, involvement.code), involvement, incident);
      episodes.push(plan);
      agencyEpisodes.push([involvement.code, '|', plan.episodeRef].join(''));
    }
    incidentTruths.push({
      id: incident.id,
      childId: incident.childId,
      setting: incident.setting,
      startMs: incident.startMs,
      endMs: incident.endMs,
      agencyEpisodes: agencyEpisodes.slice(),
    });
  }

  const withdrawn: string[] = [];
  if (rng.chance(0.03)) {
    const plan = planWithdrawnEpisode(ctx, rng, [...records.values()], episodes, incidents);
    if (plan) {
      episodes.push(plan);
      withdrawn.push(`${plan.record.agency.code}|${plan.episodeRef}`);
    }
  }

  scheduleChildFixes(ctx, rng, records, episodes);
  if (ctx.linkableOnly && !connected([...records.values()])) {
    for (const record of records.values()) {
      record.identity = recordIdentity(
        rng,
        child,
        record.agency.type,
        { nowMs: ctx.nowMs, windowStartMs: ctx.windowStartMs, guard: ctx.guard, regionLaCodes, isCareChild: primary === 'CARE' },
        true,
      );
      record.childFixAtMs = undefined;
    }
    for (const plan of episodes) plan.corrections = plan.corrections.filter((c) => !c.childFix);
  }

  const events: SimEvent[] = [];
  for (const plan of episodes) emitEpisode(ctx, rng, child, plan, events);
  const recordTruths: AgencyRecordTruth[] = [...records.values()].map((r) => ({
    agencyType: r.agency.type,
    agencyCode: r.agency.code,
    agencyChildRef: r.childRef,
    trueChildId: child.id,
    realNoise: r.identity.realNoise,
  }));
  return { events, incidents: incidentTruths, records: recordTruths, withdrawn };
}

/** Who reports an incident: HOME the police (sometimes the LA); CARE the LA and often the police; EDUCATION the LA and/or a school. */
function agenciesFor(rng: Rng, child: TrueChild, setting: Setting): AgencyInvolvement[] {
  const la = child.responsibleLaCode;
  const police = child.policeForceCode;
  const careType = () => (rng.chance(0.75) ? 'M' : 'A') as 'M' | 'A';
  const list: AgencyInvolvement[] = [];
  if (setting === 'HOME') {
    list.push({ type: 'POLICE', code: police, setting: 'HOME' });
    if (rng.chance(0.25)) list.push({ type: 'LOCAL_AUTHORITY', code: la, setting: 'HOME' });
  } else if (setting === 'CARE') {
    const cmt = careType();
    if (rng.chance(0.95)) list.push({ type: 'LOCAL_AUTHORITY', code: la, setting: 'CARE', careMissingType: cmt });
    if (rng.chance(0.65) || list.length === 0) {
      // Police sometimes record a looked-after child as missing from home: a disagreement.
      if (rng.chance(0.25)) list.push({ type: 'POLICE', code: police, setting: 'HOME' });
      else list.push({ type: 'POLICE', code: police, setting: 'CARE', careMissingType: rng.chance(0.5) ? cmt : undefined });
    }
  } else {
    const byLa = rng.chance(0.7);
    const bySchool = rng.chance(0.55) || !byLa;
    if (byLa) list.push({ type: 'LOCAL_AUTHORITY', code: la, setting: 'EDUCATION' });
    if (bySchool) list.push({ type: 'SCHOOL', code: child.schoolUrn, setting: 'EDUCATION' });
    if (rng.chance(0.1)) list.push({ type: 'POLICE', code: police, setting: 'HOME' });
  }
  return list;
}

/** Reporting delay after the fact, by agency; late reports arrive days later. */
function reportingDelay(rng: Rng, type: AgencyType, late: boolean): number {
  if (late) return rng.between(2 * DAY, 20 * DAY);
  if (type === 'POLICE') return rng.between(5 * MINUTE, 4 * HOUR);
  if (type === 'LOCAL_AUTHORITY') return rng.between(30 * MINUTE, 24 * HOUR);
  return rng.between(1 * HOUR, 48 * HOUR);
}

/** A report at `occurredAt + delay`, never after now. */
const reportAt = (ctx: GenerationContext, occurredAtMs: number, delay: number) =>
  Math.max(occurredAtMs, Math.min(ctx.nowMs, floorSecond(occurredAtMs + delay)));

function planEpisode(ctx: GenerationContext, rng: Rng, record: AgencyRecord, who: AgencyInvolvement, incident: TrueIncident): EpisodePlan {
  const { nowMs } = ctx;
  const latest = nowMs - MINUTE;
  const duration = incident.endMs === null ? Infinity : incident.endMs - incident.startMs;
  // Jitter keeps every agency's interval around the true midpoint: reports of one incident overlap.
  const startFinalMs = Math.min(latest, floorSecond(incident.startMs + rng.between(-3 * HOUR, Math.min(2 * HOUR, 0.4 * duration))));
  let endFinalMs: number | null = null;
  if (incident.endMs !== null) {
    const end = floorSecond(incident.endMs + rng.between(-Math.min(2 * HOUR, 0.4 * duration), 3 * HOUR));
    endFinalMs = end <= latest && end >= startFinalMs ? end : null;
  }
  const plan: EpisodePlan = {
    record,
    episodeRef: newEpisodeRef(ctx, who.type),
    incidentId: incident.id,
    setting: who.setting,
    careMissingType: who.careMissingType,
    riskGrade: who.type === 'POLICE' ? rng.weighted(RISK_WEIGHTS) : undefined,
    startInitialMs: startFinalMs,
    startFinalMs,
    mrReportedAtMs: 0,
    corrections: [],
  };

  // The missing report, sometimes with a wrong start that a later correction fixes.
  const lateMissing = rng.chance(0.03);
  const missingDelay = reportingDelay(rng, who.type, lateMissing);
  plan.mrReportedAtMs = reportAt(ctx, startFinalMs, missingDelay);
  if (rng.chance(0.03)) {
    const wrongStart = floorSecond(startFinalMs - rng.between(HOUR, 6 * HOUR));
    const reportedAt = reportAt(ctx, wrongStart, missingDelay);
    const decidedAt = floorSecond(reportedAt + rng.between(30 * MINUTE, 3 * DAY));
    if (decidedAt <= latest) {
      plan.startInitialMs = wrongStart;
      plan.mrReportedAtMs = reportedAt;
      addCorrections(ctx, rng, plan, decidedAt, 'missingFromMs', startFinalMs, -1);
    }
  }

  if (endFinalMs !== null) {
    const returnDelay = rng.chance(0.02) ? rng.between(2 * DAY, 10 * DAY) : reportingDelay(rng, who.type, false) / 2;
    // An agency records the return after its missing report (out-of-order publishing is separate).
    const afterMissing = plan.mrReportedAtMs + floorSecond(rng.between(MINUTE, 30 * MINUTE));
    const returnReportAt = (occurredAtMs: number) => Math.max(reportAt(ctx, occurredAtMs, returnDelay), Math.min(ctx.nowMs, afterMissing));
    let occurredAtMs = endFinalMs;
    let reportedAtMs = returnReportAt(endFinalMs);
    if (rng.chance(0.02)) {
      const wrongEnd = floorSecond(endFinalMs + rng.between(HOUR, 6 * HOUR));
      const wrongReportedAt = returnReportAt(wrongEnd);
      const decidedAt = floorSecond(wrongReportedAt + rng.between(30 * MINUTE, 3 * DAY));
      if (wrongEnd <= latest && decidedAt <= latest) {
        occurredAtMs = wrongEnd;
        reportedAtMs = wrongReportedAt;
        addCorrections(ctx, rng, plan, decidedAt, 'returnedAtMs', endFinalMs, +1);
      }
    }
    plan.returned = { occurredAtMs, reportedAtMs, publishBeforeMissing: rng.chance(0.02) };
  }

  // Corrections that do not move the episode: a police risk regrade, an SSDA903 missing type.
  if (who.type === 'POLICE' && rng.chance(0.03)) {
    const decidedAt = floorSecond(plan.mrReportedAtMs + rng.between(HOUR, 2 * DAY));
    if (decidedAt <= latest) plan.corrections.push(correctionAt(ctx, rng, decidedAt, { riskGrade: rng.weighted(RISK_WEIGHTS) }));
  }
  if (who.setting === 'CARE' && who.type === 'LOCAL_AUTHORITY' && rng.chance(0.02)) {
    const decidedAt = floorSecond(plan.mrReportedAtMs + rng.between(HOUR, 2 * DAY));
    if (decidedAt <= latest) plan.corrections.push(correctionAt(ctx, rng, decidedAt, { careMissingType: who.careMissingType === 'A' ? 'M' : 'A' }));
  }
  return plan;
}

function correctionAt(ctx: GenerationContext, rng: Rng, decidedAtMs: number, values: CorrectionValues, childFix = false): CorrectionPlan {
  return {
    occurredAtMs: decidedAtMs,
    reportedAtMs: reportAt(ctx, decidedAtMs, rng.between(0, 30 * MINUTE)),
    values,
    childFix: childFix || undefined,
  };
}

/**
 * Corrects `field` to `finalMs`. Sometimes a first correction is itself wrong (by 10-30 minutes,
 * further in the direction of the original error) and a second one fixes it; a quarter of
 * those pairs share one reportedAt, so only the eventId tie-break picks the final value.
 */
function addCorrections(
  ctx: GenerationContext,
  rng: Rng,
  plan: EpisodePlan,
  decidedAtMs: number,
  field: 'missingFromMs' | 'returnedAtMs',
  finalMs: number,
  direction: -1 | 1,
) {
  if (!rng.chance(0.15)) {
    plan.corrections.push(correctionAt(ctx, rng, decidedAtMs, { [field]: finalMs }));
    return;
  }
  const wrongMs = floorSecond(finalMs + direction * rng.between(10 * MINUTE, 30 * MINUTE));
  const first = correctionAt(ctx, rng, decidedAtMs, { [field]: wrongMs });
  const secondDecided = Math.min(ctx.nowMs, floorSecond(first.reportedAtMs + rng.between(MINUTE, 6 * HOUR)));
  let second: CorrectionPlan = rng.chance(0.25)
    ? { ...first, values: { [field]: finalMs } }
    : correctionAt(ctx, rng, secondDecided, { [field]: finalMs });
  if (second.reportedAtMs === first.reportedAtMs) second = { ...second, tiedWithPrevious: true };
  plan.corrections.push(first, second);
}

/** An extra episode reported in error and withdrawn, placed where the child was not missing. */
function planWithdrawnEpisode(
  ctx: GenerationContext,
  rng: Rng,
  records: AgencyRecord[],
  episodes: EpisodePlan[],
  incidents: TrueIncident[],
): EpisodePlan | null {
  if (records.length === 0) return null;
  const record = rng.pick(records);
  const template = episodes.find((e) => e.record === record);
  if (!template) return null;
  const latest = ctx.nowMs - MINUTE;
  for (let attempt = 0; attempt < 20; attempt++) {
    const start = floorSecond(rng.between(ctx.windowStartMs + DAY, ctx.nowMs - DAY));
    const end = floorSecond(start + rng.between(HOUR, 12 * HOUR));
    const clear = incidents.every((i) => end + MIN_TRUE_GAP_MS <= i.startMs || (i.endMs !== null && i.endMs + MIN_TRUE_GAP_MS <= start));
    if (!clear) continue;
    const mrReportedAtMs = reportAt(ctx, start, rng.between(10 * MINUTE, 2 * HOUR));
    const returned = rng.chance(0.5)
      ? { occurredAtMs: end, reportedAtMs: reportAt(ctx, end, rng.between(10 * MINUTE, 6 * HOUR)), publishBeforeMissing: false }
      : undefined;
    const decidedAt = floorSecond(Math.max(mrReportedAtMs, returned?.reportedAtMs ?? 0) + rng.between(HOUR, 2 * DAY));
    if (decidedAt > latest) continue;
    return {
      record,
      episodeRef: newEpisodeRef(ctx, record.agency.type),
      incidentId: null,
      setting: template.setting,
      careMissingType: template.careMissingType,
      riskGrade: template.riskGrade,
      startInitialMs: start,
      startFinalMs: start,
      mrReportedAtMs,
      returned,
      corrections: [],
      withdrawn: { occurredAtMs: decidedAt, reportedAtMs: reportAt(ctx, decidedAt, rng.between(0, 20 * MINUTE)) },
    };
  }
  return null;
}

/** A record with a name typo gets it fixed (half of the time) through an EPISODE_CORRECTED with `child`. */
function scheduleChildFixes(ctx: GenerationContext, rng: Rng, records: Map<string, AgencyRecord>, episodes: EpisodePlan[]) {
  for (const record of records.values()) {
    if (!record.identity.corrected) continue;
    const host = episodes.find((e) => e.record === record && e.withdrawn === undefined);
    const decidedAt = host ? floorSecond(host.mrReportedAtMs + rng.between(HOUR, 5 * DAY)) : Infinity;
    if (!host || decidedAt > ctx.nowMs - MINUTE) {
      record.identity = { ...record.identity, corrected: undefined };
      continue;
    }
    const fix = correctionAt(ctx, rng, decidedAt, {}, true);
    record.childFixAtMs = fix.reportedAtMs;
    host.corrections.push(fix);
  }
}

/** Whether the records' final identities form one component under the deterministic keys. */
function connected(records: AgencyRecord[]): boolean {
  if (records.length <= 1) return true;
  const keysOf = records.map(
    (r) => new Set(exactKeys(r.childFixAtMs !== undefined && r.identity.corrected ? r.identity.corrected : r.identity.initial, isUnknownUpnCode)),
  );
  const reached = new Set<number>([0]);
  const queue = [0];
  while (queue.length > 0) {
    const i = queue.pop() as number;
    for (let j = 0; j < records.length; j++) {
      if (reached.has(j)) continue;
      if ([...keysOf[i]].some((k) => keysOf[j].has(k))) {
        reached.add(j);
        queue.push(j);
      }
    }
  }
  return reached.size === records.length;
}

function emitEpisode(ctx: GenerationContext, rng: Rng, child: TrueChild, plan: EpisodePlan, out: SimEvent[]) {
  const { record } = plan;
  const fmt = record.timestamps === 'UTC' ? utcInstant : londonInstant;
  const identityAt = (ms: number): ChildAttributes =>
    record.childFixAtMs !== undefined && ms >= record.childFixAtMs && record.identity.corrected ? record.identity.corrected : record.identity.initial;
  const minimal = (c: ChildAttributes): ChildAttributes => minimalIdentity(record, c);
  const key = agencyChildKey(record.agency.code, record.childRef);
  const base = (kind: AgencyEvent['kind'], occurredAtMs: number, reportedAtMs: number, child: ChildAttributes): AgencyEvent => {
    const event: AgencyEvent = {
      eventId: uniqueEventId(ctx, rng),
      schemaVersion: 1,
      kind,
      setting: plan.setting,
      agency: record.agency,
      agencyChildRef: record.childRef,
      agencyEpisodeRef: plan.episodeRef,
      occurredAt: fmt(occurredAtMs),
      reportedAt: fmt(reportedAtMs),
      child,
    };
    if (plan.careMissingType !== undefined && (kind === 'MISSING_REPORTED' || rng.chance(0.5))) event.careMissingType = plan.careMissingType;
    return event;
  };
  const push = (event: AgencyEvent, publishAtMs: number) => out.push(new ValidSimEvent(event, child.id, key, publishAtMs));

  const missing = base('MISSING_REPORTED', plan.startInitialMs, plan.mrReportedAtMs, identityAt(plan.mrReportedAtMs));
  if (plan.riskGrade !== undefined) missing.riskGrade = plan.riskGrade;
  push(missing, plan.mrReportedAtMs);

  const startCorrections = plan.corrections.filter((c) => c.values.missingFromMs !== undefined);
  if (plan.returned) {
    const { occurredAtMs, reportedAtMs, publishBeforeMissing } = plan.returned;
    const child = identityAt(reportedAtMs);
    const returned = base('RETURNED', occurredAtMs, reportedAtMs, rng.chance(0.6) ? child : minimal(child));
    if (rng.chance(0.5)) {
      const corrected = startCorrections.some((c) => c.reportedAtMs <= reportedAtMs);
      returned.missingSince = fmt(corrected ? plan.startFinalMs : plan.startInitialMs);
    }
    if (record.agency.type === 'LOCAL_AUTHORITY' ? rng.chance(0.9) : record.agency.type === 'POLICE' && rng.chance(0.2)) {
      returned.returnInterviewOffered = rng.chance(0.75);
    }
    push(returned, publishBeforeMissing ? plan.mrReportedAtMs - 1 : reportedAtMs);
  }

  // Corrections sharing one reportedAt (a tie): the final value goes to the greater eventId.
  for (const c of plan.corrections) {
    const child = identityAt(c.reportedAtMs);
    const event = base('EPISODE_CORRECTED', c.occurredAtMs, c.reportedAtMs, c.childFix ? child : rng.chance(0.5) ? minimal(child) : EMPTY_CHILD);
    event.correction = formatCorrection(c.values, fmt);
    if (c.tiedWithPrevious) {
      const previous = out[out.length - 1].event as AgencyEvent;
      if (previous.eventId > event.eventId) {
        [previous.correction, event.correction] = [event.correction, previous.correction];
      }
    }
    push(event, c.reportedAtMs);
  }

  if (plan.withdrawn) {
    const { occurredAtMs, reportedAtMs } = plan.withdrawn;
    push(base('REPORT_WITHDRAWN', occurredAtMs, reportedAtMs, minimal(identityAt(reportedAtMs))), reportedAtMs);
  }
}

/** Names and date of birth only, shared between the events of a record (one object per identity version). */
function minimalIdentity(record: AgencyRecord, c: ChildAttributes): ChildAttributes {
  record.minimal ??= new Map();
  let m = record.minimal.get(c);
  if (!m) {
    m = {};
    if (c.givenName !== undefined) m.givenName = c.givenName;
    if (c.familyName !== undefined) m.familyName = c.familyName;
    if (c.dateOfBirth !== undefined) m.dateOfBirth = c.dateOfBirth;
    record.minimal.set(c, m);
  }
  return m;
}

const EMPTY_CHILD: ChildAttributes = Object.freeze({});

function formatCorrection(values: CorrectionValues, fmt: (ms: number) => string): NonNullable<AgencyEvent['correction']> {
  const out: NonNullable<AgencyEvent['correction']> = {};
  if (values.missingFromMs !== undefined) out.missingFrom = fmt(values.missingFromMs);
  if (values.returnedAtMs !== undefined) out.returnedAt = fmt(values.returnedAtMs);
  if (values.riskGrade !== undefined) out.riskGrade = values.riskGrade;
  if (values.careMissingType !== undefined) out.careMissingType = values.careMissingType;
  return out;
}

export function uniqueEventId(ctx: { eventIds: Set<string> }, rng: Rng): string {
  for (;;) {
    const id = rng.uuid();
    if (!ctx.eventIds.has(id)) {
      ctx.eventIds.add(id);
      return id;
    }
  }
}

const CHILD_REF_PREFIX: Record<AgencyType, string> = { POLICE: 'PN', LOCAL_AUTHORITY: 'LAC', SCHOOL: 'PUP' };
const EPISODE_REF_PREFIX: Record<AgencyType, string> = { POLICE: 'MISPER', LOCAL_AUTHORITY: 'MEP', SCHOOL: 'CME' };

function newChildRef(ctx: GenerationContext, type: AgencyType): string {
  ctx.counters.childRef += 1;
  return [CHILD_REF_PREFIX[type], '-', String(ctx.counters.childRef).padStart(8, '0')].join('');
}

function newEpisodeRef(ctx: GenerationContext, type: AgencyType): string {
  ctx.counters.episodeRef += 1;
  return [EPISODE_REF_PREFIX[type], '/', String(ctx.counters.episodeRef).padStart(8, '0')].join('');
}
