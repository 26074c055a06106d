// How a person's date of birth reads on screen: "3 Mar 2015 (age 11)". Pure, so it is unit-tested.
import { differenceInYears, isValid, parseISO } from 'date-fns';
import { formatDate } from '../lib/dates';

/** Whole years between a YYYY-MM-DD birth date and today, or null for an unusable date. */
export function ageOn(dateOfBirth: string, today: Date = new Date()): number | null {
  const dob = parseISO(dateOfBirth);
  if (!isValid(dob) || dob > today) return null;
  return differenceInYears(today, dob);
}

export function describeBirth(dateOfBirth: string | null, today: Date = new Date()): string {
  if (!dateOfBirth) return '';
  const age = ageOn(dateOfBirth, today);
  return age === null ? formatDate(dateOfBirth) : `${formatDate(dateOfBirth)} (age ${age})`;
}
