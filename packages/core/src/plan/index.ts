/**
 * @module plan — the process plan: milestones, deliverables, stakeholder bodies, the involvement
 * log and the timeline. Depends on `processes` and `rounds`, never on `strategies` (which depends
 * on it); see docs/decisions/process-plan-module.md.
 */
export * from './plan.errors.ts';
export { getProcessTimeline } from './get-process-timeline.ts';
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
export {
  saveDeliverable,
  deleteDeliverable,
  addStakeholderBody,
  deleteStakeholderBody,
  type SaveDeliverableInput,
} from './deliverables-and-bodies.ts';
/** The plan tables' queries other modules (the exchange, the demo loader) read and write through. */
export {
  findDeliverablesOfProcess,
  findInvolvementEventsOfProcess,
  findMilestonesOfProcess,
  findStakeholderBodiesOfProcess,
  insertDeliverables,
  insertInvolvementEvents,
  insertMilestones,
  insertStakeholderBodies,
  type DeliverableRow,
  type InvolvementEventRow,
  type MilestoneRow,
  type StakeholderBodyRow,
} from './plan.repository.ts';
export { getProcessOverview } from './get-process-overview.ts';
