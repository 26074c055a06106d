// Auto-lock: how many idle minutes before Hearth locks itself (1 to 60).
import { Button, Group, NumberInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { autoLockMinutesSchema } from '../../../contract';
import { call, errorMessage } from '../bridge/hearth';
import { SettingsCard } from './SettingsCard';

export const settingsKey = ['settings'] as const;

export function AutoLockCard() {
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: settingsKey, queryFn: () => call('getSettings', {}) });
  const [minutes, setMinutes] = useState<number | string>('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (settings.data) setMinutes(settings.data.autoLockMinutes);
  }, [settings.data]);

  const save = useMutation({
    mutationFn: (value: number) => call('updateSettings', { autoLockMinutes: value }),
    onSuccess: (data) => {
      queryClient.setQueryData(settingsKey, data);
      notifications.show({ color: 'teal', title: 'Saved', message: `Hearth will lock after ${data.autoLockMinutes} minute${data.autoLockMinutes === 1 ? '' : 's'} idle.` });
    },
    onError: (e) => setError(errorMessage(e)),
  });

  const submit = () => {
    const parsed = autoLockMinutesSchema.safeParse(typeof minutes === 'number' ? minutes : Number(minutes));
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? 'Enter a number of minutes.');
    setError(null);
    save.mutate(parsed.data);
  };

  return (
    <SettingsCard title="Auto-lock" description="Hearth locks itself after this many minutes without use, and whenever the laptop sleeps or the screen locks.">
      <Group align="flex-end">
        <NumberInput label="Minutes before locking" min={1} max={60} step={1} allowDecimal={false} w={220} value={minutes} onChange={setMinutes} error={error} />
        <Button variant="default" onClick={submit} loading={save.isPending}>
          Save
        </Button>
      </Group>
    </SettingsCard>
  );
}
