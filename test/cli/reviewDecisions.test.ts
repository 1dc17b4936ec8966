/** The decision fields as `llct review` reads them (cli/review/decisionsOf.ts), until the engine's schemas carry them. */
import { describe, expect, it } from 'vitest';
import { decisionsOf, publicationState, withoutDecisionFields } from '../../cli/review/decisionsOf.ts';
import { DECISION_PROVINCE, revision1, revision2 } from './reviewFixtures.ts';

describe('decisionsOf', () => {
  it('reads the revision, the decisions and the publications of a document', () => {
    const fields = decisionsOf(revision2());
    expect(fields.problems).toEqual([]);
    expect(fields.revision).toBe(2);
    expect(fields.decisions.map((d) => d.number)).toEqual(['350-QĐ/TW', '01-QĐ/TU']);
    expect(fields.decisions[1]).toEqual(DECISION_PROVINCE);
    expect(publicationState(fields)).toEqual(expect.objectContaining({ state: 'published', revision: 2, decision: DECISION_PROVINCE }));
  });

  it('calls a revision no publication names a draft, and says why', () => {
    expect(publicationState(decisionsOf(revision2(false)))).toEqual({ state: 'draft', revision: 2, reason: expect.objectContaining({ vi: expect.stringContaining('bản 2 chưa được ban hành') }) });
    expect(publicationState(decisionsOf({ schema: 'llct/ruleset' }))).toEqual({ state: 'draft', reason: expect.objectContaining({ en: 'the document has no revision number' }) });
  });

  it('names each field that does not read: missing texts, dates not ISO, a kind outside the list, applying before signing, an unknown decision id', () => {
    const raw = {
      revision: 0,
      decisions: [
        { ...DECISION_PROVINCE, signer: '', signedOn: '01/12/2025' },
        { ...DECISION_PROVINCE, id: 'b', kind: 'nghi-quyet' },
        { ...DECISION_PROVINCE, id: 'c', appliesFrom: '2025-11-30' },
      ],
      published: [{ revision: 2, on: '2025-12-05', decision: 'khong-co' }, { revision: 'hai' }],
    };
    const en = decisionsOf(raw).problems.map((p) => p.en);
    expect(en).toEqual([
      'decisions[0]: missing signer',
      'decisions[0]: dates not written YYYY-MM-DD: signedOn',
      'decisions[1].kind: must be one of quy-dinh, quyet-dinh, huong-dan, cong-van',
      'decisions[2]: applies from a date before it was signed',
      'published[1]: needs revision (an integer), on (YYYY-MM-DD) and decision (a decision id)',
      'published[0].decision: there is no decision "khong-co" in decisions',
      'revision: must be an integer from 1',
    ]);
  });

  it('leaves the rest of a document as it is when the decision fields are taken away', () => {
    const { revision, decisions, published, ...rest } = revision1() as Record<string, unknown>;
    expect([revision, Array.isArray(decisions), Array.isArray(published)]).toEqual([1, true, true]);
    expect(withoutDecisionFields(revision1())).toEqual(rest);
    // A lifecycle's own revision stays: its schema has one.
    expect(withoutDecisionFields({ schema: 'llct/lifecycle', revision: 3, decisions: [] })).toEqual({ schema: 'llct/lifecycle', revision: 3 });
  });
});
