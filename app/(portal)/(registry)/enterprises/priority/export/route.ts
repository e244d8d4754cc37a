import { today } from '@/lib/clock';
import { listPriorityEnterprises } from '@/lib/dal/enterprises';
import { requireUser } from '@/lib/dal/session';
import { buildWorkbook, xlsxResponse } from '@/lib/export/xlsx';
import { getT } from '@/lib/i18n/server';

/** The priority list as .xlsx, for the user's scope (the data layer applies it). */
export async function GET(): Promise<Response> {
  const [user, { items, minMembers }, t] = await Promise.all([requireUser(), listPriorityEnterprises(), getT()]);
  const on = today();
  const buffer = await buildWorkbook([
    {
      sheetName: 'Uu tien',
      title: t('prio.title'),
      unitLine: `${t('export.unit')}: ${user.unitName}`,
      dateLine: t('export.date'),
      exportedOn: on,
      headers: [
        { label: t('prio.rank'), width: 6 },
        { label: t('ent.name'), width: 40 },
        { label: t('ent.taxCode'), width: 16 },
        { label: t('ent.filter.managing'), width: 24 },
        { label: t('prio.officialMembers'), width: 14 },
        { label: t('prio.ready', { min: minMembers }), width: 14 },
        { label: t('ent.workforce'), width: 12 },
        { label: t('ent.zone'), width: 26 },
        { label: t('ent.foreignInvested'), width: 12 },
        { label: t('ent.hasTradeUnion'), width: 12 },
        { label: t('prio.score'), width: 10 },
        { label: t('prio.lastMeeting'), width: 36 },
      ],
      rows: items.map((e) => [
        e.rank,
        e.name,
        e.taxCode,
        e.managingUnitName,
        e.officialMembers,
        t(e.ready ? 'yes' : 'no'),
        e.workforce,
        e.zone,
        t(e.foreignInvested ? 'yes' : 'no'),
        t(e.hasTradeUnion ? 'yes' : 'no'),
        e.priorityScore,
        e.lastMeetingOutcome ? t(`meeting.outcome.${e.lastMeetingOutcome}`) : null,
      ]),
    },
  ]);
  return xlsxResponse(buffer, `uu-tien-thanh-lap-to-chuc-dang-${on}.xlsx`);
}
