// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

/** Platform globals that only their one wrapper may touch. */
const bannedGlobals = [
  {
    name: 'fetch',
    message: 'Use src/data/http.ts (client) so offline and auth errors are handled in one place.',
  },
  {
    name: 'localStorage',
    message: 'Personal data lives in Dexie through src/data; settings use src/data/db.ts.',
  },
  { name: 'sessionStorage', message: 'Use src/data/db.ts.' },
  { name: 'indexedDB', message: 'Use src/data/db.ts.' },
  {
    name: 'console',
    message: 'Use the logger (src/data/log.ts or src/server/log.ts): it never logs personal data.',
  },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'bench-results/**', '.tmp/**', 'dev-dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'import-x': importX, 'react-hooks': reactHooks },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-globals': ['error', ...bannedGlobals],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportAllDeclaration', message: 'No barrels: import from the module itself.' },
        {
          selector:
            "CallExpression[callee.property.name='only'][callee.object.name=/^(it|test|describe)$/]",
          message: 'No .only in committed tests.',
        },
      ],
      'import-x/no-cycle': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './src/domain',
              from: ['./src/data', './src/app', './src/server'],
              message: 'src/domain is pure: no data, app or server imports.',
            },
            {
              target: './src/data',
              from: ['./src/app', './src/server'],
              message: 'src/data may only import src/domain.',
            },
            {
              target: './src/app',
              from: ['./src/server'],
              message: 'The app never imports server code.',
            },
            {
              target: './src/server',
              from: ['./src/data', './src/app'],
              message: 'The server may only import src/domain.',
            },
            {
              target: './src/build',
              from: ['./src/data', './src/app', './src/server'],
              message: 'Build tools may only import src/domain.',
            },
          ],
        },
      ],
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // The one wrapper per platform global, and tooling that talks to a terminal.
    files: [
      'src/data/http.ts',
      'src/data/log.ts',
      'src/data/db.ts',
      'src/server/log.ts',
      'test/**',
      'vite.config.ts',
      'src/build/**',
    ],
    rules: { 'no-restricted-globals': 'off' },
  },
  {
    files: ['test/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
