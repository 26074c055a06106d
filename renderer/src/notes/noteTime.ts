// Converting between the note's ISO timestamp and the local date-time input's value.
import { format, isValid, parseISO } from 'date-fns';

export function toLocalInput(iso: string): string {
  const d = parseISO(iso);
  return isValid(d) ? format(d, "yyyy-MM-dd'T'HH:mm") : '';
}

export function fromLocalInput(value: string): string | null {
  const d = new Date(value);
  return value && isValid(d) ? d.toISOString() : null;
}
