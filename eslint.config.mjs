import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'subgraphs/*/generated/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      'no-console': 'off',
    },
  },
  {
    // A subgraph knows domain objects and the graph's runtime; it reaches a legacy system only through
    // that system's adapter (adapters/<system>/index.ts), never through the HTTP client below them.
    files: ['subgraphs/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/adapters/http', '**/adapters/http/**'],
              message:
                'Subgraphs do not use adapters/http: errors and the key-value store are in runtime/, Freshness in domain/.',
            },
            {
              group: ['**/adapters/*/*'],
              message: 'Import an adapter through its index.ts (adapters/<system>), not its internals.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { module: 'writable', require: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
