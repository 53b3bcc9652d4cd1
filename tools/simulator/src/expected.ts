import { AgencyEvent, ChildAttributes, isUnknownUpnCode, normaliseEvent, Setting, weekCommencing } from '@mcm/shared';
import { ExpectedMeasureRow, measureRows } from './expected-measures';

/**
 * Expected weekly figures, computed from the generated events independently of the aggregator
 * (a cross-check, not a second implementation to share code with). The rules are spelled out
 * in docs and in the brief; every comparison of strings is ordinal (code-unit order).
 */

export interface ExpectedRow {
  weekCommencing: string;
  setting: Setting | 'ALL';
  la: string;
  children: number;
  episodesStarted: number;
  openAtWeekEnd: number;
}

export interface ExpectedFigures {
  /** weekCommencing(max reportedAt over all valid events); null when there is no valid event. */
  horizonWeek: string | null;
  /** National children = connected components of deterministic linkage (truth-independent). */
  deterministic: ExpectedRow[];
  /** National children = the true children. */
  truth: ExpectedRow[];
  /** England's return-interview and CARE missing-type figures per week (deterministic linkage; expected-measures.ts). */
  measures: ExpectedMeasureRow[];
  stats: {
    agencyEpisodes: number;
    excludedEpisodes: number;
    agencyChildren: number;
    deterministicChildren: number;
    truthChildren: number;
    deterministicEpisodes: number;
    truthEpisodes: number;
    /** Agency episodes ended by the child's next episode (deterministic linkage): implied returns. */
    impliedReturns: number;
  };
  /** Implied returns per agency code (deterministic linkage). */
  impliedReturnsByAgency: Map<string, number>;
}

/** What computeExpected needs of a generated event. */
export interface ExpectedInput {
  event: AgencyEvent | null;
  valid: boolean;
  trueChildId: string | null;
}

/** An agency's episode after applying the rules. `endMs` null = open. */
export interface AgencyEpisode {
  agencyCode: string;
  agencyEpisodeRef: string;
  /** `${agency.code}|${agencyChildRef}` */
  agencyChild: string;
  startMs: number;
  endMs: number | null;
  setting: Setting;
  /** CARE: the latest correction's missing type, else the winning MISSING_REPORTED's; null if neither states one. */
  careMissingType: 'M' | 'A' | null;
  /** The LA stated at its start: latest on its MR/EC events, else on its RT/RW events, else an LA's own code (docs/events.md). */
  la: string | undefined;
  /** Some RETURNED event said an interview was offered and was reported within 72 hours of the return it states. */
  returnInterviewWithin72h: boolean;
}

export interface NationalEpisode {
  nationalChild: string;
  startMs: number;
  endMs: number | null;
  setting: Setting;
  la: string;
  members: AgencyEpisode[];
  /** CARE: M if any CARE member is M, else A if any is A, else NOT_STATED; null for HOME and EDUCATION. */
  careMissingType: 'M' | 'A' | 'NOT_STATED' | null;
  /** Any member's returnInterviewWithin72h. */
  returnInterviewWithin72h: boolean;
}

export const SETTING_PRIORITY: Readonly<Record<Setting, number>> = { CARE: 3, HOME: 2, EDUCATION: 1 };
const CHILD_FIELDS = ['nhsNumber', 'upn', 'givenName', 'familyName', 'dateOfBirth', 'sex', 'ethnicity', 'homePostcode', 'responsibleLaCode'] as const;

/**
 * Epoch milliseconds of an RFC 3339 instant. The common shapes (seconds, Z or +hh:mm) are read
 * directly, which is several times faster than Date.parse; anything else goes to Date.parse.
 */
export function instantMs(s: string): number {
  const n = s.length;
  const c19 = s.charCodeAt(19);
  if ((n === 20 && c19 === 90) || (n === 25 && (c19 === 43 || c19 === 45))) {
    const d = (i: number) => s.charCodeAt(i) - 48;
    const t = Date.UTC(
      d(0) * 1000 + d(1) * 100 + d(2) * 10 + d(3),
      d(5) * 10 + d(6) - 1,
      d(8) * 10 + d(9),
      d(11) * 10 + d(12),
      d(14) * 10 + d(15),
      d(17) * 10 + d(18),
    );
    if (n === 20) return t;
    const offset = ((d(20) * 10 + d(21)) * 60 + d(23) * 10 + d(24)) * 60_000;
    return c19 === 43 ? t - offset : t + offset;
  }
  return Date.parse(s);
}

