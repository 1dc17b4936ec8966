/**
 * Runs a golden-case file against a checker and reports, per case, what differed from the regulation's answer.
 */
import { formatPath, type Diagnostic } from '../diagnostics/Diagnostic.ts';
import { CadreProfile, Nomination } from '../documents/cadre.ts';
import { GOLDEN_CASES_KIND, type GoldenCase } from '../documents/goldenCases.ts';
import { loadDocument } from '../documents/loadDocument.ts';
import type { Verdict } from './buildVerdict.ts';
import type { Checker } from './createChecker.ts';

export interface GoldenResult {
  id: string;
  title: string;
  citation: string;
  passed: boolean;
  expected: GoldenCase['expect'];
  /** The verdict, or the diagnostics when the case produced none. */
  actual: Verdict | { diagnostics: Diagnostic[] };
  /** One line per mismatch; empty when passed. */
  problems: string[];
}

export interface GoldenReport {
  file: string;
  ruleset: string;
  results: GoldenResult[];
  passed: number;
  failed: number;
}

export type GoldenLoad = { ok: true; report: GoldenReport } | { ok: false; diagnostics: Diagnostic[] };

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Deep merge for case overrides: objects merge, arrays and scalars replace, `null` deletes. */
export function mergeOverride(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) {
    if (k === '__proto__' || k === 'constructor' || k === 'prototype') continue;
    if (v === null) delete out[k];
    else if (isPlainObject(v) && isPlainObject(out[k])) out[k] = mergeOverride(out[k] as Record<string, unknown>, v);
    else out[k] = v;
  }
  return out;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const sa = new Set(a);
  return sa.size === new Set(b).size && b.every((x) => sa.has(x));
}

function compare(expect: GoldenCase['expect'], v: Verdict): string[] {
  const p: string[] = [];
  if (expect.error !== undefined) p.push(`expected error ${expect.error}, got a verdict`);
  if (expect.eligible !== undefined && expect.eligible !== v.eligible) p.push(`eligible: expected ${expect.eligible}, got ${v.eligible}`);
  if (expect.outOfScope !== undefined && expect.outOfScope !== (v.outOfScope === true)) p.push(`outOfScope: expected ${expect.outOfScope}, got ${v.outOfScope === true}`);
  if (expect.regulation !== undefined && expect.regulation !== v.regulation) p.push(`regulation: expected ${expect.regulation}, got ${v.regulation}`);
  const failed = v.failures.map((f) => f.rule);
  if (expect.failures && !sameSet(expect.failures, failed)) p.push(`failures: expected [${expect.failures.join(', ')}], got [${failed.join(', ')}]`);
  for (const s of expect.subjects ?? []) if (!v.subjects.includes(s)) p.push(`subject ${s} expected to match; matched [${v.subjects.join(', ')}]`);
  for (const [rule, want] of Object.entries(expect.rules ?? {})) {
    const got = v.checked.find((c) => c.rule === rule);
    if (!got) p.push(`rule ${rule} expected ${want ? 'to pass' : 'to fail'} but was not checked`);
    else if (got.passed !== want) p.push(`rule ${rule}: expected ${want ? 'pass' : 'fail'}, got ${got.passed ? 'pass' : 'fail'}`);
  }
  const waived = v.specialDecision?.applied ? [v.specialDecision.waives] : [];
  if (expect.waived && !sameSet(expect.waived, waived)) p.push(`waived: expected [${expect.waived.join(', ')}], got [${waived.join(', ')}]`);
  const warnings = (v.warnings ?? []).map((w) => w.code);
  if (expect.warnings && !sameSet(expect.warnings, warnings)) p.push(`warnings: expected [${expect.warnings.join(', ')}], got [${warnings.join(', ')}]`);
  const overlays = (v.basis?.overlays ?? []).filter((o) => o.changes > 0).map((o) => o.id);
  if (expect.overlays && !sameSet(expect.overlays, overlays)) p.push(`overlays: expected [${expect.overlays.join(', ')}], got [${overlays.join(', ')}]`);
  for (const [rule, want] of Object.entries(expect.layers ?? {})) {
    const f = v.failures.find((x) => x.rule === rule);
    if (!f) p.push(`layer of ${rule}: expected a failure of ${rule} from ${want}, but it did not fail`);
    else if ((f.layer?.id ?? v.ruleset) !== want) p.push(`layer of ${rule}: expected ${want}, got ${f.layer?.id ?? v.ruleset}`);
  }
  if (expect.institution !== undefined && (v.institution?.id ?? null) !== expect.institution) {
    p.push(`institution: expected ${expect.institution}, got ${v.institution?.id ?? null}`);
  }
  return p;
}

/** Loads a golden-case file (already JSON-parsed) and runs every case. */
export async function runGoldenCases(checker: Checker, raw: unknown, file: string): Promise<GoldenLoad> {
  const loaded = loadDocument(GOLDEN_CASES_KIND, raw);
  if (!loaded.ok) return { ok: false, diagnostics: loaded.diagnostics.map((d) => ({ ...d, file })) };
  const doc = loaded.value;
  const results: GoldenResult[] = [];
  for (const c of doc.cases) {
    const base = { id: c.id, title: c.title, citation: c.citation, expected: c.expect };
    const profile = CadreProfile.safeParse(mergeOverride({ id: c.id, ...doc.base.profile }, c.profile));
    const nomination = Nomination.safeParse(mergeOverride(doc.base.nomination, c.nomination));
    if (!profile.success || !nomination.success) {
      const issues = [...(profile.error?.issues ?? []), ...(nomination.error?.issues ?? [])];
      results.push({ ...base, passed: false, actual: { diagnostics: [] }, problems: issues.map((i) => `invalid case input at ${formatPath(i.path)}: ${i.message}`) });
      continue;
    }
    const outcome = await checker.check(profile.data, nomination.data);
    if (!outcome.ok) {
      const codes = outcome.diagnostics.map((d) => d.code);
      const problems = c.expect.error !== undefined && codes.includes(c.expect.error) ? [] : [`unexpected error: ${codes.join(', ')}`];
      results.push({ ...base, passed: problems.length === 0, actual: { diagnostics: outcome.diagnostics }, problems });
      continue;
    }
    const problems = compare(c.expect, outcome.verdict);
    results.push({ ...base, passed: problems.length === 0, actual: outcome.verdict, problems });
  }
  const passed = results.filter((r) => r.passed).length;
  return { ok: true, report: { file, ruleset: doc.ruleset, results, passed, failed: results.length - passed } };
}

/** For each rule id, the cases in which it was checked and passed, and in which it failed. */
export function goldenCoverage(reports: readonly GoldenReport[]): Map<string, { passedIn: string[]; failedIn: string[] }> {
  const cov = new Map<string, { passedIn: string[]; failedIn: string[] }>();
  for (const r of reports) {
    for (const res of r.results) {
      if (!('checked' in res.actual)) continue;
      for (const c of res.actual.checked) {
        const e = cov.get(c.rule) ?? { passedIn: [], failedIn: [] };
        (c.passed ? e.passedIn : e.failedIn).push(res.id);
        cov.set(c.rule, e);
      }
    }
  }
  return cov;
}
