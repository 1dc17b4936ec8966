/**
 * The structural diff of two condition trees, in words. Members of a group are matched by position when the group's
 * shape is unchanged, otherwise by (fact, operator), then by fact, then groups by the leaves they share; a member's
 * order inside `all`/`any` carries no meaning and is never reported. Pure, never throws on parsed conditions.
 */
import type { Condition, LeafCondition } from '../documents/ruleset.ts';
import type { Label } from '../documents/enums.ts';
import {
  describeConditionTree, describeGroup, describePredicate, describeSubject, describeValue, isLeaf, LIST_OPERATORS,
  rawCondition, type DescribeOptions,
} from './describeCondition.ts';
import type { Lang } from './messages.ts';

/** Segments into a document, e.g. `['rules', 12, 'conditions', 'any', 0, 'all', 1]`. */
export type Path = Array<string | number>;

/** Where a change's `path` points: into the newer document, or into the older one for what it no longer has. */
export type Side = 'before' | 'after';

interface ChangeBase { path: Path; side: Side; text: Label }

/** One change between two condition trees. */
export type ConditionChange =
  /** Same fact and operator, a number changed: "Tuổi … từ 33 trở lên → từ 30 trở lên". */
  | (ChangeBase & { kind: 'threshold'; fact: string; operator: string; before: number; after: number })
  /** Same fact and operator, another value changed; `added`/`removed` list the items when both values are lists. */
  | (ChangeBase & { kind: 'value'; fact: string; operator: string; before: unknown; after: unknown; added?: unknown[]; removed?: unknown[] })
  /** Same fact, another operator (and maybe value). */
  | (ChangeBase & { kind: 'operator'; fact: string; before: { operator: string; value: unknown }; after: { operator: string; value: unknown } })
  | (ChangeBase & { kind: 'added' | 'removed'; condition: Condition })
  /** A group changed between `all` and `any`; `path` is the group's. */
  | (ChangeBase & { kind: 'group'; before: 'all' | 'any'; after: 'all' | 'any' })
  /** A condition became (or stopped being) negated; `path` is the `not` group's, `condition` what it negates. */
  | (ChangeBase & { kind: 'negation-added' | 'negation-removed'; condition: Condition });

type Group = { all: Condition[] } | { any: Condition[] };
type Not = { not: Condition };

const isNot = (c: Condition): c is Not => !isLeaf(c) && 'not' in c;
const isGroup = (c: Condition): c is Group => !isLeaf(c) && ('all' in c || 'any' in c);
const groupKind = (g: Group): 'all' | 'any' => ('all' in g ? 'all' : 'any');
const members = (g: Group): Condition[] => ('all' in g ? g.all : g.any) ?? [];

/** Deep equality of JSON-like values. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((x, i) => sameValue(x, (b as unknown[])[i]));
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

const sameSet = (a: unknown[], b: unknown[]) => a.every((x) => b.some((y) => sameValue(x, y))) && b.every((y) => a.some((x) => sameValue(x, y)));

/** What makes two leaves the "same condition" whose operator or value may change: fact, path and params. */
const subjectKey = (l: LeafCondition) => `${l.fact}\u0000${l.path ?? ''}\u0000${l.params === undefined ? '' : JSON.stringify(l.params)}`;
const opKey = (l: LeafCondition) => `${subjectKey(l)}\u0000${l.operator}`;

function shape(c: Condition): string {
  if (isLeaf(c)) return 'L';
  if (isNot(c)) return `N(${shape(c.not)})`;
  return `G[${members(c).map(shape).join(',')}]`;
}

function leafKeys(c: Condition, into = new Set<string>()): Set<string> {
  if (isLeaf(c)) into.add(opKey(c));
  else if (isNot(c)) leafKeys(c.not, into);
  else for (const m of members(c)) leafKeys(m, into);
  return into;
}

function similarity(a: Condition, b: Condition): number {
  const ka = leafKeys(a);
  let n = 0;
  for (const k of leafKeys(b)) if (ka.has(k)) n++;
  return n;
}

const both = (f: (lang: Lang) => string): Label => ({ vi: f('vi'), en: f('en') });

