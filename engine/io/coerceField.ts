/**
 * Turns one raw input value (a CSV cell, or a JSON value) into the typed value of its column, or into problems with
 * bilingual text. Shared by the CSV and JSON readers, so both accept the same spellings. Pure.
 */
import { closest } from '../diagnostics/Diagnostic.ts';
import { normalizeDate, yearOutOfRange } from '../documents/dates.ts';
import { RATINGS, LABELS, type Label } from '../documents/enums.ts';
import { parseBooleanCell, splitListCell, type Column } from './cadreColumns.ts';
import { foldHeading } from './cadreHeadings.ts';

export interface FieldIssue {
  code: string;
  vi: string;
  en: string;
  /** What to do about it, in both languages. */
  hint?: Label;
}

export interface Coerced {
  /** `undefined`: the field is absent (empty cell, `null`, or a value that had problems). */
  value?: unknown;
  issues: FieldIssue[];
}

const DATE_SHAPE = /^(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\/\d{1,2}\/\d{4})$/;
const RATING_ITEM = /^(\d{4})\s*:\s*(.+)$/;

/** `known` (position codes of the catalogue) is checked when given. */
export function coerceField(column: Column, raw: unknown, known?: ReadonlySet<string>): Coerced {
  if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) return { issues: [] };
  const spec = column.spec;
  switch (spec.type) {
    case 'string':
      if (typeof raw === 'string') return ok(raw.trim());
      if (typeof raw === 'number' && Number.isFinite(raw)) return ok(String(raw));
      return bad('cadre/wrong-type', { vi: `cần một chuỗi ký tự, nhận được ${describe(raw)}`, en: `expected text, got ${describe(raw)}` });
    case 'date':
      return coerceDate(raw);
    case 'boolean': {
      if (typeof raw === 'boolean') return ok(raw);
      const b = typeof raw === 'string' || typeof raw === 'number' ? parseBooleanCell(String(raw)) : undefined;
      return b === undefined
        ? bad('cadre/invalid-boolean', { vi: `giá trị ${describe(raw)} không phải đúng/sai; dùng true/false, 1/0 hoặc có/không`, en: `${describe(raw)} is not a yes/no value; use true/false, 1/0 or có/không` })
        : ok(b);
    }
    case 'enum':
      return coerceEnum(raw, spec.values, spec.labels);
    case 'position':
      return coercePosition(raw, known);
    case 'positions': {
      const items = Array.isArray(raw) ? raw : typeof raw === 'string' ? splitListCell(raw) : [raw];
      const issues: FieldIssue[] = [];
      const value: string[] = [];
      for (const item of items) {
        const r = coercePosition(item, known);
        issues.push(...r.issues);
        if (typeof r.value === 'string') value.push(r.value);
      }
      return issues.length > 0 ? { issues } : ok(value);
    }
    case 'ratings':
      return coerceRatings(raw);
  }
}

function ok(value: unknown): Coerced {
  return { value, issues: [] };
}

function bad(code: string, issue: Label, hint?: Label): Coerced {
  return { issues: [hint === undefined ? { code, ...issue } : { code, ...issue, hint }] };
}

function describe(raw: unknown): string {
  if (typeof raw === 'string') return `"${raw}"`;
  if (Array.isArray(raw)) return 'một danh sách / a list';
  if (typeof raw === 'object' && raw !== null) return 'một đối tượng / an object';
  return String(raw);
}

function coerceDate(raw: unknown): Coerced {
  if (typeof raw !== 'string') {
    return bad('cadre/invalid-date', { vi: `cần một ngày dạng YYYY-MM-DD hoặc DD/MM/YYYY, nhận được ${describe(raw)}`, en: `expected a date as YYYY-MM-DD or DD/MM/YYYY, got ${describe(raw)}` });
  }
  const text = raw.trim();
  const iso = normalizeDate(text);
  if (iso !== undefined) return ok(iso);
  const range = yearOutOfRange(text);
  if (range) return bad('cadre/date-out-of-range', { vi: `ngày "${text}": ${range.vi}`, en: `the date "${text}": ${range.en}` });
  if (DATE_SHAPE.test(text)) {
    return bad('cadre/impossible-date', { vi: `ngày "${text}" không có thật trên lịch`, en: `the date "${text}" does not exist on the calendar` },
      {
        vi: 'Kiểm tra ngày và tháng (ví dụ 31/02 không tồn tại; DD/MM/YYYY là ngày/tháng/năm).',
        en: 'Check the day and the month (31/02 does not exist, for example; DD/MM/YYYY is day/month/year).',
      });
  }
  return bad('cadre/invalid-date', { vi: `"${text}" không phải là ngày (cần YYYY-MM-DD hoặc DD/MM/YYYY)`, en: `"${text}" is not a date (expected YYYY-MM-DD or DD/MM/YYYY)` });
}

