// Handlers: people at the heart of a case and their communication profile.
import type { peopleOperations } from '../../contract';
import { createPerson, deletePerson, getPerson, listPeople, updatePerson } from '../../db/repos/people';
import type { HandlerMap } from '../router/types';
import { db, nowIso, withRecordErrors } from './records';

export const peopleHandlers: HandlerMap<typeof peopleOperations> = withRecordErrors({
  listPeople: ({ query }, { services }) => ({ people: listPeople(db(services), query) }),
  getPerson: ({ id }, { services }) => getPerson(db(services), id),
  createPerson: (fields, { services }) => createPerson(db(services), fields, nowIso(services)),
  updatePerson: ({ id, ...fields }, { services }) => updatePerson(db(services), id, fields, nowIso(services)),
  deletePerson: ({ id }, { services }) => {
    deletePerson(db(services), id);
    return { ok: true as const };
  },
});
