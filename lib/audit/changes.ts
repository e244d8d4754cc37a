import { TRANSITIONS } from '@/lib/admission/workflow';
import { formatDate, formatDateTime, formatNumber } from '@/lib/format';
import { vi, type MessageKey } from '@/lib/i18n/messages';
import type { T } from '@/lib/i18n/server';

/**
 * How an audit entry reads to people: its action's name, and its change as a table of fields
 * (in the user's language) with their old and new values, dates as dd/mm/yyyy, units by name,
 * enumerations by their labels. Pure: the page hands in the translator and the unit names.
 */

/** One changed field: its label, and its value before and after ('—' for none). */
export type ChangeLine = { key: string; field: string; before: string; after: string };

const isKey = (key: string): key is MessageKey => Object.hasOwn(vi, key);

/** Every action the log records, for the "what" filter: those with a label, and the admission steps. */
export const AUDIT_ACTIONS: readonly string[] = [
  ...Object.keys(vi)
    .filter((k) => k.startsWith('audit.action.'))
    .map((k) => k.slice('audit.action.'.length)),
  ...TRANSITIONS.map((t) => `admission.${t}`),
];

export function isAuditAction(action: string): boolean {
  return AUDIT_ACTIONS.includes(action);
}

/** The action's name as people say it ("Thêm đơn vị", "Tiếp nhận"); the code itself for one without a label. */
export function actionLabel(t: T, action: string): string {
  const own = `audit.action.${action}`;
  if (isKey(own)) return t(own);
  const step = `transition.${action.slice('admission.'.length)}`;
  if (action.startsWith('admission.') && isKey(step)) return t(step);
  return action;
}

/** Fields kept for the machine, never shown (derived search keys, row versions, tree paths, who-created, an import's row). */
const HIDDEN = new Set(['searchName', 'version', 'createdBy', 'path', 'row', 'values', 'unconfirmed']);

/** Fields that hold a unit's id (shown by the unit's name). */
export const UNIT_FIELDS = new Set([
  'unitId',
  'parentId',
  'fromId',
  'toId',
  'intoId',
  'managingUnitId',
  'tradeUnionUnitId',
  'youthUnionUnitId',
  'partyUnitId',
  'cellUnitId',
  'transferToUnitId',
  'hostUnitId',
  'proposedByUnitId',
  'deciderUnitId',
  'organiserUnitId',
  'setByUnitId',
]);

/** Fields whose values are an enumeration with labels: the label key's prefix, by the action's area where the same name means two things. */
function enumPrefix(action: string, key: string): string | undefined {
  const area = action.split('.')[0];
  switch (key) {
    case 'state':
      return area === 'founding' ? 'founding.state.' : 'state.';
    case 'role':
      return 'role.';
    case 'kind':
      return area === 'class' ? 'classes.kind.' : 'kind.';
    case 'type':
      return 'enterprises.type.';
    case 'status':
      return area === 'member' ? 'members.status.' : area === 'enterprise' ? 'enterprises.status.' : undefined;
    case 'occupation':
      return 'members.occ.';
    case 'outcome':
      return 'meeting.outcome.';
    case 'grade':
      return 'ratings.grade.';
    case 'measure':
      return 'reports.m.';
    default:
      return undefined;
  }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const NONE = '—';
const LONGEST = 200;

type Context = { t: T; unitName: (id: number) => string | undefined };

/** One value as people read it. */
export function formatValue(action: string, key: string, value: unknown, ctx: Context): string {
  if (value === null || value === undefined || value === '') return NONE;
  if (Array.isArray(value)) return value.length ? value.map((v) => formatValue(action, key, v, ctx)).join(', ') : NONE;
  if (typeof value === 'boolean') return ctx.t(value ? 'audit.value.yes' : 'audit.value.no');
  if (UNIT_FIELDS.has(key) && (typeof value === 'number' || (typeof value === 'string' && /^\d+$/.test(value)))) {
    return ctx.unitName(Number(value)) ?? `#${value}`;
  }
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'string') {
    const prefix = enumPrefix(action, key);
    const label = prefix && `${prefix}${value}`;
    if (label && isKey(label)) return ctx.t(label);
    if (ISO_DATE.test(value)) return formatDate(value);
    if (ISO_TIME.test(value) && !Number.isNaN(Date.parse(value))) return formatDateTime(value);
    return value.length > LONGEST ? `${value.slice(0, LONGEST - 1)}…` : value;
  }
  // An object (the overrides of a step, a rule): its parts, each by its own label.
  const parts = Object.entries(value as Record<string, unknown>)
    .filter(([k]) => !HIDDEN.has(k))
    .map(([k, v]) => `${fieldLabel(ctx.t, k)}: ${formatValue(action, k, v, ctx)}`)
    .join('; ');
  return parts.length > LONGEST ? `${parts.slice(0, LONGEST - 1)}…` : parts || NONE;
}

/** A field's name in the user's language; the code name for a field without a label yet. */
export function fieldLabel(t: T, key: string): string {
  const own = `audit.field.${key}`;
  return isKey(own) ? t(own) : key;
}

const asRecord = (v: unknown): Record<string, unknown> | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null);
/** Equal values, with none, null and an empty text all "nothing" (a field recorded empty did not change from absent). */
const same = (a: unknown, b: unknown) => JSON.stringify(a === '' ? null : (a ?? null)) === JSON.stringify(b === '' ? null : (b ?? null));

/**
 * The fields an entry changed: every field of `before` and `after` (in that order) whose value
 * differs, each with its old and new value. A creation (no `before`) lists what was recorded.
 */
export function changeLines(action: string, before: unknown, after: unknown, ctx: Context): ChangeLine[] {
  const b = asRecord(before) ?? {};
  const a = asRecord(after) ?? {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => !HIDDEN.has(k));
  return (
    keys
      .filter((k) => !same(b[k], a[k]))
      .map((k) => ({ key: k, field: fieldLabel(ctx.t, k), before: formatValue(action, k, b[k], ctx), after: formatValue(action, k, a[k], ctx) }))
      // An empty list or object where there was none reads "— → —": not a change anyone made.
      .filter((l) => l.before !== l.after)
  );
}

/** The unit ids an entry's change names, to read their names in one query. */
export function unitIdsOf(entries: { before: unknown; after: unknown }[]): number[] {
  const ids = new Set<number>();
  const take = (v: unknown) => {
    const r = asRecord(v);
    if (!r) return;
    for (const [k, x] of Object.entries(r)) if (UNIT_FIELDS.has(k) && x !== null && Number.isSafeInteger(Number(x)) && Number(x) > 0) ids.add(Number(x));
  };
  for (const e of entries) {
    take(e.before);
    take(e.after);
  }
  return [...ids];
}
