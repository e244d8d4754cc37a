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
  const periodText = period.kind === 'year' ? t('reports.period.year', { year: period.from }) : t('reports.period.term', { from: period.from, to: period.to });
  const on = today();
  const value = (v: number | null | undefined) => (v === null || v === undefined ? null : v);
  const buffer = await buildWorkbook([
    {
      sheetName: 'Tong hop',
      title: t('reports.exportTitle'),
      unitLine: `${t('export.unit')}: ${d.unit.name} · ${periodText}`,
      dateLine: t('export.date'),
      exportedOn: on,
      headers: [
        { label: t('reports.measure'), width: 46 },
        { label: t('reports.actual'), width: 12 },
        { label: t('reports.target'), width: 12 },
        { label: `${t('reports.percent')} (%)`, width: 12 },
      ],
      rows: MEASURES.map((m) => [t(MEASURE_TABLE[m].label), value(d.total.actual[m]), value(d.total.target[m]), value(d.total.percent[m])]),
    },
    {
      sheetName: 'Theo don vi',
      title: `${t('reports.exportTitle')} — ${t('reports.byChild')}`,
      unitLine: `${t('export.unit')}: ${d.unit.name} · ${periodText}`,
      dateLine: t('export.date'),
      exportedOn: on,
      headers: [
        { label: t('reports.unit'), width: 36 },
        ...MEASURES.flatMap((m) => [
          { label: t(MEASURE_TABLE[m].label), width: 14 },
          { label: `${t('reports.target')}${SHARE_MEASURES.includes(m) ? ' (%)' : ''}`, width: 10 },
        ]),
      ],
      rows: d.rows.map((r) => [r.unit ? r.unit.name : t('reports.own', { unit: d.unit.name }), ...MEASURES.flatMap((m) => [value(r.actual[m]), value(r.target[m])])]),
    },
    {
      sheetName: 'So lieu chung',
      title: `${t('reports.exportTitle')} — ${t('reports.x.headline')}`,
      unitLine: `${t('export.unit')}: ${d.unit.name} · ${periodText}`,
      dateLine: t('export.date'),
      exportedOn: on,
      headers: [
        { label: t('reports.x.item'), width: 52 },
        { label: t('reports.x.count'), width: 14 },
      ],
      rows: headlineRows(t, o.headline),
    },
  ]);
  return xlsxResponse(buffer, `bao-cao-chi-tieu-${d.unit.id}-${period.from}${period.to !== period.from ? `-${period.to}` : ''}.xlsx`);
}

/** The headline counts as label / number rows (the sub-items indented with a dash, as on the page). */
function headlineRows(t: Awaited<ReturnType<typeof getT>>, h: Awaited<ReturnType<typeof getOverview>>['headline']): (string | number)[][] {
  return [
    [t('reports.h.enterprises'), h.enterprises.operating],
    [`— ${t('reports.h.withParty')}`, h.enterprises.withParty],
    [`— ${t('reports.h.withUnion')}`, h.enterprises.withUnion],
    [`— ${t('reports.h.withYouth')}`, h.enterprises.withYouth],
    [t('reports.h.organisations'), h.organisations.total],
    [`— ${t('reports.x.cells')}`, h.organisations.cells],
    [`— ${t('reports.x.committees')}`, h.organisations.committees],
    [`— ${t('reports.h.underDistrict')}`, h.organisations.underDistrict],
    [`— ${t('reports.h.underGrassroots')}`, h.organisations.underGrassroots],
    [t('reports.h.members'), h.members.inEnterprises],
    [`— ${t('reports.h.owners')}`, h.members.owners],
    [`— ${t('reports.h.workers')}`, h.members.workers],
    [t('reports.x.membersAll'), h.members.total],
    [t('reports.h.candidates'), STATES.reduce((n, s) => n + (h.candidates[s] ?? 0), 0)],
    ...STATES.filter((s) => h.candidates[s]).map((s) => [`— ${t(`state.${s}`)}`, h.candidates[s] ?? 0]),
    [t('reports.x.awarenessClasses'), h.classes.awareness],
    [`— ${t('reports.x.attendees')}`, h.classes.awarenessAttendees],
    [t('reports.x.newMemberClasses'), h.classes.newMember],
    [`— ${t('reports.x.attendees')}`, h.classes.newMemberAttendees],
  ];
}
