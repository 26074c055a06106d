// Turning schema issues into inline form errors (react-hook-form), keyed by dotted field path.
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import type { z } from 'zod';

export function applyIssues<T extends FieldValues>(error: z.ZodError, setError: UseFormSetError<T>, rename: Record<string, string> = {}): void {
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.');
    setError((rename[path] ?? path) as Path<T>, { message: issue.message });
  }
}

/** '' → null for optional dates and numbers coming from inputs. */
export const orNull = (value: string | number | null | undefined): string | null => (value === '' || value === undefined || value === null ? null : String(value));
export const numberOrNull = (value: string | number | null | undefined): number | null =>
  value === '' || value === undefined || value === null || Number.isNaN(Number(value)) ? null : Number(value);
