/**
 * Agency names for synthetic workplaces (Vietnamese, as agencies write them). Central bodies are real and dated:
 * the Government's 2025 restructuring (in force 2025-03-01) merged ministries and Party boards, so a cohort dated
 * before then names the 2024 bodies and one dated after names the new ones. Provincial, district and commune bodies
 * are built from the province's name and a place name; the place names are common Vietnamese commune names and are
 * not tied to a real commune of that province.
 */
import type { Sector, WorkplaceTier } from '../documents/enums.ts';
import type { Rng } from './createRng.ts';
import type { ProvinceProfile } from './provinceProfiles.ts';

/** A workplace the generator may assign. `province` defaults to Hà Nội for central bodies. */
export interface AgencySpec {
  name: string;
  tier: WorkplaceTier;
  sector: Sector;
  province?: string;
  /** Relative share of cadres; default 1. */
  weight?: number;
}

/** The day the 2025 restructuring of central and provincial bodies took effect. */
export const RESTRUCTURING_2025 = '2025-03-01';

interface DatedName { name: string; sector: Sector; era?: 'before-2025' | 'from-2025' }

const CENTRAL: readonly DatedName[] = [
  ...[
    'Bộ Ngoại giao', 'Bộ Nội vụ', 'Bộ Tư pháp', 'Bộ Tài chính', 'Bộ Công Thương', 'Bộ Xây dựng',
    'Bộ Văn hóa, Thể thao và Du lịch', 'Bộ Khoa học và Công nghệ', 'Bộ Giáo dục và Đào tạo', 'Bộ Y tế',
    'Ngân hàng Nhà nước Việt Nam', 'Thanh tra Chính phủ', 'Văn phòng Chính phủ', 'Kiểm toán Nhà nước',
    'Văn phòng Quốc hội', 'Văn phòng Chủ tịch nước', 'Tòa án nhân dân tối cao', 'Viện kiểm sát nhân dân tối cao',
  ].map((name) => ({ name, sector: 'state' as const })),
  ...[
    'Bộ Kế hoạch và Đầu tư', 'Bộ Nông nghiệp và Phát triển nông thôn', 'Bộ Giao thông vận tải',
    'Bộ Tài nguyên và Môi trường', 'Bộ Thông tin và Truyền thông', 'Bộ Lao động - Thương binh và Xã hội', 'Ủy ban Dân tộc',
  ].map((name) => ({ name, sector: 'state' as const, era: 'before-2025' as const })),
  ...['Bộ Nông nghiệp và Môi trường', 'Bộ Dân tộc và Tôn giáo'].map((name) => ({ name, sector: 'state' as const, era: 'from-2025' as const })),
  ...[
    'Bảo hiểm xã hội Việt Nam', 'Thông tấn xã Việt Nam', 'Đài Tiếng nói Việt Nam', 'Đài Truyền hình Việt Nam',
    'Viện Hàn lâm Khoa học xã hội Việt Nam', 'Viện Hàn lâm Khoa học và Công nghệ Việt Nam', 'Đại học Quốc gia Hà Nội',
  ].map((name) => ({ name, sector: 'public-service' as const })),
  ...[
    'Ban Tổ chức Trung ương', 'Ban Nội chính Trung ương', 'Ủy ban Kiểm tra Trung ương', 'Văn phòng Trung ương Đảng',
    'Báo Nhân Dân', 'Tạp chí Cộng sản', 'Học viện Chính trị quốc gia Hồ Chí Minh',
  ].map((name) => ({ name, sector: 'party' as const })),
  ...['Ban Tuyên giáo Trung ương', 'Ban Dân vận Trung ương', 'Ban Kinh tế Trung ương', 'Ban Đối ngoại Trung ương']
    .map((name) => ({ name, sector: 'party' as const, era: 'before-2025' as const })),
  ...['Ban Tuyên giáo và Dân vận Trung ương', 'Ban Chính sách, chiến lược Trung ương']
    .map((name) => ({ name, sector: 'party' as const, era: 'from-2025' as const })),
  { name: 'Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam', sector: 'front' },
  ...[
    'Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh', 'Trung ương Hội Liên hiệp Phụ nữ Việt Nam',
    'Tổng Liên đoàn Lao động Việt Nam', 'Trung ương Hội Nông dân Việt Nam', 'Trung ương Hội Cựu chiến binh Việt Nam',
  ].map((name) => ({ name, sector: 'mass-organisation' as const })),
  ...[
    'Tập đoàn Điện lực Việt Nam', 'Tập đoàn Dầu khí Việt Nam', 'Tập đoàn Bưu chính Viễn thông Việt Nam',
    'Tập đoàn Công nghiệp Than - Khoáng sản Việt Nam', 'Tổng công ty Đường sắt Việt Nam', 'Tập đoàn Hóa chất Việt Nam',
  ].map((name) => ({ name, sector: 'enterprise' as const })),
  { name: 'Bộ Quốc phòng', sector: 'army' },
  { name: 'Bộ Công an', sector: 'police' },
];

