import { describe, expect, it } from 'vitest';
import type { CadreRow } from '../../engine/io/cadreRows.ts';
import { nominationForRow } from '../../editor/diff/nominationForRow.ts';

const profile = { id: 'HN-1', sex: 'female', birthDate: '1990-01-01', education: 'university' } as unknown as CadreRow['profile'];
const ctx = { file: 'ds.csv', row: 7, id: 'HN-1' };
const defaults = { level: 'intermediate', mode: 'part-time', on: '2024-03-01' } as const;

describe('a row’s nomination in the comparison view', () => {
  it('takes the page’s defaults for a row without nomination fields', () => {
    expect(nominationForRow({ row: 7, profile }, defaults, ctx)).toEqual({ ok: true, nomination: defaults });
  });

  it('lets the row’s own level, mode, date and on-request flag win over the defaults', () => {
    const row: CadreRow = { row: 7, profile, nomination: { level: 'advanced', on: '2025-09-15', onRequest: true } };
    expect(nominationForRow(row, defaults, ctx)).toEqual({
      ok: true, nomination: { level: 'advanced', mode: 'part-time', on: '2025-09-15', onRequest: true },
    });
  });

  it('names the file, the row and each missing field, in Vietnamese and English', () => {
    const out = nominationForRow({ row: 7, profile, nomination: { mode: 'full-time' } }, {}, ctx);
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.errors.map((e) => e.path)).toEqual(['nomination.level', 'nomination.on']);
    expect(out.errors[0]!.row).toBe(7);
    const message = out.errors[0]!.message;
    for (const part of ['ds.csv', 'hàng 7', '"nomination.level"', 'chưa có cấp học', 'Cử đi học mặc định']) expect(message).toContain(part);
    expect(out.errors[1]!.messageEn).toContain('no nomination date');
  });
});
