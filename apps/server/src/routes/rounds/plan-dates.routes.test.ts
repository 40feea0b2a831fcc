import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processes, systemActor } from '@innspill/core';
import { buildProcess } from '@innspill/core/testing';
import { planDateIssues, type ErrorResponse } from '@innspill/contracts';
import { buildTestApp, type TestApp, type TestSession } from '../../testing/build-test-app.ts';

let sut: TestApp;
let secretariat: TestSession;
let slug: string;

beforeAll(async () => {
  sut = await buildTestApp({ clock: { now: () => new Date('2026-11-28T12:00:00Z') } });
  slug = (await buildProcess(sut.db)).slug;
  secretariat = await sut.signInNewUser();
  await processes.setProcessMembership(sut.db, systemActor('test'), {
    slug,
    email: secretariat.email,
    role: 'secretariat',
  });
});
afterAll(async () => sut?.close());

async function post(path: string, payload: Record<string, unknown>) {
  return sut.app.inject({
    method: 'POST',
    url: `/api/processes/${slug}${path}`,
    headers: secretariat.headers,
    payload,
  });
}

async function refusedField(path: string, payload: Record<string, unknown>, field: string) {
  const response = await post(path, payload);
  expect(response.statusCode, response.body).toBe(400);
  const { error } = response.json<ErrorResponse>();
  expect(error.code).toBe('validation_failed');
  return error.fields?.[field];
}

describe('dates a process plans with', () => {
  it('refuses a round deadline far in the future, not in the calendar, or in the skipped spring hour', async () => {
    const round = (deadlineLocal: string) => ({ title: 'Langt fram', deadlineLocal });
    expect(await refusedField('/rounds', round('9999-12-31T23:59'), 'deadlineLocal')).toBe(
      planDateIssues.outOfRange,
    );
    expect(await refusedField('/rounds', round('2099-02-30T10:00'), 'deadlineLocal')).toBe(
      planDateIssues.notInCalendar,
    );
    expect(await refusedField('/rounds', round('2027-03-28T02:30'), 'deadlineLocal')).toBe(
      planDateIssues.notInOslo,
    );
    expect(
      await refusedField(
        '/rounds',
        { ...round('2027-01-10T12:00'), opensAtLocal: '2027-02-29T09:00' },
        'opensAtLocal',
      ),
    ).toBe(planDateIssues.notInCalendar);
  });

  it('creates a round whose deadline is in the autumn hour that happens twice, read as winter time', async () => {
    const response = await post('/rounds', { title: 'Høst', deadlineLocal: '2027-10-31T02:30' });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().round).toMatchObject({
      deadline: '2027-10-31T01:30:00.000Z',
      deadlineLocal: '2027-10-31T02:30',
    });
  });

  it('refuses milestone, deliverable and involvement dates outside 2000–2100 or not in the calendar', async () => {
    expect(await refusedField('/milestones', { title: 'Lansering', date: '2099-02-30' }, 'date')).toBe(
      planDateIssues.notInCalendar,
    );
    expect(await refusedField('/deliverables', { name: 'Strategien', date: '9999-12-31' }, 'date')).toBe(
      planDateIssues.outOfRange,
    );
    expect(await refusedField('/involvement-events', { date: '1899-05-17', kind: 'meeting' }, 'date')).toBe(
      planDateIssues.outOfRange,
    );
    const milestone = await post('/milestones', { title: 'Lansering', date: '2027-06-01', kind: 'launch' });
    expect(milestone.statusCode, milestone.body).toBeLessThan(300);
  });
});
