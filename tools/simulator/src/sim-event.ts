import { AgencyEvent, EventKind, RejectionCode } from '@mcm/shared';

/** Header carried by every simulated message, so dead letters can be correlated with the ground truth. */
export const SIM_EVENT_ID_HEADER = 'sim-event-id';

/** One message the simulator publishes, with what the pipeline should make of it. */
export interface SimEvent {
  /** The event's eventId; for values that are not an event object, the id the simulator gave it (see the header). */
  readonly eventId: string;
  /** The real child the event is about; null for invalid events (they belong to no episode). */
  readonly trueChildId: string | null;
  readonly valid: boolean;
  /** For invalid events: the rejection code validation must report (every reason has this code). */
  readonly expectedRejection?: RejectionCode;
  /**
   * True when the expectation depends on the receiver's clock: TIMESTAMP_IN_FUTURE holds only
   * while the validator's clock is earlier than `now` + 1 hour minus its tolerated skew.
   */
  readonly clockDependent?: boolean;
  readonly kind: EventKind | null;
  /** Kafka key: agencyChildKey(agency.code, agencyChildRef). */
  readonly key: string;
  /** The agency that publishes it (with its own credentials, to its own topic). */
  readonly publisher: string;
  readonly headers: Readonly<Record<string, string>>;
  /** The event as published (valid events only; not normalised). */
  readonly event: AgencyEvent | null;
  /** The Kafka value. */
  readonly bytes: Buffer;
  /** When it is published in the simulated timeline (epoch ms): sets the publishing order. */
  readonly publishAtMs: number;
}

/** Valid events keep only the object and serialise on demand: 200k events stay small in memory. */
export class ValidSimEvent implements SimEvent {
  constructor(
    readonly event: AgencyEvent,
    readonly trueChildId: string,
    readonly key: string,
    readonly publishAtMs: number,
  ) {}

  get valid(): true {
    return true;
  }

  get headers(): Readonly<Record<string, string>> {
    return { [SIM_EVENT_ID_HEADER]: this.event.eventId };
  }

  get eventId(): string {
    return this.event.eventId;
  }

  get publisher(): string {
    return this.event.agency.code;
  }

  get kind(): EventKind {
    return this.event.kind;
  }

  get bytes(): Buffer {
    return Buffer.from(JSON.stringify(this.event), 'utf8');
  }
}

export class InvalidSimEvent implements SimEvent {
  readonly valid = false;
  readonly trueChildId = null;
  readonly event = null;
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    readonly eventId: string,
    readonly expectedRejection: RejectionCode,
    readonly kind: EventKind | null,
    readonly key: string,
    readonly bytes: Buffer,
    readonly publishAtMs: number,
    readonly publisher: string,
    readonly clockDependent?: boolean,
  ) {
    this.headers = { [SIM_EVENT_ID_HEADER]: eventId };
  }
}
