/**
 * The workspace as a document of its own (`llct/workspace`): what is autosaved, exported and imported. Version 2
 * stores the records; version 1, the first format, stored plain rulesets with layout keyed by document paths
 * (`rules.3.conditions.all.0`) — positions that moved to the wrong node as soon as a condition was inserted above.
 * Its migration gives every rule and condition an id and re-keys the layout by those ids.
 *
 * `loadWorkspaceDocument` is the strict, all-or-nothing reading: parse → refuse forbidden keys → migrate → validate the
 * records' shapes → check that they hang together → rebuild every ruleset and load it as `llct/ruleset`. It migrates
 * version 1. Stored and imported version-2 workspaces are read part by part by `readWorkspace` (readWorkspace.ts),
 * which sets a bad part aside instead of refusing the rest, and leaves invalid documents to the views' diagnostics.
 */
import { z } from 'zod/mini';
import { diagnostic, hintOf, type Diagnostic } from '../../engine/diagnostics/Diagnostic.ts';
import { Nomination } from '../../engine/documents/cadre.ts';
import { LabelSchema } from '../../engine/documents/enums.ts';
import { GoldenCaseFileSchema } from '../../engine/documents/goldenCases.ts';
import { loadDocument, type DocumentKind, type Migration } from '../../engine/documents/loadDocument.ts';
import { MAX_DOCUMENT_DEPTH } from '../../engine/documents/findTooDeep.ts';
import { RULESET_KIND } from '../../engine/documents/ruleset.ts';
import { checkRecordGraph } from './checkRecordGraph.ts';
import { migrateRecordsV2toV3 } from './migrations/v2ToV3.ts';
import { layoutIdOf, type WorkspaceRecord } from './records.ts';
import { counterIds, recordsFromRuleset, toRuleset, type PathSegment } from './rulesetRecords.ts';

export const WORKSPACE_VERSION = 3;

const Id = z.string().check(z.minLength(1), z.maxLength(200));
const Point = z.strictObject({ x: z.number(), y: z.number() });
const Leaf = z.strictObject({
  op: z.literal('leaf'), fact: z.string(), operator: z.string(), value: z.unknown(),
  path: z.optional(z.string()), params: z.optional(z.record(z.string(), z.unknown())),
});
const CondNodeSchema = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('all'), children: z.array(Id) }),
  z.strictObject({ op: z.literal('any'), children: z.array(Id) }),
  z.strictObject({ op: z.literal('not'), child: Id }),
  Leaf,
]);

/** A lifecycle's reference to a state: its record, or a name the document has no state for (written, kept). */
const StateRefSchema = z.union([z.strictObject({ state: Id }), z.strictObject({ name: z.unknown() }).check(z.refine((r) => r.name !== undefined, 'name'))]);

export const RecordSchema = z.discriminatedUnion('type', [
  z.strictObject({ id: Id, type: z.literal('ruleset'), meta: z.record(z.string(), z.unknown()), rules: z.array(Id), origin: z.enum(['builtin', 'imported', 'created']) }),
  z.strictObject({ id: Id, type: z.literal('rule'), ruleset: Id, data: z.record(z.string(), z.unknown()), root: Id }),
  z.strictObject({ id: Id, type: z.literal('cond'), rule: Id, parent: Id, node: CondNodeSchema }),
  z.strictObject({ id: Id, type: z.literal('lifecycle'), meta: z.record(z.string(), z.unknown()), initial: z.optional(StateRefSchema), states: z.array(Id), openRevision: z.optional(z.int().check(z.gte(2))) }),
  z.strictObject({ id: Id, type: z.literal('state'), lifecycle: Id, name: z.string(), data: z.record(z.string(), z.unknown()), on: z.optional(z.array(Id)) }),
  z.strictObject({ id: Id, type: z.literal('transition'), lifecycle: Id, from: Id, event: z.string(), target: z.optional(StateRefSchema), data: z.record(z.string(), z.unknown()) }),
  z.strictObject({ id: Id, type: z.literal('golden'), doc: GoldenCaseFileSchema }),
  z.strictObject({ id: Id, type: z.literal('version'), ruleset: Id, name: z.string().check(z.minLength(1)), savedAt: z.string(), snapshot: z.record(z.string(), z.unknown()) }),
  z.strictObject({ id: Id, type: z.literal('layout'), owner: Id, positions: z.record(z.string(), Point), collapsed: z.array(Id) }),
  z.strictObject({
    id: Id, type: z.literal('cadres'),
    items: z.array(z.strictObject({ id: z.string().check(z.minLength(1)), title: LabelSchema, profile: z.record(z.string(), z.unknown()), nomination: Nomination })),
  }),
  // Plans came after version 2 was fixed: a workspace without them still loads (the record type is simply absent).
  z.strictObject({ id: Id, type: z.literal('plan'), meta: z.record(z.string(), z.unknown()), classes: z.optional(z.array(Id)) }),
  z.strictObject({
    id: Id, type: z.literal('plan-class'), plan: Id, data: z.record(z.string(), z.unknown()),
    serves: z.optional(z.array(z.strictObject({ id: Id, data: z.record(z.string(), z.unknown()) }))),
  }),
]);

