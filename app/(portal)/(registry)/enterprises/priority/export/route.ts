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
      title: t('priority.title'),
      unitLine: `${t('export.unit')}: ${user.unitName}`,
      dateLine: t('export.date'),
      exportedOn: on,
      headers: [
        { label: t('priority.rank'), width: 6 },
        { label: t('enterprises.name'), width: 40 },
        { label: t('enterprises.taxCode'), width: 16 },
        { label: t('enterprises.filter.managing'), width: 24 },
        { label: t('priority.officialMembers'), width: 14 },
        { label: t('priority.ready', { min: minMembers }), width: 14 },
        { label: t('enterprises.workforce'), width: 12 },
        { label: t('enterprises.zone'), width: 26 },
        { label: t('enterprises.foreignInvested'), width: 12 },
        { label: t('enterprises.hasTradeUnion'), width: 12 },
        { label: t('priority.score'), width: 10 },
        { label: t('priority.lastMeeting'), width: 36 },
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
