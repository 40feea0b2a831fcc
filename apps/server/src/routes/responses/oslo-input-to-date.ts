import { osloLocalToUtc } from '@innspill/core';

/** `2026-12-10T23:59` typed in Oslo time → the UTC instant. */
export function osloInputToDate(local: string): Date {
  const [date = '', time = '00:00'] = local.split('T');
  return osloLocalToUtc(date, time);
}
