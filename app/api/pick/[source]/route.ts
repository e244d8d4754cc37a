import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';
import { searchReferralCells } from '@/lib/dal/referrals';
import { searchClassCandidates } from '@/lib/dal/classes';
import { searchEnterprises } from '@/lib/dal/enterprises';
import { DalError } from '@/lib/dal/errors';
import type { PickOption } from '@/lib/dal/pick';
import { searchUnits } from '@/lib/dal/units';
import { searchUsers } from '@/lib/dal/users';
import { UNIT_KINDS } from '@/lib/units/kinds';
import { oneLine } from '@/lib/validation';

/**
 * The searchable pickers' matches: GET /api/pick/<source>?q=… answers { items: [{ value, label,
 * detail }] }, the first matches within the signed-in user's scope (the data layer applies it;
 * this route only reads the parameters). Sources:
 * - units: ?kinds=cell,ward&scope=mine|tree&notUnder=<unit id>
 * - referral-cells: the cells a union or youth branch may refer people to
 * - enterprises: operating enterprises of the scope (name or tax code)
 * - class-people: ?classId=<id>, the people its organiser may enrol
 * - users: the accounts of an administrator's subtree (name or username)
 */
const id = z.coerce.number().int().positive().max(2_147_483_647);
/** The typed text: control characters (NUL, which PostgreSQL refuses) read as spaces. */
const q = z.string().max(100).default('').transform(oneLine);
const kinds = z
  .string()
  .max(200)
  .transform((s) => s.split(',').filter(Boolean))
  .pipe(z.array(z.enum(UNIT_KINDS)).max(UNIT_KINDS.length));

const SOURCES: Record<string, (p: URLSearchParams) => Promise<PickOption[]>> = {
  units: (p) =>
    searchUnits(
      z
        .object({ q, kinds: kinds.optional(), scope: z.enum(['mine', 'tree']).default('mine'), notUnder: id.optional() })
        .parse({ q: p.get('q') ?? undefined, kinds: p.get('kinds') ?? undefined, scope: p.get('scope') ?? undefined, notUnder: p.get('notUnder') ?? undefined }),
    ),
  'referral-cells': (p) => searchReferralCells(q.parse(p.get('q') ?? undefined)),
  enterprises: (p) => searchEnterprises(q.parse(p.get('q') ?? undefined)),
  users: (p) => searchUsers(q.parse(p.get('q') ?? undefined)),
  'class-people': (p) => searchClassCandidates(id.parse(p.get('classId')), q.parse(p.get('q') ?? undefined)),
};

export async function GET(request: NextRequest, { params }: { params: Promise<{ source: string }> }): Promise<Response> {
  const { source } = await params;
  const run = Object.hasOwn(SOURCES, source) ? SOURCES[source] : undefined;
  if (!run) return NextResponse.json({ error: 'not_found' }, { status: 404 });
  try {
    const items = await run(request.nextUrl.searchParams);
    return NextResponse.json({ items }, { headers: { 'cache-control': 'private, no-store' } });
  } catch (err) {
    if (err instanceof z.ZodError) return NextResponse.json({ error: 'invalid' }, { status: 400 });
    if (err instanceof DalError) {
      const status = err.code === 'forbidden' ? 403 : err.code === 'not_found' ? 404 : err.code === 'unauthenticated' ? 401 : 400;
      return NextResponse.json({ error: err.code }, { status });
    }
    throw err;
  }
}
