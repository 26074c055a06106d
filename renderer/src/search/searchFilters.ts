// The search screen's filters, kept in the address (so Back from a result returns to the same
// search) and turned into the contract's search input. Pure, so it is unit-tested.
import { entryTypes, isoDateSchema, type EntryType, type InputOf, type Contract } from '../../../contract';

export const resultKinds = ['note', 'person', 'case'] as const;
export type ResultKind = (typeof resultKinds)[number];
export const resultKindLabels: Record<ResultKind, string> = { note: 'Note', person: 'Person', case: 'Case' };
export const resultKindFilterLabels: Record<ResultKind, string> = { note: 'Notes', person: 'People', case: 'Cases' };

export interface SearchFilters {
  kinds: ResultKind[];
  entryTypes: EntryType[];
  from: string;
  to: string;
  caseId: string;
}

const list = <T extends string>(value: string | null, allowed: readonly T[]): T[] =>
  (value ?? '').split(',').filter((v): v is T => (allowed as readonly string[]).includes(v));
const isDate = (v: string) => isoDateSchema.safeParse(v).success;

export function filtersFromParams(params: URLSearchParams): SearchFilters {
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  return {
    kinds: list(params.get('kinds'), resultKinds),
    entryTypes: list(params.get('types'), entryTypes),
    from: isDate(from) ? from : '',
    to: isDate(to) ? to : '',
    caseId: params.get('case') ?? '',
  };
}

/** Writes the filters into a copy of the params, leaving out the empty ones. */
export function paramsWithFilters(params: URLSearchParams, filters: SearchFilters): URLSearchParams {
  const next = new URLSearchParams(params);
  const set = (key: string, value: string) => (value ? next.set(key, value) : next.delete(key));
  set('kinds', filters.kinds.join(','));
  set('types', filters.entryTypes.join(','));
  set('from', filters.from);
  set('to', filters.to);
  set('case', filters.caseId);
  return next;
}

export const hasFilters = (f: SearchFilters) => f.kinds.length > 0 || f.entryTypes.length > 0 || !!f.from || !!f.to || !!f.caseId;
export const noFilters: SearchFilters = { kinds: [], entryTypes: [], from: '', to: '', caseId: '' };

/** A message for the "To" date when the range is back to front, else null. */
export function rangeError(f: SearchFilters): string | null {
  return f.from && f.to && f.to < f.from ? 'The end date cannot be before the start date.' : null;
}

export function searchInput(query: string, f: SearchFilters): InputOf<Contract['search']> {
  return {
    query,
    ...(f.kinds.length ? { kinds: f.kinds } : {}),
    ...(f.entryTypes.length ? { entryTypes: f.entryTypes } : {}),
    ...(f.from ? { from: f.from } : {}),
    ...(f.to ? { to: f.to } : {}),
    ...(f.caseId ? { caseId: f.caseId } : {}),
    limit: 50,
  };
}
