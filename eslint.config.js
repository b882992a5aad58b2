// ESLint (flat config) with typescript-eslint's type-aware rules: promises that nobody awaits and
// values of type `any` flowing into typed code are errors, because both hide failures at run time.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      '.data/',
      'coverage/',
      '**/__generated__/',
      'clients/src/generated/',
      'eslint.config.js',
      'jest.config.js',
      'test/support/global-*.js',
      'test/support/sequencer.js',
      'scripts/*.mjs',
      'test/support/fixtures/*.mjs',
      'clients/sample/invalid/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      // Off: `async` here marks a function that fulfils a Promise-returning contract (Apollo plugin
      // hooks, context functions, store interfaces) and turns a throw into a rejection; dropping it
      // just to satisfy the rule would make such throws synchronous. Forgotten awaits are caught by
      // no-floating-promises and no-misused-promises.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false, attributes: false } }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unsafe-assignment': 'error',
      '@typescript-eslint/no-unsafe-call': 'error',
      '@typescript-eslint/no-unsafe-member-access': 'error',
      '@typescript-eslint/no-unsafe-return': 'error',
      '@typescript-eslint/no-unsafe-argument': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // Tests read answers of the API under test as JSON; asserting on them is what the tests are for.
    files: ['**/*.test.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
);
