/**
 * A small hand-made sample (fixtures/cadres/sample-mixed.json): 20 cadres across tiers, sectors and provinces, each
 * chosen to show one thing in `llct explain` or a demo (stated next to it). Records run to the end of 2024 (ratings
 * for 2021–2024), so the sample reads sensibly for nominations in 2024 under 57-QĐ/TW and from 2025-08-29 under
 * 350-QĐ/TW (when the Thái Bình cadre's province has merged into Hưng Yên). Names and records are synthetic.
 */
import type { CadreProfileInput } from '../documents/cadre.ts';
import type { Education, Rating, Sector, Sex, TheoryLevel, WorkplaceTier } from '../documents/enums.ts';

interface Row {
  id: string; fullName: string; sex: Sex; birthDate: string; education: Education;
  party: 'none' | `probationary:${string}` | `full:${string}`;
  theory?: TheoryLevel; minority?: boolean; difficult?: boolean;
  tier: WorkplaceTier; province: string; sector: Sector; agency: string; position: string; planning?: string[];
  grade?: [grade: 'specialist' | 'principal-specialist', since: string, candidatePool?: boolean];
  teachingSince?: string;
  /** Ratings for 2021, 2022, 2023, 2024. */
  ratings?: readonly [Rating, Rating, Rating, Rating];
}

const G = 'good';
const E = 'excellent';
const C = 'completed';

