/**
 * The longest text the server accepts for each field the web app edits, in characters: the `max`
 * of the request schemas in packages/contracts (text-limits.test.ts keeps the two equal). Inputs
 * get them as `maxLength`, so a limit is met while typing rather than refused on saving.
 */
export const textLimits = {
  statementText: 4000,
  canvasTitle: 300,
  canvasMainGoal: 4000,
  canvasSummary: 4000,
  commentBody: 5000,
  goalsLead: 4000,
  themeTitle: 300,
  processTitle: 300,
  processSubtitle: 500,
  commissionedBy: 200,
  commissionedByFullName: 300,
  deliverableName: 300,
  deliverableRecipient: 300,
  bodyName: 300,
  bodyRole: 500,
  involvementNotes: 4000,
  milestoneTitle: 300,
  password: 1024,
  userName: 200,
  email: 254,
} as const;
