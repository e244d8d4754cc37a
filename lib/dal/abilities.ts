import 'server-only';
import { cache } from 'react';
import { can } from '@/lib/authz/permissions';
import { ALLOWED_CHILDREN, MEMBER_UNIT_KINDS, type UnitKind } from '@/lib/units/kinds';
import { requireUser, type CurrentUser } from './session';

/**
 * What the current user may start from their own unit: the buttons a page offers and the next
 * steps its empty states and hints name. Each answer is the permission table's (can(), which also
 * knows which kinds of unit take an action), so a hint never names an action the data layer would
 * refuse. The data layer still checks every action itself; this only decides what to offer.
 */
export type Abilities = {
  /** The user's unit is a union or youth branch (it refers people; it holds no members or enterprises). */
  branch: boolean;
  /** Edit the business data of the own subtree (data.edit). */
  editData: boolean;
  /** Register party members: a cell may be in the own subtree (createMember needs one): member.manage. */
  addMembers: boolean;
  /** Register enterprises: a managing committee is in the own subtree (a cell or a branch has none). */
  registerEnterprises: boolean;
  /** Refer outstanding people (union and youth branches): admission.refer. */
  refer: boolean;
  /** Open classes, survey rounds (the organising committees): class.create. */
  organise: boolean;
  /** Take the approval steps of the own unit. */
  takeApprovals: boolean;
  /** Set targets for the own unit and those directly below it (setTargets checks the same). */
  setTargets: boolean;
  /** Create units below the own unit (its kind may hold some). */
  createUnits: boolean;
  /** Manage the accounts of the subtree. */
  manageUsers: boolean;
};

const BRANCH_KINDS: readonly UnitKind[] = ['union_branch', 'youth_branch'];

/** The abilities of `user` (pure: the permission table and the unit's kind). */
export function abilitiesOf(user: Pick<CurrentUser, 'role' | 'unitPath' | 'unitKind'>): Abilities {
  const own = (action: Parameters<typeof can>[1]) => can(user, action, user.unitPath);
  const editData = own('data.edit');
  const kind = user.unitKind;
  return {
    branch: BRANCH_KINDS.includes(kind),
    editData,
    addMembers: own('member.manage'),
    registerEnterprises: editData && MEMBER_UNIT_KINDS.includes(kind) && kind !== 'cell',
    refer: own('admission.refer'),
    organise: own('class.create'),
    takeApprovals: own('approval.take') && !BRANCH_KINDS.includes(kind),
    setTargets: own('target.set'),
    createUnits: own('unit.create') && ALLOWED_CHILDREN[kind].length > 0,
    manageUsers: own('user.create'),
  };
}

/** The current user's abilities (once per request). */
export const getAbilities = cache(async (): Promise<Abilities> => abilitiesOf(await requireUser()));

/** Whether the unit kind is a union or youth branch (it refers people; it holds no members or enterprises). */
export function isBranchKind(kind: UnitKind): boolean {
  return BRANCH_KINDS.includes(kind);
}
