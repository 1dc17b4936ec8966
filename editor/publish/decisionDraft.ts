/**
 * The publish form's decision as typed, and its check before the command runs: every problem at once, in the form's order, each
 * naming its field in the page's words (Vietnamese and English), dates shown as DD/MM/YYYY. The rules are the engine's
 * (`DecisionSchema`: the number pattern, applies-from not before signing, applies-until after applies-from); only
 * the wording is the page's. Loads no React (tested in Node).
 */
import { DecisionSchema, type Decision, type DecisionKind } from '../../engine/documents/decision.ts';
import { formatDate } from '../../engine/documents/dates.ts';
import type { Label } from '../../engine/documents/enums.ts';
import '../i18n/publishStrings.ts';
import { text } from '../i18n/text.ts';
import { decisionIdOf } from '../workspace/commands/publishCommands.ts';

/** The decision's fields as the form holds them: text as typed, dates as ISO (`''` while not a real date). */
export interface DecisionDraft {
  kind: DecisionKind;
  number: string;
  issuedBy: string;
  signer: string;
  title: string;
  signedOn: string;
  appliesFrom: string;
  appliesUntil: string;
  summary: string;
  source: string;
}

export type DraftField = keyof Omit<DecisionDraft, 'kind'>;

export const EMPTY_DRAFT: DecisionDraft = {
  kind: 'quyet-dinh', number: '', issuedBy: '', signer: '', title: '', signedOn: '', appliesFrom: '', appliesUntil: '', summary: '', source: '',
};

/** A problem of one field, in both languages. */
export interface DraftProblem { field: DraftField; message: Label }

const REQUIRED: readonly DraftField[] = ['number', 'issuedBy', 'title', 'signedOn', 'appliesFrom', 'summary', 'source'];

const FIELD_KEY = {
  number: 'publish.number', issuedBy: 'publish.issuedBy', signer: 'publish.signer', title: 'publish.decisionTitle',
  signedOn: 'publish.signedOn', appliesFrom: 'publish.appliesFrom', appliesUntil: 'publish.appliesUntil',
  summary: 'publish.summary', source: 'publish.source',
} as const satisfies Record<DraftField, string>;

/** The field's name on the page. */
export const fieldName = (field: DraftField, lang: 'vi' | 'en'): string => text(lang, FIELD_KEY[field]);

const both = (make: (lang: 'vi' | 'en') => string): Label => ({ vi: make('vi'), en: make('en') });

/**
 * The decision the draft describes, or every problem it has. `carried` are the decisions the document already has:
 * a number among them is a problem (pick that decision instead); an id they already use gets a suffix.
 */
export function checkDecisionDraft(draft: DecisionDraft, carried: readonly Decision[]): { decision: Decision } | { problems: DraftProblem[] } {
  const t = trimmed(draft);
  const problems: DraftProblem[] = REQUIRED.filter((f) => t[f] === '').map((field) => ({
    field, message: both((lang) => text(lang, 'publish.required', { field: fieldName(field, lang) })),
  }));
  const candidate = {
    id: decisionIdOf(t.number), kind: t.kind, number: t.number, issuedBy: t.issuedBy, ...(t.signer ? { signer: t.signer } : {}), title: t.title,
    signedOn: t.signedOn, appliesFrom: t.appliesFrom, ...(t.appliesUntil ? { appliesUntil: t.appliesUntil } : {}), summary: t.summary, source: t.source,
  };
  const parsed = DecisionSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as DraftField;
      if (problems.some((p) => p.field === field) || !(field in FIELD_KEY)) continue;
      problems.push({ field, message: messageOf(field, issue, t) });
    }
  }
  const twin = carried.find((d) => d.number === t.number);
  if (twin && !problems.some((p) => p.field === 'number')) {
    problems.push({ field: 'number', message: both((lang) => text(lang, 'publish.fieldProblem', { field: fieldName('number', lang), message: text(lang, 'publish.numberCarried') })) });
  }
  const order = Object.keys(FIELD_KEY);
  problems.sort((x, y) => order.indexOf(x.field) - order.indexOf(y.field));
  return problems.length > 0 || !parsed.success ? { problems } : { decision: parsed.data };
}

function trimmed(d: DecisionDraft): DecisionDraft {
  const out = { ...d };
  for (const k of Object.keys(out) as (keyof DecisionDraft)[]) if (k !== 'kind') out[k] = out[k].trim();
  return out;
}

function messageOf(field: DraftField, issue: { code: string; message: string; params?: Record<string, unknown> }, t: DecisionDraft): Label {
  if (field === 'appliesFrom' && issue.code === 'custom') {
    return both((lang) => text(lang, 'publish.fromBeforeSigned', { field: fieldName(field, lang), from: formatDate(t.appliesFrom), signed: formatDate(t.signedOn) }));
  }
  if (field === 'appliesUntil' && issue.code === 'custom') {
    return both((lang) => text(lang, 'publish.untilNotAfter', { field: fieldName(field, lang), until: formatDate(t.appliesUntil), from: formatDate(t.appliesFrom) }));
  }
  if (field === 'signedOn' || field === 'appliesFrom' || field === 'appliesUntil') return both((lang) => text(lang, 'publish.badDate', { field: fieldName(field, lang) }));
  const engine: Label = { vi: issue.message, en: typeof issue.params?.en === 'string' ? issue.params.en : issue.message };
  return both((lang) => text(lang, 'publish.fieldProblem', { field: fieldName(field, lang), message: engine[lang] }));
}
