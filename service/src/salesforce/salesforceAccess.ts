// The one way the service talks to a tenant's org: jsforce only, one Connection per tenant (API version
// SALESFORCE_API_VERSION). This module
//  - refreshes tokens one replica at a time (a lock on the connection row) and persists every rotated refresh token,
//    encrypted, before anyone else may refresh: with rotation on, presenting a retired token revokes the whole
//    authorization (reference §2.1.3, security review D3);
//  - marks the connection errored when its refresh token stops working, so the admin sees "reconnect";
//  - counts every call against the tenant's API budget and reads Sforce-Limit-Info (conn.limitInfo) after each;
//  - chunks collections itself (≤ 200 records a request) and URL-encodes external-id values in paths;
//  - never logs a token.
// jsforce retries GET/PUT/DELETE/HEAD on 420/429/5xx by itself (5 times, backing off from 500 ms: ~15 s) but never
// POST/PATCH. Here every retry belongs to the worker, reads included: reads go out with jsforce's retries switched
// off, so a 503 costs one counted request and a backoff with jitter instead of stalling the tenant's batch for 15 s
// with requests the budget never sees. Redirects are not followed either: the only host a session talks to is the
// instance URL checked at connect time (and jsforce would forward the access token to any redirect target).
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Connection, OAuth2 } from 'jsforce';
import type { TokenResponse } from 'jsforce';
import type { Config } from '../config/config.ts';
import type { Logger } from '../logging/logger.ts';
import type { Metrics } from '../metrics/metrics.ts';
import { refreshTokenUsedAt } from '../store/repositories/salesforceConnections.ts';
import type { SalesforceConnection } from '../store/repositories/salesforceConnections.ts';
import type { Store } from '../store/store.ts';
import type { BudgetState } from './apiBudget.ts';
import { loadBudgetState, remainingCalls, resumeTime, spentByOrgUsage, usedAgainstBudget } from './apiBudget.ts';
import {
  ApiBudgetExhaustedError,
  SalesforceConnectionBrokenError,
  SalesforceNotConnectedError,
  SessionRefreshError,
  classifyFailure,
  errorCodeOf
} from './errors.ts';
import { isTrustedInstanceUrl } from './loginHosts.ts';

/** The most records one sObject Collections request takes. */
export const MAX_COLLECTION_RECORDS = 200;

const REFRESH_LOCK_TTL_MS = 30_000;
const REFRESH_LOCK_WAIT_MS = 30_000;
const REFRESH_LOCK_POLL_MS = 50;
const DAY_MS = 24 * 3_600_000;
/** The idle refresh-token lifetime the AppExchange mandate asks External Client Apps to set (security review W13). */
export const IDLE_REFRESH_TOKEN_TTL_DAYS = 30;

/**
 * jsforce's options for every data request: no retries of its own (the worker retries), and no redirect followed.
 * jsforce would replay the request, Authorization header included, to whatever host a Location names.
 */
const REQUEST_OPTIONS = { retry: { methods: [] as never[] }, followRedirect: () => null };

export interface RecordError {
  statusCode: string;
  message: string;
  fields: string[];
}

/** One record's result in a collections upsert, aligned with the records sent. */
export type UpsertOutcome =
  | { ok: true; id: string; created: boolean }
  | { ok: false; recordErrors: RecordError[] }
  /** The request carrying this record failed as a whole (network, 503, 400 …). */
  | { ok: false; requestError: unknown }
  /** Never sent: an earlier request spent the budget or found the connection broken. */
  | { ok: false; notSent: ApiBudgetExhaustedError | SalesforceConnectionBrokenError };

export type SalesforceRecord = Record<string, unknown> & { Id?: string };

interface QueryPage {
  records: SalesforceRecord[];
  done: boolean;
  nextRecordsUrl?: string;
}

