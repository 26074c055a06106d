// A rich-text field (Tiptap through Mantine's editor): paragraphs, lists, bold and italic only.
import { Input, Stack } from '@mantine/core';
import { RichTextEditor } from '@mantine/tiptap';
import '@mantine/tiptap/styles.css';
import { useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useId } from 'react';
import type { RichText } from '../../../contract';
import { toRichText } from './richText';

export interface RichTextFieldProps {
  label: string;
  description?: string;
  value: RichText;
  onChange: (value: RichText) => void;
  testId?: string;
  minHeight?: number;
}

export function RichTextField({ label, description, value, onChange, testId, minHeight = 120 }: RichTextFieldProps) {
  const id = useId();
  const editor = useEditor({
    extensions: [
      StarterKit.configure({ heading: false, blockquote: false, codeBlock: false, code: false, horizontalRule: false, strike: false, underline: false, link: false }),
    ],
    content: value,
    editorProps: { attributes: { 'aria-labelledby': `${id}-label`, role: 'textbox', 'aria-multiline': 'true', 'data-testid': testId ?? '', spellcheck: 'true', lang: 'en-GB' } },
    onUpdate: ({ editor: e }) => onChange(toRichText(e.getJSON())),
    immediatelyRender: true,
  });
  return (
    <Stack gap={4}>
      <Input.Label id={`${id}-label`} htmlFor={undefined}>
        {label}
      </Input.Label>
      {description && <Input.Description>{description}</Input.Description>}
      <RichTextEditor editor={editor} variant="subtle" style={{ '--rte-min-height': `${minHeight}px` } as React.CSSProperties}>
        <RichTextEditor.Toolbar>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.Bold aria-label="Bold" />
            <RichTextEditor.Italic aria-label="Italic" />
          </RichTextEditor.ControlsGroup>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.BulletList aria-label="Bulleted list" />
            <RichTextEditor.OrderedList aria-label="Numbered list" />
          </RichTextEditor.ControlsGroup>
        </RichTextEditor.Toolbar>
        <RichTextEditor.Content style={{ minHeight }} />
      </RichTextEditor>
    </Stack>
  );
}
