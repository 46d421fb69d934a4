// Test support: the same store suite runs on both engines. SQLite gets a temp file; PostgreSQL gets a schema of
// its own (created, then dropped with everything in it), so parallel runs never see each other's rows.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createTokenCipher } from '../crypto/tokenCipher.ts';
import type { TokenCipher } from '../crypto/tokenCipher.ts';
import type { StoreConfig } from '../config/config.ts';
import type { Store } from '../store/store.ts';
import { openStore } from '../store/store.ts';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestClock {
  (): number;
  advance(ms: number): void;
  set(ms: number): void;
}

export function createTestClock(start = Date.UTC(2026, 0, 15, 9, 0, 0)): TestClock {
  let now = start;
  const clock = (() => now) as TestClock;
  clock.advance = (ms) => {
    now += ms;
  };
  clock.set = (ms) => {
    now = ms;
  };
  return clock;
}

/** The real time, with advance() adding an offset (for jumping over a long pause). */
export function createRealClock(): TestClock {
  let offset = 0;
  const clock = (() => Date.now() + offset) as TestClock;
  clock.advance = (ms) => {
    offset += ms;
  };
  clock.set = (ms) => {
    offset = ms - Date.now();
  };
  return clock;
}

export function createTestCipher(): TokenCipher {
  return createTokenCipher({ primary: randomBytes(32) });
}

export interface TestEngine {
  name: 'SQLite' | 'PostgreSQL';
  /** A fresh, empty database location for one test file. */
  provision(): Promise<{ config: StoreConfig; cleanup: () => Promise<void> }>;
}

export const TEST_ENGINES: TestEngine[] = [
  {
    name: 'SQLite',
    async provision() {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'switchboard-store-'));
      return {
        config: { kind: 'sqlite', path: path.join(dir, 'switchboard.db') },
        cleanup: async () => rmSync(dir, { recursive: true, force: true })
      };
    }
  },
  {
    name: 'PostgreSQL',
    async provision() {
      const schema = `test_${randomBytes(6).toString('hex')}`;
      return {
        config: { kind: 'postgres', url: TEST_DATABASE_URL, schema },
        cleanup: async () => {
          const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
          await client.connect();
          try {
            await client.query(`drop schema if exists ${pg.escapeIdentifier(schema)} cascade`);
          } finally {
            await client.end();
          }
        }
      };
    }
  }
];

export interface TestStore {
  store: Store;
  clock: TestClock;
  cipher: TokenCipher;
  /** The cipher's key, for another process that must open the same store (base64 of 32 bytes). */
  encryptionKey: string;
  config: StoreConfig;
  /** Another store on the same database (a second replica or process). */
  openAnother(): Promise<Store>;
  close(): Promise<void>;
}

/**
 * A migrated store on a fresh database of the given engine; close() removes the database. The clock is a test clock
 * (moved by hand) unless `realTime` is set: the worker's waits and retries need time that passes by itself.
 */
export async function openTestStore(engine: TestEngine, options: { realTime?: boolean } = {}): Promise<TestStore> {
  const { config, cleanup } = await engine.provision();
  const clock = options.realTime ? createRealClock() : createTestClock();
  const key = randomBytes(32);
  const cipher = createTokenCipher({ primary: key });
  const store = await openStore({ config, cipher, clock });
  await store.migrate();
  const others: Store[] = [];
  return {
    store,
    clock,
    cipher,
    encryptionKey: key.toString('base64'),
    config,
    async openAnother() {
      const other = await openStore({ config, cipher, clock });
      others.push(other);
      return other;
    },
    async close() {
      for (const other of others) await other.close();
      await store.close();
      await cleanup();
    }
  };
}
