// Contract: cases (instructions): who, what work, who instructs, court details, key dates,
// the questions in the letter of instruction (original wording), and agreed hours or fee cap.
import { z } from 'zod';
import { op } from './define';
import { byId, idSchema, isoDateSchema, longText, requiredText, shortText } from './common';
import { noteSummarySchema } from './notes';
import { casePartySchema } from './parties';
import { personSummarySchema } from './people';

export const workTypes = [
  'parenting_assessment',
  'special_guardianship',
  'viability_kinship',
  's7_s37_report',
  'care_act_assessment',
  'mca_capacity',
  'best_interests',
  'cop_s49',
  'expert_report_part25',
  'other',
] as const;
export const workTypeLabels: Record<(typeof workTypes)[number], string> = {
  parenting_assessment: 'Parenting assessment',
  special_guardianship: 'Special guardianship assessment',
  viability_kinship: 'Viability / kinship assessment',
  s7_s37_report: 'Section 7 / section 37 report',
  care_act_assessment: 'Care Act needs assessment',
  mca_capacity: 'Mental capacity assessment',
  best_interests: 'Best interests assessment',
  cop_s49: 'Court of Protection section 49 report',
  expert_report_part25: 'Expert report (Part 25)',
  other: 'Other',
};

export const caseStatuses = ['enquiry', 'instructed', 'active', 'report_due', 'filed', 'closed', 'archived'] as const;
export type CaseStatus = (typeof caseStatuses)[number];
export const caseStatusLabels: Record<CaseStatus, string> = {
  enquiry: 'Enquiry',
  instructed: 'Instructed',
  active: 'Active',
  report_due: 'Report due',
  filed: 'Filed',
  closed: 'Closed',
  archived: 'Archived',
};

export const hearingSchema = z
  .object({
    date: isoDateSchema,
    time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a 24-hour time such as 10:30.').or(z.literal('')),
    description: requiredText('what the hearing is', 300),
    venue: shortText(300),
  })
  .strict();

export const questionSchema = z.object({ id: idSchema.optional(), text: requiredText('the question', 4000) }).strict();

export const caseFieldsSchema = z
  .object({
    title: requiredText('a short name for the case'),
    workType: z.enum(workTypes),
    status: z.enum(caseStatuses),
    personIds: z.array(idSchema).min(1, 'Choose the person or people the case is about.').max(20),
    instructingParty: shortText(300),
    instructingReference: shortText(200),
    court: shortText(300),
    caseNumber: shortText(100),
    instructionReceived: isoDateSchema.nullable(),
    letterOfInstructionDate: isoDateSchema.nullable(),
    filingDeadline: isoDateSchema.nullable(),
    hearings: z.array(hearingSchema).max(100),
    questions: z.array(questionSchema).max(200),
    agreedHours: z.number().min(0).max(10_000).nullable(),
    feeCapPence: z.number().int().min(0).max(100_000_000).nullable(),
    summary: longText(4000),
  })
  .strict();
export type CaseFields = z.infer<typeof caseFieldsSchema>;

export const caseSummarySchema = z.object({
  id: idSchema,
  title: z.string(),
  workType: z.enum(workTypes),
  status: z.enum(caseStatuses),
  people: z.array(z.string()),
  filingDeadline: isoDateSchema.nullable(),
  nextHearing: isoDateSchema.nullable(),
  updatedAt: z.string(),
});
export type CaseSummary = z.infer<typeof caseSummarySchema>;

export const caseDetailSchema = caseFieldsSchema.extend({
  id: idSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  questions: z.array(z.object({ id: idSchema, text: z.string() })),
  people: z.array(personSummarySchema),
  parties: z.array(casePartySchema),
  counts: z.object({ notes: z.number().int(), drafts: z.number().int(), significant: z.number().int(), openTasks: z.number().int() }),
  /** The latest 50 notes, newest first. */
  latestNotes: z.array(noteSummarySchema),
});
export type CaseDetail = z.infer<typeof caseDetailSchema>;

export const casesOperations = {
  listCases: op({
    input: z
      .object({
        statuses: z.array(z.enum(caseStatuses)).max(caseStatuses.length).optional(),
        sort: z.enum(['deadline', 'updated', 'title']).default('deadline'),
      })
      .strict(),
    output: z.object({ cases: z.array(caseSummarySchema) }),
  }),
  getCase: op({ input: byId, output: caseDetailSchema }),
  createCase: op({ input: caseFieldsSchema, output: caseDetailSchema }),
  updateCase: op({ input: caseFieldsSchema.extend({ id: idSchema }).strict(), output: caseDetailSchema }),
};
