/**
 * Commands on plans (kế hoạch đào tạo) as the Simulation view's tables edit them: a class's cells, adding, duplicating
 * and deleting classes, the quotas of a class and the parameters. A class is named by its record id and a quota by
 * its id, never by a row: an edit lands on the row the user typed in whatever was added or deleted around it. Each
 * command puts the records it changes in one change (one undo step); typing in one cell is one history entry
 * (`mergeKey` built from the ids).
 *
 * Cells take the text the user typed. A number or a date that does not read is kept as typed (never lost) and the
 * view reports it on its cell (see planDiagnostics.ts); a date is stored in ISO form once it reads as DD/MM/YYYY.
 */
import type { Label } from '../../../engine/documents/enums.ts';
import { normalizeDate } from '../../../engine/documents/dates.ts';
import { PLAN_PARAMETERS, type PlanParameterName } from '../../../engine/documents/planParameters.ts';
import type { Change, Command } from '../createWorkspaceStore.ts';
import { classRecord, isPlanShaped, quotaItems, recordsFromPlan } from '../planRecords.ts';
import type { PlanClassRecord, PlanRecord, RecordId, Records } from '../records.ts';
import { freeId, isObject, isRefusal, mergeKey, recordOr, refuse, type Json, type Refusal } from './kit.ts';

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

const PLAN_NOT_FOUND = refuse('Không tìm thấy kế hoạch.', 'Plan not found.');
const CLASS_NOT_FOUND = refuse('Không tìm thấy lớp này trong kế hoạch.', 'This class is not in the plan.');
const NO_CLASS_LIST = refuse('Phần "classes" của kế hoạch không hợp lệ; hãy sửa tệp rồi nhập lại.', 'The plan\'s "classes" is not valid; correct the file and import it again.');
const NO_QUOTA_LIST = refuse('Phần "serves" (chỉ tiêu) của lớp không hợp lệ.', 'The class\'s "serves" (quotas) is not valid.');
const QUOTA_NOT_FOUND = refuse('Không có chỉ tiêu này trong lớp.', 'This quota is not in the class.');

/** A class record, its plan's head record and the plan's class list, or the refusal. */
function classInPlan(records: Records, classId: RecordId): { cls: PlanClassRecord; plan: PlanRecord; classes: RecordId[] } | Refusal {
  const cls = recordOr(records, classId, 'plan-class', CLASS_NOT_FOUND);
  if (isRefusal(cls)) return cls;
  const plan = recordOr(records, cls.plan, 'plan', PLAN_NOT_FOUND);
  if (isRefusal(plan)) return plan;
  if (!plan.classes?.includes(classId)) return CLASS_NOT_FOUND;
  return { cls, plan, classes: plan.classes };
}

/** A class id (the document's `id`, kebab-case) no class of the plan has yet: `base`, `base-2`, `base-3`… */
function freeClassId(records: Records, classes: readonly RecordId[], base: string): string {
  const taken = new Set(classes.map((id) => { const c = records.get(id); return c?.type === 'plan-class' ? String(c.data.id) : ''; }));
  return freeId(base, taken);
}

/** Sets one cell of a class from the text typed (numbers and dates read as described above). */
export function setClassField(classId: RecordId, field: PlanClassField, text: string): Command {
  return {
    type: 'plan/class-set',
    label: { vi: 'Sửa lớp trong kế hoạch', en: 'Edit a class of the plan' },
    mergeKey: mergeKey('plan', classId, field),
    run: (records) => {
      const cls = recordOr(records, classId, 'plan-class', CLASS_NOT_FOUND);
      if (isRefusal(cls)) return cls;
      const value = NUMBER_FIELDS.has(field) ? cellNumber(text) : field === 'opensOn' ? normalizeDate(text) ?? text.trim() : text;
      return { put: [{ ...cls, data: { ...cls.data, [field]: value } }] };
    },
  };
}

