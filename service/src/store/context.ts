// What every repository works with: a kysely handle (the database or an open transaction), the engine (for the
// few statements that differ), the clock and the token cipher for the columns that hold secrets.
import type { Kysely } from 'kysely';
import type { TokenCipher } from '../crypto/tokenCipher.ts';
import type { Database } from './schema.ts';

export type Engine = 'sqlite' | 'postgres';
/** Milliseconds since the Unix epoch; injectable so tests can move time. */
export type Clock = () => number;

export interface StoreContext {
  readonly db: Kysely<Database>;
  readonly engine: Engine;
  readonly clock: Clock;
  readonly cipher: TokenCipher;
}

// PostgreSQL aborts one side of a deadlock (40P01) or a serialisation conflict (40001); running the whole
// transaction again is the documented remedy. SQLite's immediate transactions cannot deadlock.
const RETRYABLE_PG_CODES = new Set(['40P01', '40001']);
const MAX_TRANSACTION_TRIES = 3;

/** Runs `work` in one transaction (BEGIN IMMEDIATE on SQLite), retried on PostgreSQL deadlocks. */
export async function inTransaction<T>(ctx: StoreContext, work: (trx: StoreContext) => Promise<T>): Promise<T> {
  if (ctx.db.isTransaction) return work(ctx);
  for (let attempt = 1; ; attempt++) {
    try {
      return await ctx.db.transaction().execute((trx) => work({ ...ctx, db: trx }));
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (attempt >= MAX_TRANSACTION_TRIES || typeof code !== 'string' || !RETRYABLE_PG_CODES.has(code)) throw error;
    }
  }
}

export function parseJson<T>(text: string | null): T | undefined {
  return text === null ? undefined : (JSON.parse(text) as T);
}
