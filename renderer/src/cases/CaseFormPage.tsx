// Create or edit a case: the work, who instructs, court details, key dates, hearings, and the
// questions from the letter of instruction, each kept in its original wording.
import { ActionIcon, Button, Card, Group, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Controller, useFieldArray, useForm } from 'react-hook-form';
import { Link, useNavigate, useParams } from 'react-router';
import { caseFieldsSchema, caseStatuses, caseStatusLabels, workTypeLabels, workTypes, type CaseDetail, type CaseFields } from '../../../contract';
import { call } from '../bridge/hearth';
import { ErrorText } from '../components/ErrorText';
import { PageHeader } from '../components/PageHeader';
import { applyIssues, numberOrNull, orNull } from '../lib/formErrors';
import { queryKeys } from '../lib/queryKeys';
import { useRecordMutation } from '../lib/useRecordMutation';
import { applyServerError } from '../vault/forms';

interface FormValues {
  title: string;
  workType: CaseFields['workType'];
  status: CaseFields['status'];
  personIds: string[];
  instructingParty: string;
  instructingReference: string;
  court: string;
  caseNumber: string;
  instructionReceived: string;
  letterOfInstructionDate: string;
  filingDeadline: string;
  hearings: { date: string; time: string; description: string; venue: string }[];
  questions: { id?: string; text: string }[];
  agreedHours: number | string;
  feeCapPounds: number | string;
  summary: string;
}

const blank: FormValues = {
  title: '',
  workType: 'parenting_assessment',
  status: 'instructed',
  personIds: [],
  instructingParty: '',
  instructingReference: '',
  court: '',
  caseNumber: '',
  instructionReceived: '',
  letterOfInstructionDate: '',
  filingDeadline: '',
  hearings: [],
  questions: [],
  agreedHours: '',
  feeCapPounds: '',
  summary: '',
};

function fromCase(c: CaseDetail): FormValues {
  return {
    ...c,
    personIds: c.people.map((p) => p.id),
    instructionReceived: c.instructionReceived ?? '',
    letterOfInstructionDate: c.letterOfInstructionDate ?? '',
    filingDeadline: c.filingDeadline ?? '',
    hearings: c.hearings.map((h) => ({ ...h })),
    questions: c.questions.map((q) => ({ id: q.id, text: q.text })),
    agreedHours: c.agreedHours ?? '',
    feeCapPounds: c.feeCapPence === null ? '' : c.feeCapPence / 100,
  };
}

function toFields(v: FormValues): unknown {
  const feeCap = numberOrNull(v.feeCapPounds);
  return {
    title: v.title,
    workType: v.workType,
    status: v.status,
    personIds: v.personIds,
    instructingParty: v.instructingParty,
    instructingReference: v.instructingReference,
    court: v.court,
    caseNumber: v.caseNumber,
    instructionReceived: orNull(v.instructionReceived),
    letterOfInstructionDate: orNull(v.letterOfInstructionDate),
    filingDeadline: orNull(v.filingDeadline),
    hearings: v.hearings,
    questions: v.questions.map((q) => (q.id ? { id: q.id, text: q.text } : { text: q.text })),
    agreedHours: numberOrNull(v.agreedHours),
    feeCapPence: feeCap === null ? null : Math.round(feeCap * 100),
    summary: v.summary,
  };
}