const PROVINCE_DEPARTMENTS: readonly DatedName[] = [
  ...[
    'Sở Nội vụ', 'Sở Tư pháp', 'Sở Tài chính', 'Sở Công Thương', 'Sở Xây dựng', 'Sở Y tế', 'Sở Giáo dục và Đào tạo',
    'Sở Văn hóa, Thể thao và Du lịch', 'Sở Khoa học và Công nghệ', 'Thanh tra', 'Văn phòng UBND',
  ].map((name) => ({ name, sector: 'state' as const })),
  ...[
    'Sở Kế hoạch và Đầu tư', 'Sở Giao thông vận tải', 'Sở Nông nghiệp và Phát triển nông thôn', 'Sở Tài nguyên và Môi trường',
    'Sở Lao động - Thương binh và Xã hội', 'Sở Thông tin và Truyền thông',
  ].map((name) => ({ name, sector: 'state' as const, era: 'before-2025' as const })),
  ...['Sở Nông nghiệp và Môi trường', 'Sở Dân tộc và Tôn giáo'].map((name) => ({ name, sector: 'state' as const, era: 'from-2025' as const })),
];

const PARTY_BOARDS: readonly DatedName[] = [
  ...['Ban Tổ chức', 'Ban Nội chính', 'Ủy ban Kiểm tra', 'Văn phòng'].map((name) => ({ name, sector: 'party' as const })),
  ...['Ban Tuyên giáo', 'Ban Dân vận'].map((name) => ({ name, sector: 'party' as const, era: 'before-2025' as const })),
  { name: 'Ban Tuyên giáo và Dân vận', sector: 'party', era: 'from-2025' },
];

const MASS_ORGANISATIONS = ['Hội Liên hiệp Phụ nữ', 'Hội Nông dân', 'Liên đoàn Lao động', 'Hội Cựu chiến binh'] as const;
const COMMUNE_MASS_ORGANISATIONS = ['Hội Liên hiệp Phụ nữ', 'Hội Nông dân', 'Đoàn Thanh niên', 'Hội Cựu chiến binh'] as const;

/** Common Vietnamese commune and district names (each exists in several provinces). */
export const PLACE_NAMES = [
  'Tân Lập', 'Quang Trung', 'Hợp Tiến', 'Đồng Tâm', 'Tân Tiến', 'Hòa Bình', 'Minh Tân', 'Vĩnh Lợi', 'Thanh Xuân',
  'Đông Hưng', 'Tiên Phong', 'Hưng Đạo', 'Tân Phong', 'Yên Bình', 'An Bình', 'Phú Lâm', 'Thống Nhất', 'Nghĩa Hưng',
  'Xuân Phú', 'Đông Sơn', 'Tân Hòa', 'Trung Hòa', 'An Thịnh', 'Bình Minh', 'Hồng Phong', 'Quyết Tiến', 'Tân Thành',
  'Phú Cường', 'Hòa Thuận', 'Lê Lợi', 'Nam Sơn', 'Bắc Sơn', 'Tây Sơn', 'Kim Sơn', 'Phúc Thịnh', 'Vĩnh Thạnh',
  'An Phú', 'Long Hưng', 'Mỹ Hòa', 'Tân An', 'Bình Thạnh', 'Phước Long', 'Hiệp Hòa', 'Hoàng Văn Thụ', 'Thanh Sơn',
  'Quỳnh Phú', 'Tam Hiệp', 'Đại Đồng', 'Vạn Phúc', 'Hồng Thái', 'Minh Khai', 'Chiến Thắng', 'Độc Lập', 'Tự Do',
  'Quang Minh', 'Xuân Lâm', 'Hùng Sơn', 'Tân Dân', 'Yên Thành', 'Phú Xuân', 'Thuận Thành', 'Vĩnh Phúc', 'Long Phước',
  'Tân Hiệp', 'Hòa Lợi', 'Phú Hòa', 'Mỹ Thạnh', 'Bình Hòa', 'Đức Thắng', 'Cộng Hòa', 'Kỳ Sơn', 'Ngọc Lâm',
] as const;

/** Index of the central and provincial names in force on a date, so that per-cadre picks are array reads. */
export interface AgencyBook {
  central: Readonly<Partial<Record<Sector, readonly string[]>>>;
  departments: readonly string[];
  partyBoards: readonly string[];
  /** District level exists (before 2025-07-01). */
  districts: boolean;
}

function inForce(era: DatedName['era'], on: string): boolean {
  if (era === 'before-2025') return on < RESTRUCTURING_2025;
  if (era === 'from-2025') return on >= RESTRUCTURING_2025;
  return true;
}

