import { describe, expect, it } from 'vitest';
import type { Label } from '../../engine/documents/enums.ts';
import { fillText } from '../../editor/i18n/fillText.ts';
import { text, textLabel, type TextKey } from '../../editor/i18n/text.ts';
import '../../editor/i18n/lifecycleStrings.ts';
import '../../editor/i18n/runStrings.ts';
import '../../editor/i18n/simulationStrings.ts';
import '../../editor/i18n/workbookStrings.ts';
import '../../editor/i18n/diffStrings.ts';
import '../../editor/i18n/publishStrings.ts';
import { TEXT_NAMESPACES, textTable } from '../../editor/i18n/textTables.ts';
import { hasVietnameseLetter } from '../vietnameseLetters.ts';

/** Entries deliberately empty in one language: the English page says the notes are in Vietnamese; the Vietnamese one need not. */
const EMPTY_BY_DESIGN: ReadonlySet<string> = new Set(['page.notesInVietnamese/vi']);

/**
 * Vietnamese entries with no marked letter that are right as written: words that happen to carry none ("Trang sau"),
 * the language switch (named in the language it switches to), a file name kept in ASCII and the empty entry above.
 */
const UNMARKED_BY_DESIGN: ReadonlySet<string> = new Set(['diff.nextPage', 'simulation.pageNext', 'page.switchLanguage', 'page.notesInVietnamese', 'diff.csvFileName', 'diff.printFileName',
  'workbook.templateFileName', 'workbook.resultsFileName']);

const entries: [TextKey, Label][] = TEXT_NAMESPACES.flatMap((ns) =>
  Object.entries(textTable(ns)).map(([key, label]): [TextKey, Label] => [`${ns}.${key}` as TextKey, label]));

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

describe('the tables of the page’s words', () => {
  it('are many, so a test that walks them walks something', () => {
    expect(entries.length).toBeGreaterThan(500);
  });

  it('have both languages in every entry', () => {
    const empty = entries.flatMap(([key, l]) => (['vi', 'en'] as const)
      .filter((lang) => l[lang].trim() === '' && !EMPTY_BY_DESIGN.has(`${key}/${lang}`)).map((lang) => `${key}/${lang}`));
    expect(empty).toEqual([]);
  });

  it('have the same placeholders in Vietnamese and in English', () => {
    const differ = entries.filter(([, l]) => placeholders(l.vi).join() !== placeholders(l.en).join()).map(([key]) => key);
    expect(differ).toEqual([]);
  });

  it('write Vietnamese with its diacritics wherever the English has words of its own', () => {
    const bare = entries.filter(([key, l]) => !UNMARKED_BY_DESIGN.has(key) && l.vi !== l.en && /[a-z]{2}/i.test(l.en.replace(/\{\w+\}/g, ''))
      && !hasVietnameseLetter(l.vi)).map(([key, l]) => `${key}: ${l.vi}`);
    expect(bare).toEqual([]);
  });

  it('keep braces for placeholders only: every brace pair names a placeholder', () => {
    const stray = entries.filter(([, l]) => /[{}]/.test(l.vi.replace(/\{\w+\}/g, '') + l.en.replace(/\{\w+\}/g, ''))).map(([key]) => key);
    expect(stray).toEqual([]);
  });
});

describe('text', () => {
  it('reads an entry by namespace and key in the chosen language', () => {
    expect(text('vi', 'history.undo')).toBe('Hoàn tác');
    expect(text('en', 'history.undo')).toBe('Undo');
    expect(textLabel('rules.addRule')).toEqual({ vi: 'Thêm quy tắc', en: 'Add rule' });
  });

  it('fills every placeholder of the entry', () => {
    expect(text('vi', 'page.pageOf', { page: 2, pages: 5, from: 11, to: 20, total: 47 })).toBe('Trang 2/5 · hàng 11–20 trong 47');
    expect(text('en', 'history.undoStep', { step: 'Add rule' })).toBe('Undo: Add rule');
  });

  it('refuses at compile time a key no table has and a placeholder left without a value', () => {
    // @ts-expect-error: no such key
    expect(() => text('vi', 'rules.noSuchKey')).toThrow();
    // @ts-expect-error: {step} needs a value
    expect(text('en', 'history.undoStep')).toBe('Undo: {step}');
    // @ts-expect-error: a key without placeholders takes no values
    expect(text('en', 'history.undo', { step: 'x' })).toBe('Undo');
  });
});

describe('fillText', () => {
  it('fills named placeholders and leaves unknown ones as written', () => {
    expect(fillText({ vi: 'Trang {page}/{pages} {x}', en: 'Page {page} of {pages} {x}' }, 'vi', { page: 1, pages: 4 })).toBe('Trang 1/4 {x}');
  });

  it('does not take a value from the object’s prototype', () => {
    expect(fillText({ vi: '{toString}', en: '{toString}' }, 'en', {})).toBe('{toString}');
  });
});
