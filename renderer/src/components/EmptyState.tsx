// A calm message where a list has nothing in it yet, with an optional next step.
import { Card, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export function EmptyState({ children, action }: { children: ReactNode; action?: ReactNode }) {
  return (
    <Card withBorder padding="xl" bg="gray.0">
      <Stack gap="sm" align="flex-start">
        <Text c="dimmed">{children}</Text>
        {action}
      </Stack>
    </Card>
  );
}
