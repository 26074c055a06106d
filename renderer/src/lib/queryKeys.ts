// Query keys for TanStack Query, in one place so that a change invalidates every view of it.
export const queryKeys = {
  dashboard: ['dashboard'] as const,
  cases: ['cases'] as const,
  case: (id: string) => ['case', id] as const,
  notes: (caseId: string) => ['notes', caseId] as const,
  note: (id: string) => ['note', id] as const,
  tasks: (caseId: string) => ['tasks', caseId] as const,
  people: ['people'] as const,
  person: (id: string) => ['person', id] as const,
  parties: ['parties'] as const,
  search: ['search'] as const,
};

/** Everything derived from case records: invalidate after any write to them. */
export const recordKeys = [['dashboard'], ['cases'], ['case'], ['notes'], ['note'], ['tasks'], ['people'], ['person'], ['parties'], ['search']] as const;
