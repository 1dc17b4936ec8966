/**
 * The review of a change: the documents that differ between two sides, each with the decisions it is published
 * under, its structural changes, whether its head version is valid and published, and, for a ruleset, its effect on
 * a cohort; then the golden cases of both sides. A policy failure (exit 1): a document invalid on head, a changed
 * document whose head revision is a draft (a warning with `allowDraft`) or that changed after it was published, a
 * golden case failing on head or a case file the head cannot run.
 */
import type { Label, Mode, TrainingLevel } from '../../engine/documents/enums.ts';
import type { Diagnostic } from '../../engine/diagnostics/Diagnostic.ts';
import type { CadreRow } from '../../engine/io/readCadres.ts';
import type { PositionName } from '../../engine/rules/describeCondition.ts';
import { sameValue } from '../../engine/rules/diffConditions.ts';
import { cohortEffect } from './cohortEffect.ts';
import { decisionsOf, publicationState, type DecisionFields } from './decisionsOf.ts';
import { describeOtherChanges, isEmpty, placesChanged } from './describeOtherChanges.ts';
import { describeRulesetChanges } from './describeRulesetChanges.ts';
import type { ReviewSide } from './loadReviewSide.ts';
import type { SideDocument } from './readDocuments.ts';
import { reviewGolden } from './reviewGolden.ts';
import { reviewOverlay } from './reviewOverlay.ts';
import { noChanges, type DocumentReview, type Review, type ReviewProblem } from './reviewModel.ts';

/** The order documents are listed in: what a policy reader reads first. */
const KIND_ORDER = ['llct/ruleset', 'llct/ruleset-overlay', 'llct/lifecycle', 'llct/plan', 'llct/golden-cases', 'llct/positions', 'llct/institutions'];

/** Kinds whose versions are published under decisions. */
const DECIDED_KINDS = new Set(['llct/ruleset', 'llct/lifecycle', 'llct/plan', 'llct/ruleset-overlay']);

export interface ReviewOptions {
  allowDraft: boolean;
  /** The cohort for rulesets' effect, with its nomination flags. */
  cohort?: { file: string; rows: readonly CadreRow[]; on?: string; level?: TrainingLevel; mode?: Mode };
}

const titleOf = (raw: unknown): Label | undefined => {
  const r = raw as { title?: unknown; regulation?: { code?: unknown; title?: unknown } } | undefined;
  if (typeof r?.regulation?.code === 'string' && typeof r.regulation.title === 'string') {
    const t = `${r.regulation.code} — ${r.regulation.title}`;
    return { vi: t, en: t };
  }
  const t = r?.title as { vi?: unknown; en?: unknown } | string | undefined;
  if (typeof t === 'string') return { vi: t, en: t };
  if (t && typeof t.vi === 'string' && typeof t.en === 'string') return { vi: t.vi, en: t.en };
  return undefined;
};

const idOf = (raw: unknown): string | undefined => {
  const r = raw as { id?: unknown; ruleset?: unknown } | undefined;
  return typeof r?.id === 'string' ? r.id : typeof r?.ruleset === 'string' ? r.ruleset : undefined;
};

/** Same document: the same JSON value (formatting aside), or the same text when it does not parse. */
function same(b: SideDocument, h: SideDocument): boolean {
  return b.raw !== undefined && h.raw !== undefined ? sameValue(b.raw, h.raw) : b.text === h.text;
}

const shown = (ds: readonly Diagnostic[]) => ds.filter((d) => d.severity !== 'info').map((d) => ({
  severity: d.severity as 'error' | 'warning', code: d.code, path: d.path, message: { vi: d.message, en: d.messageEn },
}));

/** Publication checks of a changed document; problems go to `problems`. */
function publication(doc: DocumentReview, baseFields: DecisionFields | undefined, headFields: DecisionFields, options: ReviewOptions, problems: ReviewProblem[]): void {
  const state = publicationState(headFields);
  for (const p of headFields.problems) problems.push({ code: 'review/decision-fields', severity: 'error', file: doc.path, message: p });
  const baseRevision = baseFields?.revision;
  doc.revision = { ...(baseRevision !== undefined ? { base: baseRevision } : {}), ...(headFields.revision !== undefined ? { head: headFields.revision } : {}) };
  const newer = headFields.published.filter((p) => baseRevision === undefined || p.revision > baseRevision);
  doc.decisions = headFields.decisions.filter((d) => newer.some((p) => p.decision === d.id));
  if (state.state === 'published') {
    doc.publication = { state: 'published', revision: state.revision, on: state.publication.on, decision: state.decision.id, ...(state.publication.note ? { note: state.publication.note } : {}) };
    if (!doc.decisions.some((d) => d.id === state.decision.id)) doc.decisions.push(state.decision);
  } else {
    doc.publication = { state: 'draft', reason: state.reason };
  }
  const wasPublished = baseFields !== undefined && baseRevision !== undefined && baseFields.published.some((p) => p.revision === baseRevision);
  if (doc.change === 'modified' && wasPublished && headFields.revision === baseRevision) {
    problems.push({ code: 'review/changed-after-publication', severity: 'error', file: doc.path, message: {
      vi: `bản ${baseRevision} đã ban hành nhưng nội dung bị sửa mà không tăng số phiên bản: tăng revision và ban hành bản mới theo một quyết định`,
      en: `revision ${baseRevision} was published, yet its content changed without a new revision: raise revision and publish the new one under a decision`,
    } });
  } else if (state.state === 'draft') {
    problems.push({ code: 'review/draft', severity: options.allowDraft ? 'warning' : 'error', file: doc.path, message: {
      vi: `thay đổi chưa được ban hành: ${state.reason.vi}`, en: `the change is not published: ${state.reason.en}`,
    } });
  }
}

