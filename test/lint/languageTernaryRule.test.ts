import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd(), overrideConfigFile: 'eslint.config.js' });

/** The messages of the language-ternary rule for `code` linted as if it were `filePath`. */
async function ternaryFindings(code: string, filePath: string): Promise<number[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.line);
}

const HEAD = "type Lang = 'vi' | 'en';\ndeclare const lang: Lang;\ndeclare const props: { lang: Lang };\nexport const shown = [\n";

describe('the lint rule against inline language ternaries', () => {
  it('rejects a ternary on lang or x.lang compared with vi or en, either way round, in editor/', async () => {
    const code = `${HEAD}  lang === 'vi' ? 'Lưu' : 'Save',\n  props.lang !== 'en' ? 'Huỷ' : 'Cancel',\n  'en' === lang ? 'Close' : 'Đóng',\n  lang == 'vi' ? 1 : 2,\n];\n`;
    expect(await ternaryFindings(code, 'editor/rules/Sample.tsx')).toEqual([5, 6, 7, 8]);
    expect(await ternaryFindings(code, 'editor/shared/sample.ts')).toEqual([5, 6, 7, 8]);
  });

  it('rejects the comparison kept in a variable for later ternaries', async () => {
    const code = `${HEAD}];\nconst vi = lang === 'vi';\nexport const en = props.lang === 'en';\nexport const label = vi ? 'Lưu' : 'Save';\n`;
    expect(await ternaryFindings(code, 'editor/rules/Sample.tsx')).toEqual([6, 7]);
  });

  it('lets other conditionals and the accessor through', async () => {
    const code = `${HEAD}  lang === 'vi',\n  shownLang() ? 'a' : 'b',\n  props.lang.length > 1 ? 'a' : 'b',\n];\nfunction shownLang() { return lang; }\n`;
    expect(await ternaryFindings(code, 'editor/rules/Sample.tsx')).toEqual([]);
  });

  it('applies to every file of editor/ and only there', async () => {
    const code = `${HEAD}  lang === 'vi' ? 'Lưu' : 'Save',\n];\n`;
    expect(await ternaryFindings(code, 'engine/sample.ts')).toEqual([]);
    expect(await ternaryFindings(code, 'editor/lifecycles/Sample.tsx')).toEqual([5]);
    expect(await ternaryFindings(code, 'editor/simulation/PlanCell.tsx')).toEqual([5]);
    expect(await ternaryFindings(code, 'editor/simulation/ResultView.tsx')).toEqual([5]);
    expect(await ternaryFindings(code, 'editor/rules/canvas/toFlow.ts')).toEqual([5]);
  });
});