/** A (reportedAt, eventId) position: the later one wins. */
interface Stamp {
  reportedMs: number;
  eventId: string;
}
const isLater = (a: Stamp, b: Stamp | undefined) =>
  b === undefined || a.reportedMs > b.reportedMs || (a.reportedMs === b.reportedMs && a.eventId > b.eventId);
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

interface EpisodeAccumulator {
  withdrawn: boolean;
  missing?: Stamp & {
    occurredMs: number;
    setting: Setting;
    agencyCode: string;
    agencyEpisodeRef: string;
    agencyChild: string;
    careMissingType?: 'M' | 'A';
  };
  returned?: Stamp & { occurredMs: number };
  careTypeCorrection?: Stamp & { type: 'M' | 'A' };
  startLa?: Stamp & { la: string };
  otherLa?: Stamp & { la: string };
  agencyIsLa?: boolean;
  interviewWithin72h?: boolean;
  fromCorrection?: Stamp & { ms: number };
  returnCorrection?: Stamp & { ms: number };
}

/** Per agency child: for each child field (by index in CHILD_FIELDS) the latest value and its stamp. */
interface ChildAccumulator {
  /** `${agency.code}|${agencyChildRef}` */
  key: string;
  trueChildId: string | null;
  values: (string | undefined)[];
  reportedMs: number[];
  eventIds: string[];
}

/**
 * Folds valid events, one at a time, into what the rules need: agency episodes and agency
 * children's latest attributes. Child details are normalised with normaliseEvent from
 * @mcm/shared (once per distinct child object: the simulator shares them between events);
 * instants are compared as epoch milliseconds, which is what normalising them to UTC gives.
 */
export class ExpectedAccumulator {
  /** agency code -> agencyEpisodeRef -> accumulator (no concatenated keys: this runs per event). */
  private readonly episodes = new Map<string, Map<string, EpisodeAccumulator>>();
  /** agency code -> agencyChildRef -> accumulator. */
  private readonly children = new Map<string, Map<string, ChildAccumulator>>();
  /** A Map, not a WeakMap: ephemeron tables with 10^5 keys make garbage collection crawl. */
  private readonly normalisedChildren = new Map<object, ChildAttributes>();
  private maxReportedMs = -Infinity;
  /** An eventId names one fact: the first event stored with it counts, later ones are ignored (docs/events.md). */
  private readonly seenEventIds = new Set<string>();