/** The date a cohort is nominated on: --on, else the head decision's applies-from, else the ruleset's effectiveFrom. */
function cohortDate(doc: DocumentReview, flag: string | undefined, effectiveFrom: string): { on: string; onFrom: 'flag' | 'decision' | 'ruleset' } {
  if (flag !== undefined) return { on: flag, onFrom: 'flag' };
  const decision = doc.decisions.find((d) => doc.publication?.state === 'published' && d.id === doc.publication.decision);
  return decision ? { on: decision.appliesFrom, onFrom: 'decision' } : { on: effectiveFrom, onFrom: 'ruleset' };
}

/** Builds the review of `base` → `head`; `positionName` names position codes in condition texts. */
export async function buildReview(base: ReviewSide, head: ReviewSide, options: ReviewOptions, positionName?: PositionName): Promise<Review> {
  const problems: ReviewProblem[] = [];
  const documents: DocumentReview[] = [];
  const rank = (path: string) => KIND_ORDER.indexOf((head.documents.get(path) ?? base.documents.get(path))?.kind ?? 'llct/ruleset');
  const paths = [...new Set([...base.documents.keys(), ...head.documents.keys()])].sort((x, y) => rank(x) - rank(y) || (x < y ? -1 : x > y ? 1 : 0));
  for (const path of paths) {
    const b = base.documents.get(path);
    const h = head.documents.get(path);
    if (b && h && same(b, h)) continue;
    const kind = (h ?? b)!.kind ?? (path.endsWith('.cases.json') ? 'llct/golden-cases' : 'llct/ruleset');
    const change = !b ? 'added' : !h ? 'removed' : 'modified';
    const raw = (h ?? b)!.raw;
    const id = idOf(raw);
    const title = titleOf(raw);
    const doc: DocumentReview = {
      path, kind, change, revision: {}, decisions: [], valid: true, diagnostics: [], changes: noChanges(),
      ...(id !== undefined ? { id } : {}), ...(title ? { title } : {}),
    };
    if (h) {
      const diagnostics = head.validate(path);
      doc.diagnostics = shown(diagnostics);
      doc.valid = !diagnostics.some((d) => d.severity === 'error');
      if (!doc.valid) {
        problems.push({ code: 'review/invalid-document', severity: 'error', file: path, message: {
          vi: `bản mới không hợp lệ (${diagnostics.filter((d) => d.severity === 'error').length} lỗi)`,
          en: `the head version is not valid (${diagnostics.filter((d) => d.severity === 'error').length} error(s))`,
        } });
      }
      if (DECIDED_KINDS.has(kind) && h.raw !== undefined) publication(doc, b?.raw !== undefined ? decisionsOf(b.raw) : undefined, decisionsOf(h.raw), options, problems);
    }
    if (kind === 'llct/ruleset-overlay') {
      if (h) reviewOverlay(doc, b, h, head, options, problems, positionName);
    } else if (b?.raw !== undefined && h?.raw !== undefined) {
      const rb = base.rulesets.get(path);
      const rh = head.rulesets.get(path);
      if (kind === 'llct/ruleset' && rb && rh) {
        doc.changes = describeRulesetChanges(rb, rh, positionName);
        if (options.cohort) {
          const dated = cohortDate(doc, options.cohort.on, rh.regulation.effectiveFrom);
          const effect = cohortEffect(rb, rh, { file: options.cohort.file, rows: options.cohort.rows, on: dated.on, positions: head.positions, institutions: head.institutions,
            ...(options.cohort.level ? { level: options.cohort.level } : {}), ...(options.cohort.mode ? { mode: options.cohort.mode } : {}) });
          doc.cohort = { cadres: options.cohort.file, ...dated, rows: options.cohort.rows.length, ...effect };
        }
      } else if (kind !== 'llct/ruleset') {
        doc.changes = describeOtherChanges(kind, b.raw, h.raw);
      }
      if (isEmpty(doc.changes)) doc.changes.other.push(...placesChanged(b.raw, h.raw));
    }
    documents.push(doc);
  }

  const golden = await reviewGolden(base, head);
  problems.push(...golden.problems);
  for (const c of golden.part.failingOnHead) {
    problems.push({ code: 'review/golden-failing', severity: 'error', file: c.file, message: {
      vi: `ca kiểm thử ${c.id} sai trên bản mới: ${c.head?.problems.join('; ') ?? ''}`, en: `golden case ${c.id} fails on head: ${c.head?.problems.join('; ') ?? ''}`,
    } });
  }
  const errors = problems.filter((p) => p.severity === 'error').length;
  return {
    schema: 'llct/review', version: 1, base: base.label, head: head.label,
    passed: errors === 0, exitCode: errors === 0 ? 0 : 1, allowDraft: options.allowDraft,
    summary: {
      documents: documents.length,
      added: documents.filter((d) => d.change === 'added').length,
      removed: documents.filter((d) => d.change === 'removed').length,
      modified: documents.filter((d) => d.change === 'modified').length,
      goldenChanged: golden.part.changed.length,
      goldenFailingOnHead: golden.part.failingOnHead.length,
      errors, warnings: problems.length - errors,
    },
    documents, golden: golden.part, problems,
  };
}
