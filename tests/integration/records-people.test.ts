// People and the parties directory through the router against a real vault: create, read, update,
// list with a query, links to cases with roles, and refusals to delete anyone still linked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHarness, vaultFingerprint, type Harness } from './harness';
import { caseInput, partyInput, personInput } from './recordsFixtures';

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
});
afterAll(() => h.close());

const MISSING = '7f0c4a52-5d1e-4a8e-9a43-1f7b1e2f3a4b';

describe('people', () => {
  it('creates a person with a communication profile and reads it back whole', async () => {
    const input = personInput();
    const person = await h.ok('createPerson', input);
    expect(person).toMatchObject({ ...input, cases: [] });
    expect(person.createdAt).toBe(person.updatedAt);
    expect(await h.ok('getPerson', { id: person.id })).toEqual(person);
  });

  it('updates every field, and the search index follows', async () => {
    const person = await h.ok('createPerson', personInput({ fullName: 'Casey Brennan', preferredName: '' }));
    const updated = await h.ok('updatePerson', {
      id: person.id,
      ...personInput({ fullName: 'Casey Brennan-Okafor', preferredName: 'Case', dateOfBirth: null, languages: 'Igbo', interpreterNeeded: false }),
      communication: { modes: ['art'], bestWays: 'Drawing with chalk pastels.', whatHelps: '', whatToAvoid: 'Eye contact.' },
    });
    expect(updated).toMatchObject({ fullName: 'Casey Brennan-Okafor', preferredName: 'Case', dateOfBirth: null, languages: 'Igbo', communication: { modes: ['art'] } });
    expect((await h.ok('search', { query: 'pastels' })).results.map((r) => r.id)).toEqual([person.id]);
    expect((await h.ok('search', { query: 'Igbo' })).results.map((r) => r.title)).toEqual(['Casey Brennan-Okafor (Case)']);
  });

  it('lists people with their case counts, filtered by name (wildcards typed are literal)', async () => {
    const a = await h.ok('createPerson', personInput({ fullName: 'Zara 100% Quinn', preferredName: '' }));
    await h.ok('createCase', caseInput([a.id]));
    const { people } = await h.ok('listPeople', { query: 'zara 100%' });
    expect(people).toEqual([{ id: a.id, fullName: 'Zara 100% Quinn', preferredName: '', dateOfBirth: '2015-04-12', caseCount: 1 }]);
    expect((await h.ok('listPeople', { query: '_' })).people).toEqual([]);
    expect((await h.ok('listPeople', {})).people.length).toBeGreaterThanOrEqual(3);
  });

  it('refuses to delete a person who has cases, and changes nothing', async () => {
    const person = await h.ok('createPerson', personInput({ fullName: 'Linked Person' }));
    const kase = await h.ok('createCase', caseInput([person.id]));
    const before = vaultFingerprint(h);
    const error = await h.err('deletePerson', { id: person.id });
    expect(error).toEqual({ code: 'REFUSED', message: 'This person is linked to a case, so they cannot be deleted. Remove them from that case first.' });
    expect(vaultFingerprint(h)).toBe(before);
    expect((await h.ok('getPerson', { id: person.id })).cases).toEqual([{ id: kase.id, title: kase.title, status: 'instructed' }]);
  });

  it('deletes a person with no cases, search entry included', async () => {
    const person = await h.ok('createPerson', personInput({ fullName: 'Temporary Tamsin', preferredName: '' }));
    expect(await h.ok('deletePerson', { id: person.id })).toEqual({ ok: true });
    expect((await h.err('getPerson', { id: person.id })).code).toBe('NOT_FOUND');
    expect((await h.ok('search', { query: 'Tamsin' })).results).toEqual([]);
    expect((await h.err('deletePerson', { id: person.id })).code).toBe('NOT_FOUND');
    expect((await h.err('updatePerson', { id: MISSING, ...personInput() })).code).toBe('NOT_FOUND');
  });

  it('rejects schema-invalid input with field messages', async () => {
    const error = await h.err('createPerson', { ...personInput(), fullName: '  ', dateOfBirth: '2026-02-30', communication: { ...personInput().communication, modes: ['telepathy'] } });
    expect(error.code).toBe('INVALID_INPUT');
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(['communication.modes.0', 'dateOfBirth', 'fullName']);
    expect(error.fields?.fullName).toBe('Enter the person’s full name.');
  });
});

