// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked },
  // Playwright fixtures declare that they need nothing with an empty pattern.
  { files: ['e2e/**'], rules: { 'no-empty-pattern': 'off' } },
  {
    files: ['src/**'],
    ignores: ['src/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Page text is rendered as text, never as HTML.',
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'chrome', message: 'Use `browser` from webextension-polyfill: one API for Chrome and Firefox.' },
      ],
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['node:*'], message: 'Extension code runs in browsers, not in Node.' }] },
      ],
      // Page text is data, never markup.
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Render page text as text (textContent or Preact).' },
        { property: 'outerHTML', message: 'Render page text as text (textContent or Preact).' },
        { property: 'insertAdjacentHTML', message: 'Render page text as text (textContent or Preact).' },
      ],
    },
  },
  {
    // The analysis engine runs in the page, in Node and in tests alike: no DOM, no extension APIs.
    files: ['src/analysis/**'],
    ignores: ['src/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'location', 'chrome', 'browser'].map((name) => ({
          name,
          message: 'src/analysis is pure: no DOM, no extension APIs.',
        })),
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: 'src/analysis is pure: it also runs in the browser.' },
            { group: ['webextension-polyfill', 'dexie', 'preact', 'preact/*'], message: 'src/analysis is pure.' },
          ],
        },
      ],
    },
  },
);
