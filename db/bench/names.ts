/**
 * Name pools for the national bench data, with the shares a real register shows: about 38% of
 * Vietnamese carry the surname Nguyễn, then Trần, Lê, Phạm, Hoàng/Huỳnh, Phan, Vũ/Võ, Đặng, Bùi,
 * Đỗ, Hồ, Ngô, Dương, Lý (figures widely quoted from the 2000s surname surveys). Middle names
 * follow the usual pattern: most men "Văn", most women "Thị", the rest a handful of common ones.
 * With the male share of the bench's members (62%), "nguyen van" matches about a fifth of them.
 *
 * Each pool is expanded to a list of `size` entries in proportion to the weights, so SQL can pick
 * an entry with one index; the search keys come from the portal's own searchKey().
 */
import { searchKey } from '../../lib/people/identity';

type Weighted = readonly (readonly [string, number])[];

export const SURNAMES: Weighted = [
  ['Nguyễn', 38],
  ['Trần', 11],
  ['Lê', 9.5],
  ['Phạm', 7.1],
  ['Hoàng', 3],
  ['Huỳnh', 2.1],
  ['Phan', 4.5],
  ['Vũ', 2],
  ['Võ', 1.9],
  ['Đặng', 2.1],
  ['Bùi', 2],
  ['Đỗ', 1.4],
  ['Hồ', 1.3],
  ['Ngô', 1.3],
  ['Dương', 1],
  ['Lý', 0.5],
  ['Đinh', 1],
  ['Đào', 0.9],
  ['Lâm', 0.8],
  ['Mai', 0.8],
  ['Trịnh', 0.8],
  ['Cao', 0.7],
  ['Lương', 0.6],
  ['Tạ', 0.5],
  ['Hà', 0.6],
  ['Châu', 0.4],
  ['Tô', 0.4],
  ['Thái', 0.3],
  ['Kiều', 0.3],
  ['Triệu', 0.3],
  ['Phùng', 0.3],
  ['Lưu', 0.4],
  ['Quách', 0.2],
  ['La', 0.2],
  ['Ma', 0.2],
];

export const MALE_MIDDLE: Weighted = [
  ['Văn', 85],
  ['Hữu', 3],
  ['Đức', 3],
  ['Minh', 3],
  ['Quốc', 2],
  ['Thanh', 1.5],
  ['Công', 1],
  ['Xuân', 0.5],
  ['Ngọc', 0.5],
  ['Tuấn', 0.5],
];

export const FEMALE_MIDDLE: Weighted = [
  ['Thị', 70],
  ['Ngọc', 6],
  ['Thanh', 5],
  ['Thu', 5],
  ['Kim', 4],
  ['Minh', 3],
  ['Mỹ', 3],
  ['Hồng', 2],
  ['Bích', 2],
];

export const MALE_GIVEN = [
  'Anh',
  'Bảo',
  'Bình',
  'Cường',
  'Dũng',
  'Đạt',
  'Đức',
  'Hải',
  'Hiếu',
  'Hùng',
  'Huy',
  'Khang',
  'Khoa',
  'Kiên',
  'Lâm',
  'Long',
  'Lực',
  'Minh',
  'Nam',
  'Nghĩa',
  'Phong',
  'Phúc',
  'Phước',
  'Quang',
  'Quân',
  'Sơn',
  'Tài',
  'Tâm',
  'Thắng',
  'Thành',
  'Thịnh',
  'Toàn',
  'Trí',
  'Trung',
  'Tuấn',
  'Tùng',
  'Việt',
  'Vinh',
  'Vương',
  'Hưng',
  'Hòa',
  'Hậu',
  'Tín',
  'Lộc',
  'Tú',
  'Tiến',
  'Thông',
  'Thuận',
  'Khánh',
  'Quý',
] as const;

