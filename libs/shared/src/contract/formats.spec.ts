import { FormatRegistry } from '@sinclair/typebox';
import './formats';

const isDateTime = (value: string) => FormatRegistry.Get('date-time')!(value);

describe('date-time format', () => {
  it('accepts RFC 3339 instants with an offset', () => {
    expect(
      ['2026-11-23T07:30:00Z', '2026-11-23T07:30:00.123Z', '2026-06-01T08:00:00+01:00', '2028-02-29T00:00:00Z', '2000-02-29T12:00:00-05:30'].map(
        isDateTime,
      ),
    ).toEqual([true, true, true, true, true]);
  });

  it('rejects days that do not exist, whatever Date.parse makes of them', () => {
    expect(
      [
        '2026-02-29T00:00:00Z',
        '1900-02-29T00:00:00Z',
        '2026-02-30T00:00:00Z',
        '2026-04-31T10:00:00+01:00',
        '2026-13-01T00:00:00Z',
        '2026-00-10T00:00:00Z',
        '2026-01-00T00:00:00Z',
      ].map(isDateTime),
    ).toEqual([false, false, false, false, false, false, false]);
  });

  it('rejects instants without an offset or with impossible times', () => {
    expect(['2026-11-23T07:30:00', '2026-11-23 07:30:00Z', '2026-11-23T24:30:00Z', '2026-11-23T07:60:00Z'].map(isDateTime)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});
