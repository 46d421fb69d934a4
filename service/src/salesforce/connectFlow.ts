// Connecting a tenant to its org: the OAuth 2.0 web server flow with PKCE, one attempt at a time.
//
// 1. The tenant (Bearer key, POST /v1/salesforce/connect-links) or an admin (CLI) asks for a connect link. It
//    carries a single-use, short-lived connect token: whoever opens the start URL proves they may connect this
//    tenant, so a stranger cannot attach their org to someone else's tenant.
// 2. GET /oauth/salesforce/start consumes the token, creates one jsforce OAuth2 with useVerifier (a fresh PKCE
//    verifier per attempt), stores the verifier server-side under a random single-use `state`, and sends the browser
//    to Salesforce's authorize endpoint (least scope: api refresh_token).
//    The attempt is bound to that browser (a cookie carrying the state, set by the route): see `callback`.
// 3. GET /oauth/salesforce/callback takes the state only from the browser that started the attempt, consumes it,
//    exchanges the code with the verifier and the client secret, checks the instance URL is a Salesforce host, and
//    stores the org, user and tokens encrypted.
// Disconnect revokes the refresh token at Salesforce (which kills its access tokens) and forgets the connection.
import { randomBytes } from 'node:crypto';
import { OAuth2 } from 'jsforce';
import type { TokenResponse } from 'jsforce';
import type { Config } from '../config/config.ts';
import type { Logger } from '../logging/logger.ts';
import type { Metrics } from '../metrics/metrics.ts';
import type { SalesforceConnectionSummary } from '../store/repositories/salesforceConnections.ts';
import type { Store } from '../store/store.ts';
import { LoginHostError, isTrustedInstanceUrl, resolveLoginTarget } from './loginHosts.ts';

/** Least privilege: the REST API and a refresh token; never `full`. */
export const OAUTH_SCOPES = 'api refresh_token';

export type ConnectFlowErrorCode =
  | 'invalid_query'
  | 'invalid_body'
  | 'invalid_connect_token'
  | 'invalid_state'
  | 'oauth_denied'
  | 'oauth_failed'
  | 'salesforce_unreachable'
  | 'not_found';

/** An expected refusal, with the stable code and the parameter it is about. */
export class ConnectFlowError extends Error {
  readonly code: ConnectFlowErrorCode;
  readonly path: string | undefined;
  constructor(code: ConnectFlowErrorCode, message: string, path?: string) {
    super(message);
    this.name = 'ConnectFlowError';
    this.code = code;
    this.path = path;
  }
}

export interface ConnectLink {
  url: string;
  expiresAt: number;
}

export interface StartedAttempt {
  /** Salesforce's authorize URL to send the browser to. */
  authorizationUrl: string;
  /** The attempt's single-use state, to bind to the browser (it travels in the authorize URL anyway). */
  state: string;
  expiresAt: number;
}

export interface ConnectedOrg {
  tenantId: string;
  orgId: string;
  userId: string;
  instanceUrl: string;
}

export interface ConnectFlowDeps {
  config: Config;
  store: Store;
  logger: Logger;
  metrics: Metrics;
  /** Called after a connect or disconnect so cached connections are dropped. */
  onConnectionChanged?: (tenantId: string) => void;
}

const TENANT_ID = /^ten_[0-9a-f]{20}$/;
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;
const SALESFORCE_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

const newSecret = () => randomBytes(32).toString('base64url');

function targetOf(environment: string | undefined, host: string | undefined, config: Config, where: 'query' | 'body') {
  try {
    return resolveLoginTarget({ environment, host }, config.salesforce.loginUrls);
  } catch (error) {
    if (error instanceof LoginHostError) {
      throw new ConnectFlowError(
        where === 'query' ? 'invalid_query' : 'invalid_body',
        error.message,
        where === 'query' ? `query.${error.parameter}` : error.parameter
      );
    }
    throw error;
  }
}

/** The org and user ids from the identity URL `…/id/<orgId>/<userId>`. */
function idsFromIdentityUrl(identityUrl: string): { orgId: string; userId: string } | undefined {
  let segments: string[];
  try {
    segments = new URL(identityUrl).pathname.split('/').filter(Boolean);
  } catch {
    return undefined;
  }
  const [orgId, userId] = segments.slice(-2);
  if (!orgId || !userId || !SALESFORCE_ID.test(orgId) || !SALESFORCE_ID.test(userId)) return undefined;
  if (!orgId.startsWith('00D') || !userId.startsWith('005')) return undefined;
  return { orgId, userId };
}

