import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // oidc-provider prints a runtime notice when first evaluated; lib/oidc-provider.ts loads it
    // behind a filter, so value imports must go through that file.
    files: ['packages/emulator/src/**/*.ts'],
    ignores: ['packages/emulator/src/lib/oidc-provider.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'oidc-provider',
              allowTypeImports: true,
              message: 'Import values from lib/oidc-provider.js (it mutes the runtime notice).',
            },
          ],
        },
      ],
    },
  },
);
