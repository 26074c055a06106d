// Contract: the parties directory (solicitors, professionals, family) and their roles in cases.
import { z } from 'zod';
import { op } from './define';
import { byId, idSchema, longText, okSchema, requiredText, shortText } from './common';

export const partyKinds = ['solicitor', 'professional', 'family', 'other'] as const;
export const partyKindLabels: Record<(typeof partyKinds)[number], string> = {
  solicitor: 'Solicitor',
  professional: 'Professional',
  family: 'Family member',
  other: 'Other',
};

export const partyRoles = [
  'mother',
  'father',
  'child',
  'sgo_applicant',
  'kinship_carer',
  'foster_carer',
  'allocated_social_worker',
  'childrens_guardian',
  'imca',
  'attorney',
  'deputy',
  'solicitor_for_applicant',
  'solicitor_for_respondent',
  'solicitor_for_child',
  'instructing_solicitor',
  'independent_reviewing_officer',
  'health_professional',
  'teacher',
  'interpreter',
  'other',
] as const;
export const partyRoleLabels: Record<(typeof partyRoles)[number], string> = {
  mother: 'Mother',
  father: 'Father',
  child: 'Child',
  sgo_applicant: 'SGO applicant',
  kinship_carer: 'Kinship carer',
  foster_carer: 'Foster carer',
  allocated_social_worker: 'Allocated social worker',
  childrens_guardian: "Children's guardian",
  imca: 'IMCA',
  attorney: 'Attorney (LPA)',
  deputy: 'Deputy',
  solicitor_for_applicant: 'Solicitor for the applicant',
  solicitor_for_respondent: 'Solicitor for a respondent',
  solicitor_for_child: 'Solicitor for the child',
  instructing_solicitor: 'Instructing solicitor',
  independent_reviewing_officer: 'Independent reviewing officer',
  health_professional: 'Health professional',
  teacher: 'Teacher or school',
  interpreter: 'Interpreter',
  other: 'Other',
};

export const partyFieldsSchema = z
  .object({
    name: requiredText('a name'),
    kind: z.enum(partyKinds),
    organisation: shortText(),
    jobTitle: shortText(),
    phone: shortText(50),
    email: shortText(200),
    address: longText(1000),
    notes: longText(4000),
  })
  .strict();
export const partySchema = partyFieldsSchema.extend({ id: idSchema, caseCount: z.number().int().nonnegative() });
export type Party = z.infer<typeof partySchema>;

export const casePartySchema = z.object({
  partyId: idSchema,
  name: z.string(),
  kind: z.enum(partyKinds),
  organisation: z.string(),
  role: z.enum(partyRoles),
  roleDetail: z.string(),
});
export type CaseParty = z.infer<typeof casePartySchema>;

export const partiesOperations = {
  listParties: op({ input: z.object({ query: shortText(200).optional() }).strict(), output: z.object({ parties: z.array(partySchema) }) }),
  createParty: op({ input: partyFieldsSchema, output: partySchema }),
  updateParty: op({ input: partyFieldsSchema.extend({ id: idSchema }).strict(), output: partySchema }),
  /** Refused while the party is linked to any case. */
  deleteParty: op({ input: byId, output: okSchema }),
  linkParty: op({
    input: z.object({ caseId: idSchema, partyId: idSchema, role: z.enum(partyRoles), roleDetail: shortText() }).strict(),
    output: z.object({ parties: z.array(casePartySchema) }),
  }),
  unlinkParty: op({
    input: z.object({ caseId: idSchema, partyId: idSchema, role: z.enum(partyRoles) }).strict(),
    output: z.object({ parties: z.array(casePartySchema) }),
  }),
};