export function CaseFormPage() {
  const { caseId } = useParams();
  const navigate = useNavigate();
  const existing = useQuery({ queryKey: queryKeys.case(caseId ?? ''), queryFn: () => call('getCase', { id: caseId! }), enabled: !!caseId });
  const people = useQuery({ queryKey: queryKeys.people, queryFn: () => call('listPeople', {}) });
  const form = useForm<FormValues>({ defaultValues: blank });
  const { register, control, formState, setError, reset } = form;
  const hearings = useFieldArray({ control, name: 'hearings' });
  const questions = useFieldArray({ control, name: 'questions' });
  const errors = formState.errors;

  useEffect(() => {
    if (existing.data) reset(fromCase(existing.data));
  }, [existing.data, reset]);

  const save = useRecordMutation((fields: CaseFields) => (caseId ? call('updateCase', { id: caseId, ...fields }) : call('createCase', fields)), {
    onSuccess: (saved) => void navigate(`/cases/${saved.id}`),
    onError: (error) => applyServerError(error, setError, 'title'),
  });

  const submit = form.handleSubmit((values) => {
    const parsed = caseFieldsSchema.safeParse(toFields(values));
    if (!parsed.success) return applyIssues(parsed.error, setError, { feeCapPence: 'feeCapPounds' });
    save.mutate(parsed.data);
  });

  return (
    <>
      <PageHeader title={caseId ? 'Edit case' : 'New case'} description="The details of the instruction. You can change them later." />
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="lg" maw={900}>
          <Card withBorder padding="lg" component="section" aria-label="The work">
            <Title order={3} size="h4" mb="sm">
              The work
            </Title>
            <Stack gap="sm">
              <TextInput label="Case name" description="A short name you will recognise, for example “Khan – SGO assessment”." {...register('title')} error={errors.title?.message} data-autofocus />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <Controller control={control} name="workType" render={({ field }) => <Select label="Type of work" data={workTypes.map((w) => ({ value: w, label: workTypeLabels[w] }))} allowDeselect={false} {...field} error={errors.workType?.message} />} />
                <Controller control={control} name="status" render={({ field }) => <Select label="Status" data={caseStatuses.map((s) => ({ value: s, label: caseStatusLabels[s] }))} allowDeselect={false} {...field} error={errors.status?.message} />} />
              </SimpleGrid>
              <Controller
                control={control}
                name="personIds"
                render={({ field }) => (
                  <MultiSelect
                    label="The person or people concerned"
                    description={<>Not listed yet? <Link to="/people/new">Add a person</Link> first.</>}
                    data={(people.data?.people ?? []).map((p) => ({ value: p.id, label: p.preferredName ? `${p.fullName} (${p.preferredName})` : p.fullName }))}
                    searchable
                    nothingFoundMessage="No one by that name"
                    {...field}
                    error={errors.personIds?.message ?? errors.personIds?.root?.message}
                  />
                )}
              />
              <Textarea label="Summary" description="Optional. The background in a few lines." autosize minRows={2} {...register('summary')} error={errors.summary?.message} />
            </Stack>
          </Card>

          <Card withBorder padding="lg" component="section" aria-label="Instruction and court">
            <Title order={3} size="h4" mb="sm">
              Instruction and court
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label="Instructing party" {...register('instructingParty')} error={errors.instructingParty?.message} />
              <TextInput label="Their reference" {...register('instructingReference')} error={errors.instructingReference?.message} />
              <TextInput label="Court" {...register('court')} error={errors.court?.message} />
              <TextInput label="Case number" {...register('caseNumber')} error={errors.caseNumber?.message} />
              <TextInput type="date" label="Instruction received" {...register('instructionReceived')} error={errors.instructionReceived?.message} />
              <TextInput type="date" label="Letter of instruction dated" {...register('letterOfInstructionDate')} error={errors.letterOfInstructionDate?.message} />
              <TextInput type="date" label="Filing deadline" {...register('filingDeadline')} error={errors.filingDeadline?.message} />
              <Controller control={control} name="agreedHours" render={({ field }) => <NumberInput label="Agreed hours" min={0} step={0.5} decimalScale={2} {...field} error={errors.agreedHours?.message} />} />
              <Controller control={control} name="feeCapPounds" render={({ field }) => <NumberInput label="Fee cap (£)" min={0} decimalScale={2} thousandSeparator="," prefix="£" {...field} error={errors.feeCapPounds?.message} />} />
            </SimpleGrid>
          </Card>

          <Card withBorder padding="lg" component="section" aria-label="Questions in the letter of instruction">
            <Title order={3} size="h4" mb={4}>
              Questions in the letter of instruction
            </Title>
            <Stack gap="sm">
              {questions.fields.map((q, i) => (
                <Group key={q.id} align="flex-start" wrap="nowrap">
                  <Textarea
                    style={{ flex: 1 }}
                    label={`Question ${i + 1}`}
                    description={i === 0 ? 'Copy each question exactly as worded in the letter: your report must answer it under its original wording.' : undefined}
                    autosize
                    minRows={2}
                    {...register(`questions.${i}.text`)}
                    error={errors.questions?.[i]?.text?.message}
                  />
                  <ActionIcon variant="subtle" color="red" mt={i === 0 ? 48 : 28} onClick={() => questions.remove(i)} aria-label={`Remove question ${i + 1}`}>
                    <IconTrash size={18} aria-hidden />
                  </ActionIcon>
                </Group>
              ))}
              <Group>
                <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => questions.append({ text: '' })}>
                  Add a question
                </Button>
              </Group>
            </Stack>
          </Card>

          <Card withBorder padding="lg" component="section" aria-label="Hearings">
            <Title order={3} size="h4" mb="sm">
              Hearings
            </Title>
            <Stack gap="sm">
              {hearings.fields.map((h, i) => (
                <Group key={h.id} align="flex-end" wrap="nowrap">
                  <TextInput type="date" label="Date" {...register(`hearings.${i}.date`)} error={errors.hearings?.[i]?.date?.message} />
                  <TextInput label="Time" placeholder="10:30" w={100} {...register(`hearings.${i}.time`)} error={errors.hearings?.[i]?.time?.message} />
                  <TextInput style={{ flex: 1 }} label="Hearing" placeholder="Final hearing" {...register(`hearings.${i}.description`)} error={errors.hearings?.[i]?.description?.message} />
                  <TextInput style={{ flex: 1 }} label="Venue" {...register(`hearings.${i}.venue`)} error={errors.hearings?.[i]?.venue?.message} />
                  <ActionIcon variant="subtle" color="red" mb={6} onClick={() => hearings.remove(i)} aria-label={`Remove hearing ${i + 1}`}>
                    <IconTrash size={18} aria-hidden />
                  </ActionIcon>
                </Group>
              ))}
              <Group>
                <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => hearings.append({ date: '', time: '', description: '', venue: '' })}>
                  Add a hearing
                </Button>
              </Group>
            </Stack>
          </Card>

          {save.error && !Object.keys(errors).length && <ErrorText error={save.error} />}
          <Group justify="flex-end">
            <Button variant="default" component={Link} to={caseId ? `/cases/${caseId}` : '/cases'}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              {caseId ? 'Save changes' : 'Create case'}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
