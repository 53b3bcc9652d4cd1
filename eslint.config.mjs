// ESLint for the TypeScript code (typescript-eslint's recommended rules; formatting is Prettier's,
// so eslint-config-prettier turns off every stylistic rule). Module boundaries (which lib may
// import what) are checked by dependency-cruiser: .dependency-cruiser.cjs.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.infra/**', 'coverage/**', 'apps/api/static/**', '**/*.js', '**/*.cjs', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    files: ['**/*.ts'],
    rules: {
      // `_`-prefixed parameters and variables are deliberately unused (interface shape, destructuring).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
    },
  },
  {
    // Specs and the test harness read JSON answers of any shape.
    files: ['test/**/*.ts', '**/*.spec.ts', 'tools/harness/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Settings come from the validated config classes, read once at an entry point.
    files: ['apps/**/*.ts', 'libs/**/*.ts', 'tools/**/*.ts'],
    // Entry points: each app's and tool's main.ts, and the linkage CLIs (one entry point per verb).
    ignores: ['**/main.ts', '**/*.env.ts', '**/config/**', '**/*.spec.ts', 'libs/persistence/src/cli/**', 'libs/persistence/src/data-source.ts', 'tools/linkage/src/{bench,dedupe,eval,generate,score,train}.ts'],
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read settings through a validated env class (libs/shared/src/config), passed in from the entry point.' }],
    },
  },
);
