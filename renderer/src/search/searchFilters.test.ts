import { describe, expect, it } from 'vitest';
import { filtersFromParams, paramsWithFilters, rangeError, searchInput } from './searchFilters';

describe('search filters in the address', () => {
  it('round-trips through the URL and drops what is not allowed', () => {
    const params = paramsWithFilters(new URLSearchParams('q=school'), { kinds: ['note', 'case'], entryTypes: ['home_visit'], from: '2026-01-01', to: '', caseId: '' });
    expect(params.toString()).toBe('q=school&kinds=note%2Ccase&types=home_visit&from=2026-01-01');
    expect(filtersFromParams(new URLSearchParams('kinds=note,bogus&types=phone,nope&from=31/01/2026&to=2026-02-30'))).toEqual({
      kinds: ['note'],
      entryTypes: ['phone'],
      from: '',
      to: '',
      caseId: '',
    });
  });

  it('sends only the filters that are set', () => {
    expect(searchInput('amira', { kinds: [], entryTypes: [], from: '', to: '2026-03-01', caseId: '' })).toEqual({ query: 'amira', to: '2026-03-01', limit: 50 });
  });

  it('notices a back-to-front date range', () => {
    expect(rangeError({ kinds: [], entryTypes: [], from: '2026-03-02', to: '2026-03-01', caseId: '' })).toMatch(/before/);
    expect(rangeError({ kinds: [], entryTypes: [], from: '2026-03-01', to: '2026-03-01', caseId: '' })).toBeNull();
  });
});
