/** @module rounds — input rounds, their key questions, invitations and reminders. */
export * from './round.ts';
export * from './rounds.errors.ts';
export * from './rounds.policies.ts';
export { loadRoundForActor, type RoundLocator } from './load-round-for-actor.ts';
export { listRounds } from './list-rounds.ts';
export { getRound } from './get-round.ts';
export { createRound, type CreateRoundInput, type RoundFields } from './create-round.ts';
export { updateRound, type UpdateRoundInput } from './update-round.ts';
export { deleteRound } from './delete-round.ts';
export { saveQuestions, validateQuestions, type QuestionInput } from './save-questions.ts';
export {
  findRoundById,
  findRoundsByIds,
  findQuestionsOfRound,
  findQuestionsOfRounds,
  findRoundsOfProcess,
  insertRound,
  insertQuestions,
  insertQuestionRow,
} from './rounds.repository.ts';
