import { z } from 'zod';

/**
 * The parts of the demo file (`uh-digitalisering-2021.json`) the loader reads. Unknown keys are
 * allowed: the file carries more than the schema stores.
 */
export const DemoDocumentSchema = z.looseObject({
  language: z.string(),
  title: z.string(),
  subtitle: z.string(),
  process: z.looseObject({
    commissionedBy: z.string(),
    commissionedByFullName: z.string(),
    assignedTo: z.string(),
    mandate: z.array(z.string()),
    principles: z.array(z.string()),
    milestones: z.array(z.object({ date: z.iso.date(), label: z.string(), statedAs: z.string() })),
    stakeholderBodies: z.array(z.string()),
    workingGroup: z.string(),
  }),
  inputRounds: z.array(
    z.looseObject({
      number: z.number().int().positive(),
      context: z.string(),
      deadline: z.iso.date(),
      referenceDate: z.iso.date().optional(),
      participantsHeading: z.string(),
      keyQuestionsHeading: z.string(),
      keyQuestions: z.array(z.string()),
    }),
  ),
});

export type DemoDocument = z.infer<typeof DemoDocumentSchema>;
