import { aMissingReport } from '../testing/event-factory';
import { checkSender } from './agency-binding';

describe('checkSender', () => {
  it('accepts an event that names its sender', () => {
    expect(checkSender(aMissingReport(), 'E23000001')).toEqual([]);
  });
  it('rejects an event that names another agency, as AGENCY_MISMATCH on /agency/code', () => {
    expect(checkSender(aMissingReport(), 'E23000002')).toEqual([
      { path: '/agency/code', code: 'AGENCY_MISMATCH', message: 'the event names agency E23000001 but was sent by agency E23000002' },
    ]);
  });
});
