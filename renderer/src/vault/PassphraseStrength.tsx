// A strength meter under a new-passphrase field.
import { Progress, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { estimateStrength } from './strength';

const colours = ['red', 'red', 'yellow', 'teal', 'teal'] as const;

export function PassphraseStrength({ value, userInputs }: { value: string; userInputs?: string[] }) {
  const strength = useMemo(() => estimateStrength(value, userInputs), [value, userInputs]);
  if (!value) return null;
  return (
    <Stack gap={4} aria-live="polite">
      <Progress
        value={(strength.score + 1) * 20}
        color={colours[strength.score]}
        size="sm"
        aria-label={`Passphrase strength: ${strength.label}`}
      />
      <Text size="sm" c={strength.score >= 3 ? 'teal.9' : 'red.9'} data-testid="strength-label">
        {strength.label}: {strength.hint}
      </Text>
    </Stack>
  );
}
