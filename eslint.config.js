// Lint: typescript-eslint's recommended rules plus the layering rules from design.md, so that a
// wrong-way import fails `npm test` rather than relying on habit.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const layer = (...dirs) => dirs.map((d) => `**/${d}/**`).concat(dirs.map((d) => `**/${d}`));

const restrict = (message, groups, paths = []) => ({
  'no-restricted-imports': ['error', { paths: paths.map((name) => ({ name, message })), patterns: [{ group: groups, message }] }],
});

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', '.tmp/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.ci/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: restrict(
      'The renderer may import only the contract (and browser libraries). Reach data through window.hearth.',
      layer('main', 'db', 'preload', 'tests'),
      ['electron', 'better-sqlite3-multiple-ciphers', '@node-rs/argon2', ...nodeBuiltins],
    ),
  },
  {
    files: ['preload/**/*.ts'],
    rules: restrict(
      'The preload may import only the contract and electron.',
      layer('main', 'db', 'renderer', 'tests'),
      ['better-sqlite3-multiple-ciphers', '@node-rs/argon2', ...nodeBuiltins],
    ),
  },
  {
    files: ['contract/**/*.ts'],
    rules: restrict('The contract imports only zod, so every process can load it.', layer('main', 'db', 'renderer', 'preload', 'tests'), [
      'electron',
      'better-sqlite3-multiple-ciphers',
      ...nodeBuiltins,
    ]),
  },
  {
    files: ['db/**/*.ts'],
    rules: restrict('db/ is plain Node: it imports nothing of main/, renderer/, preload/, contract/ or electron.', layer('main', 'renderer', 'preload', 'contract', 'tests'), [
      'electron',
    ]),
  },
  {
    files: ['main/**/*.ts'],
    rules: restrict('main/ may import db/ and contract/, never the renderer or preload.', layer('renderer', 'preload', 'tests')),
  },
);
