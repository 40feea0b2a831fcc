import { osloLocalDateTime, processes } from '@innspill/core';
import type { rounds } from '@innspill/core';
import type { PublicRound, Question, Round } from '@innspill/contracts';

const { translated } = processes;

/** A UTC instant as Oslo wall-clock time for `<input type="datetime-local">`: `2026-12-10T23:59`. */
export function toOsloLocal(at: Date): string {
  return osloLocalDateTime(at);
}

export function presentQuestion(question: rounds.Question, locale: string): Question {
  return {
    id: question.id,
    position: question.position,
    kind: question.kind,
    text: translated(question.text, question.translations, 'text', locale),
    isRequired: question.isRequired,
    options: question.options,
  };
}

/** The secretariat's view of a round. */
export function presentRound(
  round: rounds.InputRound,
  questions: rounds.Question[],
  effectiveStatus: rounds.EffectiveRoundStatus,
  locale: string,
): Round {
  return {
    id: round.id,
    number: round.number,
    title: translated(round.title, round.translations, 'title', locale),
    purpose: translated(round.purpose, round.translations, 'purpose', locale),
    publicationNote: round.publicationNote,
    opensAt: round.opensAt?.toISOString() ?? null,
    deadline: round.deadline.toISOString(),
    opensAtLocal: round.opensAt ? toOsloLocal(round.opensAt) : null,
    deadlineLocal: toOsloLocal(round.deadline),
    status: round.status,
    effectiveStatus,
    visibility: round.visibility,
    latePolicy: round.latePolicy,
    reminderDaysBefore: round.reminderDaysBefore,
    questions: questions.map((question) => presentQuestion(question, locale)),
  };
}

/** What anyone with the link sees: no internal fields. */
export function presentPublicRound(
  round: rounds.InputRound,
  questions: rounds.Question[],
  effectiveStatus: rounds.EffectiveRoundStatus,
  locale: string,
): PublicRound {
  return {
    id: round.id,
    number: round.number,
    title: translated(round.title, round.translations, 'title', locale),
    purpose: translated(round.purpose, round.translations, 'purpose', locale),
    publicationNote: round.publicationNote,
    deadline: round.deadline.toISOString(),
    effectiveStatus,
    visibility: round.visibility,
    latePolicy: round.latePolicy,
    questions: questions.map((question) => presentQuestion(question, locale)),
  };
}
