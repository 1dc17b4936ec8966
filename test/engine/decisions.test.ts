import { describe, expect, it } from 'vitest';
import { BUILTIN_RULESET_JSON, builtinDocuments } from '../../engine/builtin.ts';
import { DECISION_NUMBER_PATTERN, decisionText } from '../../engine/documents/decision.ts';
import { loadDocument } from '../../engine/documents/loadDocument.ts';
import { LIFECYCLE_KIND } from '../../engine/documents/lifecycle.ts';
import { PLAN_KIND } from '../../engine/documents/plan.ts';
import { RULESET_KIND } from '../../engine/documents/ruleset.ts';
import { BUILTIN_LIFECYCLE_JSON } from '../../engine/lifecycle/builtinLifecycles.ts';
import plan from '../../fixtures/plans/ha-noi-2024.json' with { type: 'json' };

const rs350 = BUILTIN_RULESET_JSON['350-qd-tw'] as Record<string, unknown>;

/** A decision as the brief's example writes it, varied by `over`. */
function decision(over: Record<string, unknown> = {}) {
  return {
    id: '10-qd-tu', kind: 'quyet-dinh', number: '10-QĐ/TU', issuedBy: 'Tỉnh ủy Lào Cai', title: 'Văn bản thử',
    signedOn: '2025-11-28', appliesFrom: '2026-01-01', summary: 'Thử.', source: 'test', ...over,
  };
}

/** The 350 ruleset with `fields` set (or removed, when undefined). */
function ruleset350(fields: Record<string, unknown>) {
  return { ...rs350, ...fields };
}

function problems(raw: unknown) {
  const r = loadDocument(RULESET_KIND, raw);
  return r.ok ? [] : r.diagnostics.map((d) => ({ code: d.code, path: d.path, vi: d.message, en: d.messageEn }));
}

describe('decision numbers', () => {
  it('accept the numbers as Party acts write them', () => {
    for (const n of ['350-QĐ/TW', '57-QĐ/TW', '10-QĐ/TU', '25-HD/BTCTW', '1147-QĐ/BTGDVTW', '6468-QĐ/HVCTQG', '1474-CV/BTCTW', '215-KH/TU', '09-KL/TW']) {
      expect(DECISION_NUMBER_PATTERN.test(n), n).toBe(true);
    }
  });

  it('refuse a number written another way, naming the field in both languages', () => {
    for (const n of ['350/QĐ-TW', '10 QĐ/TU', '10-qđ/tu', 'QĐ/TU', '10-QĐ', '10-QĐ/TU ', '']) {
      expect(DECISION_NUMBER_PATTERN.test(n), n).toBe(false);
    }
    const [p] = problems(ruleset350({ decisions: [decision({ number: '10 QĐ/TU' })] }));
    expect(p).toMatchObject({ code: 'document/schema', path: 'decisions[0].number' });
    expect(p!.vi).toMatch(/số hiệu văn bản không đúng dạng/);
    expect(p!.en).toMatch(/not in the form "number-SYMBOL\/ISSUER"/);
  });
});

describe('decision dates', () => {
  it('refuse a day that does not exist', () => {
    expect(problems(ruleset350({ decisions: [decision({ signedOn: '2025-02-30', appliesFrom: '2025-03-01' })] })).map((p) => p.path)).toEqual(['decisions[0].signedOn']);
  });

  it('refuse applies-from before signing, and allow it on the signing day', () => {
    const [p] = problems(ruleset350({ decisions: [decision({ appliesFrom: '2025-11-27' })] }));
    expect(p).toMatchObject({ path: 'decisions[0].appliesFrom' });
    expect(p!.vi).toContain('appliesFrom (2025-11-27) sớm hơn ngày ký signedOn (2025-11-28)');
    expect(p!.en).toContain('appliesFrom (2025-11-27) is before signedOn (2025-11-28)');
    expect(problems(ruleset350({ decisions: [decision({ appliesFrom: '2025-11-28' })] }))).toEqual([]);
  });

  it('refuse an end date that is not after applies-from', () => {
    expect(problems(ruleset350({ decisions: [decision({ appliesUntil: '2026-01-01' })] })).map((p) => p.path)).toEqual(['decisions[0].appliesUntil']);
    expect(problems(ruleset350({ decisions: [decision({ appliesUntil: '2026-01-02' })] }))).toEqual([]);
  });
});

