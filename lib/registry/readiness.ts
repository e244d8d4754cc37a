/**
 * Ranking enterprises without a party organisation by how ready they are for one. In order:
 * 1. official members working there reach the rule set's minimum to found a cell (ready first);
 * 2. more official members;
 * 3. a priority score: workforce band (≥1000: 3, ≥300: 2, ≥50: 1), in an industrial zone or
 *    cluster (1), foreign-invested (1), trade union present (1);
 * 4. larger workforce; then name.
 * Pure: the rule set's minimum comes in as an argument.
 */
export type ReadinessFacts = {
  id: number;
  name: string;
  officialMembers: number;
  workforce: number;
  inZone: boolean;
  foreignInvested: boolean;
  hasTradeUnion: boolean;
};

export type Ranked<T extends ReadinessFacts> = T & { ready: boolean; priorityScore: number; rank: number };

export function workforceBand(workforce: number): number {
  return workforce >= 1000 ? 3 : workforce >= 300 ? 2 : workforce >= 50 ? 1 : 0;
}

export function priorityScore(f: ReadinessFacts): number {
  return workforceBand(f.workforce) + (f.inZone ? 1 : 0) + (f.foreignInvested ? 1 : 0) + (f.hasTradeUnion ? 1 : 0);
}

export function rankByReadiness<T extends ReadinessFacts>(list: readonly T[], minMembersToFoundCell: number): Ranked<T>[] {
  return list
    .map((f) => ({ ...f, ready: f.officialMembers >= minMembersToFoundCell, priorityScore: priorityScore(f), rank: 0 }))
    .sort((a, b) => Number(b.ready) - Number(a.ready) || b.officialMembers - a.officialMembers || b.priorityScore - a.priorityScore || b.workforce - a.workforce || a.name.localeCompare(b.name, 'vi'))
    .map((f, i) => ({ ...f, rank: i + 1 }));
}
