/**
 * What the inspector offers for a leaf condition: the facts with their Vietnamese labels, the operators that make
 * sense for a fact's type, and the kind of value editor. Pure; read by the inspector and its tests.
 */
import type { Label } from '../../../engine/documents/enums.ts';
import { FACTS, type FactSpec } from '../../../engine/rules/facts.ts';

export type OperatorName = 'equal' | 'notEqual' | 'lessThan' | 'lessThanInclusive' | 'greaterThan' | 'greaterThanInclusive' | 'in' | 'notIn' | 'contains' | 'doesNotContain' | 'intersects';

export const OPERATOR_LABELS: Readonly<Record<OperatorName, Label>> = {
  equal: { vi: 'bằng / là', en: 'equals' },
  notEqual: { vi: 'khác / không là', en: 'does not equal' },
  lessThan: { vi: 'nhỏ hơn (<)', en: 'less than (<)' },
  lessThanInclusive: { vi: 'không quá (≤)', en: 'at most (≤)' },
  greaterThan: { vi: 'lớn hơn (>)', en: 'greater than (>)' },
  greaterThanInclusive: { vi: 'từ … trở lên (≥)', en: 'at least (≥)' },
  in: { vi: 'là một trong', en: 'is one of' },
  notIn: { vi: 'không là một trong', en: 'is none of' },
  contains: { vi: 'có chứa', en: 'contains' },
  doesNotContain: { vi: 'không chứa', en: 'does not contain' },
  intersects: { vi: 'có ít nhất một trong', en: 'shares an element with' },
};

const BY_TYPE: Readonly<Record<FactSpec['type'], readonly OperatorName[]>> = {
  number: ['equal', 'notEqual', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive', 'in', 'notIn'],
  string: ['equal', 'notEqual', 'in', 'notIn'],
  boolean: ['equal', 'notEqual'],
  'string[]': ['contains', 'doesNotContain', 'intersects'],
};

/** Facts whose values are position codes (a select from the position catalogue). */
export const POSITION_FACTS: ReadonlySet<string> = new Set(['position', 'planning']);

export function factSpec(fact: string): FactSpec | undefined {
  return Object.hasOwn(FACTS, fact) ? (FACTS as Record<string, FactSpec>)[fact] : undefined;
}

/** The operators offered for a fact: those of its type; an unknown fact gets every operator. */
export function operatorsFor(fact: string): readonly OperatorName[] {
  const spec = factSpec(fact);
  return spec ? BY_TYPE[spec.type] : (Object.keys(OPERATOR_LABELS) as OperatorName[]);
}

export type ValueEditor =
  | { kind: 'number' }
  | { kind: 'date' }
  | { kind: 'boolean' }
  | { kind: 'enum'; values: readonly string[]; multiple: boolean }
  | { kind: 'position'; multiple: boolean }
  | { kind: 'text'; multiple: boolean }
  | { kind: 'json' };

const LIST_OPERATORS = new Set(['in', 'notIn', 'intersects']);

/** The editor a value needs, from the fact and operator; raw JSON for anything the typed editors cannot show. */
export function valueEditorFor(fact: string, operator: string, value: unknown): ValueEditor {
  const spec = factSpec(fact);
  if (!spec || operator.includes(':') || (typeof value === 'object' && value !== null && !Array.isArray(value))) return { kind: 'json' };
  const multiple = LIST_OPERATORS.has(operator);
  if (multiple && !Array.isArray(value)) return { kind: 'json' };
  if (!multiple && Array.isArray(value)) return { kind: 'json' };
  if (fact === 'onOrdinal' && !multiple) return { kind: 'date' };
  if (spec.type === 'number') return multiple ? { kind: 'json' } : { kind: 'number' };
  if (spec.type === 'boolean') return { kind: 'boolean' };
  if (POSITION_FACTS.has(fact)) return { kind: 'position', multiple: multiple || false };
  if (spec.values) return { kind: 'enum', values: spec.values, multiple };
  return { kind: 'text', multiple };
}

/** A value that fits a fact and operator, for a new condition or a changed fact. */
export function defaultValueFor(fact: string, operator: string): unknown {
  const spec = factSpec(fact);
  const multiple = LIST_OPERATORS.has(operator);
  if (!spec) return null;
  if (fact === 'onOrdinal') return 20250829;
  if (spec.type === 'number') return 0;
  if (spec.type === 'boolean') return true;
  const first = POSITION_FACTS.has(fact) ? 'head-of-division' : spec.values?.[0] ?? '';
  return multiple ? [first] : first;
}

/** YYYYMMDD number ⇄ ISO date (`onOrdinal`). */
export const ordinalToIso = (n: number) => `${String(Math.floor(n / 10000)).padStart(4, '0')}-${String(Math.floor(n / 100) % 100).padStart(2, '0')}-${String(n % 100).padStart(2, '0')}`;
export const isoToOrdinal = (iso: string) => Number(iso.replaceAll('-', ''));
