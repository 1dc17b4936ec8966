/**
 * One side of a review, loaded: its documents by path, the rulesets that load (the checker's), the catalogues (the
 * side's own `rulesets/positions.json` and `rulesets/institutions.json`, the shipped ones when the side has none),
 * and for each document the diagnostics of its head validation (parse → migrate → validate, as `llct validate`,
 * `llct lifecycle validate` and `llct simulate` do).
 */
import { builtinCatalogues } from '../../engine/builtin.ts';
import { INSTITUTIONS_KIND, POSITIONS_KIND, type InstitutionCatalogue, type PositionCatalogue } from '../../engine/documents/catalogue.ts';
import type { Diagnostic } from '../../engine/diagnostics/Diagnostic.ts';
import { validateRuleset } from '../../engine/diagnostics/validateRuleset.ts';
import { validatePlan } from '../../engine/diagnostics/validatePlan.ts';
import { GOLDEN_CASES_KIND } from '../../engine/documents/goldenCases.ts';
import { LIFECYCLE_KIND, type Lifecycle } from '../../engine/documents/lifecycle.ts';
import { loadDocument } from '../../engine/documents/loadDocument.ts';
import { PLAN_KIND } from '../../engine/documents/plan.ts';
import { RULESET_KIND, type Ruleset } from '../../engine/documents/ruleset.ts';
import { createLifecycleRegistry } from '../../engine/lifecycle/createLifecycleRegistry.ts';
import { validateLifecycle } from '../../engine/lifecycle/validateLifecycle.ts';
import { validateOverlay } from '../../engine/overlays/validateOverlay.ts';
import type { Tree } from './openTree.ts';
import { readDocuments, type SideDocument } from './readDocuments.ts';

export interface ReviewSide {
  label: string;
  documents: Map<string, SideDocument>;
  /** The rulesets that load, by path. */
  rulesets: Map<string, Ruleset>;
  positions: PositionCatalogue;
  institutions: InstitutionCatalogue;
  /** The diagnostics of each document, by path (computed on demand: only the head's matter). */
  validate(path: string): Diagnostic[];
}

function catalogue<T>(docs: Map<string, SideDocument>, kind: string, load: (raw: unknown) => T | undefined, fallback: T): T {
  for (const d of docs.values()) {
    if (d.kind !== kind) continue;
    const loaded = load(d.raw);
    if (loaded !== undefined) return loaded;
  }
  return fallback;
}

/** Reads and loads one side. */
export async function loadReviewSide(tree: Tree): Promise<ReviewSide> {
  const documents = await readDocuments(tree);
  const shipped = builtinCatalogues();
  const positions = catalogue(documents, 'llct/positions', (raw) => { const r = loadDocument(POSITIONS_KIND, raw); return r.ok ? r.value : undefined; }, shipped.positions);
  const institutions = catalogue(documents, 'llct/institutions', (raw) => { const r = loadDocument(INSTITUTIONS_KIND, raw); return r.ok ? r.value : undefined; }, shipped.institutions);
  const rulesets = new Map<string, Ruleset>();
  const lifecycles = new Map<string, Lifecycle>();
  for (const d of documents.values()) {
    if (d.problem) continue;
    if (d.kind === 'llct/ruleset') {
      const r = loadDocument(RULESET_KIND, d.raw);
      if (r.ok) rulesets.set(d.path, r.value);
    } else if (d.kind === 'llct/lifecycle') {
      const r = loadDocument(LIFECYCLE_KIND, d.raw);
      if (r.ok) lifecycles.set(d.path, r.value);
    }
  }
  const allRulesets = [...rulesets.values()];
  const registry = createLifecycleRegistry();

  function validate(path: string): Diagnostic[] {
    const d = documents.get(path);
    if (!d) return [];
    if (d.problem) return [d.problem];
    const raw = d.raw;
    const withFile = (ds: readonly Diagnostic[]) => ds.map((x) => ({ ...x, file: path }));
    switch (d.kind) {
      case 'llct/ruleset': return validateRuleset(raw, { positions, institutions, file: path });
      case 'llct/lifecycle': {
        const r = loadDocument(LIFECYCLE_KIND, raw);
        if (!r.ok) return withFile(r.diagnostics);
        const learner = r.value.subject === 'class' ? [...lifecycles.values()].find((l) => l.subject === 'learner' && l.id === r.value.learnerLifecycle) : undefined;
        return withFile([...r.diagnostics, ...validateLifecycle(r.value, { registry, rulesets: allRulesets, ...(learner ? { learnerLifecycle: learner } : {}) })]);
      }
      case 'llct/plan': {
        const r = loadDocument(PLAN_KIND, raw);
        if (!r.ok) return withFile(r.diagnostics);
        const classLifecycle = [...lifecycles.values()].find((l) => l.subject === 'class');
        return withFile([...r.diagnostics, ...validatePlan(r.value, { institutions, rulesetIds: allRulesets.map((x) => x.id), rulesets: allRulesets, ...(classLifecycle ? { classLifecycle } : {}) })]);
      }
      case 'llct/ruleset-overlay': return validateOverlay(raw, { bases: allRulesets, institutions, positions, file: path });
      case 'llct/golden-cases': return withFile(loadDocument(GOLDEN_CASES_KIND, raw).diagnostics);
      case 'llct/positions': return withFile(loadDocument(POSITIONS_KIND, raw).diagnostics);
      case 'llct/institutions': return withFile(loadDocument(INSTITUTIONS_KIND, raw).diagnostics);
      default: return [];
    }
  }

  return { label: tree.label, documents, rulesets, positions, institutions, validate };
}
