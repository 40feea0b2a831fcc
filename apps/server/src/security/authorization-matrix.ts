import { accounts, plan, responses } from '@innspill/core';
import { buildActor, buildRound, buildSubmission, buildUser } from '@innspill/core/testing';
import { multipartFile, type MatrixFixture } from './authorization-fixture.ts';
import {
  administrators,
  at,
  everyone,
  managers,
  members,
  owners,
  signedIn,
  type MatrixEntry,
} from './authorization-matrix.roles.ts';
import { strategyMatrix } from './authorization-matrix.strategy.ts';

async function freshDeliverable(f: MatrixFixture) {
  return plan.saveDeliverable(f.testApp.db, f.system, {
    slug: f.slug,
    name: `Leveranse ${f.unique()}`,
    date: '2021-06-01',
  });
}

/** A new draft round of the matrix's process, with nothing in it yet: its number. */
async function freshDraftRoundNumber(f: MatrixFixture): Promise<number> {
  const { round } = await buildRound(f.testApp.db, {
    processId: f.processId,
    number: f.nextRoundNumber(),
    status: 'draft',
  });
  return round.number;
}

/**
 * Every /api route × who may call it. A route in the registry without an entry (or an entry
 * without a route) fails `authorization-matrix.test.ts`, so a new route cannot skip this.
 */
