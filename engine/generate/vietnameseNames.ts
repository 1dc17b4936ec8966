/**
 * Vietnamese full names (họ, tên đệm, tên) with diacritics, in NFC. Kinh surname shares follow the figures commonly
 * cited for Vietnam (Nguyễn ≈ 38%, Trần 11%, Lê 9.5%, Phạm 7.1%, Hoàng/Huỳnh 5.1%, Phan 4.5%, Vũ/Võ 3.9%, Đặng 2.1%,
 * Bùi 2%, Đỗ 1.4%, Hồ 1.3%, Ngô 1.3%, Dương 1%, Lý 0.5%; Wikipedia, "Vietnamese name"); the Hoàng/Huỳnh and
 * Vũ/Võ pairs are split by region (Huỳnh and Võ are the southern and central forms). Minority cadres draw from
 * surnames common among the larger minorities of the region (Tày, Nùng, Thái, Mông, Mường; Khmer and Hoa in the
 * south). Synthetic data: any resemblance to a real person is chance.
 */
import type { Sex } from '../documents/enums.ts';
import { weighted, type Rng, type Weighted } from './createRng.ts';

export type Region = 'north' | 'centre' | 'south';

const COMMON_SURNAMES: readonly (readonly [string, number])[] = [
  ['Nguyễn', 38.4], ['Trần', 11], ['Lê', 9.5], ['Phạm', 7.1], ['Phan', 4.5], ['Đặng', 2.1], ['Bùi', 2], ['Đỗ', 1.4],
  ['Hồ', 1.3], ['Ngô', 1.3], ['Dương', 1], ['Lý', 0.5], ['Đào', 0.8], ['Đoàn', 0.7], ['Đinh', 0.7], ['Trịnh', 0.6],
  ['Lương', 0.5], ['Mai', 0.5], ['Hà', 0.5], ['Cao', 0.4], ['Lâm', 0.4], ['Tạ', 0.3], ['Chu', 0.3], ['Tô', 0.3],
  ['Trương', 0.5], ['Nghiêm', 0.15], ['Kiều', 0.15], ['Quách', 0.15], ['Thái', 0.15], ['Khúc', 0.05], ['Lại', 0.2],
  ['Văn', 0.1], ['Vương', 0.2], ['La', 0.1], ['Từ', 0.1], ['Châu', 0.2], ['Tăng', 0.1], ['Lưu', 0.3], ['Giang', 0.1],
];

const REGIONAL_PAIRS: Record<Region, readonly (readonly [string, number])[]> = {
  north: [['Hoàng', 4.8], ['Huỳnh', 0.3], ['Vũ', 3.5], ['Võ', 0.4]],
  centre: [['Hoàng', 2.5], ['Huỳnh', 2.6], ['Vũ', 0.9], ['Võ', 3.0]],
  south: [['Hoàng', 1.0], ['Huỳnh', 4.1], ['Vũ', 0.7], ['Võ', 3.2]],
};

const MINORITY_SURNAMES: Record<Region, readonly (readonly [string, number])[]> = {
  north: [
    ['Hoàng', 6], ['Nông', 5], ['Lò', 4], ['Lường', 2], ['Cầm', 2], ['Quàng', 1], ['Hà', 4], ['Triệu', 3], ['Lục', 2],
    ['Ma', 1.5], ['Bế', 1], ['Lộc', 1], ['Giàng', 2], ['Sùng', 1.5], ['Vàng', 1.5], ['Thào', 1.5], ['Hầu', 1],
    ['Mùa', 0.8], ['Lý', 1.5], ['Đinh', 2], ['Bùi', 3], ['Quách', 1], ['Lương', 2], ['Vi', 1.5], ['Đàm', 0.8],
  ],
  centre: [
    ['Lô', 3], ['Vi', 3], ['Lương', 3], ['Lang', 2], ['Kha', 1.5], ['Ngân', 1.5], ['Hà', 3], ['Đinh', 4], ['Hồ', 4],
    ['Lê', 1], ['Bùi', 2], ['Quách', 1], ['Phạm', 1],
  ],
  south: [
    ['Thạch', 5], ['Sơn', 4], ['Danh', 4], ['Kim', 3], ['Lâm', 3], ['Châu', 2], ['Trương', 2], ['Quách', 1.5],
    ['Lý', 2], ['Huỳnh', 1], ['Trần', 1], ['Dương', 1],
  ],
};

