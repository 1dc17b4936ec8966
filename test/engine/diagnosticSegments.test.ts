/**
 * Every diagnostic says where it is twice: `path` as text for people and the CLI, `segments` as data for the
 * editor's canvas to walk to the node. The two always agree.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtinCatalogues } from '../../engine/builtin.ts';
import { diagnostic, formatPath, parsePath } from '../../engine/diagnostics/Diagnostic.ts';
import { validateRuleset } from '../../engine/diagnostics/validateRuleset.ts';
import { readCadresFromText } from '../../engine/io/readCadres.ts';

const rs57 = () => JSON.parse(readFileSync('rulesets/57-qd-tw.json', 'utf8')) as { rules: Array<Record<string, unknown>> };

describe('diagnostic paths as segments', () => {
  it('parse the text form into keys and indexes, and format back to the same text', () => {
    expect(parsePath('rules[3].conditions.all[0].fact')).toEqual(['rules', 3, 'conditions', 'all', 0, 'fact']);
    expect(parsePath('')).toEqual([]);
    expect(parsePath('party.status')).toEqual(['party', 'status']);
    expect(parsePath('states.in-session.on.CLOSE_RECRUITMENT[1].guard')).toEqual(['states', 'in-session', 'on', 'CLOSE_RECRUITMENT', 1, 'guard']);
    // Only a bracketed number is an index: a record key of digits stays a key.
    expect(parsePath('subjectGroups.2024[0]')).toEqual(['subjectGroups', '2024', 0]);
    for (const text of ['rules[3].conditions.all[0].fact', 'regulation.effectiveFrom', 'rules', 'rules[12].message.vi']) {
      expect(formatPath(parsePath(text))).toBe(text);
    }
  });

  it('are filled from either form by diagnostic()', () => {
    const fromText = diagnostic('x/y', 'error', 'rules[4].note', { vi: 'vi', en: 'en' });
    const fromSegments = diagnostic('x/y', 'error', ['rules', 4, 'note'], { vi: 'vi', en: 'en' });
    expect(fromText).toEqual(fromSegments);
    expect(fromText).toMatchObject({ path: 'rules[4].note', segments: ['rules', 4, 'note'] });
    expect(diagnostic('x/y', 'error', '', { vi: 'vi', en: 'en' }).segments).toEqual([]);
  });

  it('point at an unknown fact deep inside a rule\'s conditions, segment by segment', () => {
    const raw = rs57();
    // tc-part-time-age: any[0] is the women's branch, all[1] its age threshold.
    const conditions = raw.rules[21]!.conditions as { any: Array<{ all: Array<{ fact: string }> }> };
    expect(raw.rules[21]!.id).toBe('tc-part-time-age');
    conditions.any[0]!.all[1]!.fact = 'agee';
    const d = validateRuleset(raw, builtinCatalogues()).filter((x) => x.severity === 'error');
    expect(d.map((x) => [x.code, x.path, x.segments])).toEqual([
      ['ruleset/unknown-fact', 'rules[21].conditions.any[0].all[1].fact', ['rules', 21, 'conditions', 'any', 0, 'all', 1, 'fact']],
    ]);
  });

  it('agree with the path on every diagnostic of a ruleset with many problems', () => {
    const raw = rs57();
    raw.rules[0]!.conditions = { all: [{ fact: 'sex', operator: 'equal', value: 'femal' }, { not: { fact: 'age', operator: 'greaterThanInclusiv', value: 3 } }] };
    raw.rules[6]!.institution = 'co-so-dao-tao-bo-quoc-phon';
    raw.rules[2]!.notee = 'x';
    for (const d of [...validateRuleset(raw, builtinCatalogues()), ...validateRuleset(rs57(), builtinCatalogues())]) {
      expect(formatPath(d.segments)).toBe(d.path);
    }
  });

  it('are given to the row diagnostics of a cadre file', () => {
    const read = readCadresFromText('id,sex,birthDate,education,party.status\nX-1,female,1990-01-01,university,memb\n', { file: 'c.csv', positions: builtinCatalogues().positions });
    const d = read.errors.find((e) => e.path === 'party.status');
    expect(d?.segments).toEqual(['party', 'status']);
    expect(read.errors.every((e) => formatPath(e.segments) === e.path)).toBe(true);
  });
});