export const WorkspaceDocumentSchema = z.strictObject({
  schema: z.literal('llct/workspace'),
  version: z.literal(WORKSPACE_VERSION),
  name: z.string().check(z.minLength(1)),
  records: z.array(RecordSchema),
});
export type WorkspaceDocument = { schema: 'llct/workspace'; version: 3; name: string; records: WorkspaceRecord[] };

/** Version 1 → 2: plain rulesets become records; path-keyed positions move to the records at those paths. */
const v1ToV2: Migration = (doc) => {
  const ids = counterIds('m');
  // Version-2 records (layouts still name their document `ruleset`); the next step makes them version 3.
  const records: unknown[] = [];
  const rulesets = Array.isArray(doc.rulesets) ? doc.rulesets as Array<Record<string, unknown>> : [];
  const layout = (typeof doc.layout === 'object' && doc.layout !== null ? doc.layout : {}) as Record<string, { positions?: Record<string, { x: number; y: number }>; collapsed?: string[] }>;
  for (const rs of rulesets) {
    const loaded = loadDocument(RULESET_KIND, rs);
    // loadWorkspaceDocument reports rulesets that do not load before migrating; skip them if called directly.
    if (!loaded.ok) continue;
    const rulesetId = `ruleset:${loaded.value.id}`;
    const own = recordsFromRuleset(loaded.value, rulesetId, rs.origin === 'imported' ? 'imported' : 'builtin', ids);
    records.push(...own);
    const old = layout[loaded.value.id];
    if (old) {
      const built = toRuleset(new Map(own.map((r) => [r.id, r])), rulesetId);
      const byPath = (p: string) => built.nodeAtPath.get(p);
      const positions: Record<string, { x: number; y: number }> = {};
      for (const [p, point] of Object.entries(old.positions ?? {})) {
        const id = p === '' ? rulesetId : byPath(p);
        if (id) positions[id] = point;
      }
      const collapsed = (old.collapsed ?? []).map((p) => byPath(p)).filter((x): x is string => x !== undefined).sort();
      records.push({ id: layoutIdOf(rulesetId), type: 'layout', ruleset: rulesetId, positions, collapsed });
    }
  }
  const lifecycles = (typeof doc.lifecycles === 'object' && doc.lifecycles !== null ? doc.lifecycles : {}) as Record<string, Record<string, unknown>>;
  for (const [id, lc] of Object.entries(lifecycles)) records.push({ id: `lifecycle:${id}`, type: 'lifecycle', doc: lc });
  const golden = Array.isArray(doc.goldenCases) ? doc.goldenCases as Array<{ ruleset: string }> : [];
  for (const g of golden) records.push({ id: `golden:${g.ruleset}`, type: 'golden', doc: g as never });
  return { schema: 'llct/workspace', version: 2, name: typeof doc.name === 'string' ? doc.name : 'Không gian làm việc', records };
};

/** Version 2 → 3: record by record (migrations/v2ToV3.ts). */
const v2ToV3: Migration = (doc) => ({ ...doc, version: 3, records: migrateRecordsV2toV3(Array.isArray(doc.records) ? doc.records : []) });

