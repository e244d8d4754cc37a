/**
 * Vietnam's public holidays on working days (weekends need no entry), 2024–2027, from the
 * government's annual announcements: New Year, Tết Nguyên đán, Hùng Kings' day, 30/4–1/5,
 * National Day, with compensating days off. 2027's Tết dates are the expected ones until the
 * government announces them; administrators can correct any entry (it is data).
 */
export const VN_HOLIDAYS: { date: string; name: string }[] = [
  { date: '2024-01-01', name: 'Tết Dương lịch' },
  ...['2024-02-08', '2024-02-09', '2024-02-12', '2024-02-13', '2024-02-14'].map((date) => ({ date, name: 'Tết Nguyên đán Giáp Thìn' })),
  { date: '2024-04-18', name: 'Giỗ Tổ Hùng Vương' },
  { date: '2024-04-29', name: 'Nghỉ hoán đổi dịp 30/4–1/5' },
  { date: '2024-04-30', name: 'Ngày Giải phóng miền Nam' },
  { date: '2024-05-01', name: 'Quốc tế Lao động' },
  { date: '2024-09-02', name: 'Quốc khánh' },
  { date: '2024-09-03', name: 'Quốc khánh' },

  { date: '2025-01-01', name: 'Tết Dương lịch' },
  ...['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31'].map((date) => ({ date, name: 'Tết Nguyên đán Ất Tỵ' })),
  { date: '2025-04-07', name: 'Giỗ Tổ Hùng Vương' },
  { date: '2025-04-30', name: 'Ngày Giải phóng miền Nam' },
  { date: '2025-05-01', name: 'Quốc tế Lao động' },
  { date: '2025-05-02', name: 'Nghỉ hoán đổi dịp 30/4–1/5' },
  { date: '2025-09-01', name: 'Quốc khánh' },
  { date: '2025-09-02', name: 'Quốc khánh' },

  { date: '2026-01-01', name: 'Tết Dương lịch' },
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
