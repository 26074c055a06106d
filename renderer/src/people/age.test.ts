import { describe, expect, it } from 'vitest';
import { ageOn, describeBirth } from './age';

describe('a person’s age', () => {
  const today = new Date(2026, 10, 23); // 23 Nov 2026

  it('counts whole years, turning over on the birthday itself', () => {
    expect(ageOn('2015-11-23', today)).toBe(11);
    expect(ageOn('2015-11-24', today)).toBe(10);
  });

  it('reads as a British date with the age', () => {
    expect(describeBirth('2015-03-03', today)).toBe('3 Mar 2015 (age 11)');
  });

  it('says nothing when there is no date, and no age for a date in the future', () => {
    expect(describeBirth(null, today)).toBe('');
    expect(describeBirth('2027-01-01', today)).toBe('1 Jan 2027');
  });
});
