// ESLint with the Next.js rules (core web vitals, React, hooks, a11y, imports) and the
// TypeScript rules, as `create-next-app` sets them up for Next 16. Layout is Prettier's job.
import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      // A leading underscore names a value left out on purpose (a rest sibling, an ignored argument).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  globalIgnores(['.next/**', '.next-*/**', '.data/**', 'out/**', 'build/**', 'next-env.d.ts', 'drizzle/**', 'public/**', 'e2e/.auth/**', 'playwright-report/**', 'test-results/**', 'scratch/**']),
]);
