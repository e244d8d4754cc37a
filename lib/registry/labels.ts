import 'server-only';
import type { EnterpriseUnitOptions } from '@/lib/dal/enterprises';
import type { MessageKey } from '@/lib/i18n/messages';
import type { T } from '@/lib/i18n/server';
import { ENTERPRISE_STATUSES, ENTERPRISE_TYPES } from './kinds';

/** Labels and options for the enterprise form (a client component gets plain strings). */
export function enterpriseFormText(t: T): Record<string, string> {
  const keys = [
    'name', 'taxCode', 'type', 'status', 'address', 'managingUnit', 'zone', 'workforce', 'ownerName', 'partyUnit', 'tradeUnionUnit', 'youthUnionUnit',
    'foreignInvested', 'ownerIsMember', 'hasTradeUnion', 'hasYouthUnion', 'submitCreate', 'submitSave',
  ] as const;
  return { pending: t('form.pending'), ...Object.fromEntries(keys.map((k) => [k, t(`ent.${k}` as MessageKey)])) };
}

type Ref = { id: number; name: string } | null;

/**
 * Options for the enterprise form. On an edit, the current links are offered even when they lie
 * outside the user's scope, so a save leaves them as they are (the data layer refuses changing them).
 */
export function enterpriseFormOptions(t: T, units: EnterpriseUnitOptions, current?: { partyUnit: Ref; tradeUnionUnit: Ref; youthUnionUnit: Ref }) {
  const none = { value: '', label: t('ent.none') };
  const opts = (list: { id: number; name: string }[], keep?: Ref) =>
    [...(keep && !list.some((u) => u.id === keep.id) ? [keep] : []), ...list].map((u) => ({ value: String(u.id), label: u.name }));
  return {
    types: [{ value: '', label: '—' }, ...ENTERPRISE_TYPES.map((x) => ({ value: x, label: t(`ent.type.${x}`) }))],
    statuses: ENTERPRISE_STATUSES.map((x) => ({ value: x, label: t(`ent.status.${x}`) })),
    managing: [{ value: '', label: '—' }, ...opts(units.managing)],
    party: [none, ...opts(units.party, current?.partyUnit)],
    tradeUnion: [none, ...opts(units.tradeUnion, current?.tradeUnionUnit)],
    youthUnion: [none, ...opts(units.youthUnion, current?.youthUnionUnit)],
  };
}
