/**
 * The instant before which identifying data has been kept long enough: `months` calendar months
 * before `now`, in UTC, clamped to the end of a shorter month (31 March less one month is
 * 28 or 29 February, as PostgreSQL's interval arithmetic gives).
 */
export function retentionCutoff(now: Date, months: number): Date {
  if (!Number.isInteger(months) || months < 0) throw new Error('months must be a whole number of months, at least 0');
  const total = now.getUTCFullYear() * 12 + now.getUTCMonth() - months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(
    Date.UTC(year, month, Math.min(now.getUTCDate(), lastDay), now.getUTCHours(), now.getUTCMinutes(), now.getUTCSeconds(), now.getUTCMilliseconds()),
  );
}
