import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The engine is pure: it runs in Node and in the browser, and never reaches into the shells around it.
    files: ['engine/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
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
);