describe('published revisions', () => {
  it('must name a decision the document carries', () => {
    const ps = problems(ruleset350({ revision: 2, decisions: [decision()], published: [{ revision: 2, on: '2026-01-02', decision: '11-qd-tu' }] }));
    expect(ps).toHaveLength(1);
    expect(ps[0]).toMatchObject({ path: 'published[0].decision' });
    expect(ps[0]!.vi).toBe('Văn bản: published[0].decision "11-qd-tu" không có trong decisions (có: 10-qd-tu).');
    expect(ps[0]!.en).toBe('Decision: published[0].decision "11-qd-tu" is not in decisions (there: 10-qd-tu).');
    expect(problems(ruleset350({ published: [{ revision: 1, on: '2026-01-02', decision: '10-qd-tu' }] })).map((p) => p.path)).toEqual(['published[0].decision']);
  });

  it('are not dated before their decision was signed, nor later than the document, nor twice', () => {
    const paths = (published: unknown[]) => problems(ruleset350({ revision: 2, decisions: [decision()], published })).map((p) => p.path);
    expect(paths([{ revision: 1, on: '2025-11-27', decision: '10-qd-tu' }])).toEqual(['published[0].on']);
    expect(paths([{ revision: 3, on: '2026-01-02', decision: '10-qd-tu' }])).toEqual(['published[0].revision']);
    expect(paths([{ revision: 1, on: '2026-01-02', decision: '10-qd-tu' }, { revision: 1, on: '2026-01-03', decision: '10-qd-tu' }])).toEqual(['published[1].revision']);
    expect(paths([{ revision: 1, on: '2025-11-28', decision: '10-qd-tu' }, { revision: 2, on: '2026-01-03', decision: '10-qd-tu' }])).toEqual([]);
  });

  it('refuse two decisions with one id', () => {
    expect(problems(ruleset350({ decisions: [decision(), decision({ number: '11-QĐ/TU' })] })).map((p) => p.path)).toEqual(['decisions[1].id']);
  });
});

describe('documents with and without decisions', () => {
  it('a ruleset, a lifecycle and a plan without decisions still load (files written before the fields)', () => {
    const { decisions: _d, ...without } = rs350;
    expect(loadDocument(RULESET_KIND, without).ok).toBe(true);
    expect(loadDocument(LIFECYCLE_KIND, (BUILTIN_LIFECYCLE_JSON['class-default'] as Record<string, unknown>)).ok).toBe(true);
    expect(loadDocument(PLAN_KIND, plan).ok).toBe(true);
  });

  it('a lifecycle and a plan accept decisions and published revisions, checked the same way', () => {
    const lc = { ...(BUILTIN_LIFECYCLE_JSON['class-default'] as Record<string, unknown>), revision: 2, decisions: [decision()], published: [{ revision: 2, on: '2026-01-05', decision: '10-qd-tu' }] };
    expect(loadDocument(LIFECYCLE_KIND, lc).ok).toBe(true);
    const bad = loadDocument(PLAN_KIND, { ...plan, decisions: [decision()], published: [{ revision: 1, on: '2026-01-05', decision: 'x' }] });
    expect(bad.ok ? [] : bad.diagnostics.map((d) => d.path)).toEqual(['published[0].decision']);
  });

  it('the shipped rulesets carry their act with the dates regulation.md gives, and no signer (no source names one)', () => {
    const [r57, r350] = ['57-qd-tw', '350-qd-tw'].map((id) => builtinDocuments().rulesets.find((r) => r.id === id)!);
    expect(r57!.decisions).toEqual([expect.objectContaining({ number: '57-QĐ/TW', kind: 'quy-dinh', signedOn: '2022-02-08', appliesFrom: '2022-02-08', appliesFromConfidence: 'confirmed' })]);
    expect(r350!.decisions).toEqual([expect.objectContaining({ number: '350-QĐ/TW', kind: 'quy-dinh', signedOn: '2025-08-29', appliesFrom: '2025-08-29', appliesFromConfidence: 'assumed' })]);
    for (const r of [r57!, r350!]) {
      expect(r.decisions![0]!.signer).toBeUndefined();
      expect(r.decisions![0]!.signedOn).toBe(r.regulation.signedOn);
      expect(r.decisions![0]!.appliesFrom).toBe(r.regulation.effectiveFrom);
    }
  });

  it('a decision reads as its number and date, illustrative ones marked', () => {
    expect(decisionText({ number: '10-QĐ/TU', signedOn: '2025-11-28' }, 'vi')).toBe('10-QĐ/TU ngày 28/11/2025');
    expect(decisionText({ number: '10-QĐ/TU', signedOn: '2025-11-28', illustrative: true }, 'en')).toBe('10-QĐ/TU of 28/11/2025 (illustrative)');
  });
});
