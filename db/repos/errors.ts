// Owns RecordError: how a repository refuses a change or reports a missing record, with a message
// written for the practitioner (as the vault library does). main/ turns it into a typed error at
// the router; nothing else about the database ever reaches the practitioner.
export type RecordErrorCode = 'NOT_FOUND' | 'REFUSED' | 'INVALID_INPUT';

export class RecordError extends Error {
  constructor(
    readonly code: RecordErrorCode,
    message: string,
    /** Field-level messages keyed by the contract's field name (dotted path). */
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'RecordError';
  }
}

export const notFound = (message: string, fields?: Record<string, string>): RecordError => new RecordError('NOT_FOUND', message, fields);
export const refused = (message: string, fields?: Record<string, string>): RecordError => new RecordError('REFUSED', message, fields);
export const invalid = (message: string, fields?: Record<string, string>): RecordError => new RecordError('INVALID_INPUT', message, fields);
