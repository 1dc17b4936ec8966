/**
 * Load = parse → validate for observation documents (`llct/observations`), against the plan they are about: the
 * schema through `loadDocument` (unknown keys with "did you mean"), then the references: the plan id, each class an
 * observation names (with the closest class id), ids used once, and a count no run could reach (above the classes'
 * maximum sizes) as an error. Every diagnostic names its path (`observations[2].classes[0]`). Pure.
 */
import { closest, diagnostic, hasErrors, type Diagnostic } from '../../diagnostics/Diagnostic.ts';
import { loadDocument, type LoadResult } from '../../documents/loadDocument.ts';
import { OBSERVATIONS_KIND, type Observations } from '../../documents/observations.ts';
import type { Plan } from '../../documents/plan.ts';

export function loadObservations(raw: unknown, plan: Plan): LoadResult<Observations> {
  const loaded = loadDocument(OBSERVATIONS_KIND, raw);
  if (!loaded.ok) return loaded;
  const diagnostics: Diagnostic[] = [...loaded.diagnostics, ...validateObservations(loaded.value, plan)];
  if (hasErrors(diagnostics)) return { ok: false, diagnostics };
  return { ...loaded, diagnostics };
}

export function validateObservations(doc: Observations, plan: Plan): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (doc.plan !== plan.id) {
    out.push(diagnostic('observations/other-plan', 'error', ['plan'],
      { vi: `Số liệu quan sát thuộc kế hoạch "${doc.plan}", không phải "${plan.id}".`, en: `The observations are about plan "${doc.plan}", not "${plan.id}".` },
      { vi: 'Dùng tệp quan sát của đúng kế hoạch (--plan).', en: 'Use the observation file of the plan given with --plan.' }));
  }
  const ids = plan.classes.map((c) => c.id);
  const maxOf = new Map(plan.classes.map((c) => [c.id, c.maxSize]));
  const seen = new Set<string>();
  doc.observations.forEach((o, i) => {
    if (seen.has(o.id)) out.push(diagnostic('observations/duplicate-id', 'error', ['observations', i, 'id'], { vi: `Mã "${o.id}" bị lặp.`, en: `Id "${o.id}" appears twice.` }));
    seen.add(o.id);
    let known = true;
    (o.classes ?? []).forEach((c, j) => {
      if (maxOf.has(c)) return;
      known = false;
      const guess = closest(c, ids);
      out.push(diagnostic('observations/unknown-class', 'error', ['observations', i, 'classes', j],
        { vi: `Kế hoạch ${plan.id} không có lớp "${c}".`, en: `Plan ${plan.id} has no class "${c}".` },
        guess ? { vi: `Có phải "${guess}"?`, en: `Did you mean "${guess}"?` } : { vi: `Các lớp: ${ids.join(', ')}.`, en: `Classes: ${ids.join(', ')}.` }));
    });
    if (!known) return;
    const classes = o.classes ?? ids;
    const most = classes.reduce((n, c) => n + maxOf.get(c)!, 0);
    if (o.value > most) {
      out.push(diagnostic('observations/above-capacity', 'error', ['observations', i, 'value'],
        { vi: `${o.value} học viên vượt sĩ số tối đa cộng lại của ${classes.length} lớp (${most}): không lần chạy nào đạt được.`, en: `${o.value} learners is above the ${classes.length} class(es)' combined maximum size (${most}): no run can reach it.` },
        { vi: 'Kiểm tra số liệu, hoặc sĩ số tối đa (maxSize) của các lớp trong kế hoạch.', en: "Check the figure, or the classes' maxSize in the plan." }));
    }
  });
  return out;
}
