/**
 * The review of a changed overlay file: its own section (each change added, withdrawn or altered with its decision
 * and date; what it does to its base), a policy failure for every change that names no decision the overlay carries,
 * and, with `--cadres`, the cohort judged by the head side's base with the old overlay, then with the new one —
 * the overlay applying to the cadres of its province or agency only, as it would in `llct check --overlay`.
 */
import { loadDocument } from '../../engine/documents/loadDocument.ts';
import { OVERLAY_KIND, type Overlay } from '../../engine/documents/overlay.ts';
import type { PositionName } from '../../engine/rules/describeCondition.ts';
import { createChecker } from '../../engine/rules/createChecker.ts';
import { cohortEffectOfSides } from './cohortEffect.ts';
import { changesWithoutDecision, describeOverlayEffect, overlayChangeLines } from './describeOverlayChanges.ts';
import type { ReviewOptions } from './buildReview.ts';
import type { ReviewSide } from './loadReviewSide.ts';
import type { SideDocument } from './readDocuments.ts';
import type { DocumentReview, ReviewProblem } from './reviewModel.ts';

const overlayOf = (d: SideDocument | undefined): Overlay | undefined => {
  if (d?.raw === undefined) return undefined;
  const r = loadDocument(OVERLAY_KIND, d.raw);
  return r.ok ? r.value : undefined;
};

/** Fills `doc.overlay`, `doc.changes` and `doc.cohort` for an overlay present on head; adds its problems. */
export function reviewOverlay(doc: DocumentReview, b: SideDocument | undefined, h: SideDocument, head: ReviewSide, options: ReviewOptions, problems: ReviewProblem[], positionName?: PositionName): void {
  for (const i of changesWithoutDecision(h.raw)) {
    problems.push({ code: 'review/overlay-change-without-decision', severity: 'error', file: doc.path, message: {
      vi: `thay đổi changes[${i}] không nêu văn bản (decision) nào có trong decisions của lớp phủ: mỗi thay đổi phải gắn với quyết định của nó`,
      en: `change changes[${i}] names no decision the overlay carries: every change must be made under its decision`,
    } });
  }
  const after = overlayOf(h);
  if (!after) return;
  const before = overlayOf(b);
  const base = [...head.rulesets.values()].find((r) => r.id === after.extends);
  const jurisdiction = [after.jurisdiction.province, after.jurisdiction.agency].filter((x): x is string => x !== undefined).join(' · ');
  doc.overlay = {
    extends: after.extends, baseFound: base !== undefined, jurisdiction, illustrative: after.illustrative === true,
    changes: overlayChangeLines(before, after, base),
  };
  if (!base) return;
  doc.changes = describeOverlayEffect(before, after, base, positionName);
  if (!options.cohort) return;
  const latest = after.changes.map((c) => c.appliesFrom).sort().at(-1);
  const on = options.cohort.on ?? latest ?? base.regulation.effectiveFrom;
  const onFrom = options.cohort.on !== undefined ? 'flag' as const : latest !== undefined ? 'overlay' as const : 'ruleset' as const;
  const side = (overlay: Overlay | undefined, label: string) => ({
    checker: createChecker({ rulesets: [base], regardlessOfDate: true, positions: head.positions, institutions: head.institutions,
      ...(overlay && overlay.extends === base.id ? { overlays: [overlay] } : {}) }),
    label: { vi: label, en: label },
  });
  const effect = cohortEffectOfSides(side(before, `${base.regulation.code} + ${before ? before.id : '—'}`), side(after, `${base.regulation.code} + ${after.id}`), base, {
    file: options.cohort.file, rows: options.cohort.rows, on,
    ...(options.cohort.level ? { level: options.cohort.level } : {}), ...(options.cohort.mode ? { mode: options.cohort.mode } : {}),
  });
  doc.cohort = { cadres: options.cohort.file, on, onFrom, jurisdiction, rows: options.cohort.rows.length, ...effect };
}
