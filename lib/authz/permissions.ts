import { MANAGING_KINDS } from '@/lib/registry/kinds';
import { DECIDING_KINDS, MEMBER_UNIT_KINDS, type UnitKind } from '@/lib/units/kinds';
import type { Role } from './roles';

/**
 * The one permission table. A user may take an action on a target when their role grants the
 * action AND the target's unit stands in one of the allowed relations to the user's own unit.
 * Scope (same unit or below) is also applied in every query's WHERE clause; this table decides
 * what may be done inside the scope.
 */
export const ACTIONS = [
  'unit.read',
  'unit.create', // create a unit under the target unit
  'unit.update', // rename or edit the target unit
  'unit.move', // move the target unit's whole subtree under another parent
  'unit.merge', // merge the target unit into another
  'unit.dissolve',
  'user.read',
  'user.create', // create a user at the target unit
  'user.update', // change name, role or unit of a user at the target unit
  'user.deactivate',
  'user.resetPassword',
  'audit.read',
  'data.edit', // edit the business data of the target unit's subtree
  'approval.take', // take an approval step that belongs to the target unit
  'ruleset.manage', // add rule-set versions and holidays; the target is the root of the user's tree
  'target.set', // set targets for the unit itself and the units directly below it; the target is the setting unit
  'template.manage', // add replacement templates of the official forms; the target is the root of the user's tree
  'jobs.run', // run the reminder job and send the e-mail digest from the portal; the target is the root of the user's tree
  'admission.refer', // refer an outstanding person to a cell (open a referral); the target is the referring branch itself
  'admission.overrideCheck', // override a failed rule check, with a written reason, in a step of the target unit
  'class.create', // open a class organised by the target unit
  'member.manage', // register and transfer party members of the target unit's subtree (search the whole tree for a receiving cell)
  'member.assign', // assign a member to take part in the target cell (the committee holds both cells)
  'survey.record', // record what a survey round of the target unit found at an enterprise
  'founding.record', // enter a past founding decision of the target (deciding) committee
] as const;
export type Action = (typeof ACTIONS)[number];

/** How the target's unit stands to the user's unit in the tree. */
export const RELATIONS = ['same', 'below', 'above', 'sibling', 'unrelated'] as const;
export type Relation = (typeof RELATIONS)[number];

const READ = ['unit.read'] as const satisfies readonly Action[];
const EDIT = [...READ, 'data.edit', 'admission.refer', 'class.create', 'member.manage', 'member.assign', 'survey.record'] as const satisfies readonly Action[];

export const ROLE_PERMISSIONS: Record<Role, readonly Action[]> = {
  viewer: READ,
  officer: EDIT,
  leader: [...EDIT, 'approval.take', 'target.set', 'admission.overrideCheck', 'founding.record'],
  admin: [
    ...EDIT,
    'unit.create',
    'unit.update',
    'unit.move',
    'unit.merge',
    'unit.dissolve',
    'user.read',
    'user.create',
    'user.update',
    'user.deactivate',
    'user.resetPassword',
    'audit.read',
    'ruleset.manage',
    'template.manage',
    'target.set',
    'jobs.run',
  ],
};

const OWN_SUBTREE: readonly Relation[] = ['same', 'below'];
const STRICTLY_BELOW: readonly Relation[] = ['below'];

/**
 * Relations each action allows. Moving, merging or dissolving one's own unit would take it out
 * of (or end) one's own scope, so those need a unit strictly below. Approval steps belong to
 * the leader's own unit only.
 */
export const ACTION_RELATIONS: Record<Action, readonly Relation[]> = {
  'unit.read': OWN_SUBTREE,
  'unit.create': OWN_SUBTREE,
  'unit.update': OWN_SUBTREE,
  'unit.move': STRICTLY_BELOW,
  'unit.merge': STRICTLY_BELOW,
  'unit.dissolve': STRICTLY_BELOW,
  'user.read': OWN_SUBTREE,
  'user.create': OWN_SUBTREE,
  'user.update': OWN_SUBTREE,
  'user.deactivate': OWN_SUBTREE,
  'user.resetPassword': OWN_SUBTREE,
  'audit.read': OWN_SUBTREE,
  'data.edit': OWN_SUBTREE,
  'approval.take': ['same'],
  // Only the administrator of the root unit (the national level) manages the national rule set.
  'ruleset.manage': ['same'],
  // A committee sets targets as itself (for itself and its direct children; the data layer checks which).
  'target.set': ['same'],
  // Only the administrator of the root unit runs the country's reminder job and digest by hand.
  'jobs.run': ['same'],
  // Only the administrator of the root unit replaces the country's form templates.
  'template.manage': ['same'],
  // A branch refers people as itself.
  'admission.refer': ['same'],
  // A leader overrides the checks of a step their own unit takes.
  'admission.overrideCheck': ['same'],
  'class.create': ['same'],
  'member.manage': OWN_SUBTREE,
  // The target is the cell the member is assigned to (the member's own cell is in scope too).
  'member.assign': OWN_SUBTREE,
  // Only the organising unit records a round's findings.
  'survey.record': ['same'],
  // The leader of the deciding committee itself.
  'founding.record': ['same'],
};

/** The party committees (every party unit above a cell). */
const COMMITTEES: readonly UnitKind[] = MEMBER_UNIT_KINDS.filter((k) => k !== 'cell');

/**
 * The kinds of the user's own unit that may take each action; an action not listed here is open
 * to a unit of any kind. Union and youth branches refer people and hold no party members; the
 * organising committees (MANAGING_KINDS) open classes; a committee (never a cell) assigns a member
 * to another cell; the deciding committees record past foundings.
 */
export const ACTION_UNIT_KINDS: Partial<Record<Action, readonly UnitKind[]>> = {
  'admission.refer': ['union_branch', 'youth_branch'],
  'class.create': MANAGING_KINDS,
  'member.manage': MEMBER_UNIT_KINDS,
  'member.assign': COMMITTEES,
  'founding.record': DECIDING_KINDS,
};

/**
 * Who acts: their role, their unit's path and (needed for the actions of ACTION_UNIT_KINDS) their
 * unit's kind. An actor whose unit kind is not given takes none of those actions.
 */
export type Actor = { role: Role; unitPath: string; unitKind?: UnitKind };

/** Relation of `targetPath` to `userPath`, both ltree paths of unit ids ("1.4.17"). */
export function relationOf(userPath: string, targetPath: string): Relation {
  if (userPath === targetPath) return 'same';
  if (targetPath.startsWith(userPath + '.')) return 'below';
  if (userPath.startsWith(targetPath + '.')) return 'above';
  const parent = (p: string) => p.split('.').slice(0, -1).join('.');
  if (parent(userPath) === parent(targetPath)) return 'sibling';
  return 'unrelated';
}

export function roleHas(role: Role, action: Action): boolean {
  return ROLE_PERMISSIONS[role].includes(action);
}

/** May a unit of kind `kind` (unknown: undefined) take `action` at all? */
export function kindMay(kind: UnitKind | undefined, action: Action): boolean {
  const kinds = ACTION_UNIT_KINDS[action];
  return !kinds || (kind !== undefined && kinds.includes(kind));
}

/** May `actor` take `action` on something belonging to the unit at `targetPath`? */
export function can(actor: Actor, action: Action, targetPath: string): boolean {
  return roleHas(actor.role, action) && kindMay(actor.unitKind, action) && ACTION_RELATIONS[action].includes(relationOf(actor.unitPath, targetPath));
}