/** Access to one tenant's org for one unit of work (a micro-batch). */
export interface TenantOrg {
  readonly tenantId: string;
  readonly orgId: string;
  readonly instanceUrl: string;
  /** Calls made through this session. */
  readonly callsMade: number;
  query(soql: string): Promise<SalesforceRecord[]>;
  search(sosl: string): Promise<SalesforceRecord[]>;
  /** Upserts by external id through sObject Collections, in requests of at most 200 records, allOrNone false. */
  upsert(object: string, externalIdField: string, records: SalesforceRecord[]): Promise<UpsertOutcome[]>;
  /** One record by external id (the value is URL-encoded into the path); undefined when none matches. */
  getByExternalId(object: string, externalIdField: string, value: string): Promise<SalesforceRecord | undefined>;
  /** The org's API usage as Salesforce last reported it. */
  apiUsage(): { used: number; limit: number } | undefined;
  /** Persists what was learned (API usage); call when the unit of work ends. */
  close(): Promise<void>;
}

export interface SalesforceAccess {
  /** Opens the tenant's org for a unit of work; throws when it is not connected, broken, or out of budget. */
  open(tenantId: string): Promise<TenantOrg>;
  /** Uses the tenant's refresh token if it was last used before `usedBefore`, so it does not expire idle. */
  keepAlive(tenantId: string, usedBefore: number): Promise<boolean>;
  /** Forgets the cached connection (after a disconnect or reconnect). */
  evict(tenantId: string): void;
}

interface CachedConnection {
  conn: Connection;
  connectedAt: number;
  /** Set by the refresh function when the refresh token was refused; the next call reports it. */
  broken?: SalesforceConnectionBrokenError;
  /** The last refresh failure of another kind (network, lock timeout): reported as a transient failure. */
  refreshError?: unknown;
  /** Real refreshes since the last call that succeeded: a fresh token rejected again is not refreshed in a loop. */
  refreshesSinceSuccess: number;
}

export interface SalesforceAccessOptions {
  config: Config;
  store: Store;
  logger: Logger;
  metrics: Metrics;
}

