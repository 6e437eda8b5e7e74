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
      // A library's dist/ layout is private and changes in patch releases: import its public entry points.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/dist', '**/dist/**'],
              message: "Import the package's public entry point, not its dist/ internals.",
            },
          ],
        },
      ],
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
            // This block replaces the rule above for subgraph files, so it repeats the dist/ pattern.
            {
              group: ['**/dist', '**/dist/**'],
              message: "Import the package's public entry point, not its dist/ internals.",
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
