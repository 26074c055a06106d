import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from './dates';

describe('British dates', () => {
  it('formats as 23 Nov 2026', () => {
    expect(formatDate('2026-11-23')).toBe('23 Nov 2026');
    expect(formatDate(new Date(2026, 0, 5))).toBe('5 Jan 2026');
  });
  it('adds a 24-hour time', () => {
    expect(formatDateTime(new Date(2026, 10, 23, 14, 5))).toBe('23 Nov 2026, 14:05');
  });
  it('returns empty text for an invalid date rather than "Invalid Date"', () => {
    expect(formatDate('not a date')).toBe('');
  });
});
