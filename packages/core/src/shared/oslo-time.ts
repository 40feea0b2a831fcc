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

/** The Oslo calendar date (`2026-11-29`) of an instant: what "today" means for a Norwegian process. */
export function osloCalendarDate(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: osloTimeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

/**
 * An instant as Oslo wall-clock time with its offset, to the second: `2026-11-28T23:45:53+01:00`.
 * Readable as local time in a spreadsheet and still unambiguous (the autumn hour that occurs
 * twice differs in its offset).
 */
export function osloIsoDateTime(at: Date): string {
  const offset = osloOffsetMinutes(at);
  const local = new Date(Math.floor(at.getTime() / 1000) * 1000 + offset * 60000);
  const sign = offset < 0 ? '-' : '+';
  const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
  const minutes = String(Math.abs(offset) % 60).padStart(2, '0');
  return `${local.toISOString().slice(0, 19)}${sign}${hours}:${minutes}`;
}

/** An instant as Oslo wall-clock time to the minute, as `<input type="datetime-local">` takes it: `2026-12-10T23:59`. */
export function osloLocalDateTime(at: Date): string {
  return osloIsoDateTime(at).slice(0, 16);
}

/**
 * Whether `YYYY-MM-DD` names a day in the calendar. `Date.parse` is not enough: it reads
 * `2099-02-30` as 2 March.
 */
export function isCalendarDate(isoDate: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
