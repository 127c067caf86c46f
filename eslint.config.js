import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import boundaries from 'eslint-plugin-boundaries';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Dependency direction (DESIGN.md §7): app → features → (ui, state, db, rules, i18n); sync → (db, protocol,
// rules); server → (rules, protocol) only; rules and protocol → nothing. Features do not import each other.
const elements = [
  { type: 'rules', pattern: 'src/rules/**' },
  { type: 'protocol', pattern: 'src/protocol/**' },
  { type: 'content', pattern: 'src/content/**' },
  { type: 'i18n', pattern: 'src/i18n/**' },
  { type: 'db', pattern: 'src/db/**' },
  { type: 'sync', pattern: 'src/sync/**' },
  { type: 'state', pattern: 'src/state/**' },
  { type: 'ui', pattern: 'src/ui/**' },
  { type: 'feature', pattern: 'src/features/*/**', capture: ['feature'] },
  { type: 'app', pattern: 'src/app/**' },
  { type: 'server', pattern: 'server/**' },
];

const allow = (from, to) => ({
  from: { element: { type: from } },
  allow: { to: { element: { types: { anyOf: to } } } },
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'test-results/**', 'playwright-report/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'server/**/*.ts'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': elements,
      'import/resolver': { [new URL('./scripts/eslint-alias-resolver.cjs', import.meta.url).pathname]: {} },
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          policies: [
            allow('rules', ['rules']),
            allow('protocol', ['protocol']),
            allow('content', ['content', 'protocol']),
            allow('i18n', ['i18n']),
            allow('db', ['db', 'protocol', 'content']),
            allow('sync', ['sync', 'db', 'protocol', 'rules']),
            allow('state', ['state', 'protocol']),
            allow('ui', ['ui', 'i18n', 'protocol', 'rules', 'state']),
            allow('feature', ['ui', 'state', 'db', 'rules', 'i18n', 'protocol']),
            {
              from: { element: { type: 'feature' } },
              allow: {
                to: { element: { type: 'feature', captured: { feature: '{{ from.element.captured.feature }}' } } },
              },
            },
            allow('app', ['app', 'feature', 'ui', 'state', 'db', 'sync', 'i18n', 'protocol', 'rules']),
            allow('server', ['server', 'rules', 'protocol', 'content']),
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The pure core: no DOM, no clock, no randomness.
    files: ['src/rules/**/*.ts', 'src/protocol/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'indexedDB', 'fetch'],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Pass `now` in; the rules are pure.' },
        { object: 'Math', property: 'random', message: 'Pass randomness in; the rules are pure.' },
        { object: 'crypto', property: 'getRandomValues', message: 'Pass randomness in.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Pass `now` in.' },
      ],
    },
  },
);