describe('parties', () => {
  it('creates, updates and lists parties with how many cases each is in', async () => {
    const party = await h.ok('createParty', partyInput());
    expect(party).toMatchObject({ ...partyInput(), caseCount: 0 });
    const updated = await h.ok('updateParty', { id: party.id, ...partyInput({ jobTitle: 'Partner' }) });
    expect(updated.jobTitle).toBe('Partner');
    expect((await h.ok('listParties', { query: 'harrow' })).parties.map((p) => p.id)).toContain(party.id);
    expect((await h.err('updateParty', { id: MISSING, ...partyInput() })).code).toBe('NOT_FOUND');
  });

  it('links a party to a case in several roles, relinking updates the detail, unlinking is idempotent', async () => {
    const person = await h.ok('createPerson', personInput({ fullName: 'Party Case Person' }));
    const kase = await h.ok('createCase', caseInput([person.id]));
    const party = await h.ok('createParty', partyInput({ name: 'Dr Femi Adeyemi', kind: 'professional', organisation: 'CAMHS' }));
    await h.ok('linkParty', { caseId: kase.id, partyId: party.id, role: 'health_professional', roleDetail: 'Consultant' });
    const { parties } = await h.ok('linkParty', { caseId: kase.id, partyId: party.id, role: 'health_professional', roleDetail: 'Consultant psychiatrist' });
    expect(parties).toEqual([{ partyId: party.id, name: 'Dr Femi Adeyemi', kind: 'professional', organisation: 'CAMHS', role: 'health_professional', roleDetail: 'Consultant psychiatrist' }]);
    await h.ok('linkParty', { caseId: kase.id, partyId: party.id, role: 'other', roleDetail: 'Also chairs the network meeting' });
    expect((await h.ok('getCase', { id: kase.id })).parties).toHaveLength(2);
    expect((await h.ok('listParties', { query: 'Adeyemi' })).parties[0]?.caseCount).toBe(1);

    expect((await h.ok('unlinkParty', { caseId: kase.id, partyId: party.id, role: 'other' })).parties).toHaveLength(1);
    expect((await h.ok('unlinkParty', { caseId: kase.id, partyId: party.id, role: 'other' })).parties).toHaveLength(1);
    expect((await h.err('linkParty', { caseId: MISSING, partyId: party.id, role: 'other', roleDetail: '' })).code).toBe('NOT_FOUND');
    expect((await h.err('linkParty', { caseId: kase.id, partyId: MISSING, role: 'other', roleDetail: '' })).code).toBe('NOT_FOUND');
  });

  it('refuses to delete a party linked to a case, then deletes once unlinked', async () => {
    const person = await h.ok('createPerson', personInput({ fullName: 'Another Person' }));
    const kase = await h.ok('createCase', caseInput([person.id]));
    const party = await h.ok('createParty', partyInput({ name: 'Sam Guardian', kind: 'professional' }));
    await h.ok('linkParty', { caseId: kase.id, partyId: party.id, role: 'childrens_guardian', roleDetail: '' });
    const before = vaultFingerprint(h);
    expect(await h.err('deleteParty', { id: party.id })).toMatchObject({ code: 'REFUSED', message: expect.stringMatching(/linked to a case/) });
    expect(vaultFingerprint(h)).toBe(before);
    await h.ok('unlinkParty', { caseId: kase.id, partyId: party.id, role: 'childrens_guardian' });
    expect(await h.ok('deleteParty', { id: party.id })).toEqual({ ok: true });
    expect((await h.err('deleteParty', { id: party.id })).code).toBe('NOT_FOUND');
  });
});
