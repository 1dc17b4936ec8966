/**
 * What the cadre readers return, and the per-file checks that span rows (duplicate ids, forbidden keys).
 */
import type { CadreProfile, Nomination } from '../documents/cadre.ts';
import type { PositionCatalogue } from '../documents/catalogue.ts';
import { rowDiagnostic, type RowContext, type RowDiagnostic } from './rowDiagnostic.ts';

export type CadreFormat = 'json' | 'csv' | 'jsonl';

export interface CadreRow {
  /** 1-based data row (CSV: the line after the header is row 1; JSON: array index + 1; JSON lines: record number). */
  row: number;
  /** 1-based physical line the row starts on (CSV, JSON lines). */
  line?: number;
  /** The workbook sheet the row is on (a workbook's rows only; `row` is then the row number the sheet shows). */
  sheet?: string;
  profile: CadreProfile;
  /** The row's own nomination fields, which win over the caller's defaults. */
  nomination?: Partial<Nomination>;
}

export interface ReadCadresOptions {
  /** File name used in every message. */
  file: string;
  /** Default: from the file extension, else from the content. */
  format?: CadreFormat;
  /** Position catalogue: `position` and `planning` codes must exist in it. Not checked when absent. */
  positions?: PositionCatalogue;
}

export interface ReadCadresResult {
  /** The rows that read cleanly, in file order. */
  rows: CadreRow[];
  /** Errors (a row with an error is not in `rows`) and warnings, in file order. */
  errors: RowDiagnostic[];
  /** Data rows seen, readable or not. */
  total: number;
  /** Rows left out of `rows` because of an error. */
  invalid: number;
  format: CadreFormat;
}

/** Keys that could reach an object's prototype if assigned: refused wherever they appear in input. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export function forbiddenKeyDiagnostic(ctx: RowContext, field: string): RowDiagnostic {
  return rowDiagnostic(ctx, 'cadre/forbidden-key', 'error', field,
    { vi: 'tên trường bị cấm (__proto__, constructor, prototype); hàng bị từ chối', en: 'forbidden field name (__proto__, constructor, prototype); the row is rejected' },
    { vi: 'Xoá trường này khỏi tệp.', en: 'Remove this field from the file.' });
}

/** Remembers the first row of each id; the second occurrence is an error naming the first. */
export function createIdTracker() {
  const firstRow = new Map<string, number>();
  return {
    check(id: string | undefined, ctx: RowContext): RowDiagnostic | undefined {
      if (id === undefined || id === '') return undefined;
      const first = firstRow.get(id);
      if (first === undefined) { firstRow.set(id, ctx.row); return undefined; }
      return rowDiagnostic(ctx, 'cadre/duplicate-id', 'error', 'id',
        { vi: `mã cán bộ "${id}" trùng với hàng ${first}; hàng này bị bỏ qua`, en: `cadre id "${id}" duplicates row ${first}; this row is skipped` },
        { vi: 'Mỗi cán bộ cần một mã riêng.', en: 'Give each cadre an id of their own.' });
    },
  };
}

export function positionCodes(catalogue: PositionCatalogue | undefined): ReadonlySet<string> | undefined {
  return catalogue ? new Set(catalogue.positions.map((p) => p.code)) : undefined;
}
