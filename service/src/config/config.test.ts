import { randomBytes } from 'node:crypto';
import { ConfigError, loadConfig } from './config.ts';

const KEY = randomBytes(32).toString('base64');

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('configuration', () => {
  it('needs only the token encryption key; everything else has a safe default', () => {
    const config = loadConfig({ TOKEN_ENCRYPTION_KEY: KEY });
    expect(config).toEqual({
      http: { port: 3000, host: '127.0.0.1', publicBaseUrl: 'http://localhost:3000', shutdownTimeoutMs: 10_000 },
      store: { kind: 'sqlite', path: './data/switchboard.db' },
      tokenEncryptionKeys: { primary: Buffer.from(KEY, 'base64'), previous: [] },
      logLevel: 'info',
      salesforce: { namespace: '', apiVersion: '66.0' },
      worker: { batchSize: 50, batchWaitMs: 1000, maxAttempts: 8, apiBudgetShare: 0.5, leaseMs: 60_000 }
    });
  });

  it('uses PostgreSQL when DATABASE_URL is set', () => {
    const config = loadConfig({
      TOKEN_ENCRYPTION_KEY: KEY,
      DATABASE_URL: 'postgres://app@db.internal:5432/switchboard',
      DATABASE_SCHEMA: 'switchboard'
    });
    expect(config.store).toEqual({
      kind: 'postgres',
      url: 'postgres://app@db.internal:5432/switchboard',
      schema: 'switchboard'
    });
  });

  it('refuses to start without a token encryption key (no plaintext fallback), saying how to make one', () => {
    expect(problemsOf({})).toEqual([
      'TOKEN_ENCRYPTION_KEY is required: base64 of 32 random bytes (generate one with `openssl rand -base64 32`); tokens are never stored in plain text'
    ]);
    expect(problemsOf({ TOKEN_ENCRYPTION_KEY: '' })).toHaveLength(1);
  });

  it('names every invalid variable at once', () => {
    expect(
      problemsOf({
        TOKEN_ENCRYPTION_KEY: randomBytes(16).toString('base64'),
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        LOG_LEVEL: 'loud',
        SALESFORCE_NAMESPACE: 'sb__x',
        SALESFORCE_API_VERSION: '30.0',
        WORKER_BATCH_SIZE: '500',
        WORKER_API_BUDGET_SHARE: '1.5',
        PUBLIC_BASE_URL: 'http://switchboard.example.com'
      })
    ).toEqual([
      'PORT must be a whole number between 0 and 65535',
      'PUBLIC_BASE_URL must use https:// (plain http is only allowed for localhost)',
      'DATABASE_URL must be a PostgreSQL URL (postgres://user@host:5432/database)',
      'TOKEN_ENCRYPTION_KEY must decode to 32 bytes, not 16',
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
      'SALESFORCE_NAMESPACE must be a namespace prefix: up to 15 letters, digits or single underscores, starting with a letter, without the trailing __',
      'SALESFORCE_API_VERSION must be 46.0 or later (sObject Collections upsert)',
      'WORKER_BATCH_SIZE must be at most 200',
      'WORKER_API_BUDGET_SHARE must be a decimal number greater than 0 and at most 1, e.g. 0.5'
    ]);
  });

  it('requires a metrics token in production, so /metrics is never public there', () => {
    expect(problemsOf({ TOKEN_ENCRYPTION_KEY: KEY, NODE_ENV: 'production' })).toEqual([
      'METRICS_TOKEN is required when NODE_ENV=production (GET /metrics must not be public)'
    ]);
    const token = 'm'.repeat(32);
    expect(loadConfig({ TOKEN_ENCRYPTION_KEY: KEY, NODE_ENV: 'production', METRICS_TOKEN: token }).metricsToken).toBe(
      token
    );
  });

  it('reads worker knobs and previous encryption keys', () => {
    const previous = randomBytes(32).toString('base64');
    const config = loadConfig({
      TOKEN_ENCRYPTION_KEY: KEY,
      TOKEN_ENCRYPTION_KEYS_PREVIOUS: previous,
      WORKER_BATCH_SIZE: '200',
      WORKER_API_BUDGET_SHARE: '0.25',
      SALESFORCE_NAMESPACE: 'swb',
      PORT: '0'
    });
    expect(config.tokenEncryptionKeys.previous).toEqual([Buffer.from(previous, 'base64')]);
    expect(config.worker.batchSize).toBe(200);
    expect(config.worker.apiBudgetShare).toBe(0.25);
    expect(config.salesforce.namespace).toBe('swb');
    expect(config.http.port).toBe(0);
  });
});
