import 'server-only';
import type { MessageKey } from '@/lib/i18n/messages';
import type { T } from '@/lib/i18n/server';
import { ENTERPRISE_STATUSES, ENTERPRISE_TYPES } from './kinds';

/** Labels and options for the enterprise form (a client component gets plain strings). */
export function enterpriseFormText(t: T): Record<string, string> {
  const keys = [
    'name',
    'taxCode',
    'type',
    'status',
    'address',
    'managingUnit',
    'zone',
    'workforce',
    'ownerName',
    'partyUnit',
    'tradeUnionUnit',
    'youthUnionUnit',
    'foreignInvested',
    'ownerIsMember',
    'hasTradeUnion',
    'hasYouthUnion',
    'submitCreate',
    'submitSave',
  ] as const;
  return { pending: t('form.pending'), ...Object.fromEntries(keys.map((k) => [k, t(`enterprises.${k}` as MessageKey)])) };
}

type Ref = { id: number; name: string } | null;

/** Choices of the enterprise form's lists (its units are searchable pickers). */
export function enterpriseFormOptions(t: T) {
  return {
    types: [{ value: '', label: '—' }, ...ENTERPRISE_TYPES.map((x) => ({ value: x, label: t(`enterprises.type.${x}`) }))],
    statuses: ENTERPRISE_STATUSES.map((x) => ({ value: x, label: t(`enterprises.status.${x}`) })),
  };
}

/**
 * An enterprise's current links as the form's pickers show them. They stay as they are even
 * when they lie outside the user's scope (the data layer refuses changing such a link).
 */
export function enterpriseFormLinks(e: { managingUnit: Ref; partyUnit: Ref; tradeUnionUnit: Ref; youthUnionUnit: Ref }) {
  const opt = (r: Ref) => (r ? { value: String(r.id), label: r.name } : null);
  return { managing: opt(e.managingUnit), party: opt(e.partyUnit), tradeUnion: opt(e.tradeUnionUnit), youthUnion: opt(e.youthUnionUnit) };
}