export const authorizationMatrix: Record<string, MatrixEntry> = {
  // ── system and accounts ───────────────────────────────────────────────────────────────
  'GET /api/health': { allowed: everyone, request: at(() => '/api/health') },
  'GET /api/openapi.json': { allowed: everyone, request: at(() => '/api/openapi.json') },
  'GET /api/auth/session': { allowed: everyone, request: at(() => '/api/auth/session') },
  'POST /api/auth/sign-in': {
    allowed: everyone,
    request: async (f) => ({ url: '/api/auth/sign-in', payload: f.signInUser }),
  },
  'POST /api/auth/sign-out': {
    allowed: everyone,
    // A fresh session of the same user, so signing out does not end the role's session.
    request: async (f, role) => {
      const headers = await f.freshSessionHeaders(role);
      return { url: '/api/auth/sign-out', ...(headers ? { headers } : {}) };
    },
  },
  'GET /api/auth/setup-links/:token': {
    allowed: everyone,
    request: async (f) => {
      const { setupToken } = await accounts.addUser(f.testApp.db, f.system, {
        email: `setup-${f.unique()}@example.test`,
        isInstanceAdmin: false,
      });
      return { url: `/api/auth/setup-links/${setupToken}` };
    },
  },
  'POST /api/auth/setup': {
    allowed: everyone,
    request: async (f) => {
      const { setupToken } = await accounts.addUser(f.testApp.db, f.system, {
        email: `setup-${f.unique()}@example.test`,
        isInstanceAdmin: false,
      });
      return { url: '/api/auth/setup', payload: { token: setupToken, password: 'a long new password 42' } };
    },
  },
  'POST /api/auth/password': {
    allowed: signedIn,
    request: async () => ({
      url: '/api/auth/password',
      payload: { currentPassword: 'test password 123', newPassword: 'test password 123' },
    }),
  },
  'POST /api/admin/users': {
    allowed: administrators,
    request: async (f) => ({ url: '/api/admin/users', payload: { email: `new-${f.unique()}@example.test` } }),
  },
  'GET /api/admin/audit': { allowed: administrators, request: at(() => '/api/admin/audit') },

  // ── processes ─────────────────────────────────────────────────────────────────────────
  'GET /api/processes': { allowed: signedIn, request: at(() => '/api/processes') },
  'POST /api/processes': {
    allowed: administrators,
    request: async (f) => ({
      url: '/api/processes',
      payload: { title: 'Ny prosess', slug: `prosess-${f.unique()}` },
    }),
  },
  'GET /api/processes/:slug': { allowed: members, request: at((f) => `/api/processes/${f.slug}`) },
  'GET /api/processes/:slug/members': {
    allowed: members,
    request: at((f) => `/api/processes/${f.slug}/members`),
  },
  'PUT /api/processes/:slug/members': {
    allowed: owners,
    request: async (f) => {
      const { user } = await buildUser(f.testApp.db);
      return { url: `/api/processes/${f.slug}/members`, payload: { email: user.email, role: 'observer' } };
    },
  },
  'GET /api/processes/:slug/audit': {
    allowed: managers,
    request: at((f) => `/api/processes/${f.slug}/audit`),
  },
  'GET /api/processes/:slug/timeline': {
    allowed: members,
    request: at((f) => `/api/processes/${f.slug}/timeline`),
  },
  'POST /api/processes/:slug/involvement-events': {
    allowed: managers,
    request: async (f) => ({
      url: `/api/processes/${f.slug}/involvement-events`,
      payload: { date: '2021-03-01', kind: 'meeting', bodyId: f.bodyId, notes: 'Møte' },
    }),
  },
  'DELETE /api/processes/:slug/involvement-events/:eventId': {
    allowed: managers,
    request: async (f) => {
      const event = await plan.logInvolvementEvent(f.testApp.db, f.system, {
        slug: f.slug,
        date: '2021-03-02',
        kind: 'hearing',
      });
      return { url: `/api/processes/${f.slug}/involvement-events/${event.id}` };
    },
  },
  'PATCH /api/processes/:slug/bodies/:bodyId': {
    allowed: managers,
    request: async (f) => ({
      url: `/api/processes/${f.slug}/bodies/${f.bodyId}`,
      payload: { members: ['Rektor A'] },
    }),
  },
  'POST /api/processes/:slug/milestones': {
    allowed: managers,
    request: async (f) => ({
      url: `/api/processes/${f.slug}/milestones`,
      payload: { title: 'Høring', date: '2021-02-01', kind: 'meeting' },
    }),
  },
  'PATCH /api/processes/:slug/milestones/:milestoneId': {
    allowed: managers,
    request: async (f) => ({
      url: `/api/processes/${f.slug}/milestones/${f.milestoneId}`,
      payload: { isDone: true },
    }),
  },
  'PATCH /api/processes/:slug/details': {
    allowed: managers,
    request: async (f) => ({
      url: `/api/processes/${f.slug}/details`,
      payload: { subtitle: `Undertittel ${f.unique()}` },
    }),
  },
  'POST /api/processes/:slug/deliverables': {
    allowed: managers,
    request: async (f) => ({
      url: `/api/processes/${f.slug}/deliverables`,
      payload: { name: `Leveranse ${f.unique()}`, date: '2021-06-01' },
    }),
  },
  'PATCH /api/processes/:slug/deliverables/:deliverableId': {
    allowed: managers,
    request: async (f) => ({
      url: `/api/processes/${f.slug}/deliverables/${(await freshDeliverable(f)).id}`,
      payload: { recipient: 'Departementet' },
    }),
  },
  'DELETE /api/processes/:slug/deliverables/:deliverableId': {
    allowed: managers,
    request: async (f) => ({
      url: `/api/processes/${f.slug}/deliverables/${(await freshDeliverable(f)).id}`,
    }),
  },
  'POST /api/processes/:slug/bodies': {
    allowed: managers,
    request: async (f) => ({
      url: `/api/processes/${f.slug}/bodies`,
      payload: { name: `Råd ${f.unique()}` },
    }),
  },
  'DELETE /api/processes/:slug/bodies/:bodyId': {
    allowed: managers,
    request: async (f) => {
      const body = await plan.addStakeholderBody(f.testApp.db, f.system, {
        slug: f.slug,
        name: `Råd ${f.unique()}`,
      });
      return { url: `/api/processes/${f.slug}/bodies/${body.id}` };
    },
  },

  ...strategyMatrix,

  // ── input rounds (secretariat side) ───────────────────────────────────────────────────
  'GET /api/processes/:slug/rounds': {
    allowed: members,
    request: at((f) => `/api/processes/${f.slug}/rounds`),
  },
  'POST /api/processes/:slug/rounds': {
    allowed: managers,
    request: async (f) => ({
      url: `/api/processes/${f.slug}/rounds`,
      payload: { title: 'Ny runde', deadlineLocal: '2099-05-11T23:59', number: f.nextRoundNumber() },
    }),
  },
  'GET /api/processes/:slug/rounds/:number': {
    allowed: members,
    request: at((f) => `/api/processes/${f.slug}/rounds/${f.publicRound.number}`),
  },
  'PATCH /api/processes/:slug/rounds/:number': {
    allowed: managers,
    request: async (f) => ({
      url: `/api/processes/${f.slug}/rounds/${f.publicRound.number}`,
      payload: { purpose: `Formål ${f.unique()}` },
    }),
  },
  'DELETE /api/processes/:slug/rounds/:number': {
    allowed: managers,
    // A fresh, unused draft round: the only kind that can be deleted.
    request: async (f) => ({ url: `/api/processes/${f.slug}/rounds/${await freshDraftRoundNumber(f)}` }),
  },
  'PUT /api/processes/:slug/rounds/:number/questions': {
    allowed: managers,
    // A fresh draft round, so no answers stand in the way of replacing its questions.
    request: async (f) => ({
      url: `/api/processes/${f.slug}/rounds/${await freshDraftRoundNumber(f)}/questions`,
      payload: { questions: [{ kind: 'long_text', text: 'Hva mener du?', isRequired: true }] },
    }),
  },
  'GET /api/processes/:slug/rounds/:number/submissions': {
    allowed: members,
    request: at((f) => `/api/processes/${f.slug}/rounds/${f.publicRound.number}/submissions`),
  },
  'GET /api/processes/:slug/rounds/:number/submissions/:submissionId': {
    // Personal data (submitter name and email): the secretariat and owners only.
    allowed: managers,
    request: async (f) => {
      const submission = await buildSubmission(f.testApp.db, f.publicRound.id, { submitterName: 'Kari' });
      return { url: `/api/processes/${f.slug}/rounds/${f.publicRound.number}/submissions/${submission.id}` };
    },
  },
  'PUT /api/processes/:slug/rounds/:number/submissions/:submissionId/actor': {
    allowed: managers,
    request: async (f) => {
      const submission = await buildSubmission(f.testApp.db, f.publicRound.id, { source: 'import' });
      const registered = await buildActor(f.testApp.db, f.processId);
      return {
        url: `/api/processes/${f.slug}/rounds/${f.publicRound.number}/submissions/${submission.id}/actor`,
        payload: { actorId: registered.id },
      };
    },
  },
  'GET /api/processes/:slug/rounds/:number/participation': {
    allowed: members,
    request: at((f) => `/api/processes/${f.slug}/rounds/${f.publicRound.number}/participation`),
  },
  'GET /api/processes/:slug/rounds/:number/participation.csv': {
    allowed: members,
    request: at((f) => `/api/processes/${f.slug}/rounds/${f.publicRound.number}/participation.csv`),
  },
  'GET /api/processes/:slug/rounds/:number/invitations': {
    allowed: managers,
    request: at((f) => `/api/processes/${f.slug}/rounds/${f.invitationRound.number}/invitations`),
  },
  'POST /api/processes/:slug/rounds/:number/invitations': {
    allowed: managers,
    request: async (f) => {
      const invited = await buildActor(f.testApp.db, f.processId);
      return {
        url: `/api/processes/${f.slug}/rounds/${f.invitationRound.number}/invitations`,
        payload: { actorIds: [invited.id] },
      };
    },
  },
  'POST /api/processes/:slug/rounds/:number/reminders': {
    allowed: managers,
    request: at((f) => `/api/processes/${f.slug}/rounds/${f.invitationRound.number}/reminders`),
  },
  'POST /api/processes/:slug/rounds/:number/imports': {
    allowed: managers,
    request: async (f) => {
      const body = multipartFile('svar.csv', 'actor;q1\r\nHøgskolen;Svar fra høgskolen\r\n', 'text/csv');
      return {
        url: `/api/processes/${f.slug}/rounds/${f.publicRound.number}/imports?dryRun=true`,
        payload: body.payload,
        headers: body.headers,
      };
    },
  },
  'GET /api/processes/:slug/rounds/:number/export': {
    allowed: managers,
    request: at((f) => `/api/processes/${f.slug}/rounds/${f.publicRound.number}/export?format=csv`),
  },

  // ── actor registry ────────────────────────────────────────────────────────────────────
  'GET /api/processes/:slug/actors': {
    allowed: members,
    request: at((f) => `/api/processes/${f.slug}/actors`),
  },
  'POST /api/processes/:slug/actors': {
    allowed: managers,
    request: async (f) => ({
      url: `/api/processes/${f.slug}/actors`,
      payload: { name: `Organisasjon ${f.unique()}`, type: 'universitet' },
    }),
  },
  'PUT /api/processes/:slug/actors/:actorId': {
    allowed: managers,
    request: async (f) => ({
      url: `/api/processes/${f.slug}/actors/${f.actorId}`,
      payload: { name: `Omdøpt ${f.unique()}`, type: 'universitet' },
    }),
  },
  'POST /api/processes/:slug/actors/import': {
    allowed: managers,
    request: async (f) => {
      const body = multipartFile(
        'aktorer.csv',
        `name;type\r\nImport ${f.unique()};universitet\r\n`,
        'text/csv',
      );
      return {
        url: `/api/processes/${f.slug}/actors/import?dryRun=true`,
        payload: body.payload,
        headers: body.headers,
      };
    },
  },

  // ── personal data (GDPR): canHandlePersonalData = the secretariat runs the process ──────
  'POST /api/processes/:slug/privacy/find': {
    allowed: managers,
    request: async (f) => ({
      url: `/api/processes/${f.slug}/privacy/find`,
      payload: { email: 'someone@example.test' },
    }),
  },
  'POST /api/processes/:slug/privacy/export': {
    allowed: managers,
    request: async (f) => ({
      url: `/api/processes/${f.slug}/privacy/export`,
      payload: { email: 'someone@example.test' },
    }),
  },
  'POST /api/processes/:slug/privacy/delete': {
    allowed: managers,
    request: async (f) => {
      const email = `slett-${f.unique()}@example.test`;
      await f.startPublicDraft({ shouldSubmit: true, submitterEmail: email });
      return { url: `/api/processes/${f.slug}/privacy/delete`, payload: { email, confirmEmail: email } };
    },
  },
  'GET /api/processes/:slug/privacy/retention': {
    allowed: managers,
    request: at((f) => `/api/processes/${f.slug}/privacy/retention`),
  },
  'PUT /api/processes/:slug/privacy/retention': {
    allowed: managers,
    request: async (f) => ({
      url: `/api/processes/${f.slug}/privacy/retention`,
      payload: { retentionDays: 365 },
    }),
  },

  // ── public respondent routes: the secret link is the credential ───────────────────────
  // Every role calls with a link of its own (a fresh draft); using another respondent's link
  // is covered by the foreign-link test in authorization-matrix.test.ts.
  'GET /api/public/rounds/:roundId': {
    allowed: everyone,
    request: at((f) => `/api/public/rounds/${f.publicRound.id}`),
  },
  'POST /api/public/rounds/:roundId/responses': {
    allowed: everyone,
    request: async (f) => ({
      url: `/api/public/rounds/${f.publicRound.id}/responses`,
      payload: { answers: [{ questionId: f.publicRound.requiredQuestionId, text: 'Et svar.' }] },
    }),
  },
  'GET /api/public/responses/:token': {
    allowed: everyone,
    request: async (f) => ({ url: `/api/public/responses/${(await f.startPublicDraft()).token}` }),
  },
  'PUT /api/public/responses/:token': {
    allowed: everyone,
    request: async (f) => ({
      url: `/api/public/responses/${(await f.startPublicDraft()).token}`,
      payload: { organisationName: 'Høgskolen' },
    }),
  },
  'POST /api/public/responses/:token/submit': {
    allowed: everyone,
    request: async (f) => ({
      url: `/api/public/responses/${(await f.startPublicDraft()).token}/submit`,
      payload: {},
    }),
  },
  'POST /api/public/responses/:token/withdraw': {
    allowed: everyone,
    request: async (f) => ({
      url: `/api/public/responses/${(await f.startPublicDraft({ shouldSubmit: true })).token}/withdraw`,
    }),
  },
  'POST /api/public/responses/:token/attachments': {
    allowed: everyone,
    request: async (f) => {
      const body = multipartFile('notat.txt', 'Et vedlegg med litt tekst.\n', 'text/plain');
      return {
        url: `/api/public/responses/${(await f.startPublicDraft()).token}/attachments`,
        payload: body.payload,
        headers: body.headers,
      };
    },
  },
  'DELETE /api/public/responses/:token/attachments/:attachmentId': {
    allowed: everyone,
    request: async (f) => {
      const { token } = await f.startPublicDraft();
      const attachment = await responses.addAttachment(f.respondentDeps, token, {
        fileName: 'notat.txt',
        bytes: new TextEncoder().encode('Et vedlegg med litt tekst.\n'),
      });
      return { url: `/api/public/responses/${token}/attachments/${attachment.id}` };
    },
  },
};
