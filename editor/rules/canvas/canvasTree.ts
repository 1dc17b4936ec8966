/**
 * The shape of a ruleset's canvas as a tree, before any text or position: ruleset → (training level × rule kind)
 * sections → rules → condition groups → leaves. Node ids are record ids (sections: `section:<ruleset>:<level>:<kind>`),
 * never array indexes, so a node keeps its id when others are inserted or removed around it. Pure.
 */
import { RULE_KINDS, TRAINING_LEVELS, type RuleKind, type TrainingLevel } from '../../../engine/documents/enums.ts';
import type { CondRecord, RecordId, Records, RuleRecord } from '../../workspace/records.ts';
import { childrenOf } from '../../workspace/commands/conditionCommands.ts';

export type CanvasNodeKind = 'ruleset' | 'section' | 'rule' | 'group' | 'leaf';

export interface TreeNode {
  id: string;
  kind: CanvasNodeKind;
  /** The parent node id; undefined for the ruleset node. */
  parent: string | undefined;
  /** Visible children in order (empty when the node is collapsed). */
  children: string[];
  /** Every child, shown or not (the count a collapsed node reports). */
  childCount: number;
  collapsed: boolean;
  /** Depth from the ruleset node (0). */
  depth: number;
  level?: TrainingLevel;
  ruleKind?: RuleKind;
  /** The rule record a condition belongs to (and the rule itself for rule nodes). */
  rule?: RuleRecord;
  cond?: CondRecord;
}

export interface CanvasTree {
  rootId: string;
  /** Visible nodes, parents before children, siblings in document order. */
  order: TreeNode[];
  byId: ReadonlyMap<string, TreeNode>;
}

/** Fixed node sizes (px) per kind, so that layout needs no DOM measurement; the node components use the same. */
export const NODE_SIZES: Readonly<Record<CanvasNodeKind, { width: number; height: number }>> = {
  ruleset: { width: 240, height: 64 },
  section: { width: 200, height: 52 },
  rule: { width: 260, height: 72 },
  group: { width: 230, height: 44 },
  leaf: { width: 280, height: 56 },
};

export function sectionId(rulesetId: RecordId, level: TrainingLevel, kind: RuleKind): string {
  return `section:${rulesetId}:${level}:${kind}`;
}

/**
 * The visible tree of a ruleset: nodes in `collapsed` keep their place but hide their descendants. Throws when
 * `rulesetId` is not a ruleset record (a caller bug).
 */
export function buildCanvasTree(records: Records, rulesetId: RecordId, collapsed: ReadonlySet<string>): CanvasTree {
  const rs = records.get(rulesetId);
  if (!rs || rs.type !== 'ruleset') throw new Error(`no ruleset record ${rulesetId}`);
  const order: TreeNode[] = [];
  const byId = new Map<string, TreeNode>();
  const add = (n: Omit<TreeNode, 'children' | 'collapsed'>, childIds: readonly string[]): TreeNode => {
    const isCollapsed = collapsed.has(n.id) && childIds.length > 0;
    const node: TreeNode = { ...n, children: isCollapsed ? [] : [...childIds], collapsed: isCollapsed };
    order.push(node);
    byId.set(node.id, node);
    return node;
  };

  const rulesBySection = new Map<string, RuleRecord[]>();
  for (const id of rs.rules) {
    const r = records.get(id);
    if (r?.type !== 'rule') continue;
    const key = sectionId(rulesetId, r.data.level, r.data.kind);
    const list = rulesBySection.get(key);
    if (list) list.push(r); else rulesBySection.set(key, [r]);
  }
  const sections: string[] = [];
  for (const level of TRAINING_LEVELS) for (const kind of RULE_KINDS) sections.push(sectionId(rulesetId, level, kind));
  const root = add({ id: rulesetId, kind: 'ruleset', parent: undefined, childCount: sections.length, depth: 0 }, sections);
  if (root.collapsed) return { rootId: rulesetId, order, byId };

  const walkCond = (id: RecordId, parent: string, depth: number, rule: RuleRecord) => {
    const c = records.get(id);
    if (c?.type !== 'cond') return;
    const kids = childrenOf(c.node);
    const node = add({ id, kind: c.node.op === 'leaf' ? 'leaf' : 'group', parent, childCount: kids.length, depth, rule, cond: c }, kids);
    for (const k of node.children) walkCond(k, id, depth + 1, rule);
  };

  for (const level of TRAINING_LEVELS) {
    for (const kind of RULE_KINDS) {
      const sid = sectionId(rulesetId, level, kind);
      const rules = rulesBySection.get(sid) ?? [];
      const section = add({ id: sid, kind: 'section', parent: rulesetId, childCount: rules.length, depth: 1, level, ruleKind: kind }, rules.map((r) => r.id));
      if (section.collapsed) continue;
      for (const r of rules) {
        const rule = add({ id: r.id, kind: 'rule', parent: sid, childCount: 1, depth: 2, level, ruleKind: kind, rule: r }, [r.root]);
        if (!rule.collapsed) walkCond(r.root, r.id, 3, r);
      }
    }
  }
  return { rootId: rulesetId, order, byId };
}
