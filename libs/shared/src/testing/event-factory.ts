import { randomUUID } from 'node:crypto';
import { AgencyEvent } from '../contract';

/** A valid MISSING_REPORTED event for tests; override any field. */
export function aMissingReport(overrides: Partial<AgencyEvent> = {}): AgencyEvent {
  return {
    eventId: randomUUID(),
    schemaVersion: 1,
    kind: 'MISSING_REPORTED',
    setting: 'HOME',
    agency: { type: 'POLICE', code: 'E23000001' },
    agencyChildRef: 'MPS-C-0001',
    agencyEpisodeRef: 'MPS-E-0001',
    occurredAt: '2026-11-10T18:30:00Z',
    reportedAt: '2026-11-10T20:00:00Z',
    child: {
      nhsNumber: '9434765919',
      givenName: 'Amelia',
      familyName: 'Jones',
      dateOfBirth: '2012-04-03',
      sex: 'F',
      ethnicity: 'WBRI',
      homePostcode: 'SW1A 1AA',
      responsibleLaCode: 'E09000033',
    },
    riskGrade: 'MEDIUM',
    ...overrides,
  };
}
