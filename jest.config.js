// Node-side tests (org emulator, service, scripts). Our sources are native ES modules in TypeScript, so jest runs
// them as ESM (node --experimental-vm-modules) and swc only strips the types.
// Note: jest's ESM loader sets import.meta.url but not import.meta.dirname; use fileURLToPath(import.meta.url).
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript' }, target: 'es2024' }, module: { type: 'es6' }, sourceMaps: 'inline' }
    ]
  },
  roots: ['<rootDir>/org-emulator', '<rootDir>/service', '<rootDir>/scripts'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  testTimeout: 60000
};
