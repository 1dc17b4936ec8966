/**
 * Commands on plan documents (kế hoạch đào tạo) as the Simulation view's table edits them: a class's cells, adding,
 * duplicating and deleting classes, the quotas of a class and the parameters. Each puts the whole edited document
 * back (plans are small), so undo restores it byte for byte; typing in one cell is one history entry (`mergeKey`).
 *
 * Cells take the text the user typed. A number or a date that does not read is kept as typed (never lost) and the
 * view reports it on its cell (see planDiagnostics.ts); a date is stored in ISO form once it reads as DD/MM/YYYY.
 */
import type { Label } from '../../../engine/documents/enums.ts';
import { normalizeDate } from '../../../engine/documents/dates.ts';
import { PLAN_PARAMETERS, type PlanParameterName } from '../../../engine/documents/planParameters.ts';
import type { Command } from '../createWorkspaceStore.ts';
import type { PlanRecord, RecordId, Records } from '../records.ts';
import type { Change } from '../createWorkspaceStore.ts';
import { draftDocument, freeId, isObject, mergeKey, refuse, type DocumentKind, type Draft, type Json, type Refusal } from './kit.ts';

/** The cells of a class row the table edits. */
export const PLAN_CLASS_FIELDS = ['name', 'level', 'mode', 'institution', 'minSize', 'maxSize', 'opensOn', 'durationMonths'] as const;
export type PlanClassField = (typeof PLAN_CLASS_FIELDS)[number];

const NUMBER_FIELDS: ReadonlySet<PlanClassField> = new Set(['minSize', 'maxSize', 'durationMonths']);

/** The source written on a parameter set in the page when it had none of its own. */
export const EDITED_PARAMETER_SOURCE = 'Nhập trong LLCT Studio (giả định) / Entered in LLCT Studio (assumed)';

/** A whole number from a cell's text, or the text itself (trimmed) when it is not one. */
export function cellNumber(text: string): number | string {
  const t = text.trim();
  return /^-?\d+$/.test(t) ? Number(t) : t;
}

/** A decimal from a cell's text (comma or point), or the text itself when it is not one. */
export function cellDecimal(text: string): number | string {
  const t = text.trim().replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : text.trim();
}

/** The part of a plan every command edits: `classes`, an array of class objects. */
interface PlanParts { classes: Json[] }

/** Plan documents as commands draft them. */
const PLAN: DocumentKind<PlanRecord, PlanParts> = {
  type: 'plan',
  notFound: refuse('Không tìm thấy kế hoạch.', 'Plan not found.'),
  parts: (doc) => (Array.isArray(doc.classes) && doc.classes.every(isObject)
    ? { classes: doc.classes as Json[] }
    : refuse('Phần "classes" của kế hoạch không hợp lệ; hãy sửa tệp rồi nhập lại.', 'The plan\'s "classes" is not valid; correct the file and import it again.')),
};

/** Drafts the plan and hands `edit` class row `index` (refused when there is no such row). */
function draftClass(records: Records, recordId: RecordId, index: number, edit: (e: Draft<PlanRecord, PlanParts>, c: Json) => Refusal | undefined): Refusal | Change {
  return draftDocument(records, recordId, PLAN, (e) => {
    const c = e.parts.classes[index];
    return c ? edit(e, c) : refuse(`Không có lớp ở dòng ${index + 1}.`, `No class on row ${index + 1}.`);
  });
}

/** A class id no class of the plan has yet: `base`, `base-2`, `base-3`… */
const freeClassId = (classes: readonly Json[], base: string): string => freeId(base, new Set(classes.map((c) => String(c.id))));

/** Sets one cell of class row `index` from the text typed (numbers and dates read as described above). */
export function setClassField(recordId: RecordId, index: number, field: PlanClassField, text: string): Command {
  return {
    type: 'plan/class-set',
    label: { vi: 'Sửa lớp trong kế hoạch', en: 'Edit a class of the plan' },
    mergeKey: mergeKey('plan', recordId, `classes.${index}.${field}`),
    run: (records) => draftClass(records, recordId, index, (_draft, c) => {
      if (NUMBER_FIELDS.has(field)) c[field] = cellNumber(text);
      else if (field === 'opensOn') c[field] = normalizeDate(text) ?? text.trim();
      else c[field] = text;
    }),
  };
}

/** Adds a class after the last one, with the last one's level, mode, institution, sizes, date and quotas. */
export function addClass(recordId: RecordId, name: Label): Command {
  return {
    type: 'plan/class-add',
    label: { vi: 'Thêm lớp', en: 'Add class' },
    run: (records) => draftDocument(records, recordId, PLAN, (e) => {
      const { classes } = e.parts;
      const last = classes[classes.length - 1] ?? {};
      const { note: _note, ...rest } = structuredClone(last);
      classes.push({ ...rest, id: freeClassId(classes, 'lop-moi'), name: name.vi, origin: 'assumed' });
    }),
  };
}

/** Inserts a copy of class row `index` right after it, under a fresh id. */
export function duplicateClass(recordId: RecordId, index: number): Command {
  return {
    type: 'plan/class-duplicate',
    label: { vi: 'Nhân bản lớp', en: 'Duplicate class' },
    run: (records) => draftClass(records, recordId, index, (e, c) => {
      const { classes } = e.parts;
      const base = typeof c.id === 'string' && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(c.id) ? `${c.id}-ban-sao` : 'lop-ban-sao';
      classes.splice(index + 1, 0, { ...structuredClone(c), id: freeClassId(classes, base), name: `${String(c.name ?? '')} (bản sao)`, origin: 'assumed' });
    }),
  };
}

