// ESLint for dozor-elements. It lives in tools/lint, a package of its own with its own lock (typescript-eslint
// needs TypeScript's JavaScript API, which the project's TypeScript 7 does not ship), and is run from the
// project's root by `npm run lint` (scripts/lint.mjs).
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import { importCycleConfig } from './cycles.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

export default tseslint.config(
  { ignores: ['**/node_modules/**', 'dist/**', 'storybook-static/**', 'public/**', 'tools/lint/fixtures/**'] },
  {
    files: ['src/**/*.ts'],
    extends: [
      js.configs.recommended,
      ...tseslint.configs.recommendedTypeChecked,
      lit.configs['flat/recommended'],
      litA11y.configs.recommended,
      wc.configs['flat/recommended'],
      wc.configs['flat/best-practice'],
    ],
    languageOptions: {
      globals: globals.browser,
      parserOptions: { projectService: true, tsconfigRootDir: root },
    },
    ...importCycleConfig(`${root}tsconfig.json`),
    rules: {
      ...importCycleConfig(`${root}tsconfig.json`).rules,
      // `interface DozorStrings extends XStrings {}` is how an element adds its strings to the shared map.
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
      // A leading underscore marks a parameter kept for the signature it implements; `{ a, ...rest }` omits `a`.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
      // Backend methods are `async` so that a thrown DozorBackendError becomes a rejection (the contract says
      // they reject, never throw), with or without an `await` inside.
      '@typescript-eslint/require-await': 'off',
      // A caught error and an AbortSignal's reason are passed on as they came.
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingAny: true, allowThrowingUnknown: true }],
    },
  },
  {
    files: ['src/elements/**/*.ts'],
    // Lit calls `@event=${this.onX}` listeners with the element as `this`: passing a method there is safe.
    rules: { '@typescript-eslint/unbound-method': 'off' },
  },
);
