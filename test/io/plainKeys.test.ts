import { describe, expect, it } from 'vitest';
import { generateBuiltinCohort } from '../../engine/generate/generateBuiltinCohort.ts';
import { createRng, type Rng } from '../../engine/generate/createRng.ts';
import { checkKeys, plainKeys } from '../../engine/io/readJsonCadres.ts';
import type { RowDiagnostic } from '../../engine/io/rowDiagnostic.ts';

const ctx = { file: 'c.jsonl', row: 1, line: 1 };

/** A copy of `obj` with one odd key or value somewhere (or none), as JSON.parse would give it. */
function mutate(rng: Rng, obj: Record<string, unknown>): Record<string, unknown> {
  const text = JSON.stringify(obj);
  const o = JSON.parse(text) as Record<string, unknown>;
  const groups = ['party', 'workplace', 'civilService', 'lecturer', 'nomination'];
  switch (rng.int(0, 13)) {
    case 0: o.hobby = 'cờ tướng'; break;
    case 1: return JSON.parse(text.replace('{', '{"__proto__": {"x": 1},')) as Record<string, unknown>;
    case 2: o[rng.pick(groups)] = rng.pick(['full', 3, ['a'], true]); break;
    case 3: o[rng.pick(groups)] = null; break;
    case 4: o.party = { status: 'full', extra: 1 }; break;
    case 5: o.workplace = { tier: { deep: 1 } }; break;
    case 6: o.ratings = [{ year: 2023, rating: 'good', note: 'x' }]; break;
    case 7: o.ratings = [[2023, 'good']]; break;
    case 8: o.ratings = { year: 2023 }; break;
    case 9: o.planning = [{ code: 'x' }]; break;
    case 10: o['party.status'] = 'full'; break;
    case 11: o.sex = { value: 'male' }; break;
    case 12: o.ratings = [{ year: { y: 2023 }, rating: 'good' }]; break;
    default: break;
  }
  return o;
}

describe('plainKeys, the shortcut before checkKeys', () => {
  it('says plain only for objects in which checkKeys finds no error and warns of nothing', () => {
    const rng = createRng('plain-keys');
    let plain = 0;
    let odd = 0;
    for (const p of generateBuiltinCohort({ count: 1500, seed: 8 })) {
      const obj = mutate(rng, { ...p, nomination: { level: 'advanced', mode: 'part-time', on: '2025-09-15' } });
      const warnings: RowDiagnostic[] = [];
      const errors = checkKeys(obj, ctx, new Set(), warnings);
      if (plainKeys(obj)) {
        plain++;
        expect([...errors, ...warnings]).toEqual([]);
      } else if (errors.length + warnings.length > 0) odd++;
    }
    expect(plain).toBeGreaterThan(100);
    expect(odd).toBeGreaterThan(500);
  });
});
