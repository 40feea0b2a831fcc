import { ConflictError } from '../shared/domain-error.ts';

export class RoundClosedError extends ConflictError {
  constructor(message = 'The round is closed: the deadline has passed and it does not accept more answers.') {
    super('round_closed', message);
  }
}

export class RoundNotOpenError extends ConflictError {
  constructor() {
    super('round_not_open', 'The round is not open for answers yet.');
  }
}

export class RoundNumberTakenError extends ConflictError {
  constructor(roundNumber: number) {
    super('round_number_taken', `This process already has a round number ${roundNumber}.`, {
      fields: { number: 'Already in use.' },
    });
  }
}

/** A change to answered questions that would leave their answers not fitting (409). */
export class AnsweredQuestionChangedError extends ConflictError {
  constructor(fields: Record<string, string>) {
    super(
      'answered_question_changed',
      'Some questions already have answers, and the change would leave those answers not fitting.',
      { fields },
    );
  }
}
