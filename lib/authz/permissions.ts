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
] as const;
export type Action = (typeof ACTIONS)[number];

/** How the target's unit stands to the user's unit in the tree. */
export const RELATIONS = ['same', 'below', 'above', 'sibling', 'unrelated'] as const;
export type Relation = (typeof RELATIONS)[number];

const READ = ['unit.read'] as const satisfies readonly Action[];
const EDIT = [...READ, 'data.edit'] as const satisfies readonly Action[];

export const ROLE_PERMISSIONS: Record<Role, readonly Action[]> = {
  viewer: READ,
  officer: EDIT,
  leader: [...EDIT, 'approval.take', 'target.set'],
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
};

export type Actor = { role: Role; unitPath: string };

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

/** May `actor` take `action` on something belonging to the unit at `targetPath`? */
export function can(actor: Actor, action: Action, targetPath: string): boolean {
  return roleHas(actor.role, action) && ACTION_RELATIONS[action].includes(relationOf(actor.unitPath, targetPath));
}
