import { describe, expect, it } from 'vitest';
import { OsloLocalDateTimeSchema, PlanDateSchema, planDateIssueOf, planDateIssues } from './oslo-dates.ts';

const issueOf = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.success ? undefined : planDateIssueOf(result.error?.issues[0]?.message);

describe('OsloLocalDateTimeSchema', () => {
  it('accepts a real time in Oslo within 2000–2100, the autumn hour that happens twice included', () => {
    for (const value of [
      '2026-12-10T23:59',
      '2000-01-01T00:00',
      '2100-12-31T23:59',
      '2028-02-29T12:00',
      '2026-10-25T02:30',
    ]) {
      expect(OsloLocalDateTimeSchema.safeParse(value).success, value).toBe(true);
    }
  });

  it('refuses a date that is not in the calendar instead of rolling it into March', () => {
    expect(issueOf(OsloLocalDateTimeSchema.safeParse('2099-02-30T10:00'))).toBe('notInCalendar');
    expect(issueOf(OsloLocalDateTimeSchema.safeParse('2027-02-29T10:00'))).toBe('notInCalendar');
    expect(issueOf(OsloLocalDateTimeSchema.safeParse('2026-04-31T10:00'))).toBe('notInCalendar');
  });

  it('refuses a time skipped when summer time starts in Oslo, instead of moving it to 03:30', () => {
    expect(issueOf(OsloLocalDateTimeSchema.safeParse('2027-03-28T02:30'))).toBe('notInOslo');
    expect(issueOf(OsloLocalDateTimeSchema.safeParse('2026-03-29T02:00'))).toBe('notInOslo');
    expect(OsloLocalDateTimeSchema.safeParse('2026-03-29T03:00').success).toBe(true);
    expect(OsloLocalDateTimeSchema.safeParse('2026-03-29T01:59').success).toBe(true);
  });

  it('refuses years outside 2000–2100 and times that are not on a clock', () => {
    expect(issueOf(OsloLocalDateTimeSchema.safeParse('9999-12-31T23:59'))).toBe('outOfRange');
    expect(issueOf(OsloLocalDateTimeSchema.safeParse('1999-12-31T23:59'))).toBe('outOfRange');
    expect(issueOf(OsloLocalDateTimeSchema.safeParse('2026-12-10T24:00'))).toBe('dateTimeFormat');
    expect(issueOf(OsloLocalDateTimeSchema.safeParse('10.12.2026 23:59'))).toBe('dateTimeFormat');
  });
});

describe('PlanDateSchema', () => {
  it('accepts real dates in 2000–2100 and refuses the rest with a message for each', () => {
    expect(PlanDateSchema.safeParse('2026-11-29').success).toBe(true);
    expect(issueOf(PlanDateSchema.safeParse('2099-02-30'))).toBe('notInCalendar');
    expect(issueOf(PlanDateSchema.safeParse('2101-01-01'))).toBe('outOfRange');
    expect(issueOf(PlanDateSchema.safeParse('29.11.2026'))).toBe('dateFormat');
    expect(planDateIssues.outOfRange).toBe('Choose a date from 2000 to 2100.');
  });
});
