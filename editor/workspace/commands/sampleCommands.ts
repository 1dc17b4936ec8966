/** The workspace's sample cadres: save the bench's cadre as a sample (replacing one with the same id), delete one. */
import { SAMPLES } from '../samples.ts';
import type { Sample } from '../samples.ts';
import type { Command } from '../createWorkspaceStore.ts';
import { SAMPLES_RECORD_ID, type CadresRecord, type Records } from '../records.ts';
import { refuse } from './kit.ts';

/** The sample cadres of a workspace; the shipped ones for a workspace stored before samples were part of it. */
export function workspaceSamples(records: Records): readonly Sample[] {
  const r = records.get(SAMPLES_RECORD_ID);
  return r?.type === 'cadres' ? r.items : SAMPLES;
}

export function saveSample(sample: Sample): Command {
  return {
    type: 'samples/save',
    label: { vi: 'Lưu hồ sơ mẫu', en: 'Save sample cadre' },
    run(records) {
      if (!sample.title.vi.trim() || !sample.id.trim()) return refuse('Hồ sơ mẫu cần mã và tên.', 'A sample needs an id and a title.');
      const items = [...workspaceSamples(records)];
      const at = items.findIndex((x) => x.id === sample.id);
      if (at >= 0) items[at] = sample; else items.push(sample);
      const record: CadresRecord = { id: SAMPLES_RECORD_ID, type: 'cadres', items };
      return { put: [record] };
    },
  };
}

export function deleteSample(id: string): Command {
  return {
    type: 'samples/delete',
    label: { vi: 'Xoá hồ sơ mẫu', en: 'Delete sample cadre' },
    run(records) {
      const items = workspaceSamples(records).filter((x) => x.id !== id);
      if (items.length === 0) return refuse('Cần giữ ít nhất một hồ sơ mẫu.', 'Keep at least one sample cadre.');
      return { put: [{ id: SAMPLES_RECORD_ID, type: 'cadres', items }] };
    },
  };
}