export const WORKSPACE_KIND: DocumentKind<typeof WorkspaceDocumentSchema> = {
  kind: 'llct/workspace', version: WORKSPACE_VERSION, schema: WorkspaceDocumentSchema, migrations: { 1: v1ToV2, 2: v2ToV3 },
};

/** The document of a set of records, records sorted by id: the same state always gives the same bytes. */
export function toWorkspaceDocument(name: string, records: Iterable<WorkspaceRecord>): WorkspaceDocument {
  return { schema: 'llct/workspace', version: WORKSPACE_VERSION, name, records: [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) };
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** The first forbidden key (`__proto__`, `constructor`, `prototype`) anywhere in a parsed JSON value, with its path. */
export function findForbiddenKey(value: unknown, at: PathSegment[] = [], depth = 0): PathSegment[] | undefined {
  // Deeper than any document may nest: not a key to report; loadDocument/validateRuleset refuse the depth itself.
  if (depth > MAX_DOCUMENT_DEPTH) return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findForbiddenKey(value[i], [...at, i], depth + 1);
      if (hit) return hit;
    }
  } else if (typeof value === 'object' && value !== null) {
    for (const k of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(k)) return [...at, k];
      const hit = findForbiddenKey((value as Record<string, unknown>)[k], [...at, k], depth + 1);
      if (hit) return hit;
    }
  }
  return undefined;
}

export type WorkspaceLoad = { ok: true; document: WorkspaceDocument; migratedFrom?: number } | { ok: false; diagnostics: Diagnostic[] };

/** A version-1 workspace's rulesets that do not load, with their paths in the file (the migration needs them whole). */
function v1RulesetProblems(raw: unknown): Diagnostic[] {
  if (typeof raw !== 'object' || raw === null || (raw as { version?: unknown }).version !== 1) return [];
  const rulesets = (raw as { rulesets?: unknown }).rulesets;
  if (!Array.isArray(rulesets)) return [];
  return rulesets.flatMap((rs, i) => {
    const r = loadDocument(RULESET_KIND, rs);
    return r.ok ? [] : r.diagnostics.map((d) => diagnostic(d.code, d.severity, ['rulesets', i, ...d.segments], { vi: d.message, en: d.messageEn }, hintOf(d)));
  });
}

/** Reads a workspace from parsed JSON; never throws on bad input. */
export function loadWorkspaceDocument(raw: unknown): WorkspaceLoad {
  const forbidden = findForbiddenKey(raw);
  if (forbidden) {
    return { ok: false, diagnostics: [diagnostic('workspace/forbidden-key', 'error', forbidden.join('.'), { vi: `Khoá bị cấm "${String(forbidden[forbidden.length - 1])}" trong tệp.`, en: `Forbidden key "${String(forbidden[forbidden.length - 1])}" in the file.` })] };
  }
  const oldRulesets = v1RulesetProblems(raw);
  if (oldRulesets.length > 0) return { ok: false, diagnostics: oldRulesets };
  const loaded = loadDocument(WORKSPACE_KIND, raw);
  if (!loaded.ok) return { ok: false, diagnostics: loaded.diagnostics };
  const records = loaded.value.records as unknown as WorkspaceRecord[];
  const problems = checkRecordGraph(records);
  if (problems.length > 0) return { ok: false, diagnostics: problems };
  const byId = new Map(records.map((r) => [r.id, r]));
  const diagnostics: Diagnostic[] = [];
  for (const r of records) {
    if (r.type !== 'ruleset') continue;
    const rs = loadDocument(RULESET_KIND, toRuleset(byId, r.id).ruleset);
    if (!rs.ok) diagnostics.push(...rs.diagnostics.map((d) => ({ ...d, path: `${r.id}: ${d.path}` })));
  }
  if (diagnostics.length > 0) return { ok: false, diagnostics };
  const document = toWorkspaceDocument(loaded.value.name, records);
  return loaded.migratedFrom === undefined ? { ok: true, document } : { ok: true, document, migratedFrom: loaded.migratedFrom };
}
