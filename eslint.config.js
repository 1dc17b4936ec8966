import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const COMPARES_LANG = (at) => [
  `[${at}.type="BinaryExpression"][${at}.operator=/^[!=]==?$/]`,
  `:matches([${at}.left.name="lang"], [${at}.left.property.name="lang"], [${at}.right.name="lang"], [${at}.right.property.name="lang"])`,
  `:matches([${at}.left.value="vi"], [${at}.left.value="en"], [${at}.right.value="vi"], [${at}.right.value="en"])`,
].join('');

/** `lang === 'vi' ? … : …` and the like: a conditional whose test compares `lang` or `x.lang` with 'vi' or 'en'. */
export const LANGUAGE_TERNARY = `ConditionalExpression${COMPARES_LANG('test')}`;

/** `const vi = lang === 'vi'`: the same comparison kept in a variable for later ternaries. */
export const LANGUAGE_FLAG = `VariableDeclarator${COMPARES_LANG('init')}`;

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // One schema face: zod/mini (tree-shakable; the classic API's methods cost the page 60 kB). engine/ repeats it.
      'no-restricted-imports': ['error', { paths: [{ name: 'zod', message: "Import { z } from 'zod/mini': the schemas use zod's functional face." }] }],
    },
  },
  {
    // The engine is pure: it runs in Node and in the browser, and never reaches into the shells around it.
    files: ['engine/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'zod', message: "Import { z } from 'zod/mini': the schemas use zod's functional face." }],
        patterns: [
          { group: ['**/editor/**', '**/cli/**'], message: 'engine/ must not import editor/ or cli/.' },
          { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'worker_threads', 'react', 'react-dom'], message: 'engine/ is pure: no Node built-ins or React.' },
        ],
      }],
      'no-restricted-properties': ['error',
        { object: 'Date', property: 'now', message: 'engine/ takes time as input.' },
        { object: 'Math', property: 'random', message: 'engine/ takes a seeded RNG as input.' },
      ],
      'no-restricted-globals': ['error', { name: 'process', message: 'engine/ never touches process.' }],
    },
  },
  {
    // The page's words come from the text tables through text(lang, key, vars); a language ternary in a view is a
    // string the tables, the placeholder checks and the Vietnamese-first review never see.
    files: ['editor/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': ['error', ...[LANGUAGE_TERNARY, LANGUAGE_FLAG].map((selector) => ({
        selector,
        message: "Put the words in a text table and read them with text(lang, key, vars) (editor/i18n/text.ts); a Label in data is read with label[lang].",
      }))],
    },
  },
);