export function createSalesforceAccess(options: SalesforceAccessOptions): SalesforceAccess {
  const { config, store, metrics } = options;
  const log = options.logger.child({ component: 'salesforce' });
  const client = config.salesforce.client;
  if (!client) throw new Error('SALESFORCE_CLIENT_ID and SALESFORCE_CLIENT_SECRET are required to reach Salesforce');
  const share = config.worker.apiBudgetShare;
  // How long the org's reported usage is trusted, and how long a tenant waits when that usage spent the share.
  const orgRecheckMs = config.worker.limitPauseMs;
  const cache = new Map<string, CachedConnection>();
  const lockHolder = `${process.pid}:${randomBytes(6).toString('hex')}`;

  function oauth2For(loginUrl: string): OAuth2 {
    return new OAuth2({
      loginUrl,
      clientId: client?.id,
      clientSecret: client?.secret,
      redirectUri: config.salesforce.redirectUri
    });
  }

  /** Waits for the tenant's refresh lock (another replica may hold it), runs `work`, then releases the lock. */
  async function underRefreshLock<T>(tenantId: string, work: () => Promise<T>): Promise<T> {
    const deadline = Date.now() + REFRESH_LOCK_WAIT_MS;
    while (!(await store.salesforceConnections.acquireRefreshLock(tenantId, lockHolder, REFRESH_LOCK_TTL_MS))) {
      if (!(await store.salesforceConnections.getSummary(tenantId))) throw new SalesforceNotConnectedError(tenantId);
      if (Date.now() > deadline) throw new Error('timed out waiting for another replica to refresh the session');
      await sleep(REFRESH_LOCK_POLL_MS);
    }
    try {
      return await work();
    } finally {
      await store.salesforceConnections.releaseRefreshLock(tenantId, lockHolder);
    }
  }

  /**
   * Refreshes with the stored refresh token and persists the rotated one and the new access token before anything
   * else (with rotation on, the old token is dead from now on). A refused refresh token marks the connection
   * errored. Call under the refresh lock.
   */
  async function refreshStored(
    tenantId: string,
    stored: SalesforceConnection,
    entry: CachedConnection
  ): Promise<TokenResponse> {
    let response: TokenResponse;
    try {
      response = await oauth2For(stored.loginHost).refreshToken(stored.refreshToken);
    } catch (error) {
      const code = (error as { name?: unknown }).name;
      if (code === 'invalid_grant' || code === 'invalid_client' || code === 'invalid_client_id') {
        const idleDays = Math.floor((store.clock() - refreshTokenUsedAt(stored)) / DAY_MS);
        const idle =
          idleDays >= IDLE_REFRESH_TOKEN_TTL_DAYS
            ? ` after ${idleDays} days unused (an External Client App may expire refresh tokens idle for ${IDLE_REFRESH_TOKEN_TTL_DAYS} days)`
            : '';
        const broken = new SalesforceConnectionBrokenError(
          'refresh_token_rejected',
          `Salesforce refused the refresh token${idle} (${String(code)}: ${(error as Error).message}); reconnect the org`
        );
        await store.salesforceConnections.markError(tenantId, { code: broken.code, message: broken.message });
        entry.broken = broken;
        metrics.salesforceTokenRefreshes.inc({ outcome: 'failed' });
        log.warn({ tenantId, code, idleDays }, 'refresh token refused: the connection needs a reconnect');
        throw broken;
      }
      metrics.salesforceTokenRefreshes.inc({ outcome: 'error' });
      throw error;
    }
    const refreshToken = response.refresh_token ?? stored.refreshToken;
    const instanceUrl = isTrustedInstanceUrl(response.instance_url, stored.loginHost)
      ? response.instance_url
      : undefined;
    if (!instanceUrl) log.warn({ tenantId }, 'ignored an instance URL outside Salesforce in a refresh response');
    await store.salesforceConnections.updateTokens(tenantId, {
      refreshToken,
      accessToken: response.access_token,
      ...(instanceUrl ? { instanceUrl } : {})
    });
    entry.conn.refreshToken = refreshToken;
    if (instanceUrl) entry.conn.instanceUrl = instanceUrl;
    metrics.salesforceTokenRefreshes.inc({ outcome: 'refreshed' });
    log.info({ tenantId, rotated: response.refresh_token !== undefined }, 'salesforce session refreshed');
    return response;
  }

  /**
   * jsforce calls this on a 401. Under the tenant's refresh lock: if another replica refreshed meanwhile, use its
   * token; otherwise refresh and persist (refreshStored).
   */
  async function refreshUnderLock(tenantId: string, entry: CachedConnection): Promise<TokenResponse> {
    const conn = entry.conn;
    const rejectedToken = conn.accessToken;
    return underRefreshLock(tenantId, async () => {
      const stored = await store.salesforceConnections.get(tenantId);
      if (!stored || stored.connectedAt !== entry.connectedAt) throw new SalesforceNotConnectedError(tenantId);
      if (stored.status === 'error') {
        throw new SalesforceConnectionBrokenError(
          stored.error?.code ?? 'connection_error',
          stored.error?.message ?? ''
        );
      }
      if (stored.accessToken !== undefined && stored.accessToken !== rejectedToken) {
        // Another replica (or an earlier call here) refreshed since this token was loaded: use that one.
        conn.refreshToken = stored.refreshToken;
        metrics.salesforceTokenRefreshes.inc({ outcome: 'adopted' });
        return syntheticTokenResponse(stored);
      }
      if (entry.refreshesSinceSuccess > 0) {
        throw new Error('Salesforce rejected a session it had just issued; not refreshing again');
      }
      const response = await refreshStored(tenantId, stored, entry);
      entry.refreshesSinceSuccess += 1;
      return response;
    });
  }

  /** The cached connection for this stored connection, made anew after a reconnect. */
  function entryFor(tenantId: string, stored: SalesforceConnection): CachedConnection {
    let entry = cache.get(tenantId);
    if (!entry || entry.connectedAt !== stored.connectedAt) {
      entry = connect(tenantId, stored);
      cache.set(tenantId, entry);
    } else {
      // Another replica may have refreshed: start from the newest tokens so this one need not refresh again.
      entry.broken = undefined;
      if (stored.accessToken !== undefined) entry.conn.accessToken = stored.accessToken;
      entry.conn.refreshToken = stored.refreshToken;
      entry.conn.instanceUrl = stored.instanceUrl;
    }
    return entry;
  }

  /**
   * Uses an idle refresh token once so it stays alive: an External Client App can expire refresh tokens unused for
   * 30 days (a control the AppExchange mandate asks for), and a quiet tenant's worker never needs to refresh.
   * False when the token was used since `usedBefore` (by anyone: checked under the lock) or the connection is not
   * usable. Throws SalesforceConnectionBrokenError when Salesforce refuses the token (the connection is marked).
   */
  async function keepAlive(tenantId: string, usedBefore: number): Promise<boolean> {
    const stored = await store.salesforceConnections.get(tenantId);
    if (!stored || stored.status === 'error' || refreshTokenUsedAt(stored) >= usedBefore) return false;
    const entry = entryFor(tenantId, stored);
    return underRefreshLock(tenantId, async () => {
      const current = await store.salesforceConnections.get(tenantId);
      if (!current || current.status === 'error' || current.connectedAt !== entry.connectedAt) return false;
      if (refreshTokenUsedAt(current) >= usedBefore) return false;
      const response = await refreshStored(tenantId, current, entry);
      entry.conn.accessToken = response.access_token;
      log.info({ tenantId }, 'idle refresh token used to keep it alive');
      return true;
    });
  }

  function connect(tenantId: string, stored: SalesforceConnection): CachedConnection {
    const entry: CachedConnection = {
      conn: undefined as unknown as Connection,
      connectedAt: stored.connectedAt,
      refreshesSinceSuccess: 0
    };
    entry.conn = new Connection({
      oauth2: oauth2For(stored.loginHost),
      instanceUrl: stored.instanceUrl,
      version: config.salesforce.apiVersion,
      ...(stored.accessToken !== undefined ? { accessToken: stored.accessToken } : {}),
      refreshToken: stored.refreshToken,
      refreshFn: (_conn, callback) => {
        refreshUnderLock(tenantId, entry).then(
          (response) => callback(null, response.access_token, response),
          (error: unknown) => {
            if (!(error instanceof SalesforceConnectionBrokenError)) entry.refreshError = error;
            callback(error instanceof Error ? error : new Error(String(error)));
          }
        );
      }
    });
    // jsforce keeps only the access token of a refresh; the rotated refresh token must be kept by us (it is
    // persisted under the lock above before this event fires).
    entry.conn.on('refresh', (_accessToken: string, response: TokenResponse) => {
      if (response.refresh_token) entry.conn.refreshToken = response.refresh_token;
    });
    return entry;
  }

  async function open(tenantId: string): Promise<TenantOrg> {
    const stored = await store.salesforceConnections.get(tenantId);
    if (!stored) {
      cache.delete(tenantId);
      throw new SalesforceNotConnectedError(tenantId);
    }
    if (stored.status === 'error') {
      throw new SalesforceConnectionBrokenError(
        stored.error?.code ?? 'connection_error',
        stored.error?.message ?? 'the Salesforce connection is in error; reconnect the org'
      );
    }
    const entry = entryFor(tenantId, stored);
    const budget = await loadBudgetState(store, tenantId, stored.apiUsage, orgRecheckMs);
    if (remainingCalls(budget, share) <= 0) throw budgetExhausted(budget);
    return session(tenantId, stored, entry, budget);
  }

  function budgetExhausted(budget: BudgetState): ApiBudgetExhaustedError {
    const resumeAt = resumeTime(budget, share, store.clock(), orgRecheckMs);
    const percent = Math.round(share * 100);
    return new ApiBudgetExhaustedError(
      resumeAt,
      'budget',
      spentByOrgUsage(budget, share)
        ? `the org has used ${usedAgainstBudget(budget)} of its ${budget.limit} daily API calls (all integrations ` +
            `together), the service's share is ${percent} %: the rest is left to the org's other integrations`
        : `the service's share (${percent} %) of the org's daily API allowance (${budget.limit}) is spent`
    );
  }

  function session(
    tenantId: string,
    stored: SalesforceConnection,
    entry: CachedConnection,
    budget: BudgetState
  ): TenantOrg {
    const conn = entry.conn;
    let callsMade = 0;
    let usage: { used: number; limit: number } | undefined;
    /** A GET on the instance (a path under /services/data/vXX.X, or a /services/data locator). */
    const read = <T>(path: string): Promise<T> => conn.request<T>({ method: 'GET', url: path }, REQUEST_OPTIONS);

    /** Every API call goes through here: budget first, then the call, then the accounting. */
    async function call<T>(operation: string, run: () => Promise<T>): Promise<T> {
      if (entry.broken) throw entry.broken;
      if (remainingCalls(budget, share) <= 0) throw budgetExhausted(budget);
      entry.refreshError = undefined;
      let counted = true;
      try {
        const result = await run();
        entry.refreshesSinceSuccess = 0;
        metrics.salesforceCalls.inc({ operation, outcome: 'ok' });
        return result;
      } catch (error) {
        if (entry.broken) throw entry.broken;
        if (entry.refreshError !== undefined) {
          metrics.salesforceCalls.inc({ operation, outcome: 'SESSION_REFRESH_FAILED' });
          counted = false;
          throw new SessionRefreshError(entry.refreshError);
        }
        const kind = classifyFailure(error);
        if (kind !== 'session') entry.refreshesSinceSuccess = 0;
        metrics.salesforceCalls.inc({ operation, outcome: errorCodeOf(error) ?? kind });
        if (kind === 'request_limit') {
          // Refused before it ran: Salesforce does not count it. Pause until our budget or the org frees up.
          counted = false;
          throw new ApiBudgetExhaustedError(
            Math.max(
              store.clock() + config.worker.limitPauseMs,
              resumeTime(budget, share, store.clock(), orgRecheckMs)
            ),
            'request_limit',
            'Salesforce refused the call: the org has used its whole daily API allowance (REQUEST_LIMIT_EXCEEDED)'
          );
        }
        if (kind === 'transient' && errorCodeOf(error) === undefined) counted = false; // never reached the org
        throw error;
      } finally {
        // Sforce-Limit-Info of this answer: the org's usage by every integration, this call included.
        const reported = conn.limitInfo?.apiUsage;
        if (reported) {
          usage = { used: reported.used, limit: reported.limit };
          budget.limit = reported.limit;
          budget.org = { used: reported.used, at: store.clock() };
        }
        if (counted) {
          callsMade += 1;
          budget.used += 1;
          await store.salesforceApiCalls.record(tenantId, 1);
        }
      }
    }

    return {
      tenantId,
      orgId: stored.orgId,
      instanceUrl: stored.instanceUrl,
      get callsMade() {
        return callsMade;
      },

      async query(soql) {
        const records: SalesforceRecord[] = [];
        let page = await call('query', () => read<QueryPage>(`/query?q=${encodeURIComponent(soql)}`));
        records.push(...page.records);
        while (!page.done && page.nextRecordsUrl) {
          // A path under /services/data/ on the same instance (jsforce prefixes the instance URL).
          const locator = page.nextRecordsUrl;
          if (!locator.startsWith('/services/data/'))
            throw new Error('Salesforce answered an unexpected query locator');
          page = await call('query', () => read<QueryPage>(locator));
          records.push(...page.records);
        }
        return records;
      },

      async search(sosl) {
        const result = await call('search', () =>
          read<{ searchRecords?: SalesforceRecord[] }>(`/search?q=${encodeURIComponent(sosl)}`)
        );
        return result.searchRecords ?? [];
      },

      async upsert(object, externalIdField, records) {
        const outcomes: UpsertOutcome[] = [];
        let stop: ApiBudgetExhaustedError | SalesforceConnectionBrokenError | undefined;
        for (let start = 0; start < records.length; start += MAX_COLLECTION_RECORDS) {
          const chunk = records.slice(start, start + MAX_COLLECTION_RECORDS);
          if (stop) {
            const notSent = stop;
            outcomes.push(...chunk.map((): UpsertOutcome => ({ ok: false, notSent })));
            continue;
          }
          try {
            // sObject Collections upsert (what jsforce's upsert sends for an array), with our request options.
            const results = await call('upsert', () =>
              conn.request<unknown[]>(
                {
                  method: 'PATCH',
                  url: `/composite/sobjects/${encodeURIComponent(object)}/${encodeURIComponent(externalIdField)}`,
                  body: JSON.stringify({
                    allOrNone: false,
                    records: chunk.map((record) => ({ attributes: { type: object }, ...record }))
                  }),
                  headers: { 'content-type': 'application/json' }
                },
                REQUEST_OPTIONS
              )
            );
            const answered = Array.isArray(results) ? results : [];
            outcomes.push(...chunk.map((_record, i) => toUpsertOutcome(answered[i])));
          } catch (error) {
            if (error instanceof ApiBudgetExhaustedError || error instanceof SalesforceConnectionBrokenError) {
              stop = error;
              outcomes.push(...chunk.map((): UpsertOutcome => ({ ok: false, notSent: error })));
            } else {
              outcomes.push(...chunk.map((): UpsertOutcome => ({ ok: false, requestError: error })));
            }
          }
        }
        return outcomes;
      },

      async getByExternalId(object, externalIdField, value) {
        const path = `/sobjects/${encodeURIComponent(object)}/${encodeURIComponent(externalIdField)}/${encodeURIComponent(value)}`;
        try {
          return await call('retrieve', () => read<SalesforceRecord>(path));
        } catch (error) {
          if (errorCodeOf(error) === 'NOT_FOUND') return undefined;
          throw error;
        }
      },

      apiUsage: () => usage,

      async close() {
        if (usage) await store.salesforceConnections.recordApiUsage(tenantId, usage);
      }
    };
  }

  return {
    open,
    keepAlive,
    evict(tenantId) {
      cache.delete(tenantId);
    }
  };
}

