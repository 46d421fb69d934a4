// The OAuth 2.0 endpoints (/services/oauth2/authorize, token, revoke, userinfo) and the Identity URL
// (/id/{orgId}/{userId}). The emulator answers as login.salesforce.com, test.salesforce.com and the org's My Domain
// at once: one host serves the login endpoints and the instance.
import express from 'express';
import type { NextFunction, Request, Response, Router } from 'express';
import { fromReceivedBody } from '../http/body-reception.ts';
import type { Emulator } from '../http/emulator.ts';
import { to18 } from '../ids.ts';
import { identityBody, userinfoBody } from './identity.ts';
import { isChallengeMethod, isWellFormedChallenge, verifierMatches } from './pkce.ts';
import type { ChallengeMethod } from './pkce.ts';
import { sendAuthorizeErrorPage, sendIdentityRefusal, sendJson, sendOAuthError } from './responses.ts';
import { tokenResponse } from './token-response.ts';
import type { AccessToken, RefreshToken } from './token-store.ts';

type Params = Record<string, string | undefined>;

export function oauthRouter(emulator: Emulator): Router {
  const router = express.Router();
  const form = fromReceivedBody(express.urlencoded({ extended: false, limit: '100kb', type: () => true }));

  router.get('/services/oauth2/authorize', (req, res) => authorize(emulator, req, res, queryParams(req)));
  router.post('/services/oauth2/authorize', form, (req, res) => authorize(emulator, req, res, bodyParams(req)));

  router.post('/services/oauth2/token', form, (req, res) => token(emulator, req, res, bodyParams(req)));
  router.all('/services/oauth2/token', (_req, res) => sendOAuthError(res, 'invalid_request', 'must use HTTP POST'));

  router.post('/services/oauth2/revoke', form, (req, res) => revoke(emulator, res, bodyParams(req)));
  router.get('/services/oauth2/revoke', (req, res) => revoke(emulator, res, queryParams(req)));

  router.get('/services/oauth2/userinfo', (req, res) => userinfo(emulator, req, res));
  router.post('/services/oauth2/userinfo', form, (req, res) => userinfo(emulator, req, res));

  router.get('/id/:orgId/:userId', (req, res) => identity(emulator, req, res));
  router.use(unreadableRequest);
  return router;
}

/**
 * A request whose body or path can't be read (a charset or compression it can't decode, a body over the limit,
 * a broken percent-escape) gets the endpoint's own error shape, never an internal error.
 */
function unreadableRequest(error: unknown, req: Request, res: Response, next: NextFunction): void {
  if (res.headersSent) return next(error);
  if (req.path.startsWith('/id/')) return sendIdentityRefusal(res, 'Bad_Id', 404);
  const type = (error as { type?: unknown }).type;
  const description =
    type === 'entity.too.large'
      ? 'request body too large'
      : type === 'charset.unsupported' || type === 'encoding.unsupported'
        ? 'unsupported request body encoding'
        : 'malformed request';
  sendOAuthError(res, 'invalid_request', description);
}

export function baseUrlOf(emulator: Emulator, req: Request): string {
  return emulator.baseUrl ?? `${req.protocol}://${req.get('host') ?? '127.0.0.1'}`;
}

// ---- authorize -------------------------------------------------------------------------------------------------

function authorize(emulator: Emulator, _req: Request, res: Response, params: Params): void {
  const app = emulator.connectedApp;
  // Errors that make the client or its callback untrustworthy are shown, never redirected.
  if (params['client_id'] !== app.clientId) {
    return sendAuthorizeErrorPage(res, 'invalid_client_id', 'client identifier invalid');
  }
  const redirectUri = params['redirect_uri'];
  if (!redirectUri || !app.hasCallback(redirectUri)) {
    return sendAuthorizeErrorPage(res, 'redirect_uri_mismatch', 'redirect_uri must match configuration');
  }
  const state = params['state'];
  const fail = (error: string, description: string): void =>
    redirect(res, redirectUri, { error, error_description: description, state });

  if (params['response_type'] !== 'code') {
    return fail('unsupported_response_type', 'response type not supported');
  }
  const scope = grantedScope(emulator, params['scope']);
  if (scope === undefined) return fail('invalid_scope', 'the requested scope is not allowed');

  let challenge: { value: string; method: ChallengeMethod } | null = null;
  const challengeValue = params['code_challenge'];
  const method = params['code_challenge_method'] ?? 'S256';
  if (challengeValue !== undefined) {
    if (!isChallengeMethod(method)) return fail('invalid_request', 'invalid code_challenge_method');
    if (!isWellFormedChallenge(challengeValue)) return fail('invalid_request', 'invalid code_challenge');
    challenge = { value: challengeValue, method };
  } else if (params['code_challenge_method'] !== undefined) {
    return fail('invalid_request', 'missing code_challenge');
  }

  // Consent is auto-approved for the seeded admin: the emulator has one interactive user.
  const code = emulator.tokens.issueCode({
    clientId: app.clientId,
    redirectUri,
    userId: emulator.admin.userId,
    scope,
    challenge
  });
  redirect(res, redirectUri, { code: code.code, state });
}

