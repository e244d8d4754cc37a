/**
 * Vietnam's official calendar, 2024–2027: the weekdays off (New Year, Tết Nguyên đán, Hùng Kings'
 * day, 30/4–1/5, National Day, days off in lieu, swapped days) and the weekend days made working
 * days by a swap, as the government announced them for civil servants (Bộ Luật Lao động 2019
 * art. 112; the Prime Minister's annual decisions, published by the Ministry of Labour and, from
 * 2025, the Ministry of Home Affairs). A year not yet announced is `provisional`; a province's
 * administrator corrects the days and marks the year announced on the calendar page.
 */
export type CalendarDay = { date: string; name: string; kind?: 'day_off' | 'working_day' };

export const VN_CALENDAR_YEARS: { year: number; status: 'announced' | 'provisional'; source: string }[] = [
  { year: 2024, status: 'announced', source: 'Thông báo 5326/TB-LĐTBXH (Tết Giáp Thìn); công văn 2244/VPCP-KGVX: hoán đổi 29/4 sang thứ Bảy 04/5/2024' },
  { year: 2025, status: 'announced', source: 'Thông báo 6150/TB-LĐTBXH: Tết Ất Tỵ 25/01–02/02; hoán đổi 02/5 sang thứ Bảy 26/4/2025; Quốc khánh 01–02/9' },
  { year: 2026, status: 'announced', source: 'Công văn 12729/VPCP-KGVX ngày 25/12/2025: hoán đổi 02/01 sang thứ Bảy 10/01/2026; Tết Bính Ngọ 14/02–22/02; Giỗ Tổ nghỉ bù 27/4' },
  { year: 2027, status: 'provisional', source: 'Dự kiến theo Bộ luật Lao động 2019 điều 112, chờ thông báo của Chính phủ' },
];

export const VN_HOLIDAYS: CalendarDay[] = [
  { date: '2024-01-01', name: 'Tết Dương lịch' },
  ...['2024-02-08', '2024-02-09', '2024-02-12', '2024-02-13', '2024-02-14'].map((date) => ({ date, name: 'Tết Nguyên đán Giáp Thìn' })),
  { date: '2024-04-18', name: 'Giỗ Tổ Hùng Vương' },
  { date: '2024-04-29', name: 'Nghỉ hoán đổi dịp 30/4–1/5' },
  { date: '2024-04-30', name: 'Ngày Giải phóng miền Nam' },
  { date: '2024-05-01', name: 'Quốc tế Lao động' },
  { date: '2024-05-04', name: 'Làm bù cho ngày 29/4', kind: 'working_day' },
  { date: '2024-09-02', name: 'Quốc khánh' },
  { date: '2024-09-03', name: 'Quốc khánh' },

  { date: '2025-01-01', name: 'Tết Dương lịch' },
  ...['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31'].map((date) => ({ date, name: 'Tết Nguyên đán Ất Tỵ' })),
  { date: '2025-04-07', name: 'Giỗ Tổ Hùng Vương' },
  { date: '2025-04-26', name: 'Làm bù cho ngày 02/5', kind: 'working_day' },
  { date: '2025-04-30', name: 'Ngày Giải phóng miền Nam' },
  { date: '2025-05-01', name: 'Quốc tế Lao động' },
  { date: '2025-05-02', name: 'Nghỉ hoán đổi dịp 30/4–1/5' },
  { date: '2025-09-01', name: 'Quốc khánh' },
  { date: '2025-09-02', name: 'Quốc khánh' },

  { date: '2026-01-01', name: 'Tết Dương lịch' },
  { date: '2026-01-02', name: 'Nghỉ hoán đổi dịp Tết Dương lịch' },
  { date: '2026-01-10', name: 'Làm bù cho ngày 02/01', kind: 'working_day' },
  ...['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'].map((date) => ({ date, name: 'Tết Nguyên đán Bính Ngọ' })),
  { date: '2026-04-27', name: 'Giỗ Tổ Hùng Vương (nghỉ bù)' },
  { date: '2026-04-30', name: 'Ngày Giải phóng miền Nam' },
  { date: '2026-05-01', name: 'Quốc tế Lao động' },
  { date: '2026-09-01', name: 'Quốc khánh' },
  { date: '2026-09-02', name: 'Quốc khánh' },

  { date: '2027-01-01', name: 'Tết Dương lịch' },
  ...['2027-02-04', '2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10'].map((date) => ({ date, name: 'Tết Nguyên đán Đinh Mùi (dự kiến)' })),
  { date: '2027-04-16', name: 'Giỗ Tổ Hùng Vương' },
  { date: '2027-04-30', name: 'Ngày Giải phóng miền Nam' },
  { date: '2027-05-03', name: 'Quốc tế Lao động (nghỉ bù)' },
  { date: '2027-09-02', name: 'Quốc khánh' },
  { date: '2027-09-03', name: 'Quốc khánh' },
];
