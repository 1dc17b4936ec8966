/**
 * `llct check --format json`: the document of shared/domain/contracts.md (`results`, `errors`, `summary`), plus
 * optional fields (row, ruleset, kind, confidence, messageEn, hintEn, subjects, assumed, notes, warnings; a failure's
 * `layer` and the result's `basis` when overlays were applied or the ruleset's revision is published).
 *
 * `formatCheckJson` builds the whole document with `JSON.stringify`; the streaming writer (cli/check/) writes the
 * same bytes a result at a time with `resultJsonText` and `jsonDocumentTail`.
 */
import { hintIn, type Diagnostic } from '../../engine/diagnostics/Diagnostic.ts';
import type { RowDiagnostic } from '../../engine/io/rowDiagnostic.ts';
import { failureCitation } from '../../engine/rules/buildFailures.ts';
import type { Verdict } from '../../engine/rules/buildVerdict.ts';
import { describeSpecialDecision, verdictWords } from '../../engine/rules/specialDecision.ts';
import { basisText } from '../../engine/overlays/verdictBasis.ts';
import type { Lang } from '../parseArgs.ts';
import type { CheckRun } from '../runCheck.ts';

export function diagnosticJson(d: Diagnostic & Partial<RowDiagnostic>, lang: Lang) {
  return {
    file: d.file, sheet: d.sheet, row: d.row, line: d.line, id: d.id, field: d.path, code: d.code, severity: d.severity,
    message: lang === 'en' ? d.messageEn : d.message, messageEn: d.messageEn, hint: hintIn(d, lang), hintEn: d.hintEn,
  };
}

/** One entry of `results`, as an object; `sheet` (a workbook read from several sheets) follows `row`. */
export function resultJson(row: number, v: Verdict, lang: Lang, sheet?: string) {
  return {
    id: v.id, row, ...(sheet !== undefined ? { sheet } : {}), level: v.level, mode: v.mode, on: v.on, regulation: v.regulation, ruleset: v.ruleset,
    eligible: v.eligible,
    ...(v.outOfScope ? { outOfScope: true } : {}),
    failures: v.failures.map((f) => ({
      rule: f.rule, kind: f.kind, citation: f.citation, citationEn: failureCitation(f, 'en'), confidence: f.confidence,
      message: lang === 'en' ? f.messageEn : f.message, messageEn: f.messageEn,
      ...(f.layer ? { layer: f.layer } : {}),
    })),
    institution: v.institution
      ? { id: v.institution.id, name: v.institution.name.vi, nameEn: v.institution.name.en, rule: v.institution.rule, citation: v.institution.citation, confidence: v.institution.confidence }
      : null,
    subjects: v.subjects, assumed: v.assumed, notes: v.notes,
    ...(v.warnings && v.warnings.length > 0
      ? { warnings: v.warnings.map((w) => ({ code: w.code, message: lang === 'en' ? w.messageEn : w.message, messageEn: w.messageEn })) }
      : {}),
    ...(v.specialDecision ? { specialDecision: specialDecisionJson(v, lang) } : {}),
    ...(v.basis ? { basis: { ...v.basis, text: basisText(v.basis, lang), textEn: basisText(v.basis, 'en') } } : {}),
  };
}

/**
 * The `specialDecision` member of a result: the record, what it waived, and the verdict in words. `message` is the
 * waived failure's when applied; when the rule was met anyway, the sentence saying the decision was not needed.
 */
function specialDecisionJson(v: Verdict, lang: Lang) {
  const sd = v.specialDecision!;
  return {
    waives: sd.waives, decidedBy: sd.decidedBy, number: sd.number, on: sd.on, applied: sd.applied,
    citation: sd.citation, confidence: sd.confidence, verdict: verdictWords(v, lang),
    ...(sd.waived
      ? { message: lang === 'en' ? sd.waived.messageEn : sd.waived.message, messageEn: sd.waived.messageEn }
      : { message: describeSpecialDecision(sd, lang), messageEn: describeSpecialDecision(sd, 'en') }),
  };
}

