import { AgencyEvent } from './agency-event.v1';
import { RejectionReason } from './rejection';

/**
 * An event must name the agency that sent it: the one the transport authenticated (the owner of
 * the Kafka topic it came from, or of the HTTP credential it came with). Anything else is an
 * agency speaking for another and changes no figure.
 */
export function checkSender(event: AgencyEvent, sender: string): RejectionReason[] {
  if (event.agency.code === sender) return [];
  return [{ path: '/agency/code', code: 'AGENCY_MISMATCH', message: `the event names agency ${event.agency.code} but was sent by agency ${sender}` }];
}
