// UserError: how handlers and services refuse something with a message meant for the practitioner.
import { defaultMessages, type HearthErrorCode } from '../../contract';

export class UserError extends Error {
  constructor(
    readonly code: HearthErrorCode,
    message: string = defaultMessages[code],
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

export const refuse = (message: string, fields?: Record<string, string>): UserError =>
  new UserError('REFUSED', message, fields);
