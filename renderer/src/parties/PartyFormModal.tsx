// Add or edit a party in the directory, in a modal. Validated by the contract's schema.
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { Controller, useForm } from 'react-hook-form';
import type { z } from 'zod';
import { partyFieldsSchema, partyKindLabels, partyKinds, type Party } from '../../../contract';
import { call } from '../bridge/hearth';
import { useRecordMutation } from '../lib/useRecordMutation';
import { applyServerError } from '../vault/forms';

type FormInput = z.input<typeof partyFieldsSchema>;
type PartyFields = z.output<typeof partyFieldsSchema>;

export const partyKindOptions = partyKinds.map((k) => ({ value: k, label: partyKindLabels[k] }));

const blank: FormInput = { name: '', kind: 'solicitor', organisation: '', jobTitle: '', phone: '', email: '', address: '', notes: '' };

function fromParty(p: Party): FormInput {
  const { name, kind, organisation, jobTitle, phone, email, address, notes } = p;
  return { name, kind, organisation, jobTitle, phone, email, address, notes };
}

function PartyForm({ party, onDone }: { party?: Party; onDone: () => void }) {
  const form = useForm<FormInput, unknown, PartyFields>({ resolver: zodResolver(partyFieldsSchema), defaultValues: party ? fromParty(party) : blank });
  const { register, control, formState, setError } = form;
  const errors = formState.errors;
  const save = useRecordMutation((fields: PartyFields) => (party ? call('updateParty', { id: party.id, ...fields }) : call('createParty', fields)), {
    onSuccess: onDone,
    onError: (error) => applyServerError(error, setError, 'name'),
  });
  const submit = form.handleSubmit((fields) => save.mutate(fields));

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Name" data-autofocus {...register('name')} error={errors.name?.message} />
          <Controller
            control={control}
            name="kind"
            render={({ field }) => <Select label="Kind" data={partyKindOptions} allowDeselect={false} value={field.value} onChange={(v) => v && field.onChange(v)} onBlur={field.onBlur} error={errors.kind?.message} />}
          />
          <TextInput label="Organisation" placeholder="Firm, local authority or service" {...register('organisation')} error={errors.organisation?.message} />
          <TextInput label="Job title" {...register('jobTitle')} error={errors.jobTitle?.message} />
          <TextInput label="Phone" type="tel" {...register('phone')} error={errors.phone?.message} />
          <TextInput label="Email" type="email" {...register('email')} error={errors.email?.message} />
        </SimpleGrid>
        <Textarea label="Address" autosize minRows={2} {...register('address')} error={errors.address?.message} />
        <Textarea label="Notes" description="Anything useful: preferred contact times, secretary, reference." autosize minRows={2} {...register('notes')} error={errors.notes?.message} />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            {party ? 'Save changes' : 'Add party'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** `party` set: edit it; `party` null: add a new one. Closed when `opened` is false. */
export function PartyFormModal({ opened, party, onClose }: { opened: boolean; party: Party | null; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title={party ? `Edit ${party.name}` : 'Add a party'} size="lg">
      {/* Keyed so that each opening starts from the party's saved details. */}
      {opened && <PartyForm key={party?.id ?? 'new'} party={party ?? undefined} onDone={onClose} />}
    </Modal>
  );
}