/** The agency names in force on `on` (ISO date). */
export function agencyBookOn(on: string): AgencyBook {
  const central: Partial<Record<Sector, string[]>> = {};
  for (const a of CENTRAL) if (inForce(a.era, on)) (central[a.sector] ??= []).push(a.name);
  return {
    central,
    departments: PROVINCE_DEPARTMENTS.filter((a) => inForce(a.era, on)).map((a) => a.name),
    partyBoards: PARTY_BOARDS.filter((a) => inForce(a.era, on)).map((a) => a.name),
    districts: on < '2025-07-01',
  };
}

/** "tỉnh Thái Bình" or "thành phố Hà Nội". */
function provinceUnit(p: ProvinceProfile): string {
  return `${p.city ? 'thành phố' : 'tỉnh'} ${p.name}`;
}

/** Names a workplace of `sector` at `tier` in province `p`. `lecturer` places a lecturer at a political school. */
export function agencyName(
  rng: Rng, book: AgencyBook, tier: WorkplaceTier, sector: Sector, p: ProvinceProfile, lecturer: boolean,
): string {
  if (tier === 'central') {
    if (lecturer) return 'Học viện Chính trị quốc gia Hồ Chí Minh';
    return rng.pick(book.central[sector] ?? book.central.state!);
  }
  const unit = provinceUnit(p);
  if (tier === 'province') {
    if (lecturer) return p.school;
    switch (sector) {
      case 'party': return `${rng.pick(book.partyBoards)} ${p.city ? 'Thành ủy' : 'Tỉnh ủy'} ${p.name}`;
      case 'front': return `Ủy ban MTTQ Việt Nam ${unit}`;
      case 'mass-organisation':
        return rng.chance(0.2) ? `${p.city ? 'Thành đoàn' : 'Tỉnh đoàn'} ${p.name}` : `${rng.pick(MASS_ORGANISATIONS)} ${unit}`;
      case 'public-service':
        return rng.pick([`Bệnh viện Đa khoa ${unit}`, `Trung tâm Kiểm soát bệnh tật ${unit}`, `Đài Phát thanh và Truyền hình ${p.name}`, `Báo ${p.name}`]);
      case 'enterprise': return rng.pick([`Công ty Điện lực ${p.name}`, `Công ty TNHH MTV Xổ số kiến thiết ${p.name}`]);
      case 'army':
        if (p.name === 'Hà Nội') return 'Bộ Tư lệnh Thủ đô Hà Nội';
        if (p.name === 'Hồ Chí Minh') return 'Bộ Tư lệnh Thành phố Hồ Chí Minh';
        return `Bộ Chỉ huy Quân sự ${unit}`;
      case 'police': return `Công an ${unit}`;
      default: {
        const dept = rng.pick(book.departments);
        return dept === 'Văn phòng UBND' ? `Văn phòng UBND ${unit}` : `${dept} ${unit}`;
      }
    }
  }
  const place = rng.pick(PLACE_NAMES);
  if (tier === 'district') {
    const kind = p.city ? (rng.chance(0.5) ? 'quận' : 'huyện') : rng.chance(0.12) ? 'thị xã' : 'huyện';
    const d = `${kind} ${place}`;
    switch (sector) {
      case 'party': {
        const committee = `${kind === 'quận' ? 'Quận ủy' : kind === 'thị xã' ? 'Thị ủy' : 'Huyện ủy'} ${place}`;
        return rng.chance(0.5) ? `Văn phòng ${committee}` : `Ban Tổ chức ${committee}`;
      }
      case 'front': return `Ủy ban MTTQ Việt Nam ${d}`;
      case 'mass-organisation': return `${rng.pick(MASS_ORGANISATIONS)} ${d}`;
      case 'public-service': return lecturer ? `Trung tâm Chính trị ${d}` : `Trung tâm Y tế ${d}`;
      case 'army': return `Ban Chỉ huy Quân sự ${d}`;
      case 'police': return `Công an ${d}`;
      default: return rng.pick([`UBND ${d}`, `Phòng Nội vụ ${d}`, `Phòng Tài chính - Kế hoạch ${d}`, `Phòng Tư pháp ${d}`]);
    }
  }
  const kind = p.city ? (rng.chance(0.55) ? 'phường' : 'xã') : rng.chance(0.12) ? 'phường' : book.districts && rng.chance(0.06) ? 'thị trấn' : 'xã';
  const c = `${kind} ${place}`;
  switch (sector) {
    case 'party': return `Đảng ủy ${c}`;
    case 'front': return `Ủy ban MTTQ Việt Nam ${c}`;
    case 'mass-organisation': return `${rng.pick(COMMUNE_MASS_ORGANISATIONS)} ${c}`;
    case 'army': return `Ban Chỉ huy Quân sự ${c}`;
    case 'police': return `Công an ${c}`;
    default: return `UBND ${c}`;
  }
}