function syntheticTokenResponse(stored: SalesforceConnection): TokenResponse {
  return {
    token_type: 'Bearer',
    scope: '',
    id: '',
    access_token: stored.accessToken ?? '',
    refresh_token: stored.refreshToken,
    signature: '',
    issued_at: String(stored.tokensRefreshedAt ?? stored.updatedAt),
    instance_url: stored.instanceUrl
  };
}

/** Collections report per-record errors with `statusCode` (jsforce's type says errorCode; read both). */
function toUpsertOutcome(result: unknown): UpsertOutcome {
  const r = (result ?? {}) as { id?: unknown; success?: unknown; created?: unknown; errors?: unknown };
  if (r.success === true && typeof r.id === 'string') return { ok: true, id: r.id, created: r.created === true };
  const errors = Array.isArray(r.errors) ? r.errors : [];
  return {
    ok: false,
    recordErrors: errors.map((e) => {
      const item = (e ?? {}) as { statusCode?: unknown; errorCode?: unknown; message?: unknown; fields?: unknown };
      return {
        statusCode: String(item.statusCode ?? item.errorCode ?? 'UNKNOWN_ERROR'),
        message: String(item.message ?? ''),
        fields: Array.isArray(item.fields) ? item.fields.map(String) : []
      };
    })
  };
}