/** Adds a class after the last one, with the last one's level, mode, institution, sizes, date and quotas. */
export function addClass(planId: RecordId, name: Label): Command {
  return {
    type: 'plan/class-add',
    label: { vi: 'Thêm lớp', en: 'Add class' },
    run: (records, ctx) => {
      const plan = recordOr(records, planId, 'plan', PLAN_NOT_FOUND);
      if (isRefusal(plan)) return plan;
      if (!plan.classes) return NO_CLASS_LIST;
      const lastId = plan.classes[plan.classes.length - 1];
      const last = lastId === undefined ? undefined : records.get(lastId);
      const { note: _note, ...rest } = last?.type === 'plan-class' ? last.data : {};
      const added: PlanClassRecord = {
        id: ctx.ids('plan-class'), type: 'plan-class', plan: planId,
        data: { ...structuredClone(rest), id: freeClassId(records, plan.classes, 'lop-moi'), name: name.vi, origin: 'assumed' },
      };
      if (last?.type === 'plan-class' && last.serves) added.serves = quotaItems(last.serves.map((q) => q.data), ctx.ids);
      return { put: [added, { ...plan, classes: [...plan.classes, added.id] }] };
    },
  };
}

/** Inserts a copy of a class right after it, under a fresh record id and a fresh class id. */
export function duplicateClass(classId: RecordId): Command {
  return {
    type: 'plan/class-duplicate',
    label: { vi: 'Nhân bản lớp', en: 'Duplicate class' },
    run: (records, ctx) => {
      const found = classInPlan(records, classId);
      if (isRefusal(found)) return found;
      const { cls, plan, classes } = found;
      const id = cls.data.id;
      const base = typeof id === 'string' && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(id) ? `${id}-ban-sao` : 'lop-ban-sao';
      const copy = classRecord({ ...cls.data, ...(cls.serves ? { serves: cls.serves.map((q) => q.data) } : {}) }, plan.id, ctx.ids);
      copy.data = { ...copy.data, id: freeClassId(records, classes, base), name: `${String(cls.data.name ?? '')} (bản sao)`, origin: 'assumed' };
      const at = classes.indexOf(classId) + 1;
      return { put: [copy, { ...plan, classes: [...classes.slice(0, at), copy.id, ...classes.slice(at)] }] };
    },
  };
}

/** Deletes a class; the last class is kept (a plan has at least one). */
export function deleteClass(classId: RecordId): Command {
  return {
    type: 'plan/class-delete',
    label: { vi: 'Xoá lớp', en: 'Delete class' },
    run: (records) => {
      const found = classInPlan(records, classId);
      if (isRefusal(found)) return found;
      if (found.classes.length <= 1) return refuse('Kế hoạch phải còn ít nhất một lớp.', 'A plan keeps at least one class.');
      return { remove: [classId], put: [{ ...found.plan, classes: found.classes.filter((id) => id !== classId) }] };
    },
  };
}

/** The class and its quotas, or the refusal when the class is missing or has no list of quotas. */
function classQuotas(records: Records, classId: RecordId): { cls: PlanClassRecord; serves: NonNullable<PlanClassRecord['serves']> } | Refusal {
  const cls = recordOr(records, classId, 'plan-class', CLASS_NOT_FOUND);
  if (isRefusal(cls)) return cls;
  return cls.serves ? { cls, serves: cls.serves } : NO_QUOTA_LIST;
}

/** Edits a quota of a class: the agency it serves or its number of seats (text as typed). */
export function setQuota(classId: RecordId, quotaId: RecordId, field: 'agency' | 'quota', text: string): Command {
  return {
    type: 'plan/quota-set',
    label: { vi: 'Sửa chỉ tiêu', en: 'Edit quota' },
    mergeKey: mergeKey('plan', classId, quotaId, field),
    run: (records) => {
      const found = classQuotas(records, classId);
      if (isRefusal(found)) return found;
      if (!found.serves.some((q) => q.id === quotaId)) return QUOTA_NOT_FOUND;
      const value = field === 'quota' ? cellNumber(text) : text;
      return { put: [{ ...found.cls, serves: found.serves.map((q) => (q.id === quotaId ? { ...q, data: { ...q.data, [field]: value } } : q)) }] };
    },
  };
}