  add(event: AgencyEvent, trueChildId: string | null): void {
    if (this.seenEventIds.has(event.eventId.toLowerCase())) return;
    this.seenEventIds.add(event.eventId.toLowerCase());
    const child = this.normalisedChild(event);
    const stamp: Stamp = { reportedMs: instantMs(event.reportedAt), eventId: event.eventId.toLowerCase() };
    if (stamp.reportedMs > this.maxReportedMs) this.maxReportedMs = stamp.reportedMs;

    let agencyChildren = this.children.get(event.agency.code);
    if (!agencyChildren) this.children.set(event.agency.code, (agencyChildren = new Map()));
    let childAcc = agencyChildren.get(event.agencyChildRef);
    if (!childAcc) {
      const n = CHILD_FIELDS.length;
      childAcc = {
        key: `${event.agency.code}|${event.agencyChildRef}`,
        trueChildId,
        values: new Array<string | undefined>(n).fill(undefined),
        reportedMs: new Array<number>(n).fill(-Infinity),
        eventIds: new Array<string>(n).fill(''),
      };
      agencyChildren.set(event.agencyChildRef, childAcc);
    }
    const agencyChild = childAcc.key;
    for (let i = 0; i < CHILD_FIELDS.length; i++) {
      const value = child[CHILD_FIELDS[i]];
      if (value === undefined) continue;
      if (stamp.reportedMs > childAcc.reportedMs[i] || (stamp.reportedMs === childAcc.reportedMs[i] && stamp.eventId > childAcc.eventIds[i])) {
        childAcc.values[i] = value;
        childAcc.reportedMs[i] = stamp.reportedMs;
        childAcc.eventIds[i] = stamp.eventId;
      }
    }

    let agencyEpisodes = this.episodes.get(event.agency.code);
    if (!agencyEpisodes) this.episodes.set(event.agency.code, (agencyEpisodes = new Map()));
    let acc = agencyEpisodes.get(event.agencyEpisodeRef);
    if (!acc) agencyEpisodes.set(event.agencyEpisodeRef, (acc = { withdrawn: false }));
    acc.agencyIsLa = event.agency.type === 'LOCAL_AUTHORITY';
    if (child.responsibleLaCode !== undefined) {
      const atStart = event.kind === 'MISSING_REPORTED' || event.kind === 'EPISODE_CORRECTED';
      const la = { ...stamp, la: child.responsibleLaCode };
      if (atStart && isLater(stamp, acc.startLa)) acc.startLa = la;
      if (!atStart && isLater(stamp, acc.otherLa)) acc.otherLa = la;
    }
    switch (event.kind) {
      case 'REPORT_WITHDRAWN':
        acc.withdrawn = true;
        break;
      case 'MISSING_REPORTED':
        if (isLater(stamp, acc.missing)) {
          acc.missing = {
            reportedMs: stamp.reportedMs,
            eventId: stamp.eventId,
            occurredMs: instantMs(event.occurredAt),
            setting: event.setting,
            agencyCode: event.agency.code,
            agencyEpisodeRef: event.agencyEpisodeRef,
            agencyChild,
            careMissingType: event.careMissingType,
          };
        }
        break;
      case 'RETURNED':
        if (isLater(stamp, acc.returned))
          acc.returned = { reportedMs: stamp.reportedMs, eventId: stamp.eventId, occurredMs: instantMs(event.occurredAt) };
        if (event.returnInterviewOffered === true && stamp.reportedMs - instantMs(event.occurredAt) <= 72 * 3_600_000) acc.interviewWithin72h = true;
        break;
      case 'EPISODE_CORRECTED': {
        const { missingFrom, returnedAt } = event.correction ?? {};
        if (missingFrom !== undefined && isLater(stamp, acc.fromCorrection)) acc.fromCorrection = { ...stamp, ms: instantMs(missingFrom) };
        if (returnedAt !== undefined && isLater(stamp, acc.returnCorrection)) acc.returnCorrection = { ...stamp, ms: instantMs(returnedAt) };
        const type = event.correction?.careMissingType;
        if (type !== undefined && isLater(stamp, acc.careTypeCorrection)) acc.careTypeCorrection = { ...stamp, type };
        break;
      }
    }
  }

  private normalisedChild(event: AgencyEvent): ChildAttributes {
    let child = this.normalisedChildren.get(event.child);
    if (!child) {
      child = normaliseEvent(event).child;
      this.normalisedChildren.set(event.child, child);
    }
    return child;
  }

  /** weekCommencing(max reportedAt), or null before any event. */
  horizonWeek(): string | null {
    return this.maxReportedMs === -Infinity ? null : weekCommencing(new Date(this.maxReportedMs));
  }

  /** Agency episodes after the rules; `excluded` = withdrawn or without MISSING_REPORTED. */
  agencyEpisodes(): { episodes: AgencyEpisode[]; excluded: number } {
    const episodes: AgencyEpisode[] = [];
    let excluded = 0;
    for (const acc of [...this.episodes.values()].flatMap((m) => [...m.values()])) {
      if (acc.withdrawn || !acc.missing) {
        excluded++;
        continue;
      }
      const end = acc.returnCorrection?.ms ?? acc.returned?.occurredMs;
      episodes.push({
        agencyCode: acc.missing.agencyCode,
        agencyEpisodeRef: acc.missing.agencyEpisodeRef,
        agencyChild: acc.missing.agencyChild,
        startMs: acc.fromCorrection?.ms ?? acc.missing.occurredMs,
        endMs: end === undefined ? null : end,
        setting: acc.missing.setting,
        careMissingType: acc.careTypeCorrection?.type ?? acc.missing.careMissingType ?? null,
        la: acc.startLa?.la ?? acc.otherLa?.la ?? (acc.agencyIsLa ? acc.missing.agencyCode : undefined),
        returnInterviewWithin72h: acc.interviewWithin72h === true,
      });
    }
    return { episodes, excluded };
  }

