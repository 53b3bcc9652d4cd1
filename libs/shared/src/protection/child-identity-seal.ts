import { AgencyEvent, ChildAttributes } from '../contract/agency-event.v1';
import { acceptedEventOf } from '../contract/validate-event';
import { IdentityCipher, Sealed, SealError, UnknownKeyError } from './identity-cipher';

/**
 * Where a child's identity is sealed. The context is the ciphertext's associated data: a sealed
 * identity opens only where it was sealed for.
 */
export const SEAL_CONTEXT = {
  acceptedEvent: (eventId: string) => `accepted-event:${eventId}`,
  observation: (eventId: string) => `child_identity_observation:${eventId}`,
  profile: (agencyChildId: number | string) => `agency_child_profile:${agencyChildId}`,
} as const;

/** An accepted event as it travels on the accepted topic: the child's identity sealed. */
export type AcceptedEventRecord = Omit<AgencyEvent, 'child'> & { sealedChild: { keyId: string; data: string } };

export function sealChild(cipher: IdentityCipher, child: ChildAttributes, context: string): Sealed {
  return cipher.sealJson(child, context);
}

export function openChild(cipher: IdentityCipher, sealed: Sealed, context: string): ChildAttributes {
  return cipher.openJson<ChildAttributes>(sealed, context);
}

/** The accepted topic's message for a validated event (ingest). */
export function sealAcceptedEvent(cipher: IdentityCipher, event: AgencyEvent): string {
  const { child, ...rest } = event;
  const sealed = sealChild(cipher, child, SEAL_CONTEXT.acceptedEvent(event.eventId));
  const record: AcceptedEventRecord = { ...rest, sealedChild: { keyId: sealed.keyId, data: sealed.data.toString('base64') } };
  return JSON.stringify(record);
}

/**
 * Reads an accepted topic message (aggregator): null when it is not a sealed, valid event
 * (dead-lettered by the caller); throws UnknownKeyError when this service lacks the key, so the
 * batch stops and retries rather than dead-lettering good events.
 */
export function openAcceptedEvent(cipher: IdentityCipher, value: Buffer | null): AgencyEvent | null {
  if (value === null) return null;
  let record: Partial<AcceptedEventRecord>;
  try {
    record = JSON.parse(value.toString('utf8')) as Partial<AcceptedEventRecord>;
  } catch {
    return null;
  }
  const { sealedChild, ...rest } = record ?? {};
  if (typeof sealedChild?.keyId !== 'string' || typeof sealedChild.data !== 'string' || typeof rest.eventId !== 'string') return null;
  let child: ChildAttributes;
  try {
    child = openChild(cipher, { keyId: sealedChild.keyId, data: Buffer.from(sealedChild.data, 'base64') }, SEAL_CONTEXT.acceptedEvent(rest.eventId));
  } catch (error) {
    if (error instanceof UnknownKeyError || !(error instanceof SealError)) throw error;
    return null;
  }
  return acceptedEventOf({ ...rest, child });
}
