/**
 * Reminders: what a notification tells its user, and how often a user wants them by e-mail.
 * Shared by the schema (check constraints), the data layer and the pages.
 */
export const NOTIFICATION_KINDS = [
  /** A case reached a step that the user's unit takes. */
  'awaiting',
  /** A case was returned for revision to the user's unit. */
  'returned',
  /** A step of the user's unit is due within the reminder lead time. */
  'due_soon',
  /** A step of the user's unit is past its deadline. */
  'overdue',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const DIGEST_FREQUENCIES = ['daily', 'none'] as const;
export type DigestFrequency = (typeof DIGEST_FREQUENCIES)[number];