/** Adds a quota of one seat to a class, for the first agency of the plan the class does not serve yet. */
export function addQuota(classId: RecordId): Command {
  return {
    type: 'plan/quota-add',
    label: { vi: 'Thêm chỉ tiêu', en: 'Add quota' },
    run: (records, ctx) => {
      const found = classQuotas(records, classId);
      if (isRefusal(found)) return found;
      const plan = records.get(found.cls.plan);
      const listed = plan?.type === 'plan' && Array.isArray(plan.meta.agencies) ? plan.meta.agencies as unknown[] : [];
      const agency = listed.filter(isObject).map((a) => String(a.id)).find((a) => !found.serves.some((q) => q.data.agency === a));
      if (!agency) return refuse('Lớp đã có chỉ tiêu cho mọi đơn vị của kế hoạch.', 'The class already has a quota for every agency of the plan.');
      return { put: [{ ...found.cls, serves: [...found.serves, { id: ctx.ids('quota'), data: { agency, quota: 1 } }] }] };
    },
  };
}

/** Removes a quota of a class; a class keeps at least one. */
export function removeQuota(classId: RecordId, quotaId: RecordId): Command {
  return {
    type: 'plan/quota-remove',
    label: { vi: 'Xoá chỉ tiêu', en: 'Remove quota' },
    run: (records) => {
      const found = classQuotas(records, classId);
      if (isRefusal(found)) return found;
      if (found.serves.length <= 1) return refuse('Lớp phải phục vụ ít nhất một đơn vị.', 'A class serves at least one agency.');
      if (!found.serves.some((q) => q.id === quotaId)) return QUOTA_NOT_FOUND;
      return { put: [{ ...found.cls, serves: found.serves.filter((q) => q.id !== quotaId) }] };
    },
  };
}

/**
 * Sets a parameter's value from the text typed; a parameter the plan did not set gets the default's confidence
 * (`assumed`) and a source saying it was entered in the page. `text` empty: the plan's own value is removed and the
 * documented default applies again. A parameter is named by its name in the engine's catalogue: its identity.
 */
export function setPlanParameter(planId: RecordId, name: PlanParameterName, text: string): Command {
  return {
    type: 'plan/parameter-set',
    label: { vi: 'Sửa tham số', en: 'Edit parameter' },
    mergeKey: mergeKey('plan', planId, 'parameters', name),
    run: (records) => {
      const plan = recordOr(records, planId, 'plan', PLAN_NOT_FOUND);
      if (isRefusal(plan)) return plan;
      if (!Object.hasOwn(PLAN_PARAMETERS, name)) return refuse(`Không có tham số "${name}".`, `No parameter "${name}".`);
      const params = isObject(plan.meta.parameters) ? { ...plan.meta.parameters } : {};
      if (text.trim() === '') delete params[name];
      else {
        const old = isObject(params[name]) ? params[name] : undefined;
        params[name] = { ...(old ?? { confidence: 'assumed', source: EDITED_PARAMETER_SOURCE }), value: cellDecimal(text) };
      }
      return { put: [{ ...plan, meta: { ...plan.meta, parameters: params } }] };
    },
  };
}

/**
 * Puts a plan document into the workspace as records (the Hà Nội plan into a workspace saved before plans existed, a
 * copy saved under a new id), with fresh ids; a plan already under `planId` is replaced, its classes with it.
 */
export function putPlan(planId: RecordId, doc: Json): Command {
  return {
    type: 'plan/put',
    label: { vi: 'Thêm kế hoạch', en: 'Add plan' },
    run: (records, ctx): Change | Refusal => {
      if (!isPlanShaped(doc)) return NO_CLASS_LIST;
      const old = records.get(planId);
      const put = recordsFromPlan(doc, planId, ctx.ids);
      return old?.type === 'plan' && old.classes?.length ? { remove: old.classes, put } : { put };
    },
  };
}
