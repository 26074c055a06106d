// A titled card for one group of settings.
import { Card, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export function SettingsCard({ title, description, children }: { title: string; description: string; children: ReactNode }) {
  return (
    <Card withBorder padding="lg" component="section" aria-label={title}>
      <Stack gap="sm">
        <Title order={3} size="h4">
          {title}
        </Title>
        <Text c="dimmed" size="sm">
          {description}
        </Text>
        {children}
      </Stack>
    </Card>
  );
}
