// The visual theme: calm, legible, high contrast. Atkinson Hyperlegible is bundled locally.
import { createTheme, type CSSVariablesResolver } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'teal',
  // People who ask their system for less motion get no animated transitions.
  respectReducedMotion: true,
  primaryShade: 9,
  fontFamily: "'Atkinson Hyperlegible', system-ui, sans-serif",
  headings: { fontFamily: "'Atkinson Hyperlegible', system-ui, sans-serif", fontWeight: '700' },
  defaultRadius: 'md',
  fontSizes: { md: '1rem' },
  other: {},
  components: {
    Badge: { defaultProps: { tt: 'none' } },
    Notification: { defaultProps: { closeButtonProps: { 'aria-label': 'Dismiss' } } },
  },
});

/** Secondary ("dimmed") text dark enough for WCAG AA contrast on white and on light tints. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    // Light-variant text (badges, active navigation, alerts) at shade 9 so it passes AA on its tint.
    ...Object.fromEntries(
      ['teal', 'gray', 'red', 'yellow', 'orange', 'blue', 'green'].flatMap((c) => [
        [`--mantine-color-${c}-light-color`, `var(--mantine-color-${c}-9)`],
        [`--mantine-color-${c}-light`, `var(--mantine-color-${c}-0)`],
        [`--mantine-color-${c}-light-hover`, `var(--mantine-color-${c}-0)`],
      ]),
    ),
    '--mantine-primary-color-light-color': 'var(--mantine-color-teal-9)',
    '--mantine-primary-color-light': 'var(--mantine-color-teal-0)',
    '--mantine-primary-color-light-hover': 'var(--mantine-color-teal-0)',
  },
  dark: {},
});
