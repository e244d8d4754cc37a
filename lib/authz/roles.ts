export const ROLES = ['viewer', 'officer', 'leader', 'admin'] as const;
export type Role = (typeof ROLES)[number];
