// Contract: people at the heart of a case, with their communication profile.
import { z } from 'zod';
import { op } from './define';
import { byId, idSchema, isoDateSchema, longText, okSchema, requiredText, shortText } from './common';

export const communicationModes = ['words', 'signing', 'pictures', 'objects', 'gesture', 'music', 'movement', 'art', 'writing', 'technology', 'other'] as const;
export const communicationModeLabels: Record<(typeof communicationModes)[number], string> = {
  words: 'Spoken words',
  signing: 'Signing (BSL, Makaton)',
  pictures: 'Pictures and symbols',
  objects: 'Objects of reference',
  gesture: 'Gesture and facial expression',
  music: 'Music and sound',
  movement: 'Movement and dance',
  art: 'Drawing and art',
  writing: 'Writing',
  technology: 'Communication aid or device',
  other: 'Other',
};

export const communicationProfileSchema = z
  .object({
    modes: z.array(z.enum(communicationModes)).max(communicationModes.length),
    bestWays: longText(4000),
    whatHelps: longText(4000),
    whatToAvoid: longText(4000),
  })
  .strict();

export const personFieldsSchema = z
  .object({
    fullName: requiredText('the person’s full name'),
    preferredName: shortText(),
    pronouns: shortText(50),
    dateOfBirth: isoDateSchema.nullable(),
    phone: shortText(50),
    email: shortText(200),
    address: longText(1000),
    languages: shortText(300),
    interpreterNeeded: z.boolean(),
    accessibilityNeeds: longText(4000),
    importantPeople: longText(4000),
    communication: communicationProfileSchema,
  })
  .strict();
export type PersonFields = z.infer<typeof personFieldsSchema>;

export const personSummarySchema = z.object({
  id: idSchema,
  fullName: z.string(),
  preferredName: z.string(),
  dateOfBirth: isoDateSchema.nullable(),
  caseCount: z.number().int().nonnegative(),
});
export type PersonSummary = z.infer<typeof personSummarySchema>;

export const personSchema = personFieldsSchema.extend({
  id: idSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  cases: z.array(z.object({ id: idSchema, title: z.string(), status: z.string() })),
});
export type Person = z.infer<typeof personSchema>;

export const peopleOperations = {
  listPeople: op({ input: z.object({ query: shortText(200).optional() }).strict(), output: z.object({ people: z.array(personSummarySchema) }) }),
  getPerson: op({ input: byId, output: personSchema }),
  createPerson: op({ input: personFieldsSchema, output: personSchema }),
  updatePerson: op({ input: personFieldsSchema.extend({ id: idSchema }).strict(), output: personSchema }),
  /** Refused while the person is linked to any case. */
  deletePerson: op({ input: byId, output: okSchema }),
};
