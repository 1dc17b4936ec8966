/**
 * What a workspace record must be for the editor to hold it, store it and read it back: the record's own shape
 * (`RecordSchema`), documents shaped so that every view can walk them (a lifecycle's states are objects, a plan's
 * classes a list, a version's snapshot has rules), no forbidden key (`__proto__`…) and only values JSON keeps as they
 * are (no NaN, no Infinity, no `undefined` in a list). The store refuses at once a change that breaks this; the loader
 * sets aside a stored record that breaks it. Whether a document is *valid* (a title left empty, a minimum above the
 * maximum) is another matter: that is a diagnostic on the document, never a reason to refuse or set aside.
 */
import { z } from 'zod/mini';
import { diagnostic, type Diagnostic } from '../../engine/diagnostics/Diagnostic.ts';
import { describeSchemaIssues } from '../../engine/diagnostics/describeSchemaIssues.ts';
import type { WorkspaceRecord } from './records.ts';
import { findForbiddenKey, RecordSchema } from './workspaceDocument.ts';

const Obj = z.record(z.string(), z.unknown());

/**
 * The parts of a lifecycle's metadata the inspector and the class run walk; the rest is the lifecycle checks' job.
 * (Its states and transitions are records of their own, whose shapes `RecordSchema` gives.)
 */
const LifecycleMetaShape = z.object({
  id: z.string(),
  events: z.optional(z.record(z.string(), Obj)),
  parameters: z.optional(z.record(z.string(), Obj)),
  revisions: z.optional(z.array(Obj)),
});

/** The parts of a plan's head the tables walk (its classes are records of their own): parameters by name, agencies a list. */
const PlanShape = z.object({
  parameters: z.optional(Obj),
  agencies: z.optional(z.array(Obj)),
});

/** What the versions panel and a restore read of a saved version: a ruleset with rules that have conditions. */
const SnapshotShape = z.object({
  id: z.string(),
  regulation: Obj,
  rules: z.array(z.object({ id: z.string(), conditions: Obj })),
});

const DOCUMENT_SHAPES: Partial<Record<WorkspaceRecord['type'], { field: 'doc' | 'snapshot' | 'meta'; schema: z.ZodMiniType }>> = {
  lifecycle: { field: 'meta', schema: LifecycleMetaShape },
  plan: { field: 'meta', schema: PlanShape },
  version: { field: 'snapshot', schema: SnapshotShape },
};

/** The first value JSON does not keep as it is (NaN, ±Infinity, undefined in a list, a function…), with its path. */
export function findNonJson(value: unknown, at: Array<string | number> = [], depth = 0): Array<string | number> | undefined {
  if (depth > 200) return at;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : at;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findNonJson(value[i], [...at, i], depth + 1);
      if (hit) return hit;
    }
    return undefined;
  }
  if (typeof value === 'object') {
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null) return at;
    for (const [k, v] of Object.entries(value)) {
      // An absent optional field is fine: JSON drops it and the loader reads the field as absent.
      if (v === undefined) continue;
      const hit = findNonJson(v, [...at, k], depth + 1);
      if (hit) return hit;
    }
    return undefined;
  }
  return at;
}

/** Whether an object key anywhere holds `undefined` (JSON and a reload then see the key as absent). */
function hasUndefinedField(value: unknown, depth = 0): boolean {
  if (depth > 200 || typeof value !== 'object' || value === null) return false;
  return Array.isArray(value) ? value.some((v) => hasUndefinedField(v, depth + 1))
    : Object.values(value).some((v) => v === undefined || hasUndefinedField(v, depth + 1));
}

const pathText = (segments: ReadonlyArray<string | number>) => segments.map(String).join('.');

/**
 * Why `raw` cannot be held as a workspace record (empty when it can). Diagnostics are located inside the record
 * (`doc.states.planned`), worded for a person.
 */
export function recordProblems(raw: unknown): Diagnostic[] {
  const forbidden = findForbiddenKey(raw);
  if (forbidden) {
    const key = String(forbidden[forbidden.length - 1]);
    return [diagnostic('workspace/forbidden-key', 'error', pathText(forbidden), { vi: `Khoá bị cấm "${key}".`, en: `Forbidden key "${key}".` })];
  }
  const nonJson = findNonJson(raw);
  if (nonJson) {
    return [diagnostic('workspace/not-json', 'error', nonJson, { vi: 'Giá trị không lưu được dưới dạng JSON (NaN, vô cực hoặc một đối tượng đặc biệt).', en: 'A value JSON cannot hold (NaN, infinity or a special object).' })];
  }
  // Judged as it will be read back: a field holding `undefined` is absent after a save (a required one is then missing).
  const stored: unknown = hasUndefinedField(raw) ? JSON.parse(JSON.stringify(raw)) : raw;
  const parsed = describeSchemaIssues(RecordSchema, stored);
  if (!parsed.success) {
    return parsed.issues.flatMap((i) => (i.unknownKeys ?? [undefined]).map((key) => diagnostic('workspace/bad-record', 'error', key === undefined ? i.path : [...i.path, key], { vi: i.vi, en: i.en })));
  }
  const shape = DOCUMENT_SHAPES[parsed.data.type];
  if (!shape) return [];
  const inner = describeSchemaIssues(shape.schema, (parsed.data as Record<string, unknown>)[shape.field]);
  return inner.success ? [] : inner.issues.map((i) => diagnostic('workspace/bad-document', 'error', [shape.field, ...i.path], { vi: i.vi, en: i.en }));
}
