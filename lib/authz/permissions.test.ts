import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ACTIONS, RELATIONS, can, relationOf, type Action, type Relation } from './permissions';
import { ROLES, type Role } from './roles';
import { UNIT_KINDS, type UnitKind } from '@/lib/units/kinds';

/**
 * The expected policy, written out by hand (deliberately not derived from ROLE_PERMISSIONS or
 * ACTION_RELATIONS): a change to the permission table must change this table too.
 *
 * Columns: same, below, above, sibling, unrelated (the target unit's relation to the user's).
 * For the actions of EXPECTED_KINDS, a row holds for a user whose unit is of one of those kinds.
 */
type Row = readonly [same: 0 | 1, below: 0 | 1, above: 0 | 1, sibling: 0 | 1, unrelated: 0 | 1];
const NONE: Row = [0, 0, 0, 0, 0];
const SUBTREE: Row = [1, 1, 0, 0, 0];
const BELOW_ONLY: Row = [0, 1, 0, 0, 0];
const OWN_ONLY: Row = [1, 0, 0, 0, 0];

/** What every editor (officer, leader, admin) may do besides data.edit, where their unit's kind allows it (EXPECTED_KINDS). */
const EDITOR = {
  'admission.refer': OWN_ONLY,
  'class.create': OWN_ONLY,
  'member.manage': SUBTREE,
  'member.assign': SUBTREE,
  'survey.record': OWN_ONLY,
} satisfies Partial<Record<Action, Row>>;

const EXPECTED: Record<Role, Record<Action, Row>> = {
  viewer: {
    'unit.read': SUBTREE,
    'unit.create': NONE,
    'unit.update': NONE,
    'unit.move': NONE,
    'unit.merge': NONE,
    'unit.dissolve': NONE,
    'user.read': NONE,
    'user.create': NONE,
    'user.update': NONE,
    'user.deactivate': NONE,
    'user.resetPassword': NONE,
    'audit.read': NONE,
    'data.edit': NONE,
    'approval.take': NONE,
    'ruleset.manage': NONE,
    'template.manage': NONE,
    'target.set': NONE,
    'jobs.run': NONE,
    'admission.refer': NONE,
    'admission.overrideCheck': NONE,
    'class.create': NONE,
    'member.manage': NONE,
    'member.assign': NONE,
    'survey.record': NONE,
    'founding.record': NONE,
  },
  officer: {
    'unit.read': SUBTREE,
    'unit.create': NONE,
    'unit.update': NONE,
    'unit.move': NONE,
    'unit.merge': NONE,
    'unit.dissolve': NONE,
    'user.read': NONE,
    'user.create': NONE,
    'user.update': NONE,
    'user.deactivate': NONE,
    'user.resetPassword': NONE,
    'audit.read': NONE,
    'data.edit': SUBTREE,
    'approval.take': NONE,
    'ruleset.manage': NONE,
    'template.manage': NONE,
    'target.set': NONE,
    'jobs.run': NONE,
    ...EDITOR,
    'admission.overrideCheck': NONE,
    'founding.record': NONE,
  },
  leader: {
    'unit.read': SUBTREE,
    'unit.create': NONE,
    'unit.update': NONE,
    'unit.move': NONE,
    'unit.merge': NONE,
    'unit.dissolve': NONE,
    'user.read': NONE,
    'user.create': NONE,
    'user.update': NONE,
    'user.deactivate': NONE,
    'user.resetPassword': NONE,
    'audit.read': NONE,
    'data.edit': SUBTREE,
    'approval.take': OWN_ONLY,
    'ruleset.manage': NONE,
    'template.manage': NONE,
    'target.set': OWN_ONLY,
    'jobs.run': NONE,
    ...EDITOR,
    'admission.overrideCheck': OWN_ONLY,
    'founding.record': OWN_ONLY,
  },
  admin: {
    'unit.read': SUBTREE,
    'unit.create': SUBTREE,
    'unit.update': SUBTREE,
    'unit.move': BELOW_ONLY,
    'unit.merge': BELOW_ONLY,
    'unit.dissolve': BELOW_ONLY,
    'user.read': SUBTREE,
    'user.create': SUBTREE,
    'user.update': SUBTREE,
    'user.deactivate': SUBTREE,
    'user.resetPassword': SUBTREE,
    'audit.read': SUBTREE,
    'data.edit': SUBTREE,
    'approval.take': NONE,
    'ruleset.manage': OWN_ONLY,
    'template.manage': OWN_ONLY,
    'target.set': OWN_ONLY,
    'jobs.run': OWN_ONLY,
    ...EDITOR,
    'admission.overrideCheck': NONE,
    'founding.record': NONE,
  },
};