function coerceEnum(raw: unknown, values: readonly string[], labels: Readonly<Record<string, { vi: string; en: string }>>): Coerced {
  const text = typeof raw === 'string' ? raw.trim() : String(raw);
  if (typeof raw === 'string' && values.includes(text)) return ok(text);
  const folded = text.normalize('NFC').toLowerCase();
  for (const v of values) {
    const l = labels[v];
    if (v.toLowerCase() === folded || l?.vi.toLowerCase() === folded || l?.en.toLowerCase() === folded) return ok(v);
  }
  // A label typed without its diacritics ("dai hoc", "hoan thanh tot nhiem vu"), as lists typed on a keyboard without
  // a Vietnamese input method have them: no two labels of one enum fold to the same text.
  const bare = foldHeading(text);
  for (const v of values) {
    const l = labels[v];
    if (l && (foldHeading(l.vi) === bare || foldHeading(l.en) === bare)) return ok(v);
  }
  const guess = closest(text, values);
  const allowed = values.join(', ');
  return bad('cadre/unknown-value',
    { vi: `giá trị "${text}" không hợp lệ; các giá trị cho phép: ${allowed}${guess ? `. Có phải "${guess}"?` : ''}`, en: `"${text}" is not an allowed value; allowed: ${allowed}${guess ? `. Did you mean "${guess}"?` : ''}` });
}

function coercePosition(raw: unknown, known: ReadonlySet<string> | undefined): Coerced {
  if (typeof raw !== 'string') {
    return bad('cadre/wrong-type', { vi: `mã chức vụ phải là chuỗi ký tự, nhận được ${describe(raw)}`, en: `a position code must be text, got ${describe(raw)}` });
  }
  const code = raw.trim();
  if (known === undefined || known.has(code)) return ok(code);
  const guess = closest(code, [...known]);
  return bad('cadre/unknown-position',
    { vi: `mã chức vụ "${code}" không có trong danh mục chức vụ${guess ? `. Có phải "${guess}"?` : ''}`, en: `position code "${code}" is not in the position catalogue${guess ? `. Did you mean "${guess}"?` : ''}` },
    guess ? undefined : { vi: 'Xem danh mục chức vụ trong rulesets/positions.json.', en: 'See the position catalogue in rulesets/positions.json.' });
}

function coerceRatings(raw: unknown): Coerced {
  const items: unknown[] = Array.isArray(raw) ? raw : typeof raw === 'string' ? splitListCell(raw) : [raw];
  const issues: FieldIssue[] = [];
  const value: { year: number; rating: string }[] = [];
  for (const item of items) {
    let year: unknown;
    let rating: unknown;
    if (typeof item === 'string') {
      const m = RATING_ITEM.exec(item.trim());
      if (!m) {
        issues.push({ code: 'cadre/invalid-rating', vi: `mục xếp loại "${item}" phải có dạng năm:xếp_loại (ví dụ 2024:good)`,
          en: `rating item "${item}" must read year:rating (e.g. 2024:good)` });
        continue;
      }
      year = Number(m[1]);
      rating = m[2];
    } else if (typeof item === 'object' && item !== null && !Array.isArray(item)) {
      year = Object.hasOwn(item, 'year') ? (item as { year: unknown }).year : undefined;
      rating = Object.hasOwn(item, 'rating') ? (item as { rating: unknown }).rating : undefined;
    }
    if (typeof year === 'string' && /^\d{4}$/.test(year.trim())) year = Number(year);
    if (typeof year !== 'number' || !Number.isInteger(year) || year < 1950 || year > 2200) {
      issues.push({ code: 'cadre/invalid-rating', vi: `năm xếp loại ${describe(year)} không hợp lệ`, en: `rating year ${describe(year)} is not valid` });
      continue;
    }
    const r = coerceEnum(rating ?? '', RATINGS, LABELS.rating);
    if (r.issues.length > 0) {
      issues.push(...r.issues.map((i) => ({ ...i, vi: `năm ${year}: ${i.vi}`, en: `year ${year}: ${i.en}` })));
      continue;
    }
    value.push({ year, rating: r.value as string });
  }
  return issues.length > 0 ? { issues } : ok(value);
}