  /** Per agency child (`${agency.code}|${agencyChildRef}`), each field from the latest event that has it. */
  attributes(): Map<string, ChildAttributes> {
    const result = new Map<string, ChildAttributes>();
    for (const { key, values } of this.allChildren()) {
      const attributes: Record<string, string> = {};
      CHILD_FIELDS.forEach((field, i) => {
        if (values[i] !== undefined) attributes[field] = values[i] as string;
      });
      result.set(key, attributes as ChildAttributes);
    }
    return result;
  }

  /** Agency child -> true child, from the events' trueChildId. */
  truth(): Map<string, string> {
    return new Map(this.allChildren().map((c) => [c.key, c.trueChildId ?? `UNKNOWN:${c.key}`]));
  }

  private allChildren(): ChildAccumulator[] {
    return [...this.children.values()].flatMap((m) => [...m.values()]);
  }
}

export function computeExpected(inputs: Iterable<ExpectedInput>): ExpectedFigures {
  const acc = new ExpectedAccumulator();
  for (const input of inputs) if (input.valid && input.event !== null) acc.add(input.event, input.trueChildId);
  const horizonWeek = acc.horizonWeek();
  const { episodes, excluded } = acc.agencyEpisodes();
  const attributes = acc.attributes();
  const deterministicOf = deterministicLinkage(attributes);
  const truthOf = acc.truth();
  const impliedReturns = new Map<string, number>();
  const countImplied = (e: AgencyEpisode) => impliedReturns.set(e.agencyCode, (impliedReturns.get(e.agencyCode) ?? 0) + 1);
  const deterministicNational = nationalEpisodes(episodes, (c) => deterministicOf.get(c) as string, attributes, countImplied);
  const truthNational = nationalEpisodes(episodes, (c) => truthOf.get(c) as string, attributes);
  return {
    horizonWeek,
    deterministic: horizonWeek === null ? [] : weeklyRows(deterministicNational, horizonWeek),
    truth: horizonWeek === null ? [] : weeklyRows(truthNational, horizonWeek),
    measures: measureRows(deterministicNational),
    stats: {
      agencyEpisodes: episodes.length,
      excludedEpisodes: excluded,
      agencyChildren: attributes.size,
      deterministicChildren: new Set(deterministicOf.values()).size,
      truthChildren: new Set(truthOf.values()).size,
      deterministicEpisodes: deterministicNational.length,
      truthEpisodes: truthNational.length,
      impliedReturns: [...impliedReturns.values()].reduce((n, c) => n + c, 0),
    },
    impliedReturnsByAgency: impliedReturns,
  };
}

/**
 * Connected components over shared valid NHS number, valid UPN (not UN1-UN5), or identical
 * normalised given + family name + full date of birth. Component id = its smallest agency child key.
 */
export function deterministicLinkage(attributes: ReadonlyMap<string, ChildAttributes>): Map<string, string> {
  const keys = [...attributes.keys()].sort(cmp);
  const parent = new Map<string, string>(keys.map((k) => [k, k]));
  const find = (k: string): string => {
    let root = k;
    while (parent.get(root) !== root) root = parent.get(root) as string;
    while (parent.get(k) !== root) {
      const next = parent.get(k) as string;
      parent.set(k, root);
      k = next;
    }
    return root;
  };
  const union = (a: string, b: string) => {
    const [ra, rb] = [find(a), find(b)];
    if (ra < rb) parent.set(rb, ra);
    else if (rb < ra) parent.set(ra, rb);
  };
  const firstWith = new Map<string, string>();
  for (const key of keys) {
    const a = attributes.get(key) as ChildAttributes;
    const linkKeys: string[] = [];
    if (a.nhsNumber !== undefined) linkKeys.push(`N:${a.nhsNumber}`);
    if (a.upn !== undefined && !isUnknownUpnCode(a.upn)) linkKeys.push(`U:${a.upn}`);
    if (a.givenName !== undefined && a.familyName !== undefined && a.dateOfBirth?.length === 10) {
      linkKeys.push(`D:${a.givenName}\u0000${a.familyName}\u0000${a.dateOfBirth}`);
    }
    for (const linkKey of linkKeys) {
      const other = firstWith.get(linkKey);
      if (other === undefined) firstWith.set(linkKey, key);
      else union(other, key);
    }
  }
  return new Map(keys.map((k) => [k, find(k)]));
}

