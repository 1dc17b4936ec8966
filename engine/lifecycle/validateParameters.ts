/**
 * Range checks for lifecycle parameters: every value (or every cell of a level/mode table) must lie within its
 * unit's natural range and the parameter's own `min`/`max`; known pairs must be ordered (minimum class size ≤
 * maximum, pass mark ≤ "good" ≤ "very good"); assumed figures are flagged as warnings, as assumed rules are.
 */
import { diagnostic, formatPath, type Diagnostic } from '../diagnostics/Diagnostic.ts';
import { MODES, TRAINING_LEVELS } from '../documents/enums.ts';
import { PARAMETER_UNIT_RANGES, type Lifecycle, type Parameter } from '../documents/lifecycle.ts';

type Cell = { path: Array<string | number>; key: string; value: number };

function cellsOf(name: string, p: Parameter): Cell[] {
  if (typeof p.value === 'number') return [{ path: ['parameters', name, 'value'], key: '', value: p.value }];
  const table = p.value;
  return TRAINING_LEVELS.flatMap((level) => MODES.flatMap((mode) => {
    const v = table[level]?.[mode];
    return v === undefined ? [] : [{ path: ['parameters', name, 'value', level, mode], key: `${level}/${mode}`, value: v }];
  }));
}

const ALL_CELLS = TRAINING_LEVELS.flatMap((l) => MODES.map((m) => `${l}/${m}`));

function valueAt(p: Parameter, key: string | undefined): number | undefined {
  if (typeof p.value === 'number') return p.value;
  if (key === undefined) return undefined;
  const [level, mode] = key.split('/') as [keyof typeof p.value, 'full-time' | 'part-time'];
  return p.value[level]?.[mode];
}

/** Pairs that must be ordered: `[lower, higher]`. */
const ORDERED: ReadonlyArray<[string, string]> = [['minClassSize', 'maxClassSize'], ['examPassMark', 'goodFrom'], ['goodFrom', 'veryGoodFrom']];

export function validateParameters(doc: Lifecycle): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [name, p] of Object.entries(doc.parameters)) {
    const unit = PARAMETER_UNIT_RANGES[p.unit];
    const min = Math.max(unit.min, p.min ?? -Infinity);
    const max = Math.min(unit.max, p.max ?? Infinity);
    if (p.min !== undefined && p.max !== undefined && p.min > p.max) {
      out.push(diagnostic('lifecycle/parameter-out-of-range', 'error', formatPath(['parameters', name, 'min']),
        { vi: `Tham số "${name}": min ${p.min} lớn hơn max ${p.max}.`, en: `Parameter "${name}": min ${p.min} is greater than max ${p.max}.` }));
    }
    for (const c of cellsOf(name, p)) {
      const integral = p.unit === 'learners' || p.unit === 'attempts' || p.unit === 'months';
      if (c.value < min || c.value > max || (integral && !Number.isInteger(c.value))) {
        out.push(diagnostic('lifecycle/parameter-out-of-range', 'error', formatPath(c.path),
          { vi: `Tham số "${name}"${c.key ? ` (${c.key})` : ''} = ${c.value} ngoài khoảng cho phép [${min}, ${max}]${integral ? ', số nguyên' : ''} (${p.unit}).`, en: `Parameter "${name}"${c.key ? ` (${c.key})` : ''} = ${c.value} is outside the allowed range [${min}, ${max}]${integral ? ', whole numbers' : ''} (${p.unit}).` },
          { vi: `Chọn giá trị từ ${min} đến ${max}.`, en: `Choose a value from ${min} to ${max}.` }));
      }
    }
    if (typeof p.value !== 'number') {
      const missing = ALL_CELLS.filter((k) => valueAt(p, k) === undefined);
      if (missing.length > 0) {
        out.push(diagnostic('lifecycle/parameter-missing-cell', 'warning', formatPath(['parameters', name, 'value']),
          { vi: `Tham số "${name}" chưa có giá trị cho: ${missing.join(', ')}; lớp ở các cấp/hình thức này sẽ bị từ chối khi cần tham số.`, en: `Parameter "${name}" has no value for: ${missing.join(', ')}; classes of those levels/modes are refused where it is needed.` }));
      }
    }
    if (p.confidence === 'assumed' || (p.assumedCells?.length ?? 0) > 0) {
      const cells = p.confidence === 'assumed' ? '' : ` (${p.assumedCells!.join(', ')})`;
      out.push(diagnostic('lifecycle/assumed-parameter', 'warning', formatPath(['parameters', name]),
        { vi: `Tham số "${name}"${cells} là giả định, quy định không nêu con số: ${p.note ?? p.source}`, en: `Parameter "${name}"${cells} is assumed; the regulation gives no figure.` }));
    }
  }
  for (const [lo, hi] of ORDERED) {
    const a = doc.parameters[lo];
    const b = doc.parameters[hi];
    if (!a || !b) continue;
    const keys = typeof a.value === 'number' && typeof b.value === 'number' ? [undefined] : ALL_CELLS;
    for (const key of keys) {
      const va = valueAt(a, key);
      const vb = valueAt(b, key);
      if (va === undefined || vb === undefined || va <= vb) continue;
      out.push(diagnostic('lifecycle/parameter-inconsistent', 'error', formatPath(['parameters', lo, 'value']),
        { vi: `"${lo}" (${va}) lớn hơn "${hi}" (${vb})${key ? ` ở ${key}` : ''}.`, en: `"${lo}" (${va}) is greater than "${hi}" (${vb})${key ? ` for ${key}` : ''}.` }));
    }
  }
  return out;
}
