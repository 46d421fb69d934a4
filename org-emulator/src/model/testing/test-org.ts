// Test support: an org over a small package fixture, with a clock the test moves.
import { packageFixture, removeForceApp, writeForceApp } from '../../schema/testing/force-app-fixture.ts';
import { createOrg, type CreateOrgOptions, type Org } from '../org.ts';
import type { SalesforceError } from '../../errors.ts';

export class TestClock {
  private current: number;

  constructor(start = Date.UTC(2025, 0, 15, 17, 0, 0)) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  advance(ms: number): void {
    this.current += ms;
  }
}

export interface TestOrg {
  org: Org;
  clock: TestClock;
  /** DmlOptions for the seeded admin. */
  admin: { userId: string };
  close(): void;
}

export function testOrg(options: CreateOrgOptions = {}): TestOrg {
  const dir = writeForceApp(packageFixture());
  const clock = new TestClock();
  const org = createOrg({ forceAppDir: dir, instance: 'Te', clock, ...options });
  return { org, clock, admin: { userId: org.adminUserId }, close: () => removeForceApp(dir) };
}

/** The SalesforceError a call throws (fails the test when it doesn't throw one). */
export function errorOf(call: () => unknown): SalesforceError {
  try {
    call();
  } catch (error) {
    if (error instanceof Error && 'errorCode' in error) return error as SalesforceError;
    throw error;
  }
  throw new Error('expected a SalesforceError, but the call succeeded');
}