/** Deletes class row `index`; the last class is kept (a plan has at least one). */
export function deleteClass(recordId: RecordId, index: number): Command {
  return {
    type: 'plan/class-delete',
    label: { vi: 'Xoá lớp', en: 'Delete class' },
    run: (records) => draftClass(records, recordId, index, (e) => {
      const { classes } = e.parts;
      if (classes.length <= 1) return refuse('Kế hoạch phải còn ít nhất một lớp.', 'A plan keeps at least one class.');
      classes.splice(index, 1);
    }),
  };
}

/** Drafts the plan and hands `edit` the quotas of class row `index` (refused when the row or its quotas are not valid). */
function draftQuotas(records: Records, recordId: RecordId, index: number, edit: (doc: Json, serves: Json[]) => Refusal | undefined): Refusal | Change {
  return draftClass(records, recordId, index, (e, c) => {
    if (!Array.isArray(c.serves) || !c.serves.every(isObject)) return refuse('Phần "serves" (chỉ tiêu) của lớp không hợp lệ.', 'The class\'s "serves" (quotas) is not valid.');
    return edit(e.doc, c.serves as Json[]);
  });
}

/** Edits quota `quotaIndex` of class row `index`: the agency it serves or its number of seats (text as typed). */
export function setQuota(recordId: RecordId, index: number, quotaIndex: number, field: 'agency' | 'quota', text: string): Command {
  return {
    type: 'plan/quota-set',
    label: { vi: 'Sửa chỉ tiêu', en: 'Edit quota' },
    mergeKey: mergeKey('plan', recordId, `classes.${index}.serves.${quotaIndex}.${field}`),
    run: (records) => draftQuotas(records, recordId, index, (doc, serves) => {
      const q = serves[quotaIndex];
      if (!q) return refuse(`Lớp dòng ${index + 1} không có chỉ tiêu thứ ${quotaIndex + 1}.`, `Class on row ${index + 1} has no quota ${quotaIndex + 1}.`);
      q[field] = field === 'quota' ? cellNumber(text) : text;
    }),
  };
}

/** Adds a quota of one seat to class row `index`, for the first agency the class does not serve yet. */
export function addQuota(recordId: RecordId, index: number): Command {
  return {
    type: 'plan/quota-add',
    label: { vi: 'Thêm chỉ tiêu', en: 'Add quota' },
    run: (records) => draftQuotas(records, recordId, index, (doc, serves) => {
      const agencies = Array.isArray(doc.agencies) ? (doc.agencies as unknown[]).filter(isObject).map((a) => String(a.id)) : [];
      const agency = agencies.find((a) => !serves.some((q) => q.agency === a));
      if (!agency) return refuse('Lớp đã có chỉ tiêu cho mọi đơn vị của kế hoạch.', 'The class already has a quota for every agency of the plan.');
      serves.push({ agency, quota: 1 });
    }),
  };
}

/** Removes quota `quotaIndex` of class row `index`; a class keeps at least one. */
export function removeQuota(recordId: RecordId, index: number, quotaIndex: number): Command {
  return {
    type: 'plan/quota-remove',
    label: { vi: 'Xoá chỉ tiêu', en: 'Remove quota' },
    run: (records) => draftQuotas(records, recordId, index, (doc, serves) => {
      if (serves.length <= 1) return refuse('Lớp phải phục vụ ít nhất một đơn vị.', 'A class serves at least one agency.');
      if (!serves[quotaIndex]) return refuse(`Không có chỉ tiêu thứ ${quotaIndex + 1}.`, `No quota ${quotaIndex + 1}.`);
      serves.splice(quotaIndex, 1);
    }),
  };
}

/**
 * Sets a parameter's value from the text typed; a parameter the plan did not set gets the default's confidence
 * (`assumed`) and a source saying it was entered in the page. `text` empty: the plan's own value is removed and the
 * documented default applies again.
 */
export function setPlanParameter(recordId: RecordId, name: PlanParameterName, text: string): Command {
  return {
    type: 'plan/parameter-set',
    label: { vi: 'Sửa tham số', en: 'Edit parameter' },
    mergeKey: mergeKey('plan', recordId, `parameters.${name}`),
    run: (records) => draftDocument(records, recordId, PLAN, (e) => {
      if (!Object.hasOwn(PLAN_PARAMETERS, name)) return refuse(`Không có tham số "${name}".`, `No parameter "${name}".`);
      const params = isObject(e.doc.parameters) ? e.doc.parameters : {};
      e.doc.parameters = params;
      if (text.trim() === '') {
        delete params[name];
        return undefined;
      }
      const old = isObject(params[name]) ? params[name] : undefined;
      params[name] = { ...(old ?? { confidence: 'assumed', source: EDITED_PARAMETER_SOURCE }), value: cellDecimal(text) };
    }),
  };
}

/** Puts a plan document into the workspace (the Hà Nội plan into a workspace saved before plans existed). */
export function putPlan(recordId: RecordId, doc: Json): Command {
  return {
    type: 'plan/put',
    label: { vi: 'Thêm kế hoạch', en: 'Add plan' },
    run: () => ({ put: [{ id: recordId, type: 'plan', doc: structuredClone(doc) }] }),
  };
}
