import { z } from 'zod';

/**
 * Dates a process plans with (round deadlines and openings, milestones, deliverables, involvement
 * events) lie in 2000–2100. A strategy process runs a year or two; imported history from this
 * century and plans to the end of it fit, while a typo such as 9999 or 0202 is refused instead of
 * stretching every timeline. A fixed range (not "N years from now") keeps the rule the same for the
 * server, the CLI and tests, whatever the clock says.
 */
export const earliestPlanYear = 2000;
export const latestPlanYear = 2100;

/**
 * The field messages for a date the server refuses. The server's messages are English; the web
 * app recognises these exact texts and shows its own message in the user's language.
 */
export const planDateIssues = {
  dateTimeFormat: 'Use YYYY-MM-DDTHH:MM (Oslo time).',
  dateFormat: 'Use YYYY-MM-DD.',
  notInCalendar: 'This date does not exist in the calendar.',
  outOfRange: `Choose a date from ${earliestPlanYear} to ${latestPlanYear}.`,
  notInOslo:
    'This time does not exist in Oslo: the clocks go forward an hour that night (02:00 becomes 03:00). Choose another time.',
} as const;
export type PlanDateIssue = keyof typeof planDateIssues;

/** Which issue a server field message is, if it is one of {@link planDateIssues}. */
export function planDateIssueOf(message: string | undefined): PlanDateIssue | undefined {
  return (Object.keys(planDateIssues) as PlanDateIssue[]).find((issue) => planDateIssues[issue] === message);
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  date.setUTCFullYear(year);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const osloWallClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Oslo',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/**
 * Whether a wall-clock time happens in Oslo. It does not in the hour skipped when summer time
 * starts (02:00–02:59 on the last Sunday of March): no instant shows that time on an Oslo clock.
 */
export function isOsloWallClockTime(isoDate: string, time: string): boolean {
  const [year = 0, month = 1, day = 1] = isoDate.split('-').map(Number);
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  const asUtc = Date.UTC(year, month - 1, day, hours, minutes);
  // Oslo is UTC+1 in winter and UTC+2 in summer: one of the two shows this time unless it is skipped.
  return [60, 120].some((offsetMinutes) => {
    const parts = osloWallClock.formatToParts(new Date(asUtc - offsetMinutes * 60_000));
    const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
    return (
      get('year') === year &&
      get('month') === month &&
      get('day') === day &&
      get('hour') === hours &&
      get('minute') === minutes
    );
  });
}

function checkPlanDate(isoDate: string, context: z.RefinementCtx): boolean {
  const [year = 0, month = 0, day = 0] = isoDate.split('-').map(Number);
  if (!isCalendarDate(year, month, day)) {
    context.addIssue({ code: 'custom', message: planDateIssues.notInCalendar });
    return false;
  }
  if (year < earliestPlanYear || year > latestPlanYear) {
    context.addIssue({ code: 'custom', message: planDateIssues.outOfRange });
    return false;
  }
  return true;
}

/** A calendar date a process plans with: `2026-12-10`, a real date in 2000–2100. */
export const PlanDateSchema = z.string().superRefine((value, context) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    context.addIssue({ code: 'custom', message: planDateIssues.dateFormat });
    return;
  }
  checkPlanDate(value, context);
});

/**
 * Local date-time in Europe/Oslo as typed into a form: `2026-12-10T23:59`. The date must exist,
 * lie in 2000–2100, and the time must happen in Oslo that day (not in the skipped spring hour:
 * refused rather than moved silently). A time in the autumn hour that happens twice is read as the later
 * one (winter time, +01:00).
 */
export const OsloLocalDateTimeSchema = z.string().superRefine((value, context) => {
  if (!/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/.test(value)) {
    context.addIssue({ code: 'custom', message: planDateIssues.dateTimeFormat });
    return;
  }
  const [date = '', time = ''] = value.split('T');
  if (!checkPlanDate(date, context)) return;
  if (!isOsloWallClockTime(date, time)) {
    context.addIssue({ code: 'custom', message: planDateIssues.notInOslo });
  }
});
