// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'console/dist/', '**/*.mjs', '.state/', '.scratch/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Budgets are errors, not warnings: every function is under them, and lint keeps it so.
      complexity: ['error', 10],
      'max-params': ['error', 4],
      'max-depth': ['error', 3],
    },
  },
);
