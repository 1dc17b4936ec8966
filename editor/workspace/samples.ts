/**
 * Built-in sample cadres, each with the nomination that shows its point: the workspace's starting samples (records,
 * sample commands) and the test bench's picks, so they live with the workspace, not in a view. Names are invented;
 * agencies and provinces are real. Expected outcomes are stated against the regulation (shared/domain/regulation.md),
 * not against the code.
 */
import type { CadreProfileInput, Nomination } from '../../engine/documents/cadre.ts';
import type { Label } from '../../engine/documents/enums.ts';

export interface Sample {
  id: string;
  title: Label;
  profile: CadreProfileInput;
  nomination: Nomination;
}

export const SAMPLES: readonly Sample[] = [
  {
    // 57 Art. 5(2): part-time trung cấp needs women ≥ 33; she is 32 on 01/03/2024, so full-time only.
    id: 'young-woman-part-time',
    title: { vi: 'Nữ 32 tuổi, cơ quan trung ương tại Hà Nội, học không tập trung', en: 'Woman of 32, central agency in Hà Nội, part-time' },
    profile: {
      id: 'HN-MAU-01', fullName: 'Nguyễn Thị Thu Hà', sex: 'female', birthDate: '1991-06-12',
      party: { status: 'full', joinedOn: '2016-05-19', fullOn: '2017-05-19' },
      education: 'master', politicalTheory: 'none',
      workplace: { tier: 'central', province: 'Hà Nội', sector: 'state', agency: 'Bộ Tư pháp' },
      position: 'civil-servant', planning: ['deputy-head-of-division'],
      civilService: { grade: 'specialist', since: '2015-09-01', candidatePool: false },
      ratings: [{ year: 2022, rating: 'excellent' }, { year: 2023, rating: 'good' }, { year: 2024, rating: 'excellent' }],
    },
    nomination: { level: 'intermediate', mode: 'part-time', on: '2024-03-01' },
  },
  {
    // 57 Art. 5: deputy head of division at provincial level, Party member, university, man of 39 ≥ 35.
    id: 'eligible-deputy-head',
    title: { vi: 'Phó trưởng phòng cấp tỉnh (Nghệ An), đủ điều kiện', en: 'Provincial deputy head of division (Nghệ An), eligible' },
    profile: {
      id: 'NA-MAU-02', fullName: 'Trần Văn Minh', sex: 'male', birthDate: '1984-10-03',
      party: { status: 'full', joinedOn: '2009-03-26', fullOn: '2010-03-26' },
      education: 'university', politicalTheory: 'elementary',
      workplace: { tier: 'province', province: 'Nghệ An', sector: 'state', agency: 'Sở Nội vụ tỉnh Nghệ An' },
      position: 'deputy-head-of-division',
      ratings: [{ year: 2022, rating: 'good' }, { year: 2023, rating: 'good' }],
    },
    nomination: { level: 'intermediate', mode: 'part-time', on: '2024-03-01' },
  },
  {
    // 57 Art. 5(2): trung cấp requires a probationary or full Party member.
    id: 'not-party-member',
    title: { vi: 'Chưa là đảng viên, được quy hoạch phó trưởng phòng', en: 'Not a Party member, in planning for deputy head' },
    profile: {
      id: 'HN-MAU-03', fullName: 'Lê Thị Hồng Nhung', sex: 'female', birthDate: '1987-02-20',
      party: { status: 'none' },
      education: 'university', politicalTheory: 'none',
      workplace: { tier: 'central', province: 'Hà Nội', sector: 'state', agency: 'Bộ Tài chính' },
      position: 'civil-servant', planning: ['deputy-head-of-division'],
      ratings: [{ year: 2022, rating: 'good' }, { year: 2023, rating: 'good' }],
    },
    nomination: { level: 'intermediate', mode: 'full-time', on: '2024-03-01' },
  },
  {
    // 350 (2025-08-29): trung cấp needs "hoàn thành tốt" or better in each of the two years before; 2023 is missing.
    id: '350-missing-rating',
    title: { vi: 'Cử học năm 2025 theo 350-QĐ/TW, thiếu xếp loại năm 2023', en: '2025 nomination under 350-QĐ/TW, 2023 rating missing' },
    profile: {
      id: 'HN-MAU-04', fullName: 'Phạm Quốc Hùng', sex: 'male', birthDate: '1988-11-05',
      party: { status: 'full', joinedOn: '2012-07-01', fullOn: '2013-07-01' },
      education: 'university', politicalTheory: 'elementary',
      workplace: { tier: 'province', province: 'Hà Nội', sector: 'state', agency: 'Sở Tài chính Hà Nội' },
      position: 'deputy-head-of-division',
      ratings: [{ year: 2024, rating: 'good' }],
    },
    nomination: { level: 'intermediate', mode: 'part-time', on: '2025-10-01' },
  },
  {
    // Thái Bình merged into Hưng Yên from 01/07/2025: the provincial school of Hưng Yên trains her.
    id: 'thai-binh-after-merger',
    title: { vi: 'Cán bộ Thái Bình, cử học sau sáp nhập tỉnh 2025', en: 'Thái Bình cadre, nominated after the 2025 merger' },
    profile: {
      id: 'TB-MAU-05', fullName: 'Vũ Thị Mai', sex: 'female', birthDate: '1982-04-10',
      party: { status: 'full', joinedOn: '2006-11-07', fullOn: '2007-11-07' },
      education: 'master', politicalTheory: 'elementary',
      workplace: { tier: 'province', province: 'Thái Bình', sector: 'state', agency: 'Sở Giáo dục và Đào tạo' },
      position: 'head-of-division',
      ratings: [{ year: 2023, rating: 'excellent' }, { year: 2024, rating: 'good' }],
    },
    nomination: { level: 'intermediate', mode: 'part-time', on: '2025-09-15' },
  },
  {
    // 57 Art. 6: principal specialist ≥ 4 years in the candidate pool; full Party member; man of 45 ≥ 40.
    id: 'advanced-principal-specialist',
    title: { vi: 'Chuyên viên chính 6 năm, dự nguồn, học cao cấp', en: 'Principal specialist of 6 years, candidate pool, advanced' },
    profile: {
      id: 'HN-MAU-06', fullName: 'Đỗ Minh Tuấn', sex: 'male', birthDate: '1978-08-25',
      party: { status: 'full', joinedOn: '2003-02-03', fullOn: '2004-02-03' },
      education: 'university', politicalTheory: 'intermediate',
      workplace: { tier: 'central', province: 'Hà Nội', sector: 'state', agency: 'Bộ Nội vụ' },
      position: 'civil-servant',
      civilService: { grade: 'principal-specialist', since: '2018-01-01', candidatePool: true },
      ratings: [{ year: 2022, rating: 'good' }, { year: 2023, rating: 'excellent' }],
    },
    nomination: { level: 'advanced', mode: 'part-time', on: '2024-03-01' },
  },
  {
    // 350 (trung cấp standards): part-time needs women ≥ 28; she is 27, but the competent level decided her special
    // case ("trường hợp đặc biệt, cấp có thẩm quyền xem xét, quyết định"), recorded with its number and date.
    id: '350-special-decision',
    title: { vi: 'Nữ 27 tuổi học không tập trung theo 350-QĐ/TW, có quyết định đặc biệt', en: 'Woman of 27, part-time under 350-QĐ/TW, with a special decision' },
    profile: {
      id: 'NA-MAU-07', fullName: 'Nguyễn Thị Thảo', sex: 'female', birthDate: '1998-05-05',
      party: { status: 'full', joinedOn: '2019-05-19', fullOn: '2020-05-19' },
      education: 'university', politicalTheory: 'elementary',
      workplace: { tier: 'province', province: 'Nghệ An', sector: 'state', agency: 'Sở Nội vụ tỉnh Nghệ An' },
      position: 'deputy-head-of-division',
      ratings: [{ year: 2023, rating: 'good' }, { year: 2024, rating: 'excellent' }],
    },
    nomination: {
      level: 'intermediate', mode: 'part-time', on: '2025-10-01',
      specialDecision: { waives: 'tc350-part-time-age', decidedBy: 'Ban Thường vụ Tỉnh ủy Nghệ An', number: '1234-QĐ/TU', on: '2025-09-20' },
    },
  },
];
