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
      salesforce: {
        namespace: '',
        apiVersion: '67.0',
        loginUrls: { production: 'https://login.salesforce.com', sandbox: 'https://test.salesforce.com' },
        redirectUri: 'http://localhost:3000/oauth/salesforce/callback',
        phoneDefaultRegion: 'US',
        connectLinkTtlMs: 15 * 60_000,
        oauthStateTtlMs: 10 * 60_000
      },
      worker: {
        enabled: true,
        batchSize: 200,
        batchWaitMs: 1000,
        maxAttempts: 12,
        apiBudgetShare: 0.5,
        leaseMs: 60_000,
        concurrency: 4,
        pollIntervalMs: 500,
        retryBaseMs: 2_000,
        retryMaxMs: 15 * 60_000,
        limitPauseMs: 15 * 60_000
      }
    });
  });

  it('requires the Salesforce OAuth client when asked to (the service and the worker), with no default', () => {
    const problems = (() => {
      try {
        loadConfig({ TOKEN_ENCRYPTION_KEY: KEY }, { requireSalesforceClient: true });
      } catch (error) {
        if (error instanceof ConfigError) return error.problems;
      }
      return [];
    })();
    expect(problems).toEqual([
      'SALESFORCE_CLIENT_ID is required: the OAuth client of the Salesforce External Client App (consumer key and secret)',
      'SALESFORCE_CLIENT_SECRET is required: the OAuth client of the Salesforce External Client App (consumer key and secret)'
    ]);
    const config = loadConfig(
      {
        TOKEN_ENCRYPTION_KEY: KEY,
        SALESFORCE_CLIENT_ID: 'client-id',
        SALESFORCE_CLIENT_SECRET: 'client-secret',
        PUBLIC_BASE_URL: 'https://switchboard.example.com/'
      },
      { requireSalesforceClient: true }
    );
    expect(config.salesforce.client).toEqual({ id: 'client-id', secret: 'client-secret' });
    expect(config.salesforce.redirectUri).toBe('https://switchboard.example.com/oauth/salesforce/callback');
    expect(problemsOf({ TOKEN_ENCRYPTION_KEY: KEY, SALESFORCE_CLIENT_ID: 'only-the-id' })).toEqual([
      'SALESFORCE_CLIENT_ID and SALESFORCE_CLIENT_SECRET must be set together'
    ]);
  });

  it('points production and sandbox logins elsewhere only over https, or plain http on a loopback host', () => {
    const local = loadConfig({
      TOKEN_ENCRYPTION_KEY: KEY,
      SALESFORCE_LOGIN_URL_PRODUCTION: 'http://127.0.0.1:3100',
      SALESFORCE_LOGIN_URL_SANDBOX: 'https://test.example.my.salesforce.com/'
    });
    expect(local.salesforce.loginUrls).toEqual({
      production: 'http://127.0.0.1:3100',
      sandbox: 'https://test.example.my.salesforce.com'
    });
    expect(
      problemsOf({
        TOKEN_ENCRYPTION_KEY: KEY,
        SALESFORCE_LOGIN_URL_PRODUCTION: 'http://login.example.com',
        SALESFORCE_LOGIN_URL_SANDBOX: 'https://test.salesforce.com/services/oauth2',
        PHONE_DEFAULT_REGION: 'XX',
        WORKER_ENABLED: 'maybe'
      })
    ).toEqual([
      'SALESFORCE_LOGIN_URL_PRODUCTION must use https:// (plain http is only allowed for a local org on 127.0.0.1 or localhost)',
      'SALESFORCE_LOGIN_URL_SANDBOX must be an origin only (scheme, host and port), without a path, query or credentials',
      'PHONE_DEFAULT_REGION is not a country libphonenumber knows',
      'WORKER_ENABLED must be true or false'
    ]);
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
