/**
 * The workspace as records, the way tldraw's store holds a document: every editable thing is a record with a stable
 * id, so a condition keeps its identity (layout, selection, diagnostics) when others are inserted, deleted or
 * regrouped around it — never an array index. Records are immutable values; a change replaces records.
 *
 * A ruleset is split into one `ruleset` record (its regulation metadata and the order of its rules), one `rule`
 * record per rule and one `cond` record per condition node. The plain ruleset (the file `llct check --ruleset`
 * takes) is rebuilt from them by `toRuleset`; nothing of the editor ever reaches that file. Layout (node
 * positions, collapsed groups) lives in `layout` records, apart from the documents.
 */
import type { GoldenCaseFile } from '../../engine/documents/goldenCases.ts';
import type { Rule, Ruleset } from '../../engine/documents/ruleset.ts';
import type { Sample } from './samples.ts';

export type RecordId = string;

/** Where a workspace ruleset came from. */
export type RulesetOrigin = 'builtin' | 'imported' | 'created';

export interface RulesetRecord {
  id: RecordId;
  type: 'ruleset';
  /** Everything of the ruleset but its rules: schema, version, id, regulation, subjectGroups. */
  meta: Omit<Ruleset, 'rules'>;
  /** Rule record ids in document order (tier rules: first match names the school). */
  rules: RecordId[];
  origin: RulesetOrigin;
}

/** A rule's metadata; its conditions are the `cond` record `root`. */
export type RuleData = Omit<Rule, 'conditions'>;

export interface RuleRecord {
  id: RecordId;
  type: 'rule';
  ruleset: RecordId;
  data: RuleData;
  /** The top-level condition (always a group: all, any or not). */
  root: RecordId;
}

export type GroupOp = 'all' | 'any';

export interface LeafData {
  fact: string;
  operator: string;
  value: unknown;
  path?: string;
  params?: Record<string, unknown>;
}

export type CondNode =
  | { op: GroupOp; children: RecordId[] }
  | { op: 'not'; child: RecordId }
  | ({ op: 'leaf' } & LeafData);

export interface CondRecord {
  id: RecordId;
  type: 'cond';
  /** The rule the condition belongs to. */
  rule: RecordId;
  /** The parent condition, or the rule id for the root. */
  parent: RecordId;
  node: CondNode;
}

/**
 * A lifecycle (quy trình) is split like a ruleset: one `lifecycle` record (the document's metadata, the order of its
 * states and its initial state), one `state` record per state and one `transition` record per transition, each with a
 * stable id. A state's name (`in-session`, what the engine, snapshots and guards use) is a field of its record, so a
 * rename changes a field and the canvas layout (keyed by state record id) follows by itself. Events keep their type
 * as identity and parameters their name (both stay in `meta`). The plain document is rebuilt by `toLifecycle`.
 */
export interface LifecycleRecord {
  id: RecordId;
  type: 'lifecycle';
  /** Everything of the document but `initial` and `states`: schema, id, revision, subject, title, parameters, events, revisions… */
  meta: Record<string, unknown>;
  /** The initial state; absent when the document has none. */
  initial?: StateRef;
  /** State record ids in document order. */
  states: RecordId[];
  /**
   * The revision the editor opened in this workspace to record state renames (`revisions[].renamedStates`): later
   * renames go into it rather than opening one more. Absent until the first rename.
   */
  openRevision?: number;
}

/**
 * A state named by a lifecycle (its initial state, a transition's target): the state record, or — in a document that
 * names a state it does not have — the name as written, kept so that the document round-trips unchanged. A `name`
 * never names a state the lifecycle has (adding or renaming a state to that name turns it into a `state`).
 */
export type StateRef = { state: RecordId } | { name: unknown };

export interface StateRecord {
  id: RecordId;
  type: 'state';
  lifecycle: RecordId;
  /** The state's id in the document (`in-session`): what the engine, snapshots and guards name. */
  name: string;
  /** The state's fields but `on`: label, description, final… */
  data: Record<string, unknown>;
  /** Its transition record ids in document order (by event, then in the order they are tried); absent when the state has no `on`. */
  on?: RecordId[];
}

export interface TransitionRecord {
  id: RecordId;
  type: 'transition';
  lifecycle: RecordId;
  /** The state record it leaves. */
  from: RecordId;
  /** The event type (`CLOSE_RECRUITMENT`). */
  event: string;
  /** Absent: the state stays the same and only the actions run. */
  target?: StateRef;
  /** The transition's fields but `target`: guard, actions, description… */
  data: Record<string, unknown>;
}

export interface GoldenRecord {
  id: RecordId;
  type: 'golden';
  /** Id of the ruleset *document* (`57-qd-tw`) the cases are about, as in the file. */
  doc: GoldenCaseFile;
}

