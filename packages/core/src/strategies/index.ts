/** @module strategies — the strategy text: goals, canvases of the strategic themes, statements, history, workflow, exchange. */
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
export { getProcessTimeline } from './get-process-timeline.ts';
export { loadDemoStrategy } from './load-demo-strategy.ts';
export { exportProcess, type ProcessExport } from './export-process.ts';
export { importProcess, type ImportProcessOptions } from './import-process.ts';
export {
  parseProcessDocument,
  formatIssuePath,
  ProcessDocumentSchema,
  type ProcessDocument,
} from './process-document.ts';
export {
  logInvolvementEvent,
  deleteInvolvementEvent,
  involvementEventKinds,
  type InvolvementEventKind,
} from './log-involvement-event.ts';
export { updateStakeholderBody } from './update-stakeholder-body.ts';
export {
  saveMilestone,
  milestoneKinds,
  type MilestoneKind,
  type SaveMilestoneInput,
} from './save-milestone.ts';
export { addStrategicTheme } from './add-strategic-theme.ts';
export {
  updateProcessDetails,
  saveDeliverable,
  deleteDeliverable,
  addStakeholderBody,
  deleteStakeholderBody,
  processDetailsSnapshot,
  type ProcessDetailsSnapshot,
  type UpdateProcessDetailsInput,
  type SaveDeliverableInput,
} from './process-details.ts';
export { updateStrategyStructure, type UpdateStrategyStructureInput } from './update-strategy-structure.ts';
