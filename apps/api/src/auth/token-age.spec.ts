import { durationSeconds, trustedUntil } from './token-age';

describe('token age', () => {
  it('reads durations in seconds, minutes, hours and days', () => {
    expect([durationSeconds('90s'), durationSeconds('30m'), durationSeconds('12h'), durationSeconds('1d')]).toEqual([90, 1800, 43_200, 86_400]);
  });

  it('refuses anything else', () => {
    for (const text of ['', '12', 'h', '0h', '-1h', '1.5h', '12 h', '1w', '12H']) expect(() => durationSeconds(text)).toThrow(/not a duration/);
  });

  it('trusts a token until its expiry or its maximum age, whichever is first', () => {
    expect(trustedUntil({ iat: 1000, exp: 1000 + 3600 }, 43_200)).toBe((1000 + 3600) * 1000);
    expect(trustedUntil({ iat: 1000, exp: 1000 + 30 * 86_400 }, 43_200)).toBe((1000 + 43_200) * 1000);
  });
});