function redirect(res: Response, redirectUri: string, params: Record<string, string | undefined>): void {
  const target = new URL(redirectUri);
  for (const [k, v] of Object.entries(params)) if (v !== undefined) target.searchParams.set(k, v);
  res.redirect(302, target.toString());
}

/** The scopes granted for a request: all of the app's when none are asked for; undefined if any is not allowed. */
function grantedScope(emulator: Emulator, requested: string | undefined): string | undefined {
  const appScopes = emulator.connectedApp.scopes;
  const wanted = (requested ?? '').split(/[\s+]+/).filter(Boolean);
  if (wanted.length === 0) return [...appScopes].join(' ');
  return wanted.every((s) => appScopes.has(s)) ? [...new Set(wanted)].join(' ') : undefined;
}

const allowsRefreshToken = (scope: string): boolean =>
  scope.split(' ').some((s) => s === 'refresh_token' || s === 'offline_access');

// ---- token -----------------------------------------------------------------------------------------------------

function token(emulator: Emulator, req: Request, res: Response, params: Params): void {
  const client = clientCredentials(req, params);
  const grantType = params['grant_type'];
  switch (grantType) {
    case 'authorization_code':
      return authorizationCodeGrant(emulator, req, res, params, client);
    case 'refresh_token':
      return refreshTokenGrant(emulator, req, res, params, client);
    case 'password':
      return passwordGrant(emulator, req, res, params, client);
    case 'client_credentials':
      return clientCredentialsGrant(emulator, req, res, client);
    default:
      return sendOAuthError(res, 'unsupported_grant_type', 'grant type not supported');
  }
}

interface ClientCredentials {
  clientId: string | undefined;
  clientSecret: string | undefined;
}

/** HTTP Basic (`client_id:client_secret`, form-encoded parts) or the body parameters. */
function clientCredentials(req: Request, params: Params): ClientCredentials {
  const header = req.get('authorization') ?? '';
  const basic = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (basic) {
    const decoded = Buffer.from(basic[1]!, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0) {
      try {
        return {
          clientId: decodeURIComponent(decoded.slice(0, colon).replace(/\+/g, ' ')),
          clientSecret: decodeURIComponent(decoded.slice(colon + 1).replace(/\+/g, ' '))
        };
      } catch {
        return { clientId: undefined, clientSecret: undefined };
      }
    }
  }
  return { clientId: params['client_id'], clientSecret: params['client_secret'] };
}

/** Checks the client; sends the error and returns false when it fails. */
function checkClient(emulator: Emulator, res: Response, client: ClientCredentials, secretRequired: boolean): boolean {
  const app = emulator.connectedApp;
  if (client.clientId !== app.clientId) {
    sendOAuthError(res, 'invalid_client_id', 'client identifier invalid');
    return false;
  }
  if (client.clientSecret === undefined ? secretRequired : !app.secretMatches(client.clientSecret)) {
    sendOAuthError(res, 'invalid_client', 'invalid client credentials');
    return false;
  }
  return true;
}

function authorizationCodeGrant(
  emulator: Emulator,
  req: Request,
  res: Response,
  params: Params,
  client: ClientCredentials
): void {
  if (!checkClient(emulator, res, client, true)) return;
  const lookup = emulator.tokens.redeemCode(params['code'] ?? '');
  if (!lookup.ok) {
    return sendOAuthError(
      res,
      'invalid_grant',
      lookup.reason === 'expired' ? 'expired authorization code' : 'invalid authorization code'
    );
  }
  const code = lookup.code;
  if (code.clientId !== client.clientId) return sendOAuthError(res, 'invalid_grant', 'invalid authorization code');
  if (params['redirect_uri'] !== code.redirectUri) {
    return sendOAuthError(res, 'invalid_grant', 'redirect uri does not match configuration');
  }
  if (code.challenge) {
    const verifier = params['code_verifier'];
    if (verifier === undefined) return sendOAuthError(res, 'invalid_grant', 'invalid code verifier');
    if (!verifierMatches(verifier, code.challenge.value, code.challenge.method)) {
      return sendOAuthError(res, 'invalid_request', 'invalid code verifier');
    }
  }
  const refresh = allowsRefreshToken(code.scope)
    ? emulator.tokens.issueRefreshToken({ userId: code.userId, clientId: code.clientId, scope: code.scope })
    : undefined;
  const access = issueAccess(emulator, code.userId, code.scope, refresh?.familyId ?? null);
  sendTokens(emulator, req, res, access, refresh);
}

function refreshTokenGrant(
  emulator: Emulator,
  req: Request,
  res: Response,
  params: Params,
  client: ClientCredentials
): void {
  if (!checkClient(emulator, res, client, false)) return;
  const lookup = emulator.tokens.lookupRefreshToken(params['refresh_token'] ?? '');
  if (!lookup.ok || lookup.refresh.clientId !== client.clientId) {
    return sendOAuthError(res, 'invalid_grant', 'expired access/refresh token');
  }
  let refresh: RefreshToken = lookup.refresh;
  const rotated = emulator.settings().refreshTokenRotation;
  if (rotated) refresh = emulator.tokens.rotate(refresh);
  const access = issueAccess(emulator, refresh.userId, refresh.scope, refresh.familyId);
  // Without rotation Salesforce leaves the refresh token out of the answer: the client keeps the one it has.
  sendTokens(emulator, req, res, access, rotated ? refresh : undefined);
}

