/** @module strategies — the strategy text: goals, canvases of the strategic themes, statements, history, workflow. */
export * from './strategy.ts';
export * from './strategies.errors.ts';
export * from './strategies.policies.ts';
export { getStrategyOverview } from './get-strategy-overview.ts';
export { getCanvas } from './get-canvas.ts';
export { addStatement, type AddStatementInput } from './add-statement.ts';
export { updateStatement, type UpdateStatementInput } from './update-statement.ts';
export { deleteStatement } from './delete-statement.ts';
export { moveStatement, type MoveStatementInput } from './move-statement.ts';
export { updateCanvas, type UpdateCanvasInput } from './update-canvas.ts';
export { changeCanvasStatus } from './change-canvas-status.ts';
export { addComment } from './add-comment.ts';
export { listRevisions } from './list-revisions.ts';
export { restoreRevision } from './restore-revision.ts';
export { updateGoalsLead } from './update-goals-lead.ts';
export { addStrategicTheme } from './add-strategic-theme.ts';
export {
  updateProcessDetails,
  processDetailsSnapshot,
  type ProcessDetailsSnapshot,
  type UpdateProcessDetailsInput,
} from './update-process-details.ts';
export { updateStrategyStructure, type UpdateStrategyStructureInput } from './update-strategy-structure.ts';
/**
 * The strategy tables' queries the process exchange (`exchange/`) reads and writes a whole
 * strategy with; this module stays their only writer.
 */
export {
  findAllRevisionsOfProcess,
  findCanvasById,
  findSectionStatements,
  findAllStatementsOfProcess,
  findCanvasesOfProcess,
  findCommentsOfProcess,
  findStrategyOfProcess,
  findUserIdsByEmail,
  findUserNames,
  insertCanvas,
  insertComments,
  insertRevisions,
  insertStatements,
  insertStrategy,
  type StatementRow,
} from './strategies.repository.ts';
