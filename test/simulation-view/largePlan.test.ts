/**
 * A plan of 5,000 classes stays workable in the Simulation tab: the class table shows one page of rows at a time
 * (the rest a click away), and checking the whole plan — what the tab recomputes on each edit — takes well under a
 * second here (the bound is 3 s, for a busy shared machine), invalid cells included.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPlanDocument } from '../../editor/simulation/checkPlanDocument.ts';
import { PLAN_PAGE_SIZE, planTablePage } from '../../editor/simulation/planTablePage.ts';
import { ROOT } from '../cli/runLlct.ts';

describe('a plan of 5,000 classes', () => {
  it('is shown a page of rows at a time, every row reachable, pages clamped', () => {
    expect(planTablePage(5000, 0)).toEqual({ page: 0, pages: 50, start: 0, end: PLAN_PAGE_SIZE });
    expect(planTablePage(5000, 49)).toEqual({ page: 49, pages: 50, start: 4900, end: 5000 });
    expect(planTablePage(5000, 99)).toEqual({ page: 49, pages: 50, start: 4900, end: 5000 });
    expect(planTablePage(5000, -3).page).toBe(0);
    expect(planTablePage(0, 4)).toEqual({ page: 0, pages: 1, start: 0, end: 0 });
    const seen = new Set<number>();
    for (let p = 0; p < planTablePage(5001, 0).pages; p++) {
      const v = planTablePage(5001, p);
      for (let i = v.start; i < v.end; i++) seen.add(i);
    }
    expect(seen.size).toBe(5001);
  });

  it('is checked, with its invalid cells, within a few seconds even on a busy machine', () => {
    const plan = JSON.parse(readFileSync(join(ROOT, 'fixtures/plans/ha-noi-2024.json'), 'utf8')) as { classes: Array<Record<string, unknown>> };
    const base = plan.classes;
    plan.classes = Array.from({ length: 5000 }, (_, i) => ({ ...structuredClone(base[i % base.length]!), id: `lop-${i + 1}`, ...(i % 97 === 0 ? { minSize: 'bảy mươi' } : {}) }));
    const started = performance.now();
    const checked = checkPlanDocument(plan, ['57-qd-tw', '350-qd-tw']);
    const ms = performance.now() - started;
    expect(checked.diagnostics.filter((d) => d.code === 'plan/cell-not-number')).toHaveLength(Math.ceil(5000 / 97));
    expect(ms).toBeLessThan(3000);
  });
});