const ROWS: readonly Row[] = [
  // Thái Bình commune vice-chair: trung cấp eligible in 2024; from 2025-07-01 Thái Bình is part of Hưng Yên.
  { id: 'MX-01', fullName: 'Vũ Thị Hồng Nhung', sex: 'female', birthDate: '1988-06-14', education: 'university', party: 'full:2012-05-19', theory: 'elementary', tier: 'commune', province: 'Thái Bình', sector: 'state', agency: 'UBND xã Minh Tân', position: 'commune-people-committee-vice-chair', planning: ['commune-people-committee-chair'], ratings: [G, E, G, G] },
  // Army battalion commander aged 34: trung cấp full-time only (part-time needs 35); trained by Ministry of Defence schools.
  { id: 'MX-02', fullName: 'Nguyễn Văn Thắng', sex: 'male', birthDate: '1989-09-02', education: 'university', party: 'full:2010-03-26', tier: 'province', province: 'Nghệ An', sector: 'army', agency: 'Bộ Chỉ huy Quân sự tỉnh Nghệ An', position: 'battalion-commander', ratings: [G, G, E, G] },
  // Commune police chief: 57 Art. 4 leaves the post out of sơ cấp's commune civil servants (a subject only as a Party member).
  // Under 350-QĐ/TW the post is on the police lists for trung cấp and cao cấp.
  { id: 'MX-03', fullName: 'Hoàng Văn Cường', sex: 'male', birthDate: '1985-11-20', education: 'university', party: 'full:2007-08-15', tier: 'commune', province: 'Lạng Sơn', sector: 'police', agency: 'Công an xã Hợp Tiến', position: 'commune-police-chief', ratings: [G, G, G, G] },
  // Tày commune civil servant in planning, upper-secondary (enough for a minority cadre), aged 30: full-time only.
  { id: 'MX-04', fullName: 'Nông Thị Hạnh', sex: 'female', birthDate: '1993-07-08', education: 'upper-secondary', party: 'full:2016-09-02', minority: true, difficult: true, tier: 'commune', province: 'Hà Giang', sector: 'state', agency: 'UBND xã Tân Lập', position: 'commune-civil-servant', planning: ['commune-people-committee-vice-chair'], ratings: [G, G, G, E] },
  // Non-full-time village worker, lower-secondary, not a Party member: sơ cấp eligible (no Party or age condition).
  { id: 'MX-05', fullName: 'Trần Văn Bình', sex: 'male', birthDate: '1978-02-11', education: 'lower-secondary', party: 'none', tier: 'commune', province: 'Nam Định', sector: 'state', agency: 'UBND xã Yên Bình', position: 'commune-non-full-time-worker', ratings: [C, G, G, G] },
  // Principal specialist 5 years, in the candidate pool, aged 42: cao cấp part-time eligible.
  { id: 'MX-06', fullName: 'Lê Minh Tuấn', sex: 'male', birthDate: '1981-10-30', education: 'master', party: 'full:2005-12-22', theory: 'intermediate', tier: 'central', province: 'Hà Nội', sector: 'state', agency: 'Bộ Tài chính', position: 'civil-servant', grade: ['principal-specialist', '2018-07-01', true], ratings: [E, G, E, G] },
  // Political-theory lecturer teaching since 2017: cao cấp eligible (5+ years teaching).
  { id: 'MX-07', fullName: 'Lê Thị Thu Hà', sex: 'female', birthDate: '1984-04-25', education: 'master', party: 'full:2008-11-07', theory: 'intermediate', tier: 'province', province: 'Thanh Hóa', sector: 'public-service', agency: 'Trường Chính trị tỉnh Thanh Hóa', position: 'lecturer', teachingSince: '2017-09-05', ratings: [G, E, G, E] },
  // Lecturer teaching 4 years on 2024-03-01: not yet a cao cấp subject (needs 5).
  { id: 'MX-08', fullName: 'Đặng Quang Huy', sex: 'male', birthDate: '1982-01-17', education: 'doctorate', party: 'full:2009-06-30', theory: 'intermediate', tier: 'province', province: 'Thanh Hóa', sector: 'public-service', agency: 'Trường Chính trị tỉnh Thanh Hóa', position: 'lecturer', teachingSince: '2019-09-05', ratings: [G, G, G, G] },
  // Provincial deputy head of division, probationary member, aged 31: trung cấp full-time only.
  { id: 'MX-09', fullName: 'Phạm Thị Thanh Thủy', sex: 'female', birthDate: '1992-12-03', education: 'university', party: 'probationary:2023-10-12', tier: 'province', province: 'Quảng Ninh', sector: 'state', agency: 'Sở Tư pháp tỉnh Quảng Ninh', position: 'deputy-head-of-division', ratings: [G, G, E, G] },
  // District head of division who already holds trung cấp.
  { id: 'MX-10', fullName: 'Huỳnh Văn Phúc', sex: 'male', birthDate: '1978-08-19', education: 'university', party: 'full:2003-02-03', theory: 'intermediate', tier: 'district', province: 'Hồ Chí Minh', sector: 'state', agency: 'Phòng Nội vụ quận Bình Thạnh', position: 'head-of-division', grade: ['principal-specialist', '2016-04-01'], ratings: [G, G, G, G] },
  // Principal specialist 3 years in the candidate pool: cao cấp needs 4 years.
  { id: 'MX-11', fullName: 'Trần Thị Mai Anh', sex: 'female', birthDate: '1980-05-05', education: 'master', party: 'full:2006-03-08', theory: 'intermediate', tier: 'province', province: 'Đà Nẵng', sector: 'state', agency: 'Sở Tài chính thành phố Đà Nẵng', position: 'civil-servant', grade: ['principal-specialist', '2020-10-15', true], ratings: [G, E, G, G] },
  // Commune Party secretary in Cần Thơ who holds trung cấp.
  { id: 'MX-12', fullName: 'Võ Văn Hiếu', sex: 'male', birthDate: '1975-03-12', education: 'university', party: 'full:1998-07-20', theory: 'intermediate', tier: 'commune', province: 'Cần Thơ', sector: 'party', agency: 'Đảng ủy phường An Bình', position: 'commune-party-secretary', ratings: [E, G, E, G] },
  // Khmer commune Front vice-chair with upper-secondary: the minority exemption applies.
  { id: 'MX-13', fullName: 'Thạch Văn Sơn', sex: 'male', birthDate: '1987-12-28', education: 'upper-secondary', party: 'full:2011-05-19', minority: true, tier: 'commune', province: 'Sóc Trăng', sector: 'front', agency: 'Ủy ban MTTQ Việt Nam xã Long Hưng', position: 'commune-front-vice-chair', ratings: [G, G, G, G] },
  // Police deputy team leader: trained by Ministry of Public Security schools.
  { id: 'MX-14', fullName: 'Đỗ Đức Mạnh', sex: 'male', birthDate: '1987-06-01', education: 'university', party: 'full:2009-04-10', tier: 'province', province: 'Bắc Giang', sector: 'police', agency: 'Công an tỉnh Bắc Giang', position: 'police-deputy-team-leader', ratings: [G, E, G, G] },
  // Deputy head of a board in a state group located in Hà Nội: trung cấp at Lê Hồng Phong under 57; from 29/08/2025 no
  // longer a subject (350-QĐ/TW lists enterprise heads of board or division and up).
  { id: 'MX-15', fullName: 'Bùi Thị Lan Hương', sex: 'female', birthDate: '1983-09-21', education: 'master', party: 'full:2010-12-15', tier: 'central', province: 'Hà Nội', sector: 'enterprise', agency: 'Tập đoàn Điện lực Việt Nam', position: 'enterprise-deputy-board-head', ratings: [G, G, E, E] },
  // Hà Nội commune chair rated only "completed" in 2024: fails 350's two-good-years standard from 2025-08-29.
  { id: 'MX-16', fullName: 'Ngô Văn Long', sex: 'male', birthDate: '1979-01-09', education: 'university', party: 'full:2002-09-02', theory: 'elementary', tier: 'commune', province: 'Hà Nội', sector: 'state', agency: 'UBND xã Thống Nhất', position: 'commune-people-committee-chair', ratings: [G, G, G, C] },
  // Thái commune civil servant, probationary member, aged 27: sơ cấp eligible.
  { id: 'MX-17', fullName: 'Lò Văn Tài', sex: 'male', birthDate: '1996-10-14', education: 'upper-secondary', party: 'probationary:2023-12-20', minority: true, difficult: true, tier: 'commune', province: 'Lai Châu', sector: 'state', agency: 'UBND xã Quang Minh', position: 'commune-civil-servant', ratings: [G, G, G, G] },
  // Specialist in planning, not a Party member: fails trung cấp's Party standard.
  { id: 'MX-18', fullName: 'Dương Thị Yến', sex: 'female', birthDate: '1989-02-27', education: 'university', party: 'none', tier: 'province', province: 'Bình Dương', sector: 'state', agency: 'Sở Y tế tỉnh Bình Dương', position: 'civil-servant', planning: ['deputy-head-of-division'], grade: ['specialist', '2014-08-01'], ratings: [G, G, G, G] },
  // District deputy head of division with a college degree (enough for trung cấp).
  { id: 'MX-19', fullName: 'Phan Thanh Tùng', sex: 'male', birthDate: '1986-04-16', education: 'college', party: 'full:2011-01-07', tier: 'district', province: 'Tây Ninh', sector: 'state', agency: 'UBND huyện Tân Thành', position: 'deputy-head-of-division', grade: ['specialist', '2010-06-01'], ratings: [G, G, G, G] },
  // Commune military commander in a difficult area, upper-secondary: trung cấp via the army list; 350 keeps only the minority exemption.
  { id: 'MX-20', fullName: 'Đinh Văn Hùng', sex: 'male', birthDate: '1990-07-22', education: 'upper-secondary', party: 'full:2013-03-26', difficult: true, tier: 'commune', province: 'Gia Lai', sector: 'army', agency: 'Ban Chỉ huy Quân sự xã Kỳ Sơn', position: 'commune-military-commander', ratings: [G, G, G, G] },
];