/** Pairs of member indices `[before, after]`: by position when the shape is unchanged, else by content. */
function matchMembers(bs: Condition[], as: Condition[]): Array<[number, number]> {
  if (bs.length === as.length && bs.every((b, i) => {
    const a = as[i]!;
    return shape(a) === shape(b) && (!isLeaf(a) || !isLeaf(b) || subjectKey(a) === subjectKey(b));
  })) return bs.map((_, i) => [i, i]);
  const pairs: Array<[number, number]> = [];
  const usedB = new Set<number>();
  const usedA = new Set<number>();
  const stage = (fits: (b: Condition, a: Condition) => boolean) => {
    as.forEach((a, ai) => {
      if (usedA.has(ai)) return;
      const bi = bs.findIndex((b, i) => !usedB.has(i) && fits(b, a));
      if (bi >= 0) { pairs.push([bi, ai]); usedB.add(bi); usedA.add(ai); }
    });
  };
  const bestStage = (fits: (b: Condition, a: Condition) => boolean, score: (b: Condition, a: Condition) => number) => {
    as.forEach((a, ai) => {
      if (usedA.has(ai)) return;
      let best = -1;
      let bestScore = 0;
      bs.forEach((b, bi) => {
        if (usedB.has(bi) || !fits(b, a)) return;
        const s = score(b, a);
        if (s > bestScore) { best = bi; bestScore = s; }
      });
      if (best >= 0) { pairs.push([best, ai]); usedB.add(best); usedA.add(ai); }
    });
  };
  const leafFits = (key: (l: LeafCondition) => string) => (b: Condition, a: Condition) => isLeaf(b) && isLeaf(a) && key(b) === key(a);
  const wrapFits = (x: Condition, y: Condition): boolean => (isLeaf(x) && isLeaf(y) ? subjectKey(x) === subjectKey(y) : isGroup(x) && isGroup(y) && similarity(x, y) > 0);
  stage(sameValue);
  stage(leafFits(opKey));
  stage(leafFits(subjectKey));
  bestStage((b, a) => (isGroup(b) && isGroup(a)) || (isNot(b) && isNot(a)), similarity);
  stage((b, a) => (isNot(a) && !isNot(b) && wrapFits(b, a.not)) || (isNot(b) && !isNot(a) && wrapFits(b.not, a)));
  return pairs;
}

interface Walk { out: ConditionChange[]; options: DescribeOptions }

function leafChangeText(b: LeafCondition, a: LeafCondition, lang: Lang, options: DescribeOptions): string {
  const subject = describeSubject(a, lang);
  const pb = describePredicate(b, lang, options);
  const pa = describePredicate(a, lang, options);
  if (subject === undefined || pb === undefined || pa === undefined) return `${rawCondition(b)} → ${rawCondition(a)}`;
  return pb.startsWith(':') ? `${subject}: ${pb.slice(2)} → ${pa.slice(2)}` : `${subject} ${pb} → ${pa}`;
}

function listChangeText(a: LeafCondition, added: unknown[], removed: unknown[], lang: Lang, options: DescribeOptions): string | undefined {
  const subject = describeSubject(a, lang);
  const words = describePredicate({ ...a, value: [...added, ...removed] }, lang, options);
  const items = (xs: unknown[]) => xs.map((x) => describeValue(a.fact, x, lang, options));
  const add = items(added);
  const rem = items(removed);
  if (subject === undefined || words === undefined || [...add, ...rem].some((t) => t === undefined)) return undefined;
  const parts = [
    add.length ? `${lang === 'vi' ? 'thêm' : 'added'} ${add.join(', ')}` : '',
    rem.length ? `${lang === 'vi' ? 'bỏ' : 'removed'} ${rem.join(', ')}` : '',
  ].filter(Boolean);
  return `${subject} ${words.slice(0, words.indexOf(':'))}: ${parts.join('; ')}`;
}

function diffLeaf(b: LeafCondition, a: LeafCondition, bp: Path, ap: Path, w: Walk): void {
  const { options } = w;
  if (subjectKey(b) !== subjectKey(a)) { removed(b, bp, w); added(a, ap, w); return; }
  if (b.operator !== a.operator) {
    w.out.push({ kind: 'operator', fact: a.fact, before: { operator: b.operator, value: b.value }, after: { operator: a.operator, value: a.value }, path: ap, side: 'after', text: both((l) => leafChangeText(b, a, l, options)) });
    return;
  }
  if (sameValue(b.value, a.value)) return;
  const base = { fact: a.fact, operator: a.operator, path: ap, side: 'after' as const };
  if (typeof b.value === 'number' && typeof a.value === 'number') {
    w.out.push({ ...base, kind: 'threshold', before: b.value, after: a.value, text: both((l) => leafChangeText(b, a, l, options)) });
    return;
  }
  if (Array.isArray(b.value) && Array.isArray(a.value)) {
    if (sameSet(b.value, a.value)) return;
    const bv = b.value;
    const av = a.value;
    const add = av.filter((x) => !bv.some((y) => sameValue(x, y)));
    const rem = bv.filter((x) => !av.some((y) => sameValue(x, y)));
    const listText = LIST_OPERATORS.has(a.operator) ? both((l) => listChangeText(a, add, rem, l, options) ?? leafChangeText(b, a, l, options)) : both((l) => leafChangeText(b, a, l, options));
    w.out.push({ ...base, kind: 'value', before: b.value, after: a.value, added: add, removed: rem, text: listText });
    return;
  }
  w.out.push({ ...base, kind: 'value', before: b.value, after: a.value, text: both((l) => leafChangeText(b, a, l, options)) });
}

