/** Golden-case commands: add a case (from the test bench) or delete one. */
import type { GoldenCase } from '../../../engine/documents/goldenCases.ts';
import type { Command } from '../createWorkspaceStore.ts';
import type { RecordId } from '../records.ts';

export function addGoldenCase(goldenId: RecordId, c: GoldenCase): Command {
  return {
    type: 'golden/add',
    label: { vi: 'Thêm trường hợp mẫu', en: 'Add golden case' },
    run(records) {
      const g = records.get(goldenId);
      if (g?.type !== 'golden') return { refused: { vi: 'Không tìm thấy tệp trường hợp mẫu.', en: 'Golden-case file not found.' } };
      if (g.doc.cases.some((x) => x.id === c.id)) return { refused: { vi: `Đã có trường hợp mã "${c.id}".`, en: `A case "${c.id}" exists already.` } };
      return { put: [{ ...g, doc: { ...g.doc, cases: [...g.doc.cases, c] } }] };
    },
  };
}

export function deleteGoldenCase(goldenId: RecordId, caseId: string): Command {
  return {
    type: 'golden/delete',
    label: { vi: 'Xoá trường hợp mẫu', en: 'Delete golden case' },
    run(records) {
      const g = records.get(goldenId);
      if (g?.type !== 'golden') return { refused: { vi: 'Không tìm thấy tệp trường hợp mẫu.', en: 'Golden-case file not found.' } };
      if (g.doc.cases.length <= 1) return { refused: { vi: 'Tệp cần ít nhất một trường hợp.', en: 'The file needs at least one case.' } };
      return { put: [{ ...g, doc: { ...g.doc, cases: g.doc.cases.filter((x) => x.id !== caseId) } }] };
    },
  };
}