function toProfile(r: Row): CadreProfileInput {
  const [status, joinedOn] = r.party.split(':') as ['none' | 'probationary' | 'full', string | undefined];
  const fullOn = status === 'full' && joinedOn ? `${Number(joinedOn.slice(0, 4)) + 1}${joinedOn.slice(4)}` : undefined;
  const p: CadreProfileInput = {
    id: r.id, fullName: r.fullName, sex: r.sex, birthDate: r.birthDate,
    ethnicMinority: r.minority ?? false, difficultArea: r.difficult ?? false,
    party: status === 'none' ? { status } : { status, joinedOn, ...(fullOn ? { fullOn } : {}) },
    education: r.education, politicalTheory: r.theory ?? 'none',
    workplace: { tier: r.tier, province: r.province, sector: r.sector, agency: r.agency },
    position: r.position, planning: r.planning ?? [],
  };
  if (r.grade) p.civilService = { grade: r.grade[0], since: r.grade[1], candidatePool: r.grade[2] ?? false };
  if (r.teachingSince) p.lecturer = { teachingSince: r.teachingSince };
  p.ratings = (r.ratings ?? [G, G, G, G]).map((rating, i) => ({ year: 2021 + i, rating }));
  return p;
}

/** The mixed sample's profiles, in file shape. */
export function buildMixedSample(): CadreProfileInput[] {
  return ROWS.map(toProfile);
}
