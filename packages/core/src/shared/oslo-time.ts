/** Deadlines are entered and shown in Europe/Oslo time and stored in UTC. */
export const osloTimeZone = 'Europe/Oslo';

/** Offset of Europe/Oslo from UTC in minutes at a given instant (60 in winter, 120 in summer). */
export function osloOffsetMinutes(at: Date): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: osloTimeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return Math.round((asUtc - Math.floor(at.getTime() / 60000) * 60000) / 60000);
}

/** Converts a wall-clock time in Oslo (`2020-05-11`, `23:59`) to the UTC instant. */
export function osloLocalToUtc(isoDate: string, time: string): Date {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  const [year = 0, month = 1, day = 1] = isoDate.split('-').map(Number);
  const guess = new Date(Date.UTC(year, month - 1, day, hours, minutes));
  const first = new Date(guess.getTime() - osloOffsetMinutes(guess) * 60000);
  return new Date(guess.getTime() - osloOffsetMinutes(first) * 60000);
}

/** The end (23:59) of a calendar day in Oslo, as a UTC instant: how a date-only deadline is read. */
export function osloEndOfDayToUtc(isoDate: string): Date {
  return osloLocalToUtc(isoDate, '23:59');
}
