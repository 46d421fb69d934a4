// The service's configuration: one zod schema over process.env, checked once at boot. A bad or missing variable
// stops the process with a message that names every problem at once; nothing secret has a default.
import { isSupportedCountry } from 'libphonenumber-js';
import { z } from 'zod';
import { parseEncryptionKey } from '../crypto/tokenCipher.ts';

export type StoreConfig = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string; schema?: string };

export interface Config {
  http: { port: number; host: string; publicBaseUrl: string; shutdownTimeoutMs: number };
  store: StoreConfig;
  /** The first key encrypts; the others only decrypt (values written before a key rotation). */
  tokenEncryptionKeys: { primary: Buffer; previous: Buffer[] };
  logLevel: LogLevel;
  /** When set, GET /metrics requires `Authorization: Bearer <token>`. */
  metricsToken?: string;
  salesforce: {
    /** The managed package's namespace prefix without `__` (empty when unpackaged). */
    namespace: string;
    apiVersion: string;
    /** The OAuth client (the External Client App); required to run the service, not for the admin CLI. */
    client?: { id: string; secret: string };
    /** Where "production" and "sandbox" logins go (overridable to point at a local org). */
    loginUrls: { production: string; sandbox: string };
    /** PUBLIC_BASE_URL + /oauth/salesforce/callback: registered on the client app. */
    redirectUri: string;
    /** Region assumed for phone numbers written without a country code (ISO 3166 alpha-2). */
    phoneDefaultRegion: string;
    /** How long a connect link and an OAuth attempt (its state) stay usable. */
    connectLinkTtlMs: number;
    oauthStateTtlMs: number;
  };
  worker: {
    /** Run the inbox worker inside `npm run service` (it can also run alone: service/src/worker/main.ts). */
    enabled: boolean;
    batchSize: number;
    batchWaitMs: number;
    maxAttempts: number;
    /** The largest share of an org's daily API allowance the service may use. */
    apiBudgetShare: number;
    /** How long a claimed batch (and its per-tenant lease) stays with one worker before others may take it. */
    leaseMs: number;
    /** Tenants one worker process writes at the same time. */
    concurrency: number;
    pollIntervalMs: number;
    /** Backoff for transient failures: base × 2^(attempt−1), capped, with full jitter. */
    retryBaseMs: number;
    retryMaxMs: number;
    /**
     * How long a tenant pauses when Salesforce refuses a call for the org's exhausted allowance, or when the org's
     * reported usage (all integrations) has reached the service's share; also how long that report is trusted.
     */
    limitPauseMs: number;
  };
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

// An empty variable (`FOO=`) means "not set", as in most .env conventions.
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

const integer = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, `must be a whole number between ${min} and ${max}`)
    .transform(Number)
    .pipe(z.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));

const boolean = z
  .enum(['true', 'false', '1', '0'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1');

const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

/** A Salesforce login URL: https, or plain http only for a local org on a loopback host. Origin only. */
const loginUrl = z
  .url({ protocol: /^https?$/, message: 'must be an http(s) URL such as https://login.salesforce.com' })
  .refine((value) => {
    const url = new URL(value);
    return url.protocol === 'https:' || LOOPBACK_HOSTS.includes(url.hostname);
  }, 'must use https:// (plain http is only allowed for a local org on 127.0.0.1 or localhost)')
  .refine((value) => {
    const url = new URL(value);
    return url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
  }, 'must be an origin only (scheme, host and port), without a path, query or credentials')
  .transform((value) => new URL(value).origin);

const encryptionKey = z.string().transform((value, ctx) => {
  try {
    return parseEncryptionKey(value);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: (error as Error).message });
    return z.NEVER;
  }
});