function added(c: Condition, path: Path, w: Walk): void {
  w.out.push({ kind: 'added', condition: c, path, side: 'after', text: both((l) => `${l === 'vi' ? 'Thêm điều kiện' : 'Added condition'}: ${describeConditionTree(c, l, w.options)}`) });
}

function removed(c: Condition, path: Path, w: Walk): void {
  w.out.push({ kind: 'removed', condition: c, path, side: 'before', text: both((l) => `${l === 'vi' ? 'Bỏ điều kiện' : 'Removed condition'}: ${describeConditionTree(c, l, w.options)}`) });
}

function diffNode(b: Condition, a: Condition, bp: Path, ap: Path, w: Walk): void {
  if (sameValue(b, a)) return;
  if (isLeaf(b) && isLeaf(a)) { diffLeaf(b, a, bp, ap, w); return; }
  if (isNot(b) && isNot(a)) { diffNode(b.not, a.not, [...bp, 'not'], [...ap, 'not'], w); return; }
  if (isNot(a)) {
    w.out.push({ kind: 'negation-added', condition: a.not, path: ap, side: 'after', text: both((l) => `${l === 'vi' ? 'Thêm phủ định' : 'Now negated'}: ${describeGroup('not', l)} (${describeConditionTree(a.not, l, w.options)})`) });
    diffNode(b, a.not, bp, [...ap, 'not'], w);
    return;
  }
  if (isNot(b)) {
    w.out.push({ kind: 'negation-removed', condition: b.not, path: bp, side: 'before', text: both((l) => `${l === 'vi' ? 'Bỏ phủ định' : 'No longer negated'}: ${describeConditionTree(b.not, l, w.options)}`) });
    diffNode(b.not, a, [...bp, 'not'], ap, w);
    return;
  }
  if (isGroup(b) && isGroup(a)) { diffGroup(b, a, bp, ap, w); return; }
  removed(b, bp, w);
  added(a, ap, w);
}

function diffGroup(b: Group, a: Group, bp: Path, ap: Path, w: Walk): void {
  const bk = groupKind(b);
  const ak = groupKind(a);
  if (bk !== ak) {
    w.out.push({ kind: 'group', before: bk, after: ak, path: ap, side: 'after', text: both((l) => (l === 'vi'
      ? `Nhóm điều kiện đổi từ "${describeGroup(bk, l)}" thành "${describeGroup(ak, l)}"`
      : `Group changed from "${describeGroup(bk, l)}" to "${describeGroup(ak, l)}"`)) });
  }
  const bs = members(b);
  const as = members(a);
  const pairs = matchMembers(bs, as).sort((x, y) => x[1] - y[1]);
  const pairedA = new Set(pairs.map((p) => p[1]));
  const pairedB = new Set(pairs.map((p) => p[0]));
  let next = 0;
  as.forEach((c, ai) => {
    if (!pairedA.has(ai)) { added(c, [...ap, ak, ai], w); return; }
    const [bi] = pairs[next++]!;
    diffNode(bs[bi]!, c, [...bp, bk, bi], [...ap, ak, ai], w);
  });
  bs.forEach((c, bi) => { if (!pairedB.has(bi)) removed(c, [...bp, bk, bi], w); });
}

/**
 * The changes that turn condition tree `before` (at `beforePath`) into `after` (at `afterPath`); empty when they
 * are the same. Paths of the changes extend the given ones.
 */
export function diffConditions(before: Condition, after: Condition, beforePath: Path, afterPath: Path, options: DescribeOptions = {}): ConditionChange[] {
  const w: Walk = { out: [], options };
  diffNode(before, after, beforePath, afterPath, w);
  return w.out;
}