const LONDON = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  hourCycle: 'h23',
});
/** `YYYY-MM-DD HH` of an instant on the London clock (Intl, not @mcm/shared's offset arithmetic). */
function londonClock(ms: number): string {
  const p = Object.fromEntries(LONDON.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}`;
}
const midnights = new Map<string, number>();
/** 00:00 London time on a date: 23:00 UTC the day before in summer time, else 00:00 UTC. */
function londonMidnightOf(date: string): number {
  let ms = midnights.get(date);
  if (ms === undefined) {
    const utc = Date.parse(`${date}T00:00:00Z`);
    ms = londonClock(utc - 3_600_000) === `${date} 00` ? utc - 3_600_000 : utc;
    midnights.set(date, ms);
  }
  return ms;
}

/**
 * When an agency episode's child turns 18 (docs/events.md): 00:00 London time on the 18th
 * birthday of the latest date of birth the agency child's record allows (full; last day of the
 * month or year of a partial one; none: the London date the episode started). 29 February: 1 March.
 */
export function eighteenthBirthdayMs(dateOfBirth: string | undefined, startMs: number): number {
  const [y, m, d] = (dateOfBirth ?? londonClock(startMs).slice(0, 10)).split('-').map(Number);
  const month = m ?? 12;
  const day = d ?? new Date(Date.UTC(y, month, 0)).getUTCDate();
  const leap = (y + 18) % 4 === 0 && ((y + 18) % 100 !== 0 || (y + 18) % 400 === 0);
  const [bm, bd] = month === 2 && day === 29 && !leap ? [3, 1] : [month, day];
  return londonMidnightOf(`${y + 18}-${String(bm).padStart(2, '0')}-${String(bd).padStart(2, '0')}`);
}

/**
 * One national child's agency episodes with every end known (docs/events.md, "Episodes without a
 * reported end"): those starting at or after the 18th birthday are left out; one with no return
 * ends at the next later start among the child's episodes when it is within 24 hours (another
 * report of the same episode), else 1 ms before it (an implied return, passed to onImpliedReturn),
 * and at the latest at the 18th birthday.
 */
function bounded(
  list: readonly AgencyEpisode[],
  attributes: ReadonlyMap<string, ChildAttributes>,
  onImpliedReturn?: (e: AgencyEpisode) => void,
): AgencyEpisode[] {
  const withBirthday = list
    .map((e) => ({ e, birthday: eighteenthBirthdayMs(attributes.get(e.agencyChild)?.dateOfBirth, e.startMs) }))
    .filter(({ e, birthday }) => e.startMs < birthday);
  const starts = withBirthday.map(({ e }) => e.startMs);
  return withBirthday.map(({ e, birthday }) => {
    if (e.endMs !== null) return e;
    const later = starts.filter((s) => s > e.startMs);
    const next = later.length > 0 ? Math.min(...later) : Infinity;
    if (next >= birthday) return { ...e, endMs: birthday };
    // Within a day: another report of the same episode; it ends as that one starts (they merge).
    if (next - e.startMs <= 24 * 3_600_000) return { ...e, endMs: next };
    // Later: the child was back before it began; 1 ms before it, so the two never overlap.
    onImpliedReturn?.(e);
    return { ...e, endMs: next - 1 };
  });
}

/**
 * Per national child, agency episodes (bounded: see above) overlapping as closed intervals merge,
 * transitively. Start = min, end = max; setting = highest priority; la = the LA of the first
 * member (by setting priority, start, agency code, episode ref) that has one, else 'UNKNOWN'.
 */
export function nationalEpisodes(
  episodes: readonly AgencyEpisode[],
  nationalChildOf: (agencyChild: string) => string,
  attributes: ReadonlyMap<string, ChildAttributes>,
  onImpliedReturn?: (e: AgencyEpisode) => void,
): NationalEpisode[] {
  const byChild = new Map<string, AgencyEpisode[]>();
  for (const episode of episodes) {
    const child = nationalChildOf(episode.agencyChild);
    const list = byChild.get(child);
    if (list) list.push(episode);
    else byChild.set(child, [episode]);
  }
  const result: NationalEpisode[] = [];
  for (const [nationalChild, all] of byChild) {
    const list = bounded(all, attributes, onImpliedReturn).sort((a, b) => a.startMs - b.startMs);
    let cluster: AgencyEpisode[] = [];
    let clusterEnd = -Infinity;
    const flush = () => {
      if (cluster.length > 0) result.push(merge(nationalChild, cluster, attributes));
      cluster = [];
    };
    for (const episode of list) {
      if (cluster.length > 0 && episode.startMs > clusterEnd) flush();
      cluster.push(episode);
      const end = episode.endMs ?? Infinity;
      clusterEnd = cluster.length === 1 ? end : Math.max(clusterEnd, end);
    }
    flush();
  }
  return result;
}

function merge(nationalChild: string, members: AgencyEpisode[], _attributes: ReadonlyMap<string, ChildAttributes>): NationalEpisode {
  const open = members.some((m) => m.endMs === null);
  const ordered = [...members].sort(
    (a, b) =>
      SETTING_PRIORITY[b.setting] - SETTING_PRIORITY[a.setting] ||
      a.startMs - b.startMs ||
      cmp(a.agencyCode, b.agencyCode) ||
      cmp(a.agencyEpisodeRef, b.agencyEpisodeRef),
  );
  const withLa = ordered.find((m) => m.la !== undefined);
  return {
    nationalChild,
    startMs: Math.min(...members.map((m) => m.startMs)),
    endMs: open ? null : Math.max(...members.map((m) => m.endMs as number)),
    setting: ordered[0].setting,
    la: withLa?.la ?? 'UNKNOWN',
    members,
    careMissingType:
      ordered[0].setting !== 'CARE'
        ? null
        : members.some((m) => m.setting === 'CARE' && m.careMissingType === 'M')
          ? 'M'
          : members.some((m) => m.setting === 'CARE' && m.careMissingType === 'A')
            ? 'A'
            : 'NOT_STATED',
    returnInterviewWithin72h: members.some((m) => m.returnInterviewWithin72h),
  };
}

/** Weekly cells: children (distinct), episodes started, episodes open at the end of the week (up to the horizon). */
export function weeklyRows(episodes: readonly NationalEpisode[], horizonWeek: string): ExpectedRow[] {
  // Cells keyed by numbers (day of the Monday, setting, la index): this runs over ~10^5 episodes.
  const DAY_MS = 86_400_000;
  const settings: (Setting | 'ALL')[] = ['ALL', 'HOME', 'CARE', 'EDUCATION'];
  const laIndex = new Map<string, number>([['ALL', 0]]);
  const las = ['ALL'];
  const cells = new Map<number, { row: ExpectedRow; children: Set<string> }>();
  const horizonDay = Date.parse(`${horizonWeek}T00:00:00Z`) / DAY_MS;
  const cell = (day: number, setting: number, la: number) => {
    const key = (day * 4 + setting) * 4096 + la;
    let c = cells.get(key);
    if (!c) {
      const week = new Date(day * DAY_MS).toISOString().slice(0, 10);
      c = {
        row: { weekCommencing: week, setting: settings[setting], la: las[la], children: 0, episodesStarted: 0, openAtWeekEnd: 0 },
        children: new Set(),
      };
      cells.set(key, c);
    }
    return c;
  };
  for (const episode of episodes) {
    let la = laIndex.get(episode.la);
    if (la === undefined) {
      la = las.length;
      laIndex.set(episode.la, la);
      las.push(episode.la);
    }
    const setting = settings.indexOf(episode.setting);
    const startDay = Date.parse(`${weekCommencing(new Date(episode.startMs))}T00:00:00Z`) / DAY_MS;
    const endDay = episode.endMs === null ? Infinity : Date.parse(`${weekCommencing(new Date(episode.endMs))}T00:00:00Z`) / DAY_MS;
    for (const [s, l] of [
      [setting, la],
      [setting, 0],
      [0, la],
      [0, 0],
    ]) {
      const started = cell(startDay, s, l);
      started.row.episodesStarted++;
      started.children.add(episode.nationalChild);
      for (let day = startDay; day <= horizonDay && day < endDay; day += 7) cell(day, s, l).row.openAtWeekEnd++;
    }
  }
  const rows: ExpectedRow[] = [];
  for (const { row, children } of cells.values()) {
    row.children = children.size;
    if (row.children > 0 || row.episodesStarted > 0 || row.openAtWeekEnd > 0) rows.push(row);
  }
  return rows.sort(compareRows);
}

export function compareRows(a: ExpectedRow, b: ExpectedRow): number {
  return cmp(a.weekCommencing, b.weekCommencing) || cmp(a.setting, b.setting) || cmp(a.la, b.la);
}
