// Normalises the editor's JSON to the contract's rich-text subset (paragraphs, lists, bold,
// italic, line breaks), dropping anything else, so a save never fails on an editor detail.
import { richTextSchema, type RichText } from '../../../contract';

type Json = { type?: string; text?: string; marks?: { type?: string }[]; content?: Json[]; attrs?: Record<string, unknown> };

function inline(nodes: Json[] | undefined) {
  const out: ({ type: 'text'; text: string; marks?: { type: 'bold' | 'italic' }[] } | { type: 'hardBreak' })[] = [];
  for (const n of nodes ?? []) {
    if (n.type === 'hardBreak') out.push({ type: 'hardBreak' });
    else if (n.type === 'text' && n.text) {
      const marks = (n.marks ?? []).map((m) => m.type).filter((t): t is 'bold' | 'italic' => t === 'bold' || t === 'italic');
      out.push(marks.length ? { type: 'text', text: n.text, marks: [...new Set(marks)].map((type) => ({ type })) } : { type: 'text', text: n.text });
    }
  }
  return out;
}

function paragraph(n: Json) {
  const content = inline(n.content);
  return content.length ? { type: 'paragraph' as const, content } : { type: 'paragraph' as const };
}

export function toRichText(json: unknown): RichText {
  const doc = json as Json;
  const blocks: NonNullable<RichText['content']> = [];
  for (const block of doc?.content ?? []) {
    if (block.type === 'bulletList' || block.type === 'orderedList') {
      const items = (block.content ?? [])
        .filter((i) => i.type === 'listItem')
        .map((i) => ({ type: 'listItem' as const, content: (i.content ?? []).filter((p) => p.type === 'paragraph').map(paragraph) }))
        .filter((i) => i.content.length > 0);
      if (items.length) blocks.push(block.type === 'orderedList' ? { type: 'orderedList', content: items } : { type: 'bulletList', content: items });
    } else {
      blocks.push(paragraph(block));
    }
  }
  const result = richTextSchema.safeParse({ type: 'doc', content: blocks });
  return result.success ? result.data : { type: 'doc', content: [] };
}

export function isEmptyRichText(doc: RichText): boolean {
  return !(doc.content ?? []).some((b) => b.type !== 'paragraph' || (b.content?.length ?? 0) > 0);
}
