// Read-only rendering of rich text as ordinary elements (no HTML strings are ever injected).
import { Text } from '@mantine/core';
import { Fragment } from 'react';
import type { RichText } from '../../../contract';

type Block = NonNullable<RichText['content']>[number];
type Paragraph = Extract<Block, { type: 'paragraph' }>;

function Inline({ p }: { p: Paragraph }) {
  return (
    <>
      {(p.content ?? []).map((n, i) => {
        if (n.type === 'hardBreak') return <br key={i} />;
        let node: React.ReactNode = n.text;
        if (n.marks?.some((m) => m.type === 'italic')) node = <em>{node}</em>;
        if (n.marks?.some((m) => m.type === 'bold')) node = <strong>{node}</strong>;
        return <Fragment key={i}>{node}</Fragment>;
      })}
    </>
  );
}

export function RichTextView({ doc, empty = 'Nothing recorded.' }: { doc: RichText; empty?: string }) {
  const blocks = doc.content ?? [];
  if (!blocks.some((b) => b.type !== 'paragraph' || (b.content?.length ?? 0) > 0)) {
    return (
      <Text c="dimmed" size="sm">
        {empty}
      </Text>
    );
  }
  return (
    <div className="hearth-rich-text">
      {blocks.map((b, i) =>
        b.type === 'paragraph' ? (
          <p key={i}>
            <Inline p={b} />
          </p>
        ) : (
          (() => {
            const List = b.type === 'orderedList' ? 'ol' : 'ul';
            return (
              <List key={i}>
                {b.content.map((item, j) => (
                  <li key={j}>
                    {item.content.map((p, k) => (
                      <Inline key={k} p={p} />
                    ))}
                  </li>
                ))}
              </List>
            );
          })()
        ),
      )}
    </div>
  );
}