function passwordGrant(
  emulator: Emulator,
  req: Request,
  res: Response,
  params: Params,
  client: ClientCredentials
): void {
  if (!checkClient(emulator, res, client, true)) return;
  const admin = emulator.admin;
  const usernameOk = (params['username'] ?? '').toLowerCase() === admin.username.toLowerCase();
  // The emulator's IP range is trusted, so no security token is appended to the password.
  if (!usernameOk || params['password'] !== admin.password) {
    return sendOAuthError(res, 'invalid_grant', 'authentication failure');
  }
  const access = issueAccess(emulator, admin.userId, allAppScopes(emulator), null);
  sendTokens(emulator, req, res, access, undefined);
}

/** client_credentials runs as the app's configured "run as" user: the seeded admin. */
function clientCredentialsGrant(emulator: Emulator, req: Request, res: Response, client: ClientCredentials): void {
  if (!checkClient(emulator, res, client, true)) return;
  const access = issueAccess(emulator, emulator.admin.userId, allAppScopes(emulator), null);
  sendTokens(emulator, req, res, access, undefined);
}

const allAppScopes = (emulator: Emulator): string =>
  [...emulator.connectedApp.scopes].filter((s) => s !== 'refresh_token' && s !== 'offline_access').join(' ');

function issueAccess(emulator: Emulator, userId: string, scope: string, familyId: string | null): AccessToken {
  return emulator.tokens.issueAccessToken({
    userId,
    clientId: emulator.connectedApp.clientId,
    scope,
    ttlSeconds: emulator.settings().accessTokenTtlSeconds,
    familyId
  });
}

function sendTokens(
  emulator: Emulator,
  req: Request,
  res: Response,
  access: AccessToken,
  refresh: RefreshToken | undefined
): void {
  sendJson(
    res,
    tokenResponse({
      access,
      ...(refresh ? { refresh } : {}),
      baseUrl: baseUrlOf(emulator, req),
      organizationId: emulator.org.organizationId,
      clientSecret: emulator.connectedApp.clientSecret
    })
  );
}

// ---- revoke ----------------------------------------------------------------------------------------------------

function revoke(emulator: Emulator, res: Response, params: Params): void {
  const tokenValue = params['token'];
  if (!tokenValue) return sendOAuthError(res, 'unsupported_token_type', 'Token type not supported');
  if (!emulator.tokens.revoke(tokenValue)) return sendOAuthError(res, 'invalid_token', 'Token was invalid');
  res.status(200).end();
}

// ---- identity --------------------------------------------------------------------------------------------------

function bearerToken(req: Request): string | undefined {
  const match = /^(?:Bearer|OAuth)\s+(\S+)\s*$/i.exec(req.get('authorization') ?? '');
  if (match) return match[1];
  const param = req.query['oauth_token'];
  return typeof param === 'string' && param ? param : undefined;
}

function userinfo(emulator: Emulator, req: Request, res: Response): void {
  const tokenValue = bearerToken(req);
  if (!tokenValue) return sendIdentityRefusal(res, 'Missing_OAuth_Token');
  const access = emulator.tokens.validAccessToken(tokenValue);
  if (!access) return sendIdentityRefusal(res, 'Bad_OAuth_Token');
  sendJson(res, userinfoBody(emulator.org, baseUrlOf(emulator, req), access.userId));
}

function identity(emulator: Emulator, req: Request, res: Response): void {
  const tokenValue = bearerToken(req);
  if (!tokenValue) return sendIdentityRefusal(res, 'Missing_OAuth_Token');
  const access = emulator.tokens.validAccessToken(tokenValue);
  if (!access) return sendIdentityRefusal(res, 'Bad_OAuth_Token');
  const orgId = to18(String(req.params['orgId']));
  const userId = to18(String(req.params['userId']));
  if (orgId !== emulator.org.organizationId || userId === undefined) return sendIdentityRefusal(res, 'Bad_Id');
  let body: Record<string, unknown>;
  try {
    body = identityBody(emulator.org, baseUrlOf(emulator, req), userId);
  } catch {
    return sendIdentityRefusal(res, 'Bad_Id', 404);
  }
  sendJson(res, body);
}

// ---- parameters ------------------------------------------------------------------------------------------------

function queryParams(req: Request): Params {
  return flatten(req.query as Record<string, unknown>);
}

function bodyParams(req: Request): Params {
  return flatten((req.body ?? {}) as Record<string, unknown>);
}

/** Repeated parameters are ambiguous; the first one counts (and non-string shapes are dropped). */
function flatten(source: Record<string, unknown>): Params {
  const out: Params = {};
  for (const [k, v] of Object.entries(source)) {
    if (typeof v === 'string') out[k] = v;
    else if (Array.isArray(v) && typeof v[0] === 'string') out[k] = v[0];
  }
  return out;
}
