// Handlers: the parties directory and the roles parties play in cases.
import type { partiesOperations } from '../../contract';
import { createParty, deleteParty, linkParty, listParties, unlinkParty, updateParty } from '../../db/repos/parties';
import type { HandlerMap } from '../router/types';
import { db, nowIso, withRecordErrors } from './records';

export const partiesHandlers: HandlerMap<typeof partiesOperations> = withRecordErrors({
  listParties: ({ query }, { services }) => ({ parties: listParties(db(services), query) }),
  createParty: (fields, { services }) => createParty(db(services), fields, nowIso(services)),
  updateParty: ({ id, ...fields }, { services }) => updateParty(db(services), id, fields, nowIso(services)),
  deleteParty: ({ id }, { services }) => {
    deleteParty(db(services), id);
    return { ok: true as const };
  },
  linkParty: (link, { services }) => ({ parties: linkParty(db(services), link, nowIso(services)) }),
  unlinkParty: (link, { services }) => ({ parties: unlinkParty(db(services), link, nowIso(services)) }),
});
