// Shared pieces for the vault's forms: turning a HearthError into field and form errors.
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { HearthError, errorMessage } from '../bridge/hearth';

/** Shows a failed call's field errors on their fields, and its message on the form. */
export function applyServerError<T extends FieldValues>(error: unknown, setError: UseFormSetError<T>, fallbackField: Path<T>): void {
  if (error instanceof HearthError && Object.keys(error.fields).length > 0) {
    for (const [field, message] of Object.entries(error.fields)) setError(field as Path<T>, { message });
    return;
  }
  setError(fallbackField, { message: errorMessage(error) });
}
