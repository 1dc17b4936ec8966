/**
 * Reads a stored (or imported) workspace part by part, so that one bad part never blocks the rest: every record
 * that holds (see `recordProblems`) is taken; a record that does not — or a ruleset whose rules and conditions do
 * not hang together — is *set aside*: kept verbatim, with its reasons, for the user to export, repair (when the
 * problem is in fields that can be left out) or drop. Documents that are merely invalid (an empty title, a value out
 * of range) are taken as they are: their problems are diagnostics in the views, as they were before the reload.
 *
 * Only a file that is not a workspace at all (not an object, another kind, a newer version, no list of records) is
 * refused as a whole. Pure; never throws on bad input.
 */
import { diagnostic, type Diagnostic } from '../../engine/diagnostics/Diagnostic.ts';
import type { Label } from '../../engine/documents/enums.ts';
import { checkLifecycleGraph } from './checkLifecycleGraph.ts';
import { checkRecordGraph } from './checkRecordGraph.ts';
import { v2LifecycleProblems } from './migrations/lifecycleV3.ts';
import { migrateRecordsV2toV3 } from './migrations/v2ToV3.ts';
import { layoutIdOf, type WorkspaceRecord } from './records.ts';
import { planPart } from './readPlanPart.ts';
import { recordProblems } from './recordProblems.ts';
import { repairRecord } from './repairRecord.ts';
import { loadWorkspaceDocument, toWorkspaceDocument, WORKSPACE_VERSION, type WorkspaceDocument } from './workspaceDocument.ts';

/** What a set-aside part is, for its title and its choices. */
export type SetAsideKind = 'ruleset' | 'lifecycle' | 'plan' | 'version' | 'layout' | 'golden' | 'cadres' | 'record' | 'history' | 'saved-run';

export interface SetAsidePart {
  /** Stable within a session: `records:ruleset:57-qd-tw`, `history`, `saved-run`. */
  key: string;
  kind: SetAsideKind;
  /** The record id (or the ruleset's record id) when known; `''` otherwise. */
  id: string;
  /** The stored values exactly as read (records of the workspace, or the stored history / saved run). */
  raw: readonly unknown[];
  reasons: readonly Diagnostic[];
  /** The records a repair in place puts back, when leaving out the bad fields makes them hold; with what is left out. */
  repair?: { records: WorkspaceRecord[]; dropped: readonly Label[] };
}

export type WorkspaceRead =
  | { ok: true; document: WorkspaceDocument; setAside: SetAsidePart[]; migratedFrom?: number }
  | { ok: false; diagnostics: Diagnostic[] };

const DEFAULT_NAME = 'Không gian làm việc';
const KNOWN_TYPES = new Set(['ruleset', 'rule', 'cond', 'lifecycle', 'golden', 'version', 'layout', 'cadres', 'plan',
  'state', 'transition']);
/** The group key of a plan's part (its head and classes), apart from the rulesets' keys. */
const PLAN_GROUP = '\u0000plan ';
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

function whole(vi: string, en: string, path = ''): WorkspaceRead {
  return { ok: false, diagnostics: [diagnostic('workspace/unreadable', 'error', path, { vi, en })] };
}

/** Reads a workspace value part by part (see the module comment). */
export function readWorkspace(raw: unknown): WorkspaceRead {
  if (!isObject(raw)) return whole('Dữ liệu đã lưu không phải là một không gian làm việc.', 'The stored value is not a workspace.');
  if (raw.schema !== undefined && raw.schema !== 'llct/workspace') return whole(`Tài liệu có schema "${String(raw.schema)}", cần "llct/workspace".`, `Document has schema "${String(raw.schema)}", expected "llct/workspace".`, 'schema');
  const version = raw.version ?? 1;
  // Version 2 is migrated record by record (a record the migration cannot read is left as it was, then set aside).
  if (version === 2 && Array.isArray(raw.records)) {
    const read = readWorkspace({ ...raw, version: WORKSPACE_VERSION, records: migrateRecordsV2toV3(raw.records) });
    return read.ok ? { ...read, migratedFrom: 2 } : read;
  }
  // The first format is migrated whole (its layout is keyed by paths into rulesets that must load to be re-keyed).
  if (version !== WORKSPACE_VERSION) {
    const old = loadWorkspaceDocument(raw);
    return old.ok ? { ok: true, document: old.document, setAside: [], ...(old.migratedFrom === undefined ? {} : { migratedFrom: old.migratedFrom }) } : old;
  }
  if (!Array.isArray(raw.records)) return whole('Không gian làm việc không có danh sách bản ghi.', 'The workspace has no list of records.', 'records');
  const extra = Object.keys(raw).filter((k) => !['schema', 'version', 'name', 'records'].includes(k));
  if (extra.length > 0) return whole(`Khoá lạ ở gốc không gian làm việc: ${extra.join(', ')} (có thể do một phiên bản mới hơn ghi).`, `Unknown keys at the top of the workspace: ${extra.join(', ')} (perhaps written by a newer version).`);
  const name = str(raw.name) ?? DEFAULT_NAME;
  // The first version-3 build (4b8570d) still saved lifecycles as JSON documents: the record steps migrate those too
  // (every step leaves records already of the current shapes as they are).
  const { records, setAside } = sortRecords(migrateRecordsV2toV3(raw.records));
  return { ok: true, document: toWorkspaceDocument(name, records), setAside };
}

