import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  accounts,
  demo,
  plan,
  processes,
  responses,
  systemActor,
  systemClock,
  type Actor,
} from '@innspill/core';
import { buildActor, buildProcess, buildRound, buildUser } from '@innspill/core/testing';
import { buildTestApp, type TestApp, type TestSession } from '../testing/build-test-app.ts';
import { sessionCookieName } from '../plugins/authentication.ts';

/** The callers the authorisation matrix tries every route as (issue 6). */
export const matrixRoles = [
  'anonymous',
  'foreign_link',
  'observer',
  'reviewer',
  'working_group',
  'secretariat',
  'owner',
  'admin',
  'outsider',
] as const;
export type MatrixRole = (typeof matrixRoles)[number];

/** Roles that come with an account and a session. */
export const signedInRoles: readonly MatrixRole[] = [
  'observer',
  'reviewer',
  'working_group',
  'secretariat',
  'owner',
  'admin',
  'outsider',
];

export const fixturePassword = 'test password 123';

export interface RespondentLink {
  token: string;
  submissionId: string;
}

/**
 * One database for the whole matrix: the demo process with a member of every role, another
 * process owned by the outsider, an open public round and an open invitation-only round.
 */
export interface MatrixFixture {
  testApp: TestApp;
  system: Actor;
  slug: string;
  processId: string;
  otherSlug: string;
  sessions: Partial<Record<MatrixRole, TestSession>>;
  publicRound: { id: string; number: number; requiredQuestionId: string };
  invitationRound: { id: string; number: number };
  /** A respondent's draft link that the `foreign_link` role holds (not the victim's). */
  foreignLink: RespondentLink;
  bodyId: string;
  milestoneId: string;
  actorId: string;
  signInUser: { email: string; password: string };
  respondentDeps: responses.RespondentDeps & responses.StorageDeps;
  unique: () => string;
  nextRoundNumber: () => number;
  /** A new draft (optionally sent) on the open public round, with the required answer given. */
  startPublicDraft: (options?: {
    shouldSubmit?: boolean;
    submitterEmail?: string;
  }) => Promise<RespondentLink>;
  /** A fresh invitation link for a new actor on the invitation-only round. */
  inviteNewActor: () => Promise<{ token: string; actorId: string }>;
  /** A fresh signed session for a role's user (for routes that end the session). */
  freshSessionHeaders: (role: MatrixRole) => Promise<Record<string, string> | undefined>;
  close: () => Promise<void>;
}

export async function buildMatrixFixture(): Promise<MatrixFixture> {
  const dataFolder = mkdtempSync(join(tmpdir(), 'innspill-matrix-'));
  const testApp = await buildTestApp({ env: { INNSPILL_DATA: dataFolder } });
  const { db } = testApp;
  const system = systemActor('authorisation matrix');
  await demo.loadDemoWorkspace(db, system);
  const slug = demo.demoProcessSlug;

  const sessions: Partial<Record<MatrixRole, TestSession>> = {};
  for (const role of ['observer', 'reviewer', 'working_group', 'secretariat', 'owner'] as const) {
    const session = await testApp.signInNewUser();
    await processes.setProcessMembership(db, system, { slug, email: session.email, role });
    sessions[role] = session;
  }
  sessions.admin = await testApp.signInNewUser({ isInstanceAdmin: true });
  const outsider = await testApp.signInNewUser();
  const other = await buildProcess(db);
  await processes.setProcessMembership(db, system, {
    slug: other.slug,
    email: outsider.email,
    role: 'owner',
  });
  sessions.outsider = outsider;

  const processRow = await processes.getProcessForActor(db, system, slug);
  const processId = processRow.strategyProcess.id;
  const { round: publicRound, questions } = await buildRound(db, {
    processId,
    number: 3,
    visibility: 'public',
    status: 'open',
    questions: [{ kind: 'long_text', text: 'Hva mener dere?', isRequired: true }],
  });
  const { round: invitationRound } = await buildRound(db, {
    processId,
    number: 4,
    visibility: 'invitation',
    status: 'open',
    questions: [{ kind: 'long_text', text: 'Hva mener dere?', isRequired: false }],
  });

  const timeline = await plan.getProcessTimeline(db, system, slug, systemClock);
  const bodyId = timeline.bodies[0]?.id;
  if (!bodyId) throw new Error('the demo process has no stakeholder bodies');
  const milestone = await plan.saveMilestone(db, system, {
    slug,
    title: 'Matrise-milepæl',
    date: '2021-06-01',
    kind: 'meeting',
  });
  const registered = await buildActor(db, processId);
  const { user: signInTarget } = await buildUser(db, { password: fixturePassword });

  const respondentDeps = {
    db,
    clock: systemClock,
    publicUrl: 'http://localhost:3000',
    fileStore: responses.createFileStore(join(dataFolder, 'files')),
    maxUploadBytes: 5 * 1024 * 1024,
  };
  const requiredQuestionId = questions[0]!.id;
  const startPublicDraft = async (options: { shouldSubmit?: boolean; submitterEmail?: string } = {}) => {
    const result = await responses.startResponse(respondentDeps, publicRound.id, {
      answers: [{ questionId: requiredQuestionId, text: 'Et svar fra matrisen.' }],
      submitterName: 'Respondent',
      submitterEmail: options.submitterEmail ?? null,
      shouldSubmit: options.shouldSubmit ?? false,
    });
    if (!result.token) throw new Error('no respondent token');
    return { token: result.token, submissionId: result.submission.id };
  };
  const inviteNewActor = async () => {
    const invited = await buildActor(db, processId);
    const result = await responses.inviteActors(
      { db, clock: systemClock, publicUrl: 'http://localhost:3000' },
      system,
      { slug, roundNumber: invitationRound.number },
      [invited.id],
    );
    const link = result.issued[0]?.link;
    if (!link) throw new Error('no invitation link issued');
    return { token: link.split('/').pop()!, actorId: invited.id };
  };

  let roundNumber = 100;
  const unique = () => randomBytes(5).toString('hex');
  const freshSessionHeaders = async (role: MatrixRole) => {
    const session = sessions[role];
    if (!session) return undefined;
    const issued = await accounts.createSession(db, session.userId, new Date());
    return {
      cookie: `${sessionCookieName}=${testApp.app.signCookie(issued.token)}`,
      'x-csrf-token': issued.csrfToken,
    };
  };

  const foreignLink = await startPublicDraft();
  return {
    testApp,
    system,
    slug,
    processId,
    otherSlug: other.slug,
    sessions,
    publicRound: { id: publicRound.id, number: publicRound.number, requiredQuestionId },
    invitationRound: { id: invitationRound.id, number: invitationRound.number },
    foreignLink,
    bodyId,
    milestoneId: milestone.id,
    actorId: registered.id,
    signInUser: { email: signInTarget.email, password: fixturePassword },
    respondentDeps,
    unique,
    nextRoundNumber: () => ++roundNumber,
    startPublicDraft,
    inviteNewActor,
    freshSessionHeaders,
    close: () => testApp.close(),
  };
}

/** A multipart/form-data body with one file in the field "file". */
export function multipartFile(
  fileName: string,
  content: string | Uint8Array,
  contentType = 'application/octet-stream',
) {
  const boundary = `----innspill${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
  return {
    payload: Buffer.concat([head, bytes, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