/**
 * The kinds of the user's own unit that may take the actions limited by kind (every other action:
 * any kind), written out by hand too.
 */
const COMMITTEES: readonly UnitKind[] = ['national', 'province', 'district', 'bloc', 'grassroots', 'ward'];
const EXPECTED_KINDS: Partial<Record<Action, readonly UnitKind[]>> = {
  'admission.refer': ['union_branch', 'youth_branch'],
  'class.create': ['province', 'district', 'bloc', 'grassroots', 'ward'],
  'member.manage': [...COMMITTEES, 'cell'],
  'member.assign': COMMITTEES,
  'founding.record': ['district', 'bloc', 'province'],
};

/** May a user whose unit is of `kind` (undefined: not given) take `action`, where their role and relation allow it? */
function kindAllows(action: Action, kind: UnitKind | undefined): boolean {
  const kinds = EXPECTED_KINDS[action];
  return !kinds || (kind !== undefined && kinds.includes(kind));
}

const COLUMNS: readonly Relation[] = ['same', 'below', 'above', 'sibling', 'unrelated'];

/** The user sits at 1.2.5 (a ward under a district under the province). */
const USER_PATH = '1.2.5';
/** Several targets for each relation, including look-alike prefixes and deep paths. */
const TARGETS: Record<Relation, string[]> = {
  same: ['1.2.5'],
  below: ['1.2.5.9', '1.2.5.9.17.40', '1.2.5.55'],
  above: ['1.2', '1'],
  sibling: ['1.2.6', '1.2.55', '1.2.50'],
  unrelated: ['1.3', '1.25', '1.2.55.9', '1.2.6.5', '7', '1.3.5', '12.5'],
};

describe('the permission table matches the expected policy', () => {
  test('the expected table covers exactly the declared roles, actions and relations', () => {
    assert.deepEqual(Object.keys(EXPECTED).sort(), [...ROLES].sort());
    for (const role of ROLES) assert.deepEqual(Object.keys(EXPECTED[role]).sort(), [...ACTIONS].sort(), role);
    assert.deepEqual([...RELATIONS].sort(), [...COLUMNS].sort());
  });

  for (const role of ROLES) {
    for (const action of ACTIONS) {
      for (const [i, relation] of COLUMNS.entries()) {
        const expected = EXPECTED[role][action][i] === 1;
        const kinds = EXPECTED_KINDS[action];
        test(`${role} ${expected ? 'may' : 'may not'} ${action} on a unit ${relation}${expected && kinds ? ` (as ${kinds.join(', ')})` : ''}`, () => {
          for (const target of TARGETS[relation]) {
            assert.equal(relationOf(USER_PATH, target), relation, `fixture: ${target} should be ${relation} of ${USER_PATH}`);
            assert.equal(can({ role, unitPath: USER_PATH }, action, target), expected && kindAllows(action, undefined), `${role} ${action} ${USER_PATH} -> ${target}`);
            for (const unitKind of UNIT_KINDS) {
              assert.equal(can({ role, unitPath: USER_PATH, unitKind }, action, target), expected && kindAllows(action, unitKind), `${role} of a ${unitKind} ${action} ${USER_PATH} -> ${target}`);
            }
          }
        });
      }
    }
  }

  test('an admin at the root may manage the whole tree but not move, merge or dissolve the root', () => {
    const admin = { role: 'admin' as const, unitPath: '1' };
    assert.equal(can(admin, 'unit.update', '1'), true);
    assert.equal(can(admin, 'unit.move', '1'), false);
    assert.equal(can(admin, 'unit.dissolve', '1'), false);
    assert.equal(can(admin, 'unit.merge', '1.2.5.9.17'), true);
    assert.equal(can(admin, 'user.create', '1.2.5.9.17'), true);
    assert.equal(can(admin, 'unit.read', '2'), false, 'another root is not in scope');
  });

  test('an admin of 1.2 has no power over 1.23 or 1.2x look-alikes', () => {
    const admin = { role: 'admin' as const, unitPath: '1.2' };
    for (const action of ACTIONS) {
      for (const target of ['1.23', '1.23.4', '1.20', '12', '12.3', '1.3.2']) {
        assert.equal(can(admin, action, target), false, `${action} ${target}`);
        for (const unitKind of UNIT_KINDS) assert.equal(can({ ...admin, unitKind }, action, target), false, `${unitKind} ${action} ${target}`);
      }
    }
  });

  test('the kind limits name only declared actions and kinds', () => {
    for (const [action, kinds] of Object.entries(EXPECTED_KINDS)) {
      assert.ok((ACTIONS as readonly string[]).includes(action), action);
      for (const kind of kinds) assert.ok(UNIT_KINDS.includes(kind), `${action}: ${kind}`);
    }
  });

  test('only union and youth branches refer people; only a committee assigns a member to another cell', () => {
    const at = (role: Role, unitKind: UnitKind) => ({ role, unitPath: USER_PATH, unitKind });
    assert.equal(can(at('officer', 'union_branch'), 'admission.refer', USER_PATH), true);
    assert.equal(can(at('officer', 'youth_branch'), 'admission.refer', USER_PATH), true);
    assert.equal(can(at('admin', 'cell'), 'admission.refer', USER_PATH), false);
    assert.equal(can(at('viewer', 'union_branch'), 'admission.refer', USER_PATH), false);
    assert.equal(can(at('leader', 'cell'), 'member.assign', `${USER_PATH}.9`), false);
    assert.equal(can(at('officer', 'ward'), 'member.assign', `${USER_PATH}.9`), true);
    assert.equal(can(at('leader', 'union_branch'), 'admission.overrideCheck', USER_PATH), true, 'the leader of any unit overrides the checks of its own steps');
    assert.equal(can(at('officer', 'union_branch'), 'admission.overrideCheck', USER_PATH), false);
  });
});

