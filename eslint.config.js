// One flat config for every part: TypeScript rules for the service, the emulator and the scripts;
// Salesforce's own LWC config for the package's components.
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';
import jestPlugin from 'eslint-plugin-jest';
import globals from 'globals';
import lwcRecommended from '@salesforce/eslint-config-lwc/recommended.js';

export default defineConfig([
  globalIgnores([
    '**/node_modules/**',
    '**/.sfdx/**',
    '**/.sf/**',
    'build/**',
    'data/**',
    '.preview/**',
    'coverage/**',
    '**/*.d.ts'
  ]),
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommended],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-console': 'off'
    }
  },
  {
    files: ['**/*.test.ts'],
    extends: [jestPlugin.configs['flat/recommended']],
    languageOptions: { globals: { ...globals.jest } },
    rules: { 'jest/expect-expect': ['error', { assertFunctionNames: ['expect', 'expect*', 'assert*'] }] }
  },
  {
    files: ['**/*.{js,mjs}'],
    ignores: ['force-app/**'],
    languageOptions: { globals: { ...globals.node } }
  },
  {
    files: ['force-app/**/lwc/**/*.js'],
    extends: [lwcRecommended]
  },
  {
    files: ['force-app/**/lwc/**/*.test.js', 'force-app/test/**/*.js'],
    extends: [lwcRecommended, jestPlugin.configs['flat/recommended']],
    rules: { '@lwc/lwc/no-unexpected-wire-adapter-usages': 'off' },
    languageOptions: { globals: { ...globals.node, ...globals.jest } }
  }
]);
