import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'dist-*/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Never write HTML from strings; let React render text.' },
        { property: 'outerHTML', message: 'Never write HTML from strings; let React render text.' },
      ],
    },
  },
  {
    files: ['app/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/ad-core/*', '!**/ad-core/index', '!**/ad-core/index.ts'],
              message: 'app imports ad-core through its index.ts only.',
            },
          ],
        },
      ],
    },
  },
  {
    // Tests share ad-core's test-only helpers (the reference fixture, graphOf) instead of each
    // keeping a copy; the app itself still sees ad-core through index.ts alone.
    files: ['app/**/*.test.{ts,tsx}', 'app/**/test-helpers.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/ad-core/*',
                '!**/ad-core/index',
                '!**/ad-core/index.ts',
                '!**/ad-core/test-support.ts',
              ],
              message: 'app tests import ad-core through index.ts or test-support.ts only.',
            },
          ],
        },
      ],
    },
  },
  {
    // ad-core is the pure engine: no UI libraries, no app code, no DOM globals.
    files: ['ad-core/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['react', 'react-dom', 'd3', 'd3-dag', 'zustand', 'katex'].map((name) => ({
            name,
            message: 'ad-core is pure TypeScript: no React, d3, zustand or DOM.',
          })),
          patterns: [
            {
              group: ['d3-*', 'react-*', '**/app/**', '../app', '../../app'],
              message: 'ad-core must not import app code or UI libraries.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'navigator',
        'localStorage',
        'HTMLElement',
      ],
    },
  },
);