const MIDDLE: Record<Sex, readonly (readonly [string, number])[]> = {
  male: [
    ['Văn', 34], ['Đức', 8], ['Minh', 8], ['Hữu', 6], ['Quang', 6], ['Quốc', 5], ['Thanh', 5], ['Xuân', 4],
    ['Công', 4], ['Đình', 4], ['Ngọc', 3], ['Mạnh', 3], ['Trọng', 3], ['Thế', 3], ['Tuấn', 2], ['Anh', 2],
    ['Hoàng', 2], ['Duy', 2], ['Tiến', 2], ['Việt', 2], ['Hải', 2], ['Trung', 1.5], ['Bá', 1.5], ['Kim', 1],
  ],
  female: [
    ['Thị', 45], ['Ngọc', 7], ['Thu', 6], ['Thanh', 6], ['Hồng', 5], ['Minh', 4], ['Thùy', 4], ['Phương', 3],
    ['Kim', 3], ['Mai', 3], ['Bích', 2], ['Hải', 2], ['Diệu', 2], ['Khánh', 2], ['Hoài', 2], ['Thúy', 2],
    ['Lan', 1], ['Quỳnh', 1.5], ['Hà', 1], ['Bảo', 1],
  ],
};

/** After "Thị", a second middle name is common for women born since the 1970s ("Nguyễn Thị Thu Hằng"). */
const SECOND_FEMALE_MIDDLE = ['Thu', 'Thanh', 'Ngọc', 'Hồng', 'Minh', 'Thúy', 'Kim', 'Bích', 'Lan', 'Hải', 'Phương', 'Mai'] as const;

const GIVEN: Record<Sex, readonly string[]> = {
  male: [
    'Anh', 'Tuấn', 'Hùng', 'Dũng', 'Hải', 'Minh', 'Nam', 'Long', 'Thắng', 'Trung', 'Sơn', 'Hiếu', 'Đức', 'Cường',
    'Quân', 'Huy', 'Hoàng', 'Thành', 'Tùng', 'Phong', 'Khánh', 'Bình', 'Toàn', 'Vinh', 'Lâm', 'Tú', 'Kiên', 'Tài',
    'Hưng', 'Việt', 'Quang', 'Hòa', 'Thịnh', 'Tiến', 'Công', 'Phúc', 'Nghĩa', 'Đạt', 'Hiệp', 'Lộc', 'Quý', 'Tân',
    'Trường', 'Chiến', 'Linh', 'Duy', 'Mạnh', 'Bảo', 'Khoa', 'Thái', 'Hiển', 'Lợi', 'Thanh', 'Tâm', 'Thuận', 'Định',
  ],
  female: [
    'Hương', 'Lan', 'Hà', 'Linh', 'Trang', 'Huyền', 'Thảo', 'Ngọc', 'Nga', 'Hằng', 'Phương', 'Thủy', 'Mai', 'Hạnh',
    'Yến', 'Nhung', 'Oanh', 'Loan', 'Dung', 'Hiền', 'Hoa', 'Thu', 'Vân', 'Anh', 'Giang', 'Hồng', 'Thúy', 'Chi',
    'Quỳnh', 'Nhàn', 'Hường', 'Liên', 'Tâm', 'Ly', 'Duyên', 'Hậu', 'Thơ', 'Thắm', 'Uyên', 'Nguyệt', 'Ánh', 'Vy',
    'Trinh', 'My', 'Xuân', 'Huệ', 'Lý', 'Tuyết', 'Hảo', 'Lệ', 'Sen', 'Thanh', 'Nhi', 'Diệp', 'Bình', 'Hòa',
  ],
};

const REGIONS: readonly Region[] = ['north', 'centre', 'south'];
const surnameTables = Object.fromEntries(
  REGIONS.map((r) => [r, weighted([...COMMON_SURNAMES, ...REGIONAL_PAIRS[r]])]),
) as Record<Region, Weighted<string>>;
const minorityTables = Object.fromEntries(
  REGIONS.map((r) => [r, weighted(MINORITY_SURNAMES[r])]),
) as Record<Region, Weighted<string>>;
const middleTables = { male: weighted(MIDDLE.male), female: weighted(MIDDLE.female) } as const;

/**
 * Draws a full name ("Nguyễn Thị Thu Hằng"). `region` picks the regional surname forms; an ethnic-minority cadre
 * draws a surname common among that region's minorities.
 */
export function pickFullName(rng: Rng, sex: Sex, region: Region, ethnicMinority: boolean): string {
  const surname = (ethnicMinority ? minorityTables : surnameTables)[region].draw(rng);
  const middle = middleTables[sex].draw(rng);
  let given = rng.pick(GIVEN[sex]);
  if (given === middle) given = rng.pick(GIVEN[sex]);
  if (sex === 'female' && middle === 'Thị' && rng.chance(0.3)) {
    const second = rng.pick(SECOND_FEMALE_MIDDLE);
    if (second !== given) return `${surname} Thị ${second} ${given}`;
  }
  return `${surname} ${middle} ${given}`;
}

/** The surnames the generator can produce, for tests and for the editor's sample data. */
export function knownSurnames(): ReadonlySet<string> {
  return new Set([...COMMON_SURNAMES, ...REGIONS.flatMap((r) => [...REGIONAL_PAIRS[r], ...MINORITY_SURNAMES[r]])].map(([s]) => s));
}
