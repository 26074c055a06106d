// The visual theme: calm, legible, high contrast. Atkinson Hyperlegible is bundled locally.
import { createTheme } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'teal',
  primaryShade: 8,
  fontFamily: "'Atkinson Hyperlegible', system-ui, sans-serif",
  headings: { fontFamily: "'Atkinson Hyperlegible', system-ui, sans-serif", fontWeight: '700' },
  defaultRadius: 'md',
  fontSizes: { md: '1rem' },
  other: {},
});