export function createConnectFlow(deps: ConnectFlowDeps) {
  const { config, store, metrics } = deps;
  const log = deps.logger.child({ component: 'salesforce-connect' });
  const client = config.salesforce.client;

  function oauth2(loginUrl: string, useVerifier: boolean): OAuth2 {
    if (!client) throw new Error('SALESFORCE_CLIENT_ID and SALESFORCE_CLIENT_SECRET are required to connect orgs');
    return new OAuth2({
      loginUrl,
      clientId: client.id,
      clientSecret: client.secret,
      redirectUri: config.salesforce.redirectUri,
      useVerifier
    });
  }

  return {
    /** A start URL for one connect attempt of this tenant. The environment may be chosen now or in the URL later. */
    async issueConnectLink(
      tenantId: string,
      choice: { environment?: string; host?: string } = {}
    ): Promise<ConnectLink> {
      if (choice.environment !== undefined || choice.host !== undefined) {
        targetOf(choice.environment, choice.host, config, 'body');
      }
      if (!(await store.tenants.get(tenantId)))
        throw new ConnectFlowError('not_found', `no tenant with id ${tenantId}`);
      const token = newSecret();
      const expiresAt = await store.connectTokens.insert(tenantId, token, config.salesforce.connectLinkTtlMs);
      const url = new URL(`${config.http.publicBaseUrl}/oauth/salesforce/start`);
      url.searchParams.set('tenant', tenantId);
      url.searchParams.set('connect_token', token);
      if (choice.environment !== undefined) url.searchParams.set('environment', choice.environment);
      if (choice.host !== undefined && choice.host !== '') url.searchParams.set('host', choice.host);
      store.connectTokens.pruneExpired().catch((err: unknown) => log.warn({ err }, 'pruning connect tokens failed'));
      return { url: url.toString(), expiresAt };
    },

    /** Checks the connect token and returns the Salesforce authorization URL to send the browser to. */
    async start(query: {
      tenant?: string;
      connectToken?: string;
      environment?: string;
      host?: string;
    }): Promise<StartedAttempt> {
      if (!query.tenant || !TENANT_ID.test(query.tenant)) {
        throw new ConnectFlowError(
          'invalid_query',
          'tenant must be a tenant id (ten_ followed by 20 hex digits)',
          'query.tenant'
        );
      }
      const target = targetOf(query.environment, query.host, config, 'query');
      if (!query.connectToken || !TOKEN_SHAPE.test(query.connectToken)) {
        throw new ConnectFlowError(
          'invalid_connect_token',
          'connect_token is missing or malformed: ask for a new connect link',
          'query.connect_token'
        );
      }
      if (!(await store.connectTokens.consume(query.tenant, query.connectToken))) {
        metrics.oauthConnects.inc({ outcome: 'refused' });
        throw new ConnectFlowError(
          'invalid_connect_token',
          'this connect link is unknown, already used or expired: ask for a new one',
          'query.connect_token'
        );
      }
      // One OAuth2 per attempt: jsforce makes the PKCE verifier in the constructor.
      const auth = oauth2(target.loginUrl, true);
      const state = newSecret();
      const expiresAt = store.clock() + config.salesforce.oauthStateTtlMs;
      await store.oauthStates.insert(
        state,
        {
          tenantId: query.tenant,
          codeVerifier: auth.codeVerifier as string,
          environment: target.environment,
          loginHost: target.loginUrl
        },
        config.salesforce.oauthStateTtlMs
      );
      store.oauthStates.pruneExpired().catch((err: unknown) => log.warn({ err }, 'pruning OAuth states failed'));
      metrics.oauthConnects.inc({ outcome: 'started' });
      log.info({ tenantId: query.tenant, environment: target.environment }, 'salesforce connect started');
      const authorizationUrl = auth.getAuthorizationUrl({ scope: OAUTH_SCOPES, state, prompt: 'login consent' });
      return { authorizationUrl, state, expiresAt };
    },

    /**
     * Completes an attempt: consumes the state, exchanges the code, stores the connection. `fromStartingBrowser`
     * says the request carries the browser binding the start set (the route compares it with the state). Without
     * it, anyone could start an attempt for their own tenant and get someone else to finish it (a Salesforce
     * authorize link looks trustworthy in an email): that person's org would be connected to their tenant (login
     * CSRF, RFC 6749 §10.12). Such a request is refused without using the state up.
     */
    async callback(query: {
      code?: string;
      state?: string;
      error?: string;
      errorDescription?: string;
      fromStartingBrowser: boolean;
    }): Promise<ConnectedOrg> {
      if (!query.state) {
        metrics.oauthConnects.inc({ outcome: 'refused' });
        throw new ConnectFlowError('invalid_state', 'state is missing: start the connection again', 'query.state');
      }
      if (!query.fromStartingBrowser) {
        metrics.oauthConnects.inc({ outcome: 'refused' });
        throw new ConnectFlowError(
          'invalid_state',
          'this connection was not started in this browser (or its cookie expired): open the connect link in the browser that finishes the connection',
          'cookie'
        );
      }
      const pending = await store.oauthStates.consume(query.state);
      if (!pending) {
        metrics.oauthConnects.inc({ outcome: 'refused' });
        throw new ConnectFlowError(
          'invalid_state',
          'this authorization is unknown, already used or expired: start the connection again',
          'query.state'
        );
      }
      if (query.error !== undefined) {
        metrics.oauthConnects.inc({ outcome: 'refused' });
        log.info({ tenantId: pending.tenantId, error: query.error.slice(0, 64) }, 'salesforce connect refused');
        throw new ConnectFlowError(
          'oauth_denied',
          `Salesforce did not authorize the connection (${query.error.slice(0, 64)}): ${(query.errorDescription ?? '').slice(0, 300)}`,
          'query.error'
        );
      }
      if (!query.code) {
        metrics.oauthConnects.inc({ outcome: 'refused' });
        throw new ConnectFlowError('invalid_query', 'code is missing from the callback', 'query.code');
      }
      const auth = oauth2(pending.loginHost, false);
      auth.codeVerifier = pending.codeVerifier;
      let tokens: TokenResponse;
      try {
        tokens = await auth.requestToken(query.code);
      } catch (error) {
        metrics.oauthConnects.inc({ outcome: 'failed' });
        const name = (error as { name?: unknown }).name;
        if (typeof name === 'string' && /^(invalid_|unsupported_|inactive_)/.test(name)) {
          throw new ConnectFlowError(
            'oauth_failed',
            `Salesforce refused the authorization code (${name}): start again`
          );
        }
        log.warn({ tenantId: pending.tenantId, err: error }, 'token exchange failed');
        throw new ConnectFlowError(
          'salesforce_unreachable',
          'Salesforce could not be reached to finish the connection'
        );
      }
      const ids = idsFromIdentityUrl(tokens.id);
      if (!ids || !isTrustedInstanceUrl(tokens.instance_url, pending.loginHost) || !tokens.refresh_token) {
        metrics.oauthConnects.inc({ outcome: 'failed' });
        log.warn(
          { tenantId: pending.tenantId, refreshToken: Boolean(tokens.refresh_token), ids: Boolean(ids) },
          'token response refused'
        );
        throw new ConnectFlowError(
          'oauth_failed',
          tokens.refresh_token
            ? 'Salesforce answered with an instance or identity outside Salesforce; the connection was not stored'
            : 'Salesforce granted no refresh token: the connected app must allow the refresh_token scope'
        );
      }
      await store.salesforceConnections.save({
        tenantId: pending.tenantId,
        instanceUrl: tokens.instance_url,
        orgId: ids.orgId,
        userId: ids.userId,
        environment: pending.environment,
        loginHost: pending.loginHost,
        refreshToken: tokens.refresh_token,
        accessToken: tokens.access_token
      });
      // Work held back while the tenant had no working connection may go now.
      await store.inbox.resumeTenant(pending.tenantId);
      deps.onConnectionChanged?.(pending.tenantId);
      metrics.oauthConnects.inc({ outcome: 'connected' });
      log.info({ tenantId: pending.tenantId, orgId: ids.orgId }, 'salesforce org connected');
      return { tenantId: pending.tenantId, orgId: ids.orgId, userId: ids.userId, instanceUrl: tokens.instance_url };
    },

    /** Revokes the refresh token at Salesforce and forgets the connection; `revoked` says whether Salesforce agreed. */
    async disconnect(tenantId: string): Promise<{ revoked: boolean }> {
      const stored = await store.salesforceConnections.get(tenantId);
      if (!stored) throw new ConnectFlowError('not_found', 'this tenant has no Salesforce connection');
      let revoked = false;
      try {
        await oauth2(stored.loginHost, false).revokeToken(stored.refreshToken);
        revoked = true;
      } catch (error) {
        // Already dead at Salesforce (revoked there, rotated out) or unreachable: the stored copy goes anyway.
        log.warn({ tenantId, error: (error as { name?: unknown }).name }, 'revoking the refresh token failed');
      }
      await store.salesforceConnections.delete(tenantId);
      deps.onConnectionChanged?.(tenantId);
      log.info({ tenantId, revoked }, 'salesforce org disconnected');
      return { revoked };
    },

    async status(tenantId: string): Promise<SalesforceConnectionSummary | undefined> {
      return store.salesforceConnections.getSummary(tenantId);
    }
  };
}

export type ConnectFlow = ReturnType<typeof createConnectFlow>;