export const FEMALE_GIVEN = [
  'Anh',
  'Chi',
  'Diễm',
  'Dung',
  'Giang',
  'Hà',
  'Hạnh',
  'Hằng',
  'Hân',
  'Hiền',
  'Hoa',
  'Hồng',
  'Huệ',
  'Hương',
  'Lan',
  'Liên',
  'Linh',
  'Loan',
  'Mai',
  'My',
  'Nga',
  'Ngân',
  'Ngọc',
  'Nhung',
  'Oanh',
  'Phương',
  'Quyên',
  'Quỳnh',
  'Tâm',
  'Thảo',
  'Thắm',
  'Thu',
  'Thúy',
  'Trang',
  'Trâm',
  'Trinh',
  'Tuyết',
  'Uyên',
  'Vân',
  'Vy',
  'Xuân',
  'Yến',
  'Nhàn',
  'Duyên',
  'Lệ',
  'Nhi',
  'Thư',
  'Trúc',
  'Kiều',
  'Diệp',
] as const;

/** A second given element some people carry ("Nguyễn Thị Hồng Nhung"). */
export const SECOND_ELEMENT = ['Hồng', 'Minh', 'Thanh', 'Ngọc', 'Hoài', 'Bảo', 'Gia', 'Quốc', 'Thu', 'Kim', 'Anh', 'Phương'] as const;

export const ENTERPRISE_PREFIXES = ['Công ty TNHH', 'Công ty Cổ phần', 'Công ty TNHH MTV', 'Doanh nghiệp tư nhân', 'Hợp tác xã', 'Công ty TNHH Thương mại Dịch vụ'] as const;
export const ENTERPRISE_SECTORS = [
  'May mặc',
  'Thực phẩm',
  'Cơ khí',
  'Xây dựng',
  'Thương mại',
  'Điện tử',
  'Giày da',
  'Thủy sản',
  'Vận tải',
  'Dược phẩm',
  'Nhựa',
  'Chế biến gỗ',
  'Bao bì',
  'Nông sản',
  'Dệt may',
  'Vật liệu xây dựng',
  'Du lịch',
  'Phần mềm',
  'Cao su',
  'Đồ gỗ nội thất',
] as const;
export const ENTERPRISE_BRANDS = [
  'Phương Nam',
  'Mekong',
  'Việt Hàn',
  'Hòa Bình',
  'Thành Công',
  'An Phát',
  'Minh Long',
  'Tân Phú',
  'Sông Hồng',
  'Trường Sơn',
  'Đông Á',
  'Sài Gòn',
  'Hà Thành',
  'Cửu Long',
  'Bình Minh',
  'Hưng Thịnh',
  'Phú Gia',
  'Thiên Long',
  'Việt Tiến',
  'Hoàng Gia',
  'Đại Dương',
  'Kim Ngân',
  'Tây Nguyên',
  'Duyên Hải',
  'Nam Việt',
  'Quang Trung',
  'Hải Âu',
  'Sao Mai',
  'Tràng An',
  'Lạc Hồng',
] as const;

/** Expand weights into `size` entries (largest remainders), so one random index picks in proportion. */
export function expand(pool: Weighted, size: number): string[] {
  const total = pool.reduce((s, [, w]) => s + w, 0);
  const exact = pool.map(([name, w]) => ({ name, n: (w / total) * size }));
  const out = exact.map((e) => ({ name: e.name, n: Math.floor(e.n), rest: e.n - Math.floor(e.n) }));
  let missing = size - out.reduce((s, e) => s + e.n, 0);
  for (const e of [...out].sort((a, b) => b.rest - a.rest)) {
    if (missing-- <= 0) break;
    e.n++;
  }
  return out.flatMap((e) => Array.from({ length: e.n }, () => e.name));
}

/** A pool as the two parallel lists SQL picks from: names and their search keys. */
export function withKeys(list: readonly string[]): { names: string[]; keys: string[] } {
  return { names: [...list], keys: list.map(searchKey) };
}