/** A named version: a frozen copy of one workspace ruleset as a plain ruleset. */
export interface VersionRecord {
  id: RecordId;
  type: 'version';
  /** The workspace ruleset record it was taken from. */
  ruleset: RecordId;
  name: string;
  /** ISO date-time the version was saved (from the injected clock). */
  savedAt: string;
  snapshot: Ruleset;
}

export interface Point { x: number; y: number }

/** The layout of one document's canvas (a ruleset's or a lifecycle's): positions set by hand or by auto-layout, and collapsed nodes. */
export interface LayoutRecord {
  id: RecordId;
  type: 'layout';
  /** The head record of the document whose canvas this lays out (`ruleset:57-qd-tw`, `lifecycle:class-default`). */
  owner: RecordId;
  positions: Record<RecordId, Point>;
  collapsed: RecordId[];
}

/** The sample cadres the test bench and the check page offer (the shipped ones, plus those the user saves). */
export interface CadresRecord {
  id: RecordId;
  type: 'cadres';
  items: Sample[];
}

export const SAMPLES_RECORD_ID = 'cadres:samples';

/**
 * A yearly training plan (`llct/plan`): its head record, everything of the plan but its classes, as written (defaults
 * not filled in, so an export is what the user wrote), and the order of its classes. Table edits may leave the plan
 * invalid (a minimum above the maximum, a date not yet complete): the Simulation view shows the plan's diagnostics on
 * the cells and refuses to run it until they are fixed, but nothing typed is lost. The plain plan is rebuilt by
 * `toPlan` (planRecords.ts). Parameters stay in `meta.parameters`, keyed by their names: a name is the parameter's
 * identity in the engine's fixed catalogue (`PLAN_PARAMETERS`) and is never renamed.
 */
export interface PlanRecord {
  id: RecordId;
  type: 'plan';
  /** The plan's fields but `classes`, in the file's order. */
  meta: Record<string, unknown>;
  /** `plan-class` record ids in document order; absent when the document has no `classes`. */
  classes?: RecordId[];
}

/** One quota of a class (`serves[]`: agency and seats, as written), with an id of its own. */
export interface PlanQuotaItem {
  id: RecordId;
  data: Record<string, unknown>;
}

/**
 * One class of a plan, with a stable record id: a row of the table keeps its identity (edits, React keys, diagnostics)
 * when rows are added, duplicated or deleted around it. Its quotas are items of the record, each with an id: they are
 * edited and copied only with their class.
 */
export interface PlanClassRecord {
  id: RecordId;
  type: 'plan-class';
  /** The plan's head record. */
  plan: RecordId;
  /** The class's fields but `serves`, in the file's order (its document id `tc-01`, name, sizes, dates…). */
  data: Record<string, unknown>;
  /** The class's `serves`, in order; absent when the class has none. */
  serves?: PlanQuotaItem[];
}

/**
 * A ruleset overlay (`llct/ruleset-overlay`) the user imported: the document as written (it is read-only in the
 * editor; the engine's schema and `validateOverlay` judge it where it shows). One record per overlay, its id
 * `overlay:<document id>`.
 */
export interface OverlayRecord {
  id: RecordId;
  type: 'overlay';
  doc: Record<string, unknown>;
}

/** Record id of an overlay document: `overlay:lao-cai-10-qd-tu-minh-hoa`. */
export const overlayRecordId = (overlayId: string): RecordId => `overlay:${overlayId}`;

/** Record id of a plan document: `plan:ha-noi-2024`. */
export const planRecordId = (planId: string): RecordId => `plan:${planId}`;

export type WorkspaceRecord =
  | RulesetRecord | RuleRecord | CondRecord | LifecycleRecord | GoldenRecord | VersionRecord | LayoutRecord | CadresRecord | PlanRecord
  | StateRecord | TransitionRecord | PlanClassRecord | OverlayRecord;

export type RecordType = WorkspaceRecord['type'];

/** The workspace state: an immutable map of records by id. */
export type Records = ReadonlyMap<RecordId, WorkspaceRecord>;

export function layoutIdOf(owner: RecordId): RecordId {
  return `layout:${owner}`;
}

/** The record with this id if it has this type. */
export function recordOf<T extends RecordType>(records: Records, id: RecordId, type: T): Extract<WorkspaceRecord, { type: T }> | undefined {
  const r = records.get(id);
  return r && r.type === type ? r as Extract<WorkspaceRecord, { type: T }> : undefined;
}

/** Every record of a type, in id order (stable for listings and serialisation). */
export function recordsOfType<T extends RecordType>(records: Records, type: T): Array<Extract<WorkspaceRecord, { type: T }>> {
  const out: Array<Extract<WorkspaceRecord, { type: T }>> = [];
  for (const r of records.values()) if (r.type === type) out.push(r as Extract<WorkspaceRecord, { type: T }>);
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
