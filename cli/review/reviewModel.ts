/**
 * What `llct review` finds, as data: the JSON output (`--format json`) is this object, and the Markdown and HTML are
 * written from it alone, so JSON carries every fact they show. Texts are `Label`s (both languages); ids, paths,
 * numbers and dates as written (dates ISO). Documented in docs/ci/README.md ("The review as JSON").
 */
import type { Label } from '../../engine/documents/enums.ts';
import type { Decision } from './decisionsOf.ts';
import type { ReviewedKind } from './readDocuments.ts';

/** A policy failure (`error`: exit 1) or a warning (printed, does not fail the review). */
export interface ReviewProblem {
  code: 'review/invalid-document' | 'review/overlay-change-without-decision' | 'review/draft' | 'review/changed-after-publication' | 'review/golden-failing' | 'review/golden-unreadable' | 'review/decision-fields';
  severity: 'error' | 'warning';
  file: string;
  message: Label;
}

/** A condition's number changed ("Tuổi … từ 33 trở lên → từ 30 trở lên"). */
export interface ThresholdChange {
  rule: string;
  ruleTitle: Label;
  /** Level and study modes the rule applies to: "trung cấp, không tập trung". */
  scope: Label;
  /** The rule's confidence on head (`assumed` is said wherever the change shows). */
  confidence: 'confirmed' | 'reported' | 'assumed';
  /** The condition in words, before → after. */
  text: Label;
  before: number;
  after: number;
}

/** A rule (or subject group) added, removed or disabled. */
export interface RuleMention {
  rule: string;
  kind: 'subject' | 'standard' | 'tier';
  title: Label;
  citation: Label;
  scope: Label;
  confidence: 'confirmed' | 'reported' | 'assumed';
}

/** A change on one rule, in words. */
export interface RuleLine { rule: string; text: Label }

/** A document's structural changes, sorted into what a policy reader looks for first. */
export interface StructuralChanges {
  thresholds: ThresholdChange[];
  groupsAdded: RuleMention[];
  groupsRemoved: RuleMention[];
  rulesAdded: RuleMention[];
  rulesRemoved: RuleMention[];
  /** Overlays only (`disable`); always empty for a ruleset. */
  rulesDisabled: RuleMention[];
  citations: RuleLine[];
  confidence: RuleLine[];
  /** Every other change, one line each. */
  other: Label[];
}

export interface RuleTally { rule: string; count: number; citation: Label; title?: Label }

/** One nomination (level, mode) of the cohort under the base and the head version of a ruleset. */
export interface NominationEffect {
  level: string;
  mode: string;
  label: Label;
  compared: number;
  eligible: { base: number; head: number };
  gained: number;
  lost: number;
  /** Why cadres gain (base rules they no longer fail) and lose (head rules they fail), most frequent first. */
  gainedBy: RuleTally[];
  lostBy: RuleTally[];
}

/** One change of an overlay that was added, withdrawn or altered, with its decision and date. */
export interface OverlayChangeLine {
  change: 'added' | 'removed' | 'altered';
  op: 'add' | 'replace' | 'disable' | 'threshold';
  /** The rule it touches (an added rule's own id). */
  rule: string;
  /** The id of the decision it is made under, and its number as written (absent when the overlay lacks it). */
  decision: string;
  number?: string;
  /** ISO date it applies from. */
  appliesFrom: string;
  illustrative?: true;
  text: Label;
}

/** What a review says of an overlay file besides its decisions and diagnostics. */
export interface OverlayReview {
  /** The base ruleset's id, and whether the head side has it. */
  extends: string;
  baseFound: boolean;
  /** Where it applies: "Lào Cai", "Lào Cai · Sở Nội vụ". */
  jurisdiction: string;
  illustrative: boolean;
  changes: OverlayChangeLine[];
}

/** The effect of a changed ruleset on `--cadres`, nominated on `on`. */
export interface CohortEffect {
  cadres: string;
  on: string;
  /**
   * Where the date came from: `flag` (--on), `decision` (the head decision's applies-from), `ruleset` (effectiveFrom),
   * `overlay` (the latest date a change of the head overlay applies from, so that all of them are in force).
   */
  onFrom: 'flag' | 'decision' | 'ruleset' | 'overlay';
  /** An overlay's cohort: the province or agency it applies to (cadres elsewhere are judged by the base alone). */
  jurisdiction?: string;
  rows: number;
  invalidRows: number;
  nominations: NominationEffect[];
}

export interface DocumentReview {
  path: string;
  kind: ReviewedKind;
  id?: string;
  title?: Label;
  change: 'added' | 'removed' | 'modified';
  revision: { base?: number; head?: number };
  /** The head revision: published under a decision, or a draft and why. Absent for kinds without decisions. */
  publication?: { state: 'published'; revision: number; on: string; decision: string; note?: string } | { state: 'draft'; reason: Label };
  /** Decisions the change is published under: those of the publications after the base revision. */
  decisions: Decision[];
  /** Whether the head version loads and validates (a removed document: true). */
  valid: boolean;
  diagnostics: Array<{ severity: 'error' | 'warning'; code: string; path: string; message: Label }>;
  changes: StructuralChanges;
  /** A clearly marked gap: what the review cannot describe (absent for every kind it describes). */
  notDescribed?: Label;
  /** An overlay file's own section. */
  overlay?: OverlayReview;
  cohort?: CohortEffect;
}

export interface CaseOutcome { passed: boolean; eligible?: boolean; failures: string[]; problems: string[] }

/** A golden case whose outcome differs between the sides, or that fails on head. */
export interface GoldenCaseReview {
  file: string;
  id: string;
  title: string;
  citation: string;
  base?: CaseOutcome;
  head?: CaseOutcome;
}

export interface GoldenSide { files: number; passed: number; failed: number }

export interface GoldenReviewPart {
  base: GoldenSide;
  head: GoldenSide;
  /** Cases on both sides that pass on head with another outcome than on base (a verdict expected to change). */
  changed: GoldenCaseReview[];
  /** Every case failing on head, with its base outcome when the case was there. */
  failingOnHead: GoldenCaseReview[];
}

export interface Review {
  schema: 'llct/review';
  version: 1;
  base: string;
  head: string;
  passed: boolean;
  /** What `llct review` exits with: 0 passed, 1 a policy failure. */
  exitCode: 0 | 1;
  allowDraft: boolean;
  summary: {
    documents: number;
    added: number;
    removed: number;
    modified: number;
    goldenChanged: number;
    goldenFailingOnHead: number;
    errors: number;
    warnings: number;
  };
  documents: DocumentReview[];
  golden: GoldenReviewPart;
  problems: ReviewProblem[];
}

/** No structural changes. */
export function noChanges(): StructuralChanges {
  return { thresholds: [], groupsAdded: [], groupsRemoved: [], rulesAdded: [], rulesRemoved: [], rulesDisabled: [], citations: [], confidence: [], other: [] };
}
