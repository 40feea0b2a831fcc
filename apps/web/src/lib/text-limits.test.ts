import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  AddCommentRequestSchema,
  AddDeliverableRequestSchema,
  AddStakeholderBodyRequestSchema,
  AddStatementRequestSchema,
  ChangePasswordRequestSchema,
  CreateThemeRequestSchema,
  CompleteSetupRequestSchema,
  EmailSchema,
  LogInvolvementEventRequestSchema,
  SaveMilestoneRequestSchema,
  UpdateCanvasRequestSchema,
  UpdateGoalsLeadRequestSchema,
  UpdateProcessDetailsRequestSchema,
} from '@innspill/contracts';
import { textLimits } from './text-limits.ts';

/** The `max` of a string schema, through `.optional()` and `.nullable()`. */
function maxLengthOf(schema: z.ZodType): number | null {
  let current: unknown = schema;
  while (current && typeof current === 'object' && 'unwrap' in current && !('maxLength' in current)) {
    current = (current as { unwrap: () => unknown }).unwrap();
  }
  return (current as { maxLength: number | null }).maxLength;
}

describe('text limits', () => {
  it('are the limits of the contracts’ request schemas', () => {
    expect({
      statementText: maxLengthOf(AddStatementRequestSchema.shape.text),
      canvasTitle: maxLengthOf(UpdateCanvasRequestSchema.shape.title),
      canvasMainGoal: maxLengthOf(UpdateCanvasRequestSchema.shape.mainGoal),
      canvasSummary: maxLengthOf(UpdateCanvasRequestSchema.shape.summary),
      commentBody: maxLengthOf(AddCommentRequestSchema.shape.body),
      goalsLead: maxLengthOf(UpdateGoalsLeadRequestSchema.shape.lead),
      themeTitle: maxLengthOf(CreateThemeRequestSchema.shape.title),
      processTitle: maxLengthOf(UpdateProcessDetailsRequestSchema.shape.title),
      processSubtitle: maxLengthOf(UpdateProcessDetailsRequestSchema.shape.subtitle),
      commissionedBy: maxLengthOf(UpdateProcessDetailsRequestSchema.shape.commissionedBy),
      commissionedByFullName: maxLengthOf(UpdateProcessDetailsRequestSchema.shape.commissionedByFullName),
      deliverableName: maxLengthOf(AddDeliverableRequestSchema.shape.name),
      deliverableRecipient: maxLengthOf(AddDeliverableRequestSchema.shape.recipient),
      bodyName: maxLengthOf(AddStakeholderBodyRequestSchema.shape.name),
      bodyRole: maxLengthOf(AddStakeholderBodyRequestSchema.shape.role),
      involvementNotes: maxLengthOf(LogInvolvementEventRequestSchema.shape.notes),
      milestoneTitle: maxLengthOf(SaveMilestoneRequestSchema.shape.title),
      password: maxLengthOf(ChangePasswordRequestSchema.shape.newPassword),
      userName: maxLengthOf(CompleteSetupRequestSchema.shape.name),
      email: maxLengthOf(EmailSchema),
    }).toEqual(textLimits);
    expect(maxLengthOf(CompleteSetupRequestSchema.shape.password)).toBe(textLimits.password);
  });
});
