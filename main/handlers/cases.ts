// Handlers: cases (instructions), with the case view that gathers people, parties, questions,
// hearings, counts and the latest notes.
import type { casesOperations } from '../../contract';
import { createCase, getCase, listCases, updateCase } from '../../db/repos/cases';
import type { HandlerMap } from '../router/types';
import { db, localToday, nowIso, withRecordErrors } from './records';

export const casesHandlers: HandlerMap<typeof casesOperations> = withRecordErrors({
  listCases: ({ statuses, sort }, { services }) => ({ cases: listCases(db(services), { statuses, sort, today: localToday(services) }) }),
  getCase: ({ id }, { services }) => getCase(db(services), id),
  createCase: (fields, { services }) => createCase(db(services), fields, nowIso(services)),
  updateCase: ({ id, ...fields }, { services }) => updateCase(db(services), id, fields, nowIso(services)),
});
