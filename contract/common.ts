// Shared schema pieces for record operations: ids, dates, bounded text and rich text.
import { z } from 'zod';

export const idSchema = z.uuid({ message: 'That record reference is not valid.' });
export const byId = z.object({ id: idSchema }).strict();
export const okSchema = z.object({ ok: z.literal(true) });

/** A calendar date, YYYY-MM-DD (no time, no zone). */
export const isoDateSchema = z.iso.date({ message: 'Enter a valid date.' });
/** A moment with its offset, as produced by Date#toISOString or a local time with offset. */
export const isoDateTimeSchema = z.iso.datetime({ offset: true, message: 'Enter a valid date and time.' });

/**
 * No NUL characters: nobody types one, SQLite's length() and FTS stop at it, and a pasted one
 * would otherwise reach the database as a constraint failure instead of a clear message.
 */
const storable = (s: string) => !s.includes('\u0000');
const unstorable = 'This contains a character that cannot be stored. Please retype it.';

export const shortText = (max = 200) => z.string().trim().max(max, `Keep this under ${max} characters.`).refine(storable, unstorable);
export const requiredText = (label: string, max = 200) =>
  z.string().trim().min(1, `Enter ${label}.`).max(max, `Keep this under ${max} characters.`).refine(storable, unstorable);
export const longText = (max = 20_000) =>
  z.string().max(max, `Keep this under ${max.toLocaleString('en-GB')} characters.`).refine(storable, unstorable);

/**
 * Rich text: a small, strictly validated document (the subset of the editor's JSON that we
 * allow): paragraphs and bullet/numbered lists of paragraphs; text may be bold or italic.
 * No HTML is ever stored, so nothing needs sanitising and it prints cleanly.
 */
const markSchema = z.object({ type: z.enum(['bold', 'italic']) }).strict();
const textNodeSchema = z.object({ type: z.literal('text'), text: z.string().min(1).max(20_000).refine(storable, unstorable), marks: z.array(markSchema).max(2).optional() }).strict();
const hardBreakSchema = z.object({ type: z.literal('hardBreak') }).strict();
const paragraphSchema = z.object({ type: z.literal('paragraph'), content: z.array(z.union([textNodeSchema, hardBreakSchema])).max(2000).optional() }).strict();
const listItemSchema = z.object({ type: z.literal('listItem'), content: z.array(paragraphSchema).min(1).max(50) }).strict();
const listSchema = z
  .object({ type: z.enum(['bulletList', 'orderedList']), attrs: z.object({ start: z.number().int().optional(), type: z.string().nullable().optional() }).optional(), content: z.array(listItemSchema).min(1).max(500) })
  .strict();
export const richTextSchema = z
  .object({ type: z.literal('doc'), content: z.array(z.union([paragraphSchema, listSchema])).max(2000).optional() })
  .strict();
export type RichText = z.infer<typeof richTextSchema>;

export const emptyRichText: RichText = { type: 'doc', content: [] };

/** Plain text of a rich-text document: paragraphs and list items on their own lines. */
export function richTextToPlain(doc: RichText | null | undefined): string {
  if (!doc?.content) return '';
  const lines: string[] = [];
  const para = (p: z.infer<typeof paragraphSchema>) => (p.content ?? []).map((n) => (n.type === 'text' ? n.text : '\n')).join('');
  for (const block of doc.content) {
    if (block.type === 'paragraph') lines.push(para(block));
    else block.content.forEach((item, i) => lines.push(`${block.type === 'orderedList' ? `${i + 1}.` : '•'} ${item.content.map(para).join(' ')}`));
  }
  return lines.join('\n').trim();
}

/** A rich-text document holding plain text, one paragraph per line. */
export function plainToRichText(text: string): RichText {
  const paragraphs = text.split(/\r?\n/).map((line) => (line ? { type: 'paragraph' as const, content: [{ type: 'text' as const, text: line }] } : { type: 'paragraph' as const }));
  return { type: 'doc', content: paragraphs };
}
