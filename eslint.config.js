import tseslint from 'typescript-eslint'

/**
 * Lint keeps the architecture honest: lib/ is framework-free and imports neither app/ nor
 * server/; app/ never reaches into server/ (it talks to it only over the network or through lib/).
 */
const noServer = { group: ['**/server/**', '@/server/**'], message: 'app/ and lib/ must not import server/.' }
const noApp = { group: ['**/app/**', '@/app/**'], message: 'lib/ and server/ must not import app/.' }

export default tseslint.config(
  { ignores: ['node_modules/**', '.next/**', 'data/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['error', 'warn'] }],
    },
  },
  {
    files: ['lib/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noServer, noApp, { group: ['next', 'next/*', 'react', 'react-dom'], message: 'lib/ is framework-free.' }] }] },
  },
  {
    files: ['app/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noServer] }] },
  },
  {
    files: ['server/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noApp] }] },
  },
  {
    files: ['server/cli/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.{js,mjs,ts}', 'tests/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
)
