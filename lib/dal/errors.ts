import type { MessageKey } from '@/lib/i18n/messages';

export type DalErrorCode = 'unauthenticated' | 'not_found' | 'forbidden' | 'conflict' | 'invalid';

/**
 * An expected refusal from the data-access layer. `key` names a message in the dictionaries so
 * the action can show it in the user's language; `fieldErrors` point at form fields.
 */
export class DalError extends Error {
  constructor(
    readonly code: DalErrorCode,
    readonly key: MessageKey,
    readonly fieldErrors?: Record<string, MessageKey>,
    readonly params?: Record<string, string | number>,
    /** Placeholders for individual field messages, by field. */
    readonly fieldParams?: Record<string, Record<string, string | number>>,
    /** Placeholders filled with a list of translated labels (documents by their Vietnamese names, never their codes). */
    readonly labelParams?: Record<string, MessageKey[]>,
  ) {
    super(`${code}: ${key}`);
    this.name = 'DalError';
  }
}

export const notFound = () => new DalError('not_found', 'errors.notFound');
export const forbidden = () => new DalError('forbidden', 'errors.forbidden');
export const staleVersion = () => new DalError('conflict', 'errors.staleVersion');
export const invalid = (key: MessageKey, fieldErrors?: Record<string, MessageKey>) => new DalError('invalid', key, fieldErrors);
