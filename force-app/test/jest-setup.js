// Runs before every LWC test file: registers @sa11y/jest's toBeAccessible() matcher (axe-core with Salesforce's
// rule set), so each component state can be checked for accessibility in the jsdom it rendered to.
import { registerSa11yMatcher } from '@sa11y/jest';

registerSa11yMatcher();
