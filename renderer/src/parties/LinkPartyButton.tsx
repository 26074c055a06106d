// "Link a party" on a case: pick someone from the directory (or add them there and then), give
// their role in this case, and link them.
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Modal, SegmentedControl, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconLink } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Controller, useForm, type Path } from 'react-hook-form';
import { z } from 'zod';
import { partyFieldsSchema, partyKindLabels, partyKinds, partyRoleLabels, partyRoles, shortText } from '../../../contract';
import { HearthError, call, errorMessage } from '../bridge/hearth';
import { queryKeys } from '../lib/queryKeys';
import { useRecordMutation } from '../lib/useRecordMutation';
import { partyKindOptions } from './PartyFormModal';

const newPartySchema = partyFieldsSchema.pick({ name: true, kind: true, organisation: true, jobTitle: true, phone: true, email: true });
const newPartyFields = Object.keys(newPartySchema.shape);

const schema = z
  .object({
    mode: z.enum(['existing', 'new']),
    partyId: z.string(),
    party: z.object({ name: z.string(), kind: z.enum(partyKinds), organisation: z.string(), jobTitle: z.string(), phone: z.string(), email: z.string() }),
    role: z.enum(partyRoles).nullable(),
    roleDetail: shortText(),
  })
  // Checked together, so every missing answer is shown at once.
  .superRefine((v, ctx) => {
    if (v.mode === 'existing' && !v.partyId) ctx.addIssue({ code: 'custom', path: ['partyId'], message: 'Choose someone from your directory, or add someone new.' });
    if (v.mode === 'new') {
      const parsed = newPartySchema.safeParse(v.party);
      if (!parsed.success) for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', path: ['party', ...issue.path.map(String)], message: issue.message });
    }
    if (!v.role) ctx.addIssue({ code: 'custom', path: ['role'], message: 'Choose their role in this case.' });
  });
type Values = z.infer<typeof schema>;

const blank: Values = { mode: 'existing', partyId: '', party: { name: '', kind: 'professional', organisation: '', jobTitle: '', phone: '', email: '' }, role: null, roleDetail: '' };
const roleOptions = partyRoles.map((r) => ({ value: r, label: partyRoleLabels[r] }));

function LinkPartyForm({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const parties = useQuery({ queryKey: [...queryKeys.parties, ''], queryFn: () => call('listParties', {}) });
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: blank });
  const { register, control, formState, setError, setValue } = form;
  const errors = formState.errors;
  const mode = form.watch('mode');

  const link = useRecordMutation(
    async (v: Values & { role: NonNullable<Values['role']> }) => {
      let partyId = v.partyId;
      if (v.mode === 'new') {
        const created = await call('createParty', { ...v.party, address: '', notes: '' });
        partyId = created.id;
        // If linking then fails, a retry links this party rather than adding them twice.
        setValue('mode', 'existing');
        setValue('partyId', partyId);
      }
      return call('linkParty', { caseId, partyId, role: v.role, roleDetail: v.roleDetail });
    },
    {
      onSuccess: onDone,
      onError: (error) => {
        if (!(error instanceof HearthError) || Object.keys(error.fields).length === 0) return setError('root', { message: errorMessage(error) });
        for (const [field, message] of Object.entries(error.fields)) {
          const path = newPartyFields.includes(field) ? `party.${field}` : ['partyId', 'role', 'roleDetail'].includes(field) ? field : 'root';
          setError(path as Path<Values>, { message });
        }
      },
    },
  );
  const submit = form.handleSubmit((v) => v.role && link.mutate({ ...v, role: v.role }));

  const partyOptions = (parties.data?.parties ?? []).map((p) => ({
    value: p.id,
    label: `${p.name}${p.organisation ? `, ${p.organisation}` : ''} (${partyKindLabels[p.kind]})`,
  }));

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="md">
        <Controller
          control={control}
          name="mode"
          render={({ field }) => (
            <SegmentedControl
              aria-label="Who to link"
              fullWidth
              data={[
                { value: 'existing', label: 'From your directory' },
                { value: 'new', label: 'Someone new' },
              ]}
              value={field.value}
              onChange={(v) => field.onChange(v)}
            />
          )}
        />
        {mode === 'existing' ? (
          <Controller
            control={control}
            name="partyId"
            render={({ field }) => (
              <Select
                label="Party"
                placeholder={parties.isPending ? 'Loading your directory…' : 'Type a name or organisation'}
                data={partyOptions}
                searchable
                limit={100}
                nothingFoundMessage="No one by that name. Choose “Someone new” to add them."
                value={field.value || null}
                onChange={(v) => field.onChange(v ?? '')}
                onBlur={field.onBlur}
                error={errors.partyId?.message}
                data-autofocus
              />
            )}
          />
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Name" data-autofocus {...register('party.name')} error={errors.party?.name?.message} />
            <Controller
              control={control}
              name="party.kind"
              render={({ field }) => <Select label="Kind" data={partyKindOptions} allowDeselect={false} value={field.value} onChange={(v) => v && field.onChange(v)} error={errors.party?.kind?.message} />}
            />
            <TextInput label="Organisation" placeholder="Firm, local authority or service" {...register('party.organisation')} error={errors.party?.organisation?.message} />
            <TextInput label="Job title" {...register('party.jobTitle')} error={errors.party?.jobTitle?.message} />
            <TextInput label="Phone" type="tel" {...register('party.phone')} error={errors.party?.phone?.message} />
            <TextInput label="Email" type="email" {...register('party.email')} error={errors.party?.email?.message} />
          </SimpleGrid>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Controller
            control={control}
            name="role"
            render={({ field }) => (
              <Select
                label="Role in this case"
                placeholder="Choose a role"
                data={roleOptions}
                searchable
                value={field.value}
                onChange={(v) => field.onChange(v)}
                onBlur={field.onBlur}
                error={errors.role?.message}
              />
            )}
          />
          <TextInput label="Role detail (optional)" placeholder="For example: maternal grandmother" {...register('roleDetail')} error={errors.roleDetail?.message} />
        </SimpleGrid>
        {errors.root?.message && (
          <Alert color="red" variant="light" role="alert">
            {errors.root.message}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={link.isPending}>
            Link to this case
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function LinkPartyButton({ caseId }: { caseId: string }) {
  const [opened, modal] = useDisclosure(false);
  return (
    <>
      <Button variant="light" leftSection={<IconLink size={18} aria-hidden />} onClick={modal.open}>
        Link a party
      </Button>
      <Modal opened={opened} onClose={modal.close} title="Link a party to this case" size="lg">
        {opened && <LinkPartyForm caseId={caseId} onDone={modal.close} />}
      </Modal>
    </>
  );
}
