// Add or edit a person: identity, contact, language and access, their communication profile and
// the people important to them. Validated by the contract's own schema, so errors show inline.
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Card, Checkbox, Group, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { Link, useNavigate, useParams } from 'react-router';
import type { z } from 'zod';
import { communicationModeLabels, communicationModes, personFieldsSchema, type Person, type PersonFields } from '../../../contract';
import { call } from '../bridge/hearth';
import { PageHeader } from '../components/PageHeader';
import { QueryState } from '../components/QueryState';
import { queryKeys } from '../lib/queryKeys';
import { useRecordMutation } from '../lib/useRecordMutation';
import { applyServerError } from '../vault/forms';
import { describeBirth } from './age';

type FormInput = z.input<typeof personFieldsSchema>;

const blank: FormInput = {
  fullName: '',
  preferredName: '',
  pronouns: '',
  dateOfBirth: null,
  phone: '',
  email: '',
  address: '',
  languages: '',
  interpreterNeeded: false,
  accessibilityNeeds: '',
  importantPeople: '',
  communication: { modes: [], bestWays: '', whatHelps: '', whatToAvoid: '' },
};

function fromPerson(p: Person): FormInput {
  const { fullName, preferredName, pronouns, dateOfBirth, phone, email, address, languages, interpreterNeeded, accessibilityNeeds, importantPeople, communication } = p;
  return { fullName, preferredName, pronouns, dateOfBirth, phone, email, address, languages, interpreterNeeded, accessibilityNeeds, importantPeople, communication: { ...communication, modes: [...communication.modes] } };
}

function Section({ title, description, children }: { title: string; description?: string; children: ReactNode }) {
  return (
    <Card withBorder padding="lg" component="section" aria-label={title}>
      <Stack gap="sm">
        <div>
          <Title order={3} size="h4">
            {title}
          </Title>
          {description && (
            <Text size="sm" c="dimmed">
              {description}
            </Text>
          )}
        </div>
        {children}
      </Stack>
    </Card>
  );
}

function PersonForm({ person }: { person?: Person }) {
  const navigate = useNavigate();
  const form = useForm<FormInput, unknown, PersonFields>({ resolver: zodResolver(personFieldsSchema), defaultValues: person ? fromPerson(person) : blank });
  const { register, control, formState, setError } = form;
  const errors = formState.errors;
  const dateOfBirth = form.watch('dateOfBirth');
  const save = useRecordMutation((fields: PersonFields) => (person ? call('updatePerson', { id: person.id, ...fields }) : call('createPerson', fields)), {
    onSuccess: (saved) => void navigate(`/people/${saved.id}`),
    onError: (error) => applyServerError(error, setError, 'fullName'),
  });
  const submit = form.handleSubmit((fields) => save.mutate(fields));

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="lg" maw={900}>
        <Section title="Identity">
          <TextInput label="Full name" autoComplete="off" data-autofocus autoFocus={!person} {...register('fullName')} error={errors.fullName?.message} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label="Preferred name" description="What they like to be called." {...register('preferredName')} error={errors.preferredName?.message} />
            <TextInput label="Pronouns" description="For example: she/her, they/them." {...register('pronouns')} error={errors.pronouns?.message} />
            <TextInput
              type="date"
              label="Date of birth"
              // Echoed as a British date, whatever the system's date-field format.
              description={describeBirth(dateOfBirth ?? null) || 'Leave blank if not known.'}
              {...register('dateOfBirth', { setValueAs: (v: string | null) => (v ? v : null) })}
              error={errors.dateOfBirth?.message}
            />
          </SimpleGrid>
        </Section>

        <Section title="Contact">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Phone" type="tel" {...register('phone')} error={errors.phone?.message} />
            <TextInput label="Email" type="email" {...register('email')} error={errors.email?.message} />
          </SimpleGrid>
          <Textarea label="Address" autosize minRows={2} {...register('address')} error={errors.address?.message} />
        </Section>

        <Section title="Language and access">
          <TextInput label="Languages" description="For example: Urdu (first language), some English." {...register('languages')} error={errors.languages?.message} />
          <Checkbox label="Needs an interpreter" {...register('interpreterNeeded')} error={errors.interpreterNeeded?.message} />
          <Textarea
            label="Accessibility needs"
            description="Anything that makes meetings and visits accessible to them: access, sensory needs, timing, format of letters."
            autosize
            minRows={2}
            {...register('accessibilityNeeds')}
            error={errors.accessibilityNeeds?.message}
          />
        </Section>

        <Section title="Communication profile" description="How this person communicates best, in their own terms where you can. It is shown first whenever their record is opened.">
          <Controller
            control={control}
            name="communication.modes"
            render={({ field }) => (
              <Checkbox.Group label="Ways they communicate" description="Choose all that apply." value={field.value} onChange={field.onChange} error={errors.communication?.modes?.message}>
                <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} mt="xs" spacing="xs">
                  {communicationModes.map((mode) => (
                    <Checkbox key={mode} value={mode} label={communicationModeLabels[mode]} onBlur={field.onBlur} />
                  ))}
                </SimpleGrid>
              </Checkbox.Group>
            )}
          />
          <Textarea
            label="How they communicate best"
            description="For example: short sentences and time to answer; through music and movement; Makaton signs for ‘more’ and ‘finished’."
            autosize
            minRows={3}
            {...register('communication.bestWays')}
            error={errors.communication?.bestWays?.message}
          />
          <Textarea
            label="What helps"
            description="People, places, times of day, objects or routines that help them feel safe and be heard."
            autosize
            minRows={3}
            {...register('communication.whatHelps')}
            error={errors.communication?.whatHelps?.message}
          />
          <Textarea
            label="What to avoid"
            description="Things that cause distress or close the conversation down."
            autosize
            minRows={3}
            {...register('communication.whatToAvoid')}
            error={errors.communication?.whatToAvoid?.message}
          />
        </Section>

        <Section title="Important people">
          <Textarea
            label="Who is important to them"
            description="Family, friends, carers, pets: who matters, and how they are involved."
            autosize
            minRows={3}
            {...register('importantPeople')}
            error={errors.importantPeople?.message}
          />
        </Section>

        <Group justify="flex-end">
          <Button component={Link} to={person ? `/people/${person.id}` : '/people'} variant="default">
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            {person ? 'Save changes' : 'Add person'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function PersonFormPage() {
  const { personId } = useParams();
  const existing = useQuery({ queryKey: queryKeys.person(personId ?? ''), queryFn: () => call('getPerson', { id: personId! }), enabled: !!personId });
  if (!personId) {
    return (
      <>
        <PageHeader title="Add a person" description="The person a case is about. Only a full name is needed now; add the rest when you know it." />
        <PersonForm />
      </>
    );
  }
  return (
    <>
      <PageHeader title={existing.data ? `Edit ${existing.data.fullName}` : 'Edit person'} description="Changes are saved when you choose Save changes." />
      <QueryState query={existing} label="Loading this person">
        {(person) => <PersonForm key={person.id} person={person} />}
      </QueryState>
    </>
  );
}
