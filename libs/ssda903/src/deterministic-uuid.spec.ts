import { deterministicUuid, SSDA903_UUID_NAMESPACE } from './deterministic-uuid';

const DNS_NAMESPACE = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';
const URL_NAMESPACE = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';

describe('deterministicUuid', () => {
  it('matches the RFC 4122 version 5 vector for www.example.com in the DNS namespace', () => {
    expect(deterministicUuid('www.example.com', DNS_NAMESPACE)).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('uses a namespace derived from the project URL, and is stable and name-sensitive', () => {
    expect(deterministicUuid('https://missing-children-monitor.example/ssda903', URL_NAMESPACE)).toBe(SSDA903_UUID_NAMESPACE);
    expect(deterministicUuid('a')).toBe(deterministicUuid('a'));
    expect(deterministicUuid('a')).not.toBe(deterministicUuid('b'));
    expect(deterministicUuid('a')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('refuses a namespace that is not a UUID', () => {
    expect(() => deterministicUuid('a', 'not-a-uuid')).toThrow(RangeError);
  });
});
