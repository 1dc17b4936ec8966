/** The decision fields as `llct review` reads them (cli/review/decisionsOf.ts, with the engine's decision schemas). */
import { describe, expect, it } from 'vitest';
import { decisionsOf, publicationState } from '../../cli/review/decisionsOf.ts';
import { DECISION_PROVINCE, revision2 } from './reviewFixtures.ts';

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

  it('names each field that does not read, by its path: missing texts, dates not ISO, a kind outside the list, applying before signing, a revision not a number', () => {
    const raw = {
      revision: 0,
      decisions: [
        { ...DECISION_PROVINCE, signer: '', signedOn: '01/12/2025' },
        { ...DECISION_PROVINCE, id: 'b', kind: 'nghi-quyet' },
        { ...DECISION_PROVINCE, id: 'c', appliesFrom: '2025-11-30' },
      ],
      published: [{ revision: 2, on: '2025-12-05', decision: 'khong-co' }, { revision: 'hai' }],
    };
    const problems = decisionsOf(raw).problems;
    const en = problems.map((p) => p.en).join('\n');
    // Each field named, in both languages, by the engine's schemas.
    for (const at of ['decisions[0].signer', 'decisions[0].signedOn', 'decisions[1].kind', 'decisions[2].appliesFrom', 'published[1].revision', 'revision']) {
      expect(problems.some((p) => p.en.includes(at) || p.vi.includes(at)), `${at} in:\n${en}`).toBe(true);
    }
    expect(problems.every((p) => p.vi.length > 0 && p.en.length > 0)).toBe(true);
  });
});
