/** Golden-case commands: add a case (from the test bench) or delete one. */
import type { GoldenCase } from '../../../engine/documents/goldenCases.ts';
import type { Command } from '../createWorkspaceStore.ts';
import type { RecordId } from '../records.ts';
import { isRefusal, recordOr, refuse } from './kit.ts';

const GOLDEN_NOT_FOUND = refuse('Không tìm thấy tệp trường hợp mẫu.', 'Golden-case file not found.');

export function addGoldenCase(goldenId: RecordId, c: GoldenCase): Command {
  return {
    type: 'golden/add',
    label: { vi: 'Thêm trường hợp mẫu', en: 'Add golden case' },
    run(records) {
      const g = recordOr(records, goldenId, 'golden', GOLDEN_NOT_FOUND);
      if (isRefusal(g)) return g;
      if (g.doc.cases.some((x) => x.id === c.id)) return refuse(`Đã có trường hợp mã "${c.id}".`, `A case "${c.id}" exists already.`);
      return { put: [{ ...g, doc: { ...g.doc, cases: [...g.doc.cases, c] } }] };
    },
  };
}

export function deleteGoldenCase(goldenId: RecordId, caseId: string): Command {
  return {
    type: 'golden/delete',
    label: { vi: 'Xoá trường hợp mẫu', en: 'Delete golden case' },
    run(records) {
      const g = recordOr(records, goldenId, 'golden', GOLDEN_NOT_FOUND);
      if (isRefusal(g)) return g;
      if (g.doc.cases.length <= 1) return refuse('Tệp cần ít nhất một trường hợp.', 'The file needs at least one case.');
      return { put: [{ ...g, doc: { ...g.doc, cases: g.doc.cases.filter((x) => x.id !== caseId) } }] };
    },
  };
}
