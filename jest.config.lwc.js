// Lightning Web Component tests, with Salesforce's preset (lightning-* stubs, @salesforce/* module mocks).
import lwcJest from '@salesforce/sfdx-lwc-jest/config.js';

export default {
  ...lwcJest.jestConfig,
  rootDir: '.',
  roots: ['<rootDir>/force-app'],
  modulePathIgnorePatterns: ['<rootDir>/.localdevserver'],
  // Registers @sa11y/jest's toBeAccessible() matcher for the "is accessible" cases.
  setupFilesAfterEnv: [...(lwcJest.jestConfig.setupFilesAfterEnv || []), '<rootDir>/force-app/test/jest-setup.js']
};
