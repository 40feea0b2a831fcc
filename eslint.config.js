// One lint config for the monorepo (conventions §18): type-aware rules that catch real bugs,
// plus the dependency direction between workspaces.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const processEnvRule = {
  selector: "MemberExpression[object.name='process'][property.name='env']",
  message: 'Read configuration in packages/config/src/config.ts (the only reader of process.env).',
};

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'data/**',
      'packages/core/src/db/migrations/**',
      '**/*.js',
      '**/*.mjs',
      'packages/text-analysis/src/language/model.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      curly: ['error', 'multi-line'],
      eqeqeq: ['error', 'always'],
      'max-lines': ['warn', 600],
      'no-control-regex': 'off',
      'no-restricted-syntax': ['error', processEnvRule],
    },
  },
  {
    // Where the environment is legitimately read: configuration, tooling, tests, benchmarks.
    files: [
      'packages/config/src/config.ts',
      '**/*.test.ts',
      '**/*.test.tsx',
      'e2e/**',
      'bench/**',
      'scripts/**',
      '**/testing/**',
      'vitest.config.ts',
      '**/drizzle.config.ts',
    ],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['packages/text-analysis/src/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@innspill/*'], message: 'text-analysis depends on nothing else in the project.' },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/core/src/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'fastify',
                '@fastify/*',
                'react',
                'react-dom',
                '@innspill/contracts',
                '@innspill/server',
              ],
              message: 'core knows nothing of HTTP or the web.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/web/src/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@innspill/core', '@innspill/server', '@innspill/core/*'],
              message: 'The web app talks to the API through @innspill/contracts only.',
            },
          ],
        },
      ],
    },
  },
);
