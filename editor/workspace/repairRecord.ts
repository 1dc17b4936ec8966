/**
 * Repair in place of a set-aside record whose problem is in a field that can be left out: an entry of a map or a
 * list (a canvas position that is not a point, a sample cadre whose nomination does not read, an unknown key) is
 * removed, one problem at a time, until the record holds. A record whose required fields are wrong (its type, its
 * id, a lifecycle without states), or whose repair would leave out a whole field of its document (a plan's classes),
 * has no repair: it can only be exported or dropped. Pure.
 */
import type { Label } from '../../engine/documents/enums.ts';
import type { WorkspaceRecord } from './records.ts';
import { recordProblems } from './recordProblems.ts';

/** Required record fields: a problem at one of these (or the record itself) is not repaired by leaving it out. */
const REQUIRED = new Set(['id', 'type', 'owner', 'ruleset', 'rule', 'parent', 'node', 'root', 'data', 'meta', 'rules', 'doc', 'name', 'savedAt', 'snapshot', 'positions', 'collapsed', 'items',
  'plan']);

const MAX_STEPS = 50;

export function repairRecord(raw: unknown): { record: WorkspaceRecord; dropped: Label[] } | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  let value: unknown = structuredClone(raw);
  const dropped: Label[] = [];
  for (let step = 0; step < MAX_STEPS; step++) {
    const problems = recordProblems(value);
    if (problems.length === 0) return dropped.length > 0 ? { record: value as WorkspaceRecord, dropped } : undefined;
    const at = problems[0]!.segments;
    const cut = cutFor(value, at);
    if (!cut) return undefined;
    value = cut.value;
    const why = (text: string) => text.replace(/\.$/, '');
    dropped.push({ vi: `${cut.path.join('.')} (${why(problems[0]!.message)})`, en: `${cut.path.join('.')} (${why(problems[0]!.messageEn)})` });
  }
  return undefined;
}

const startsWith = (path: readonly (string | number)[], prefix: readonly (string | number)[]) => prefix.every((p, i) => path[i] === p);

/**
 * The smallest entry whose removal makes the problem at `at` go away: the value itself, else the key or list item
 * holding it, and so on up to the record's own fields (which are not removed when required).
 */
function cutFor(value: unknown, at: readonly (string | number)[]): { value: unknown; path: readonly (string | number)[] } | undefined {
  for (let n = at.length; n >= 1; n--) {
    const prefix = at.slice(0, n);
    if (n === 1 && REQUIRED.has(String(prefix[0]))) return undefined;
    // A whole field of a document (a plan's classes, a lifecycle's states) is not left out: that is not a repair.
    if (n === 2 && (prefix[0] === 'doc' || prefix[0] === 'snapshot' || prefix[0] === 'meta')) return undefined;
    const next = withoutPath(value, prefix);
    if (next === undefined) continue;
    if (!recordProblems(next).some((d) => startsWith(d.segments, prefix))) return { value: next, path: prefix };
  }
  return undefined;
}

/** A copy of `value` without the entry at `path` (the last segment: a key of an object or an index of a list). */
function withoutPath(value: unknown, path: readonly (string | number)[]): unknown {
  if (path.length === 0) return undefined;
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    if (typeof head !== 'number' || head >= value.length) return undefined;
    if (rest.length === 0) return value.filter((_, i) => i !== head);
    const inner = withoutPath(value[head], rest);
    return inner === undefined ? undefined : value.map((v, i) => (i === head ? inner : v));
  }
  if (typeof value === 'object' && value !== null) {
    const key = String(head);
    if (!Object.hasOwn(value, key)) return undefined;
    const obj = value as Record<string, unknown>;
    if (rest.length === 0) {
      const copy = { ...obj };
      delete copy[key];
      return copy;
    }
    const inner = withoutPath(obj[key], rest);
    return inner === undefined ? undefined : { ...obj, [key]: inner };
  }
  return undefined;
}
