import { strategies } from '@innspill/core';
import type { MatrixFixture } from './authorization-fixture.ts';
import {
  at,
  commenters,
  managers,
  members,
  writers,
  type MatrixEntry,
} from './authorization-matrix.roles.ts';

async function freshGoal(f: MatrixFixture) {
  return strategies.addStatement(f.testApp.db, f.system, {
    slug: f.slug,
    themeId: null,
    section: 'overarching_goal',
    text: `Mål ${f.unique()}`,
  });
}

/** Canvas edits go to theme 2 (never approved by the matrix); status changes use fresh themes. */
async function editableTheme(f: MatrixFixture) {
  const overview = await strategies.getStrategyOverview(f.testApp.db, f.system, f.slug);
  const theme = overview.themes.find((entry) => entry.theme.number === 2)?.theme;
  if (!theme) throw new Error('no theme 2');
  return theme.id;
}

async function freshStatement(f: MatrixFixture) {
  return strategies.addStatement(f.testApp.db, f.system, {
    slug: f.slug,
    themeId: await editableTheme(f),
    section: 'challenge',
    text: `Utfordring ${f.unique()}`,
  });
}

async function freshTheme(f: MatrixFixture) {
  const { theme } = await strategies.addStrategicTheme(f.testApp.db, f.system, {
    slug: f.slug,
    title: `Tema ${f.unique()}`,
  });
  return theme;
}

/** A revision whose "after" state can be restored: an edited statement, then deleted. */
async function restorableRevision(f: MatrixFixture) {
  const statement = await freshStatement(f);
  await strategies.updateStatement(f.testApp.db, f.system, {
    slug: f.slug,
    statementId: statement.id,
    text: `Endret ${f.unique()}`,
  });
  await strategies.deleteStatement(f.testApp.db, f.system, { slug: f.slug, statementId: statement.id });
  const listed = await strategies.listRevisions(f.testApp.db, f.system, {
    slug: f.slug,
    themeId: await editableTheme(f),
  });
  const revision = listed.revisions.find(
    (row) => row.revision.entityId === statement.id && row.revision.action === 'updated',
  );
  if (!revision) throw new Error('no revision to restore');
  return revision.revision.id;
}
/** The strategy text's routes × who may call them; part of {@link authorizationMatrix}. */
export const strategyMatrix: Record<string, MatrixEntry> = {
  'GET /api/processes/:slug/strategy': {
    allowed: members,
    request: at((f) => `/api/processes/${f.slug}/strategy`),
  },
  'PUT /api/processes/:slug/strategy/goals-lead': {
    allowed: writers,
    request: async (f) => ({
      url: `/api/processes/${f.slug}/strategy/goals-lead`,
      payload: { lead: `Ingress ${f.unique()}` },
    }),
  },
  'PUT /api/processes/:slug/strategy/structure': {
    allowed: writers,
    request: async (f) => ({
      url: `/api/processes/${f.slug}/strategy/structure`,
      payload: { otherAreas: [`Område ${f.unique()}`] },
    }),
  },
  'POST /api/processes/:slug/strategy/goals': {
    allowed: writers,
    request: async (f) => ({
      url: `/api/processes/${f.slug}/strategy/goals`,
      payload: { text: `Mål ${f.unique()}` },
    }),
  },
  'PATCH /api/processes/:slug/strategy/goals/:statementId': {
    allowed: writers,
    request: async (f) => ({
      url: `/api/processes/${f.slug}/strategy/goals/${(await freshGoal(f)).id}`,
      payload: { text: `Endret mål ${f.unique()}` },
    }),
  },
  'DELETE /api/processes/:slug/strategy/goals/:statementId': {
    allowed: writers,
    request: async (f) => ({ url: `/api/processes/${f.slug}/strategy/goals/${(await freshGoal(f)).id}` }),
  },
  'POST /api/processes/:slug/strategy/goals/:statementId/move': {
    allowed: writers,
    request: async (f) => ({
      url: `/api/processes/${f.slug}/strategy/goals/${(await freshGoal(f)).id}/move`,
      payload: { position: 0 },
    }),
  },
  'GET /api/processes/:slug/strategy/history': {
    allowed: members,
    request: at((f) => `/api/processes/${f.slug}/strategy/history`),
  },
  'POST /api/processes/:slug/themes': {
    allowed: managers,
    request: async (f) => ({
      url: `/api/processes/${f.slug}/themes`,
      payload: { title: `Tema ${f.unique()}` },
    }),
  },
  'POST /api/processes/:slug/themes/:themeId/move': {
    allowed: managers,
    // Two fresh themes at the end swap places; the demo's six themes keep their numbers.
    request: async (f) => {
      await freshTheme(f);
      const theme = await freshTheme(f);
      return {
        url: `/api/processes/${f.slug}/themes/${theme.id}/move`,
        payload: { position: theme.number! - 2 },
      };
    },
  },
  'GET /api/processes/:slug/themes/:themeId': {
    allowed: members,
    request: async (f) => ({ url: `/api/processes/${f.slug}/themes/${await editableTheme(f)}` }),
  },
  'PATCH /api/processes/:slug/themes/:themeId': {
    allowed: writers,
    request: async (f) => ({
      url: `/api/processes/${f.slug}/themes/${await editableTheme(f)}`,
      payload: { summary: `Sammendrag ${f.unique()}` },
    }),
  },
  'POST /api/processes/:slug/themes/:themeId/status': {
    allowed: writers,
    request: async (f) => ({
      url: `/api/processes/${f.slug}/themes/${(await freshTheme(f)).id}/status`,
      payload: { status: 'in_review' },
    }),
  },
  'POST /api/processes/:slug/themes/:themeId/statements': {
    allowed: writers,
    request: async (f) => ({
      url: `/api/processes/${f.slug}/themes/${await editableTheme(f)}/statements`,
      payload: { section: 'challenge', text: `Utfordring ${f.unique()}` },
    }),
  },
  'PATCH /api/processes/:slug/themes/:themeId/statements/:statementId': {
    allowed: writers,
    request: async (f) => ({
      url: `/api/processes/${f.slug}/themes/${await editableTheme(f)}/statements/${(await freshStatement(f)).id}`,
      payload: { text: `Endret ${f.unique()}` },
    }),
  },
  'DELETE /api/processes/:slug/themes/:themeId/statements/:statementId': {
    allowed: writers,
    request: async (f) => ({
      url: `/api/processes/${f.slug}/themes/${await editableTheme(f)}/statements/${(await freshStatement(f)).id}`,
    }),
  },
  'POST /api/processes/:slug/themes/:themeId/statements/:statementId/move': {
    allowed: writers,
    request: async (f) => ({
      url: `/api/processes/${f.slug}/themes/${await editableTheme(f)}/statements/${(await freshStatement(f)).id}/move`,
      payload: { position: 0 },
    }),
  },
  'POST /api/processes/:slug/themes/:themeId/comments': {
    allowed: commenters,
    request: async (f) => ({
      url: `/api/processes/${f.slug}/themes/${await editableTheme(f)}/comments`,
      payload: { body: `Kommentar ${f.unique()}` },
    }),
  },
  'GET /api/processes/:slug/themes/:themeId/history': {
    allowed: members,
    request: async (f) => ({ url: `/api/processes/${f.slug}/themes/${await editableTheme(f)}/history` }),
  },
  'POST /api/processes/:slug/revisions/:revisionId/restore': {
    allowed: writers,
    request: async (f) => ({
      url: `/api/processes/${f.slug}/revisions/${await restorableRevision(f)}/restore`,
    }),
  },
};
