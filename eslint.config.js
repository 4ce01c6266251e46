// Guard rails: the checks a reviewer would otherwise repeat by hand. Promise rules catch a cancel
// whose failure nobody awaits; the import boundaries encode DESIGN.md's layers, so a venue adapter
// cannot start doing I/O and page code cannot reach the keys.
import tseslint from 'typescript-eslint';

// Patterns match the import string, so each layer is named both by alias and by relative path.
const background = ['@/lib/background', '@/lib/background/*', '**/background/*'];
const engine = ['@/lib/engine/*', '**/engine/*'];
const vault = ['@/lib/vault/*', '**/vault/*'];
const crypto = ['@/lib/crypto/*', '**/crypto/*'];
const ui = ['@/components', '@/components/*', '**/components/*'];

const noImports = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'test-results/**', 'bench-results/**'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    extends: [tseslint.configs.base],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // A timer handle assigned after the callback that clears it is declared is not a constant.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      'no-debugger': 'error',
    },
  },
  {
    // Venue adapters are pure: requests out as data, time in as nowMs.
    files: ['lib/venues/**/*.ts'],
    rules: {
      ...noImports(
        [...background, ...engine, ...vault, ...ui, 'wxt/utils/storage', 'wxt/browser', 'webextension-polyfill', '@wxt-dev/*'],
        'lib/venues is pure: no I/O, storage, background, engine, vault or UI imports.',
      ),
      'no-restricted-globals': ['error',
        { name: 'fetch', message: 'Adapters build requests as data; the engine sends them.' },
        { name: 'chrome', message: 'Adapters do no browser I/O.' },
        { name: 'browser', message: 'Adapters do no browser I/O.' },
        { name: 'localStorage', message: 'Adapters do no storage.' }],
      'no-restricted-properties': ['error', { object: 'Date', property: 'now', message: 'Time comes in as nowMs.' }],
    },
  },
  {
    // Content-script code runs on a page we do not control: it gets nothing that holds keys.
    files: ['lib/page/**/*.ts', 'entrypoints/*.content.ts', 'entrypoints/*.content/**/*.ts'],
    rules: noImports([...background, ...engine, ...vault, ...crypto, ...ui, 'zod', 'zod/*'], 'Page code must not import the background, engine, vault, crypto, UI or zod.'),
  },
  {
    // The UI talks to the background by message; it never holds keys or runs the engine.
    files: ['components/**/*.{ts,tsx}', 'entrypoints/popup/**', 'entrypoints/options/**'],
    rules: noImports([...background, ...engine, ...vault, ...crypto], 'UI code sends messages; it must not import the background, engine, vault or crypto.'),
  },
);
