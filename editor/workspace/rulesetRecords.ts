/**
 * Plain ruleset ⇄ records. `recordsFromRuleset` splits a ruleset into ruleset/rule/cond records with fresh ids;
 * `toRuleset` puts it back together, exactly the JSON `llct validate --ruleset` and `llct check --ruleset` read,
 * and says which record each document path belongs to, so a diagnostic's path lands on its node.
 */
import type { Condition, Ruleset, TopLevelCondition } from '../../engine/documents/ruleset.ts';
import type { CondNode, CondRecord, RecordId, Records, RuleRecord, RulesetOrigin, RulesetRecord, WorkspaceRecord } from './records.ts';

export type PathSegment = string | number;

/** Makes record ids; injected so that tests and the default workspace are deterministic. */
export type IdSource = (prefix: 'ruleset' | 'rule' | 'cond' | 'version'
  | 'state' | 'transition' | 'plan-class' | 'quota') => RecordId;

/** A counter-based id source: `rule:1`, `cond:2`… after an optional namespace (`rule:a.1`). */
export function counterIds(namespace = ''): IdSource {
  let n = 0;
  return (prefix) => `${prefix}:${namespace}${++n}`;
}

export function recordsFromRuleset(ruleset: Ruleset, rulesetId: RecordId, origin: RulesetOrigin, ids: IdSource): WorkspaceRecord[] {
  const out: WorkspaceRecord[] = [];
  const { rules, ...meta } = ruleset;
  const ruleIds: RecordId[] = [];
  for (const rule of rules) {
    const { conditions, ...data } = rule;
    const ruleId = ids('rule');
    ruleIds.push(ruleId);
    const root = condRecords(conditions, ruleId, ruleId, ids, out);
    out.push({ id: ruleId, type: 'rule', ruleset: rulesetId, data, root });
  }
  out.push({ id: rulesetId, type: 'ruleset', meta, rules: ruleIds, origin });
  return out;
}

/** Records for a condition subtree; returns the id of its top record. */
export function condRecords(c: Condition, rule: RecordId, parent: RecordId, ids: IdSource, out: WorkspaceRecord[]): RecordId {
  const id = ids('cond');
  let node: CondNode;
  if ('all' in c) node = { op: 'all', children: c.all.map((x) => condRecords(x, rule, id, ids, out)) };
  else if ('any' in c) node = { op: 'any', children: c.any.map((x) => condRecords(x, rule, id, ids, out)) };
  else if ('not' in c) node = { op: 'not', child: condRecords(c.not, rule, id, ids, out) };
  else {
    node = { op: 'leaf', fact: c.fact, operator: c.operator, value: c.value };
    if (c.path !== undefined) node.path = c.path;
    if (c.params !== undefined) node.params = c.params;
  }
  out.push({ id, type: 'cond', rule, parent, node });
  return id;
}

export interface BuiltRuleset {
  ruleset: Ruleset;
  /** The record behind each document path (`rules.3.conditions.all.0`), for rules and conditions. */
  nodeAtPath: ReadonlyMap<string, RecordId>;
  /** The document path of each rule and condition record. */
  pathOf: ReadonlyMap<RecordId, readonly PathSegment[]>;
}

const cache = new WeakMap<RulesetRecord, { used: WorkspaceRecord[]; built: BuiltRuleset }>();

/**
 * The plain ruleset of a workspace ruleset record. Remembered per ruleset record and reused while every rule and
 * condition record it was built from is unchanged, so a layout change or an edit of another ruleset keeps the same
 * ruleset object (and whatever is memoized on it: checkers, diagnostics).
 */
export function toRuleset(records: Records, rulesetId: RecordId): BuiltRuleset {
  const rs = records.get(rulesetId);
  if (!rs || rs.type !== 'ruleset') throw new Error(`no ruleset record ${rulesetId}`);
  const hit = cache.get(rs);
  if (hit && hit.used.every((r) => records.get(r.id) === r)) return hit.built;
  const nodeAtPath = new Map<string, RecordId>();
  const pathOf = new Map<RecordId, readonly PathSegment[]>();
  const used: WorkspaceRecord[] = [];
  const rules = rs.rules.map((ruleId, i) => {
    const r = records.get(ruleId) as RuleRecord;
    used.push(r);
    const at: PathSegment[] = ['rules', i];
    nodeAtPath.set(at.join('.'), ruleId);
    pathOf.set(ruleId, at);
    return { ...r.data, conditions: toCondition(records, r.root, [...at, 'conditions'], nodeAtPath, pathOf, used) as TopLevelCondition };
  });
  const built: BuiltRuleset = { ruleset: { ...rs.meta, rules } as Ruleset, nodeAtPath, pathOf };
  cache.set(rs, { used, built });
  return built;
}

function toCondition(records: Records, id: RecordId, at: PathSegment[], nodeAtPath: Map<string, RecordId>, pathOf: Map<RecordId, readonly PathSegment[]>, used: WorkspaceRecord[]): Condition {
  const rec = records.get(id) as CondRecord;
  used.push(rec);
  nodeAtPath.set(at.join('.'), id);
  pathOf.set(id, at);
  const n = rec.node;
  switch (n.op) {
    case 'all': return { all: n.children.map((c, i) => toCondition(records, c, [...at, 'all', i], nodeAtPath, pathOf, used)) };
    case 'any': return { any: n.children.map((c, i) => toCondition(records, c, [...at, 'any', i], nodeAtPath, pathOf, used)) };
    case 'not': return { not: toCondition(records, n.child, [...at, 'not'], nodeAtPath, pathOf, used) };
    case 'leaf': {
      const leaf: Condition = { fact: n.fact, operator: n.operator, value: n.value };
      if (n.path !== undefined) leaf.path = n.path;
      if (n.params !== undefined) leaf.params = n.params;
      return leaf;
    }
  }
}

/** The deepest rule or condition record on a document path (a diagnostic on `…all[0].value` lands on the leaf). */
export function nodeForPath(built: BuiltRuleset, segments: readonly PathSegment[]): RecordId | undefined {
  for (let n = segments.length; n >= 2; n--) {
    const id = built.nodeAtPath.get(segments.slice(0, n).join('.'));
    if (id) return id;
  }
  return undefined;
}

/** Every record id of a condition subtree, the top included. */
export function subtreeIds(records: Records, id: RecordId): RecordId[] {
  const out: RecordId[] = [];
  const walk = (x: RecordId) => {
    out.push(x);
    const r = records.get(x);
    if (!r || r.type !== 'cond') return;
    if (r.node.op === 'all' || r.node.op === 'any') r.node.children.forEach(walk);
    else if (r.node.op === 'not') walk(r.node.child);
  };
  walk(id);
  return out;
}

