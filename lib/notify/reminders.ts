import { inboxStates, STATE_OWNER, type CaseRole, type State } from '@/lib/admission/workflow';
import { ROLES, type Role } from '@/lib/authz/roles';
import type { IsoDate } from '@/lib/rules/dates';
import { addWorkingDays, type HolidayCalendar } from '@/lib/rules/working-days';

/**
 * How many working days before a step's deadline its unit is reminded. The portal's own reminder
 * lead time, chosen for the officials who use it: not a statutory number (the deadlines
 * themselves come from the rule set), so it lives here rather than in the versioned rule set.
 */
export const REMINDER_LEAD_WORKING_DAYS = 3;

/** The last deadline that counts as "due soon" on `today`: REMINDER_LEAD_WORKING_DAYS working days ahead. */
export function dueSoonUntil(today: IsoDate, calendar: HolidayCalendar): IsoDate {
  return addWorkingDays(today, REMINDER_LEAD_WORKING_DAYS, calendar);
}

/** Overdue, due soon, or neither (no deadline, or a later one). */
export function deadlineReminder(dueOn: IsoDate | null, today: IsoDate, calendar: HolidayCalendar): 'overdue' | 'due_soon' | null {
  if (!dueOn) return null;
  if (dueOn < today) return 'overdue';
  return dueOn <= dueSoonUntil(today, calendar) ? 'due_soon' : null;
}

/**
 * The roles that act on a case of `state` at the unit playing `caseRole` in it: the roles whose
 * inbox holds it (inboxStates asks the permission table), so reminders reach exactly the people
 * whose inbox the case is in.
 */
export function actingRoles(caseRole: CaseRole, state: State): Role[] {
  return ROLES.filter((role) => inboxStates({ role, unitPath: '1' }).some((b) => b.role === caseRole && b.states.includes(state)));
}

/** Who acts on a case now: the case's unit that owns the state and the roles there that act (none for a closed case). */
export function recipientsOf(state: State): { caseRole: CaseRole; roles: Role[] } | null {
  const caseRole = STATE_OWNER[state];
  if (!caseRole) return null;
  const roles = actingRoles(caseRole, state);
  return roles.length ? { caseRole, roles } : null;
}

/** The pairs (role, states) per case unit that the reminder job matches users to cases by. */
export function actingPairs(): { caseRole: CaseRole; role: Role; states: State[] }[] {
  return ROLES.flatMap((role) => inboxStates({ role, unitPath: '1' }).map((b) => ({ caseRole: b.role, role, states: b.states })));
}

/** The key that makes a reminder happen once: the event, the case, the stage and the deadline. */
export function dedupeKey(kind: string, caseId: number, state: State, extra: string | number | null): string {
  return `${kind}:${caseId}:${state}:${extra ?? ''}`;
}