const environmentSchema = z.object({
  NODE_ENV: optional(z.string()),
  PORT: optional(integer(0, 65535)).default(3000),
  HOST: optional(z.string().min(1)).default('127.0.0.1'),
  PUBLIC_BASE_URL: optional(
    z
      .url({ protocol: /^https?$/, message: 'must be an http(s) URL such as https://switchboard.example.com' })
      .refine((value) => {
        const url = new URL(value);
        return url.protocol === 'https:' || LOOPBACK_HOSTS.includes(url.hostname);
      }, 'must use https:// (plain http is only allowed for localhost)')
  ),
  SHUTDOWN_TIMEOUT_MS: optional(integer(0, 600_000)).default(10_000),

  DATABASE_URL: optional(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a PostgreSQL URL (postgres://user@host:5432/database)')
      .refine((value) => URL.canParse(value), 'must be a valid URL')
  ),
  DATABASE_SCHEMA: optional(
    z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a lower-case SQL identifier (letters, digits, _)')
  ),
  SQLITE_PATH: optional(z.string().min(1)).default('./data/switchboard.db'),

  TOKEN_ENCRYPTION_KEY: z
    .string({
      message:
        'is required: base64 of 32 random bytes (generate one with `openssl rand -base64 32`); tokens are never stored in plain text'
    })
    .min(1)
    .pipe(encryptionKey),
  TOKEN_ENCRYPTION_KEYS_PREVIOUS: optional(
    z
      .string()
      .transform((value) => value.split(',').map((part) => part.trim()))
      .pipe(z.array(encryptionKey))
  ),

  LOG_LEVEL: optional(z.enum(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` })).default('info'),
  METRICS_TOKEN: optional(z.string().min(32, 'must be at least 32 characters')),

  SALESFORCE_NAMESPACE: optional(
    z
      .string()
      .regex(
        /^[A-Za-z](?:[A-Za-z0-9]|_(?!_)){0,14}$/,
        'must be a namespace prefix: up to 15 letters, digits or single underscores, starting with a letter, without the trailing __'
      )
  ).default(''),
  SALESFORCE_API_VERSION: optional(
    z
      .string()
      .regex(/^\d{2,3}\.0$/, 'must look like 67.0')
      .refine((value) => Number(value) >= 46, 'must be 46.0 or later (sObject Collections upsert)')
  ).default('67.0'),
  SALESFORCE_CLIENT_ID: optional(z.string().min(1).max(256)),
  SALESFORCE_CLIENT_SECRET: optional(z.string().min(1).max(256)),
  SALESFORCE_LOGIN_URL_PRODUCTION: optional(loginUrl).default('https://login.salesforce.com'),
  SALESFORCE_LOGIN_URL_SANDBOX: optional(loginUrl).default('https://test.salesforce.com'),
  PHONE_DEFAULT_REGION: optional(
    z
      .string()
      .regex(/^[A-Z]{2}$/, 'must be a two-letter country code in capitals, e.g. US or GB')
      .refine((value) => isSupportedCountry(value), 'is not a country libphonenumber knows')
  ).default('US'),
  CONNECT_LINK_TTL_SECONDS: optional(integer(60, 7 * 24 * 3600)).default(15 * 60),
  OAUTH_STATE_TTL_SECONDS: optional(integer(60, 3600)).default(10 * 60),

  WORKER_ENABLED: optional(boolean).default(true),
  WORKER_BATCH_SIZE: optional(integer(1, 200)).default(200),
  WORKER_BATCH_WAIT_MS: optional(integer(0, 60_000)).default(1_000),
  WORKER_MAX_ATTEMPTS: optional(integer(1, 100)).default(12),
  WORKER_API_BUDGET_SHARE: optional(
    z
      .string()
      .regex(/^(0(\.\d+)?|1(\.0+)?)$/, 'must be a decimal number greater than 0 and at most 1, e.g. 0.5')
      .transform(Number)
      .pipe(z.number().gt(0, 'must be greater than 0').max(1, 'must be at most 1'))
  ).default(0.5),
  WORKER_LEASE_MS: optional(integer(5_000, 3_600_000)).default(60_000),
  WORKER_CONCURRENCY: optional(integer(1, 64)).default(4),
  WORKER_POLL_INTERVAL_MS: optional(integer(10, 60_000)).default(500),
  WORKER_RETRY_BASE_MS: optional(integer(1, 3_600_000)).default(2_000),
  WORKER_RETRY_MAX_MS: optional(integer(1, 24 * 3_600_000)).default(15 * 60_000),
  WORKER_LIMIT_PAUSE_MS: optional(integer(1_000, 24 * 3_600_000)).default(15 * 60_000)
});

export interface LoadConfigOptions {
  /**
   * The service and the worker talk to Salesforce, so they need SALESFORCE_CLIENT_ID and SALESFORCE_CLIENT_SECRET;
   * the admin CLI does not.
   */
  requireSalesforceClient?: boolean;
}

// Checks across variables, made on the raw values so they are reported together with every other problem.
function crossFieldProblems(env: NodeJS.ProcessEnv, options: LoadConfigOptions): string[] {
  const set = (name: string) => env[name] !== undefined && env[name] !== '';
  const problems: string[] = [];
  if (options.requireSalesforceClient) {
    for (const name of ['SALESFORCE_CLIENT_ID', 'SALESFORCE_CLIENT_SECRET']) {
      if (!set(name)) {
        problems.push(
          `${name} is required: the OAuth client of the Salesforce External Client App (consumer key and secret)`
        );
      }
    }
  }
  if (set('SALESFORCE_CLIENT_ID') !== set('SALESFORCE_CLIENT_SECRET')) {
    problems.push('SALESFORCE_CLIENT_ID and SALESFORCE_CLIENT_SECRET must be set together');
  }
  if (Number(env.WORKER_RETRY_BASE_MS ?? 0) > Number(env.WORKER_RETRY_MAX_MS ?? 15 * 60_000)) {
    problems.push('WORKER_RETRY_BASE_MS must not be larger than WORKER_RETRY_MAX_MS');
  }
  if (env.NODE_ENV === 'production' && !set('METRICS_TOKEN')) {
    problems.push('METRICS_TOKEN is required when NODE_ENV=production (GET /metrics must not be public)');
  }
  if (set('DATABASE_SCHEMA') && !set('DATABASE_URL')) {
    problems.push('DATABASE_SCHEMA is only meaningful with DATABASE_URL');
  }
  return problems;
}

/** Reads and checks the configuration; throws a ConfigError naming each missing or invalid variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, options: LoadConfigOptions = {}): Config {
  const parsed = environmentSchema.safeParse(env);
  const problems = (parsed.error?.issues ?? []).map((issue) => {
    const variable = issue.path[0] === undefined ? '(environment)' : String(issue.path[0]);
    const missing = issue.code === 'invalid_type' && env[variable] === undefined;
    const message = missing && !issue.message.startsWith('is required') ? 'is required' : issue.message;
    return `${variable} ${message}`;
  });
  problems.push(...crossFieldProblems(env, options));
  if (!parsed.success || problems.length > 0) throw new ConfigError([...new Set(problems)]);
  const e = parsed.data;
  const publicBaseUrl = (e.PUBLIC_BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  const store: StoreConfig = e.DATABASE_URL
    ? { kind: 'postgres', url: e.DATABASE_URL, ...(e.DATABASE_SCHEMA ? { schema: e.DATABASE_SCHEMA } : {}) }
    : { kind: 'sqlite', path: e.SQLITE_PATH };
  return {
    http: {
      port: e.PORT,
      host: e.HOST,
      publicBaseUrl,
      shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS
    },
    store,
    tokenEncryptionKeys: { primary: e.TOKEN_ENCRYPTION_KEY, previous: e.TOKEN_ENCRYPTION_KEYS_PREVIOUS ?? [] },
    logLevel: e.LOG_LEVEL,
    ...(e.METRICS_TOKEN ? { metricsToken: e.METRICS_TOKEN } : {}),
    salesforce: {
      namespace: e.SALESFORCE_NAMESPACE,
      apiVersion: e.SALESFORCE_API_VERSION,
      ...(e.SALESFORCE_CLIENT_ID && e.SALESFORCE_CLIENT_SECRET
        ? { client: { id: e.SALESFORCE_CLIENT_ID, secret: e.SALESFORCE_CLIENT_SECRET } }
        : {}),
      loginUrls: { production: e.SALESFORCE_LOGIN_URL_PRODUCTION, sandbox: e.SALESFORCE_LOGIN_URL_SANDBOX },
      redirectUri: `${publicBaseUrl}/oauth/salesforce/callback`,
      phoneDefaultRegion: e.PHONE_DEFAULT_REGION,
      connectLinkTtlMs: e.CONNECT_LINK_TTL_SECONDS * 1000,
      oauthStateTtlMs: e.OAUTH_STATE_TTL_SECONDS * 1000
    },
    worker: {
      enabled: e.WORKER_ENABLED,
      batchSize: e.WORKER_BATCH_SIZE,
      batchWaitMs: e.WORKER_BATCH_WAIT_MS,
      maxAttempts: e.WORKER_MAX_ATTEMPTS,
      apiBudgetShare: e.WORKER_API_BUDGET_SHARE,
      leaseMs: e.WORKER_LEASE_MS,
      concurrency: e.WORKER_CONCURRENCY,
      pollIntervalMs: e.WORKER_POLL_INTERVAL_MS,
      retryBaseMs: e.WORKER_RETRY_BASE_MS,
      retryMaxMs: e.WORKER_RETRY_MAX_MS,
      limitPauseMs: e.WORKER_LIMIT_PAUSE_MS
    }
  };
}
