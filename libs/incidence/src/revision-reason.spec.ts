import { revisionReason } from './revision-reason';

describe('revisionReason', () => {
  it('names a merge or split first, whatever the events', () => {
    expect(revisionReason(['REPORT_WITHDRAWN', 'EPISODE_CORRECTED'], true)).toBe('linkage merge or split');
  });

  it('then a withdrawal, then a correction, otherwise a late event', () => {
    expect(revisionReason(['MISSING_REPORTED', 'EPISODE_CORRECTED', 'REPORT_WITHDRAWN'], false)).toBe('withdrawal');
    expect(revisionReason(['RETURNED', 'EPISODE_CORRECTED'], false)).toBe('correction');
    expect(revisionReason(['MISSING_REPORTED', 'RETURNED'], false)).toBe('late event');
    expect(revisionReason([], false)).toBe('late event');
  });
});
