// A person's communication profile, read-only: how they communicate best, what helps and what to
// avoid. It is their voice in the record, so it is shown first and in plain words.
import { Badge, Card, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconBulb, IconHandStop, IconMessageCircleHeart } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { communicationModeLabels, type PersonFields } from '../../../contract';

export type CommunicationProfile = PersonFields['communication'];

export function hasCommunicationProfile(profile: CommunicationProfile): boolean {
  return profile.modes.length > 0 || [profile.bestWays, profile.whatHelps, profile.whatToAvoid].some((t) => t.trim() !== '');
}

function Part({ icon, color, title, text }: { icon: ReactNode; color: string; title: string; text: string }) {
  return (
    <Stack gap={6}>
      <Group gap="xs" wrap="nowrap">
        <ThemeIcon variant="light" color={color} radius="xl" size="md" aria-hidden>
          {icon}
        </ThemeIcon>
        <Title order={4} size="h5">
          {title}
        </Title>
      </Group>
      {text.trim() ? (
        <Text style={{ whiteSpace: 'pre-wrap' }}>{text}</Text>
      ) : (
        <Text c="dimmed" size="sm">
          Not recorded yet.
        </Text>
      )}
    </Stack>
  );
}

export interface CommunicationProfileCardProps {
  profile: CommunicationProfile;
  /** The name they like to be called, to title the card "How Amira communicates". */
  name?: string;
}

export function CommunicationProfileCard({ profile, name }: CommunicationProfileCardProps) {
  const title = name ? `How ${name} communicates` : 'Communication profile';
  return (
    <Card
      withBorder
      padding="lg"
      component="section"
      aria-label={title}
      bg="teal.0"
      style={{ borderColor: 'var(--mantine-color-teal-3)', borderLeftWidth: 6, borderLeftColor: 'var(--mantine-color-teal-6)' }}
    >
      <Stack gap="md">
        <Group gap="sm" wrap="nowrap">
          <ThemeIcon variant="filled" color="teal.7" radius="xl" size="lg" aria-hidden>
            <IconMessageCircleHeart size={20} />
          </ThemeIcon>
          <Title order={3} size="h4">
            {title}
          </Title>
        </Group>
        {hasCommunicationProfile(profile) ? (
          <>
            {profile.modes.length > 0 && (
              <Group gap="xs" aria-label="Ways they communicate" role="list">
                {profile.modes.map((mode) => (
                  <Badge key={mode} role="listitem" variant="white" color="teal.9" size="lg" radius="sm" tt="none" fw={600} style={{ border: '1px solid var(--mantine-color-teal-3)' }}>
                    {communicationModeLabels[mode]}
                  </Badge>
                ))}
              </Group>
            )}
            <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
              <Part icon={<IconMessageCircleHeart size={16} />} color="teal" title="How they communicate best" text={profile.bestWays} />
              <Part icon={<IconBulb size={16} />} color="teal" title="What helps" text={profile.whatHelps} />
              <Part icon={<IconHandStop size={16} />} color="orange" title="What to avoid" text={profile.whatToAvoid} />
            </SimpleGrid>
          </>
        ) : (
          <Text c="dimmed">
            No communication profile yet. Ask them, and the people who know them well, how they communicate best, what
            helps and what to avoid.
          </Text>
        )}
      </Stack>
    </Card>
  );
}
