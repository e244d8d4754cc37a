import { notFound } from 'next/navigation';
import { today } from '@/lib/clock';
import { DalError } from '@/lib/dal/errors';
import { getDashboard, getOverview } from '@/lib/dal/reports';
import { STATES } from '@/lib/admission/states';
import { buildWorkbook, xlsxResponse } from '@/lib/export/xlsx';
import { getT } from '@/lib/i18n/server';
import { cleanParams } from '@/lib/page';
import { MEASURES, MEASURE_TABLE, SHARE_MEASURES } from '@/lib/reports/measures';
import { reportQuery } from '@/lib/reports/query';

/** The dashboard and its per-unit table as .xlsx, for the user's scope (the data layer applies it). */
export async function GET(req: Request): Promise<Response> {
  const { unitId, period } = reportQuery(cleanParams(Object.fromEntries(new URL(req.url).searchParams)), Number(today().slice(0, 4)));
  const t = await getT();
  let d, o;
  try {
    [d, o] = await Promise.all([getDashboard({ unitId, period }), getOverview({ unitId, period })]);
  } catch (err) {
    if (err instanceof DalError && (err.code === 'not_found' || err.code === 'forbidden')) notFound();
    throw err;
  }
  const periodText = period.kind === 'year' ? t('rep.period.year', { year: period.from }) : t('rep.period.term', { from: period.from, to: period.to });
  const on = today();
  const value = (v: number | null | undefined) => (v === null || v === undefined ? null : v);
  const buffer = await buildWorkbook([
    {
      sheetName: 'Tong hop',
      title: t('rep.exportTitle'),
      unitLine: `${t('export.unit')}: ${d.unit.name} · ${periodText}`,
      dateLine: t('export.date'),
      exportedOn: on,
      headers: [
        { label: t('rep.measure'), width: 46 },
        { label: t('rep.actual'), width: 12 },
        { label: t('rep.target'), width: 12 },
        { label: `${t('rep.percent')} (%)`, width: 12 },
      ],
      rows: MEASURES.map((m) => [t(MEASURE_TABLE[m].label), value(d.total.actual[m]), value(d.total.target[m]), value(d.total.percent[m])]),
    },
    {
      sheetName: 'Theo don vi',
      title: `${t('rep.exportTitle')} — ${t('rep.byChild')}`,
      unitLine: `${t('export.unit')}: ${d.unit.name} · ${periodText}`,
      dateLine: t('export.date'),
      exportedOn: on,
      headers: [
        { label: t('rep.unit'), width: 36 },
        ...MEASURES.flatMap((m) => [
          { label: t(MEASURE_TABLE[m].label), width: 14 },
          { label: `${t('rep.target')}${SHARE_MEASURES.includes(m) ? ' (%)' : ''}`, width: 10 },
        ]),
      ],
      rows: d.rows.map((r) => [r.unit ? r.unit.name : t('rep.own', { unit: d.unit.name }), ...MEASURES.flatMap((m) => [value(r.actual[m]), value(r.target[m])])]),
    },
    {
      sheetName: 'So lieu chung',
      title: `${t('rep.exportTitle')} — ${t('rep.x.headline')}`,
      unitLine: `${t('export.unit')}: ${d.unit.name} · ${periodText}`,
      dateLine: t('export.date'),
      exportedOn: on,
      headers: [
        { label: t('rep.x.item'), width: 52 },
        { label: t('rep.x.count'), width: 14 },
      ],
      rows: headlineRows(t, o.headline),
    },
  ]);
  return xlsxResponse(buffer, `bao-cao-chi-tieu-${d.unit.id}-${period.from}${period.to !== period.from ? `-${period.to}` : ''}.xlsx`);
}

/** The headline counts as label / number rows (the sub-items indented with a dash, as on the page). */
function headlineRows(t: Awaited<ReturnType<typeof getT>>, h: Awaited<ReturnType<typeof getOverview>>['headline']): (string | number)[][] {
  return [
    [t('rep.h.enterprises'), h.enterprises.operating],
    [`— ${t('rep.h.withParty')}`, h.enterprises.withParty],
    [`— ${t('rep.h.withUnion')}`, h.enterprises.withUnion],
    [`— ${t('rep.h.withYouth')}`, h.enterprises.withYouth],
    [t('rep.h.organisations'), h.organisations.total],
    [`— ${t('rep.x.cells')}`, h.organisations.cells],
    [`— ${t('rep.x.committees')}`, h.organisations.committees],
    [`— ${t('rep.h.underDistrict')}`, h.organisations.underDistrict],
    [`— ${t('rep.h.underGrassroots')}`, h.organisations.underGrassroots],
    [t('rep.h.members'), h.members.inEnterprises],
    [`— ${t('rep.h.owners')}`, h.members.owners],
    [`— ${t('rep.h.workers')}`, h.members.workers],
    [t('rep.x.membersAll'), h.members.total],
    [t('rep.h.candidates'), STATES.reduce((n, s) => n + (h.candidates[s] ?? 0), 0)],
    ...STATES.filter((s) => h.candidates[s]).map((s) => [`— ${t(`state.${s}`)}`, h.candidates[s] ?? 0]),
    [t('rep.x.awarenessClasses'), h.classes.awareness],
    [`— ${t('rep.x.attendees')}`, h.classes.awarenessAttendees],
    [t('rep.x.newMemberClasses'), h.classes.newMember],
    [`— ${t('rep.x.attendees')}`, h.classes.newMemberAttendees],
  ];
}
