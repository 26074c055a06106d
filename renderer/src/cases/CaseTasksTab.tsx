// Tasks and deadlines for a case: add, tick off, remove.
import { ActionIcon, Button, Card, Checkbox, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { taskFieldsSchema } from '../../../contract';
import { call } from '../bridge/hearth';
import { EmptyState } from '../components/EmptyState';
import { ErrorText } from '../components/ErrorText';
import { QueryState } from '../components/QueryState';
import { formatDate } from '../lib/dates';
import { applyIssues } from '../lib/formErrors';
import { queryKeys } from '../lib/queryKeys';
import { useRecordMutation } from '../lib/useRecordMutation';
import { applyServerError } from '../vault/forms';

export function CaseTasksTab({ caseId }: { caseId: string }) {
  const tasks = useQuery({ queryKey: queryKeys.tasks(caseId), queryFn: () => call('listTasks', { caseId }) });
  const form = useForm({ defaultValues: { title: '', dueDate: '', detail: '' } });
  const create = useRecordMutation((v: { title: string; dueDate: string; detail: string }) => call('createTask', { caseId, ...v }), {
    onSuccess: () => form.reset(),
    onError: (e) => applyServerError(e, form.setError, 'title'),
  });
  const toggle = useRecordMutation((v: { id: string; done: boolean }) => call('setTaskDone', v));
  const remove = useRecordMutation((id: string) => call('deleteTask', { id }));
  const submit = form.handleSubmit((values) => {
    const parsed = taskFieldsSchema.safeParse(values);
    if (!parsed.success) return applyIssues(parsed.error, form.setError);
    create.mutate(parsed.data);
  });
  const today = new Date().toISOString().slice(0, 10);

  return (
    <Stack gap="lg" maw={900}>
      <Card withBorder padding="lg" component="form" onSubmit={(e) => void submit(e)} noValidate aria-label="Add a task">
        <Group align="flex-start">
          <TextInput style={{ flex: 1 }} label="Task" placeholder="For example: request school records" {...form.register('title')} error={form.formState.errors.title?.message} />
          <TextInput type="date" label="Due" {...form.register('dueDate')} error={form.formState.errors.dueDate?.message} />
          <Button type="submit" mt={25} loading={create.isPending}>
            Add task
          </Button>
        </Group>
      </Card>
      <ErrorText error={toggle.error ?? remove.error} />
      <QueryState query={tasks} label="Loading tasks">
        {(data) =>
          data.tasks.length === 0 ? (
            <EmptyState>No tasks yet. Filing deadlines and hearings from the case details show on the dashboard too.</EmptyState>
          ) : (
            <Stack gap="xs" role="list" aria-label="Tasks">
              {data.tasks.map((t) => (
                <Card key={t.id} withBorder padding="sm" role="listitem">
                  <Group justify="space-between" wrap="nowrap">
                    <Checkbox checked={t.done} onChange={(e) => toggle.mutate({ id: t.id, done: e.currentTarget.checked })} label={<Text td={t.done ? 'line-through' : undefined}>{t.title}</Text>} />
                    <Group gap="sm" wrap="nowrap">
                      <Text size="sm" c={!t.done && t.dueDate < today ? 'red.8' : 'dimmed'} fw={!t.done && t.dueDate < today ? 700 : undefined}>
                        {!t.done && t.dueDate < today ? 'Overdue · ' : 'Due '}
                        {formatDate(t.dueDate)}
                      </Text>
                      <ActionIcon variant="subtle" color="red" onClick={() => remove.mutate(t.id)} aria-label={`Remove task ${t.title}`}>
                        <IconTrash size={16} aria-hidden />
                      </ActionIcon>
                    </Group>
                  </Group>
                </Card>
              ))}
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}
