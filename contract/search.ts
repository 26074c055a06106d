// Contract: full-text search across notes, people and cases (SQLite FTS5 inside the vault).
import { z } from 'zod';
import { op } from './define';
import { idSchema, isoDateSchema, requiredText } from './common';
import { entryTypes } from './notes';

/** A snippet as parts, so matches can be highlighted without any HTML crossing the bridge. */
export const snippetSchema = z.array(z.object({ text: z.string(), match: z.boolean() }));

export const searchResultSchema = z.object({
  kind: z.enum(['note', 'person', 'case']),
  id: idSchema,
  caseId: idSchema.nullable(),
  title: z.string(),
  snippet: snippetSchema,
  date: z.string().nullable(),
  entryType: z.enum(entryTypes).nullable(),
});
export type SearchResult = z.infer<typeof searchResultSchema>;

export const searchOperations = {
  search: op({
    input: z
      .object({
        query: requiredText('something to search for', 200),
        caseId: idSchema.optional(),
        from: isoDateSchema.optional(),
        to: isoDateSchema.optional(),
        entryTypes: z.array(z.enum(entryTypes)).max(entryTypes.length).optional(),
        kinds: z.array(z.enum(['note', 'person', 'case'])).max(3).optional(),
        limit: z.number().int().min(1).max(50).default(50),
      })
      .strict(),
    output: z.object({ results: z.array(searchResultSchema) }),
  }),
};