describe('relationOf', () => {
  const cases: [user: string, target: string, expected: Relation][] = [
    ['1', '1', 'same'],
    ['1.2.5', '1.2.5', 'same'],
    ['1.2.5.9.17.40', '1.2.5.9.17.40', 'same'],
    // below, at any depth
    ['1', '1.2', 'below'],
    ['1', '1.2.5.9.17.40', 'below'],
    ['1.2', '1.2.3', 'below'],
    ['1.2', '1.2.34.5', 'below'],
    // above, at any depth
    ['1.2', '1', 'above'],
    ['1.2.5.9.17.40', '1', 'above'],
    ['1.2.5.9.17.40', '1.2.5.9', 'above'],
    // siblings share a parent
    ['1.2', '1.3', 'sibling'],
    ['1.2', '1.23', 'sibling'], // look-alike, but a real sibling (both children of 1)
    ['1.23', '1.2', 'sibling'],
    ['1.2.5.9', '1.2.5.10', 'sibling'],
    // two roots have no parent in common but the (absent) root: they count as siblings
    ['1', '2', 'sibling'],
    ['1', '12', 'sibling'],
    // look-alike prefixes are not ancestry
    ['1.2', '1.23.4', 'unrelated'],
    ['1.23.4', '1.2', 'unrelated'],
    ['1.2', '1.22', 'sibling'],
    ['1.2', '12', 'unrelated'],
    ['12', '1.2', 'unrelated'],
    ['1', '12.3', 'unrelated'],
    ['12.3', '1', 'unrelated'],
    ['1.2.3', '1.2.34', 'sibling'],
    ['1.2.3', '1.2.34.1', 'unrelated'],
    ['1.2.34.1', '1.2.3', 'unrelated'],
    // cousins, uncles and other trees
    ['1.2.5', '1.3.5', 'unrelated'],
    ['1.2.5', '1.3', 'unrelated'],
    ['1.2.5.9', '1.2.6', 'unrelated'],
    ['1.2', '2.1', 'unrelated'],
    ['1.2.5.9.17.40', '1.2.5.9.17.41.3', 'unrelated'],
  ];
  for (const [user, target, expected] of cases) {
    test(`${target} is ${expected} of ${user}`, () => assert.equal(relationOf(user, target), expected));
  }

  test('relations are mirror images', () => {
    const mirror: Record<Relation, Relation> = { same: 'same', below: 'above', above: 'below', sibling: 'sibling', unrelated: 'unrelated' };
    for (const [user, target, expected] of cases) assert.equal(relationOf(target, user), mirror[expected], `${target} vs ${user}`);
  });
});