interface Entry { raw: unknown; record?: WorkspaceRecord; reasons: Diagnostic[]; duplicate?: true }

const located = (id: string, ds: readonly Diagnostic[]): Diagnostic[] => ds.map((d) => ({ ...d, path: d.path === '' ? id : `${id}: ${d.path}` }));

function sortRecords(rawRecords: readonly unknown[]): { records: WorkspaceRecord[]; setAside: SetAsidePart[] } {
  const entries: Entry[] = rawRecords.map((raw, i) => {
    const reasons = recordProblems(raw);
    const id = isObject(raw) ? str(raw.id) ?? `records[${i}]` : `records[${i}]`;
    return reasons.length === 0 ? { raw, record: raw as WorkspaceRecord, reasons } : { raw, reasons: located(id, reasons) };
  });
  // A second record with an id already taken is set aside (the first that holds wins).
  const taken = new Map<string, Entry>();
  for (const e of entries) {
    if (!e.record) continue;
    if (taken.has(e.record.id)) {
      e.reasons = [diagnostic('workspace/duplicate-record', 'error', e.record.id, { vi: `Bản ghi "${e.record.id}" xuất hiện hai lần; bản sau được để riêng.`, en: `Record "${e.record.id}" appears twice; the later one is set aside.` })];
      delete e.record;
      e.duplicate = true;
    } else taken.set(e.record.id, e);
  }
  const rawType = (e: Entry) => (isObject(e.raw) ? e.raw.type : undefined);
  const rawField = (e: Entry, f: string) => (isObject(e.raw) ? str(e.raw[f]) : undefined);

  // Rulesets are one part each: the ruleset record, its rules and their conditions (and its layout, when set aside).
  const ruleOwner = new Map<string, string>();
  for (const e of entries) if (rawType(e) === 'rule') { const id = rawField(e, 'id'); const rs = rawField(e, 'ruleset'); if (id && rs) ruleOwner.set(id, rs); }
  const ownerOf = (e: Entry): string | undefined => {
    const type = rawType(e);
    if (type === 'ruleset') return rawField(e, 'id');
    if (type === 'rule') return rawField(e, 'ruleset');
    if (type === 'cond') { const rule = rawField(e, 'rule'); return rule ? ruleOwner.get(rule) : undefined; }
    // A plan is one part too: its head and its classes (grouped apart, whatever ids a broken record names).
    const plan = type === 'plan' ? rawField(e, 'id') : type === 'plan-class' ? rawField(e, 'plan') : undefined;
    return plan === undefined ? undefined : `${PLAN_GROUP}${plan}`;
  };
  const groups = new Map<string, Entry[]>();
  const loose: Entry[] = [];
  // Lifecycles are one part each too: the lifecycle record, its states and its transitions.
  const lifecycleOf = (e: Entry): string | undefined => {
    const type = rawType(e);
    return type === 'lifecycle' ? rawField(e, 'id') : type === 'state' || type === 'transition' ? rawField(e, 'lifecycle') : undefined;
  };
  const lifecycleGroups = new Map<string, Entry[]>();
  for (const e of entries) {
    const owner = e.duplicate ? undefined : ownerOf(e);
    const lifecycle = e.duplicate ? undefined : lifecycleOf(e);
    if (owner !== undefined) {
      groups.set(owner, [...(groups.get(owner) ?? []), e]);
    } else if (lifecycle !== undefined) {
      lifecycleGroups.set(lifecycle, [...(lifecycleGroups.get(lifecycle) ?? []), e]);
    } else loose.push(e);
  }

  const records: WorkspaceRecord[] = [];
  const setAside: SetAsidePart[] = [];
  for (const [rulesetId, members] of groups) {
    const held = members.filter((m) => m.record).map((m) => m.record!);
    if (rulesetId.startsWith(PLAN_GROUP)) {
      const part = planPart(rulesetId.slice(PLAN_GROUP.length), members.map((m) => ({ raw: m.raw, ...(m.record ? { record: m.record } : {}), reasons: m.reasons })));
      if ('setAside' in part) setAside.push(part.setAside); else records.push(...part.records);
      continue;
    }
    const hasRuleset = held.some((r) => r.type === 'ruleset');
    const graph = hasRuleset ? checkRecordGraph(held.filter((r) => r.type !== 'layout')).filter((d) => d.code !== 'workspace/no-ruleset') : [];
    const bad = members.flatMap((m) => m.reasons);
    if (hasRuleset && bad.length === 0 && graph.length === 0) { records.push(...held); continue; }
    const reasons = [...bad, ...graph];
    if (!hasRuleset) reasons.push(diagnostic('workspace/missing-ruleset', 'error', rulesetId, { vi: `Không đọc được bản ghi bộ quy tắc "${rulesetId}".`, en: `The ruleset record "${rulesetId}" does not read.` }));
    setAside.push({ key: `records:${rulesetId}`, kind: 'ruleset', id: rulesetId, raw: members.map((m) => m.raw), reasons: dedupe(reasons) });
  }
  for (const [lifecycleId, members] of lifecycleGroups) {
    const held = members.filter((m) => m.record).map((m) => m.record!);
    const hasHead = held.some((r) => r.type === 'lifecycle');
    const graph = hasHead ? checkLifecycleGraph(held) : [];
    const bad = members.flatMap((m) => { const v2 = v2LifecycleProblems(m.raw); return v2 ? located(lifecycleId, v2) : m.reasons; });
    if (hasHead && bad.length === 0 && graph.length === 0) { records.push(...held); continue; }
    const reasons = [...bad, ...graph];
    if (!hasHead && !members.some((m) => rawType(m) === 'lifecycle')) reasons.push(diagnostic('workspace/missing-lifecycle', 'error', lifecycleId, { vi: `Không đọc được bản ghi quy trình "${lifecycleId}".`, en: `The lifecycle record "${lifecycleId}" does not read.` }));
    setAside.push({ key: `records:${lifecycleId}`, kind: 'lifecycle', id: lifecycleId, raw: members.map((m) => m.raw), reasons: dedupe(reasons) });
  }
  const rulesetIds = new Set(records.filter((r) => r.type === 'ruleset').map((r) => r.id));
  const setAsideRulesets = new Set(setAside.map((p) => p.id));
  // Lifecycles that read, wherever they stand in the stored order: a lifecycle's layout may be stored before it.
  const lifecycleIds = new Set(records.filter((r) => r.type === 'lifecycle').map((r) => r.id));
  for (const e of loose) {
    const type = rawType(e);
    const id = (isObject(e.raw) ? str(e.raw.id) : undefined) ?? '';
    let reasons = e.reasons;
    // The layout of a ruleset or lifecycle set aside goes with it (it is of no use without it, and comes back with it).
    const layout = e.record?.type === 'layout' ? e.record : undefined;
    const ofRuleset = layout && layout.id === layoutIdOf(layout.owner) ? setAside.find((p) => (p.kind === 'ruleset' || p.kind === 'lifecycle') && p.id === layout.owner) : undefined;
    if (ofRuleset && reasons.length === 0) { setAside[setAside.indexOf(ofRuleset)] = { ...ofRuleset, raw: [...ofRuleset.raw, e.raw] }; continue; }
    if (e.record && reasons.length === 0) {
      reasons = looseProblems(e.record, rulesetIds, lifecycleIds, setAsideRulesets);
      if (reasons.length === 0) { records.push(e.record); continue; }
    }
    const kind = typeof type === 'string' && KNOWN_TYPES.has(type) && type !== 'rule' && type !== 'cond' && type !== 'ruleset' ? type as SetAsideKind : 'record';
    const repaired = e.record ? undefined : repairRecord(e.raw);
    const repair = repaired && looseProblems(repaired.record, rulesetIds, lifecycleIds, setAsideRulesets).length === 0 && !taken.has(repaired.record.id)
      ? { records: [repaired.record], dropped: repaired.dropped } : undefined;
    setAside.push({ key: `records:${id || `#${setAside.length}`}`, kind, id, raw: [e.raw], reasons, ...(repair ? { repair } : {}) });
  }
  return { records, setAside };
}

/** Problems of a record that holds on its own but not in this workspace: a rule or condition of no ruleset, a layout of nothing. */
function looseProblems(r: WorkspaceRecord, rulesetIds: ReadonlySet<string>, lifecycleIds: ReadonlySet<string>, setAsideRulesets: ReadonlySet<string>): Diagnostic[] {
  if (r.type === 'rule' || r.type === 'cond') {
    return [diagnostic('workspace/broken-record', 'error', r.id, { vi: `Bản ghi "${r.id}" không thuộc bộ quy tắc nào.`, en: `Record "${r.id}" belongs to no ruleset.` })];
  }
  if (r.type === 'layout' && !rulesetIds.has(r.owner) && !lifecycleIds.has(r.owner)) {
    const why = setAsideRulesets.has(r.owner) ? { vi: ' (bộ quy tắc đó đang được để riêng)', en: ' (that ruleset is set aside)' } : { vi: '', en: '' };
    return [diagnostic('workspace/broken-record', 'error', r.id, { vi: `Bố cục "${r.id}" của một bộ quy tắc hay quy trình không có${why.vi}.`, en: `Layout "${r.id}" is for a ruleset or lifecycle that is not there${why.en}.` })];
  }
  return [];
}

function dedupe(ds: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return ds.filter((d) => { const k = `${d.code} ${d.path} ${d.message}`; if (seen.has(k)) return false; seen.add(k); return true; });
}
