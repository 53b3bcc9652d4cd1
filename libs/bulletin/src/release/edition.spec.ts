import { nextEdition } from './edition';

describe('nextEdition', () => {
  it('numbers the first edition 0: provisional before the week is complete, final once it is', () => {
    expect(nextEdition(undefined, 'h', false)).toEqual({ publish: true, revision: 0, releaseStatus: 'provisional' });
    expect(nextEdition(undefined, 'h', true)).toEqual({ publish: true, revision: 0, releaseStatus: 'final' });
  });

  it('publishes nothing new for the same content and status', () => {
    expect(nextEdition({ revision: 2, contentHash: 'h', releaseStatus: 'provisional' }, 'h', false)).toEqual({ publish: false });
    expect(nextEdition({ revision: 3, contentHash: 'h', releaseStatus: 'final' }, 'h', true)).toEqual({ publish: false });
    expect(nextEdition({ revision: 4, contentHash: 'h', releaseStatus: 'revised' }, 'h', true)).toEqual({ publish: false });
  });

  it('supersedes a provisional edition with the final one once the week is complete, even with the content unchanged', () => {
    expect(nextEdition({ revision: 1, contentHash: 'h', releaseStatus: 'provisional' }, 'h', true)).toEqual({
      publish: true,
      revision: 2,
      releaseStatus: 'final',
    });
  });

  it('gives a new provisional edition when a week not yet complete changes, and revised ones after the final', () => {
    expect(nextEdition({ revision: 0, contentHash: 'a', releaseStatus: 'provisional' }, 'b', false)).toEqual({
      publish: true,
      revision: 1,
      releaseStatus: 'provisional',
    });
    expect(nextEdition({ revision: 1, contentHash: 'a', releaseStatus: 'final' }, 'b', true)).toEqual({
      publish: true,
      revision: 2,
      releaseStatus: 'revised',
    });
    expect(nextEdition({ revision: 2, contentHash: 'a', releaseStatus: 'revised' }, 'b', true)).toEqual({
      publish: true,
      revision: 3,
      releaseStatus: 'revised',
    });
  });
});