export function formatCheckJson(run: CheckRun, lang: Lang): string {
  const doc = {
    results: run.results.map(({ row, verdict }) => resultJson(row, verdict, lang)),
    errors: run.errors.map((d) => diagnosticJson(d, lang)),
    warnings: run.warnings.map((d) => diagnosticJson(d, lang)),
    summary: run.summary,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** The start of the document, up to the `results` array's opening bracket. */
export const JSON_DOCUMENT_HEAD = '{\n  "results": [';

/**
 * Everything after the last result: closes `results` (`empty`: there was none) and writes `errors`, `warnings`
 * and `summary` exactly as `formatCheckJson` does.
 */
export function jsonDocumentTail(empty: boolean, run: Pick<CheckRun, 'errors' | 'warnings' | 'summary'>, lang: Lang): string {
  const rest = JSON.stringify({
    errors: run.errors.map((d) => diagnosticJson(d, lang)),
    warnings: run.warnings.map((d) => diagnosticJson(d, lang)),
    summary: run.summary,
  }, null, 2);
  // `rest` is a whole object at the top level, so its members already sit at the document's indentation.
  return `${empty ? ']' : '\n  ]'},\n${rest.slice(2)}\n`;
}

/**
 * One result as `formatCheckJson` prints it inside `results` (indented by four spaces, no separator): the same
 * bytes as `JSON.stringify(resultJson(row, v, lang), null, 2)` re-indented, written by hand because a million
 * results spend most of their output time there. A verdict with a value of an unexpected type (only possible
 * from a hand-built verdict) goes through `JSON.stringify` itself.
 */
export function resultJsonText(row: number, v: Verdict, lang: Lang): string {
  // One flat string per result (a join, not `+`): a batch keeps its results until it is written, and a rope of a
  // few dozen pieces per result would be copied by every garbage collection meanwhile.
  PARTS.length = 0;
  appendResultJson(PARTS, row, v, lang);
  const text = PARTS.join('');
  PARTS.length = 0;
  return text;
}

const PARTS: string[] = [];

/**
 * `resultJsonText` as pieces appended to `parts`, for a writer that joins many results at once (join the pieces
 * soon: a long-lived array of small pieces is costly for the garbage collector).
 */
export function appendResultJson(parts: string[], row: number, v: Verdict, lang: Lang, sheet?: string): void {
  // Verdict warnings, special decisions, out-of-scope verdicts and workbook sheets are rare enough for the slow path.
  if (sheet !== undefined || !plainVerdict(v) || !Number.isFinite(row) || (v.warnings && v.warnings.length > 0) || v.specialDecision || v.outOfScope || v.basis) {
    parts.push(generic(resultJson(row, v, lang, sheet)));
    return;
  }
  parts.push('    {\n      "id": ', q(v.id), ',\n      "row": ', String(row), nominationText(v));
  const failures = v.failures;
  if (failures.length === 0) parts.push('[]');
  else {
    for (let i = 0; i < failures.length; i++) {
      const f = failures[i]!;
      parts.push(i === 0 ? '[\n        {\n          "rule": ' : ',\n        {\n          "rule": ', failureHead(f),
        qc(lang === 'en' ? f.messageEn : f.message), ',\n          "messageEn": ', qc(f.messageEn), '\n        }');
    }
    parts.push('\n      ]');
  }
  const inst = v.institution;
  parts.push(inst ? institutionText(inst) : ',\n      "institution": null', ',\n      "subjects": ', LISTS.text(v.subjects), ',\n      "assumed": ', LISTS.text(v.assumed),
    ',\n      "notes": ', v.notes.length === 0 ? '[]' : listText(v.notes), '\n    }');
}

/** From `"level"` to `"failures": `: the same for every cadre of a run with one nomination, so the last one is kept. */
let lastNomination: { level: string; mode: string; on: string; regulation: string; ruleset: string; eligible: boolean; text: string } | undefined;
function nominationText(v: Verdict): string {
  const m = lastNomination;
  if (m && m.level === v.level && m.mode === v.mode && m.on === v.on && m.regulation === v.regulation && m.ruleset === v.ruleset && m.eligible === v.eligible) return m.text;
  const text = `,\n      "level": ${qc(v.level)},\n      "mode": ${qc(v.mode)},\n      "on": ${qc(v.on)},\n      "regulation": ${qc(v.regulation)},\n      "ruleset": ${qc(v.ruleset)},\n      "eligible": ${v.eligible ? 'true' : 'false'},\n      "failures": `;
  lastNomination = { level: v.level, mode: v.mode, on: v.on, regulation: v.regulation, ruleset: v.ruleset, eligible: v.eligible, text };
  return text;
}

/** A string array at the depth of a result's members. */
function listText(items: readonly string[]): string {
  if (items.length === 0) return '[]';
  let s = '[';
  for (let i = 0; i < items.length; i++) s += `${i === 0 ? '\n        ' : ',\n        '}${q(items[i]!)}`;
  return `${s}\n      ]`;
}

/** `listText` of lists that repeat (rule ids): remembered by content, found by first item then compared. */
const LISTS = {
  byFirst: new Map<string, { items: readonly string[]; text: string }[]>(),
  size: 0,
  text(items: readonly string[]): string {
    if (items.length === 0) return '[]';
    const key = items[0]!;
    let bucket = this.byFirst.get(key);
    if (bucket) {
      for (const m of bucket) {
        if (m.items.length !== items.length) continue;
        let same = true;
        for (let i = 1; i < items.length && same; i++) same = m.items[i] === items[i];
        if (same) return m.text;
      }
    } else {
      if (this.size > 10_000) { this.byFirst.clear(); this.size = 0; }
      bucket = [];
      this.byFirst.set(key, bucket);
    }
    const text = listText(items);
    bucket.push({ items: items.slice(), text });
    this.size++;
    return text;
  },
};

function generic(value: unknown): string {
  return `    ${JSON.stringify(value, null, 2).replaceAll('\n', '\n    ')}`;
}

/** Characters JSON.stringify writes escaped (a surrogate only when unpaired; any surrogate takes the slow path). */
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** `JSON.stringify(s)` for a string. */
function q(s: string): string {
  return NEEDS_ESCAPE.test(s) ? JSON.stringify(s) : `"${s}"`;
}

/** A failure's rule, kind, citation and confidence (the same for every cadre failing that rule), up to `"message": `. */
function failureHead(f: Verdict['failures'][number]): string {
  const key = f.rule;
  const m = HEADS.get(key);
  if (m && m.kind === f.kind && m.citation === f.citation && m.confidence === f.confidence) return m.text;
  const text = `${qc(f.rule)},\n          "kind": ${qc(f.kind)},\n          "citation": ${qc(f.citation)},\n          "citationEn": ${qc(failureCitation(f, 'en'))},\n          "confidence": ${qc(f.confidence)},\n          "message": `;
  if (HEADS.size > 10_000) HEADS.clear();
  HEADS.set(key, { kind: f.kind, citation: f.citation, confidence: f.confidence, text });
  return text;
}
const HEADS = new Map<string, { kind: string; citation: string; confidence: string; text: string }>();

/** The `institution` member, remembered by institution name (a few schools serve a whole cohort). */
function institutionText(inst: NonNullable<Verdict['institution']>): string {
  const m = INSTITUTIONS.get(inst.name.vi);
  if (m && m.id === inst.id && m.name.en === inst.name.en && m.rule === inst.rule && m.citation === inst.citation && m.confidence === inst.confidence) return m.text;
  const text = `,\n      "institution": {\n        "id": ${qc(inst.id)},\n        "name": ${qc(inst.name.vi)},\n        "nameEn": ${qc(inst.name.en)},\n        "rule": ${qc(inst.rule)},\n        "citation": ${qc(inst.citation)},\n        "confidence": ${qc(inst.confidence)}\n      }`;
  if (INSTITUTIONS.size > 10_000) INSTITUTIONS.clear();
  INSTITUTIONS.set(inst.name.vi, { ...inst, text });
  return text;
}
const INSTITUTIONS = new Map<string, NonNullable<Verdict['institution']> & { text: string }>();

/**
 * JSON text of strings that repeat across results (rule ids, citations, names, and failure messages, which the
 * engine fills once per combination of values): quoted once.
 */
const QUOTED = new Map<string, string>();
function qc(s: string): string {
  let t = QUOTED.get(s);
  if (t === undefined) {
    t = q(s);
    if (QUOTED.size > 50_000) QUOTED.clear();
    QUOTED.set(s, t);
  }
  return t;
}

function allStrings(items: unknown): boolean {
  if (!Array.isArray(items)) return false;
  for (let i = 0; i < items.length; i++) if (typeof items[i] !== 'string') return false;
  return true;
}

/** Every value the fast writer prints has the type the Verdict type promises (JSON.stringify would drop or recast others). */
function plainVerdict(v: Verdict): boolean {
  if (typeof v.id !== 'string' || typeof v.level !== 'string' || typeof v.mode !== 'string' || typeof v.on !== 'string'
    || typeof v.regulation !== 'string' || typeof v.ruleset !== 'string' || typeof v.eligible !== 'boolean' || !Array.isArray(v.failures)
    || !allStrings(v.subjects) || !allStrings(v.assumed) || !allStrings(v.notes)) return false;
  for (let i = 0; i < v.failures.length; i++) {
    const f = v.failures[i]!;
    if (typeof f.rule !== 'string' || typeof f.kind !== 'string' || typeof f.citation !== 'string' || typeof f.confidence !== 'string'
      || typeof f.message !== 'string' || typeof f.messageEn !== 'string' || f.layer !== undefined) return false;
  }
  const inst = v.institution;
  return inst === null || (typeof inst === 'object' && typeof inst.id === 'string' && typeof inst.name === 'object' && inst.name !== null
    && typeof inst.name.vi === 'string' && typeof inst.name.en === 'string'
    && typeof inst.rule === 'string' && typeof inst.citation === 'string' && typeof inst.confidence === 'string');
}
