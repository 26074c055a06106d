// British date formatting for every screen: 23 Nov 2026, 23 Nov 2026, 14:05.
import { format, formatDistanceToNowStrict, isValid, parseISO } from 'date-fns';
import { enGB } from 'date-fns/locale';

const toDate = (value: string | Date): Date | null => {
  const d = typeof value === 'string' ? parseISO(value) : value;
  return isValid(d) ? d : null;
};

export function formatDate(value: string | Date): string {
  const d = toDate(value);
  return d ? format(d, 'd MMM yyyy', { locale: enGB }) : '';
}

export function formatDateTime(value: string | Date): string {
  const d = toDate(value);
  return d ? format(d, 'd MMM yyyy, HH:mm', { locale: enGB }) : '';
}

export function formatRelative(value: string | Date): string {
  const d = toDate(value);
  return d ? formatDistanceToNowStrict(d, { locale: enGB, addSuffix: true }) : '';
}
