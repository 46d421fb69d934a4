// /services/data over HTTP: the versions list, then for /vXX.X/… the order a Salesforce pod applies —
// availability (503 faults), session (401), daily allowance (403), accounting, body parsing, the resource itself —
// with `Sforce-Limit-Info` on every answer.
import express from 'express';
import type { Request, Response, Router } from 'express';
import { SalesforceError, invalidSession } from '../errors.ts';
import { parseVersionSegment, versionList } from './api-versions.ts';
import { fromReceivedBody } from './body-reception.ts';
import type { Emulator } from './emulator.ts';
import { baseUrlOf } from '../oauth/routes.ts';
import { dispatch } from './rest/dispatch.ts';
import { parseJsonBody } from './rest/json-body.ts';
import { errorResponse, methodNotAllowed, resourceNotFound } from './rest/responses.ts';
import type { ApiRequest, ApiResponse, RestContext } from './rest/types.ts';

// Bodies go out as Buffers: Express rewrites the charset of string bodies (`; charset=utf-8`), and Salesforce
// sends exactly this header.
export const JSON_CONTENT_TYPE = 'application/json;charset=UTF-8';
/** Salesforce caps REST request bodies; the emulator refuses beyond 50 MB instead of buffering without end. */
const MAX_BODY = '50mb';
const WRITE_METHODS = new Set(['POST', 'PATCH', 'PUT']);
const SUPPORTED_BODY_ENCODINGS = new Set(['identity', 'gzip', 'deflate']);

const serviceUnavailable = (): SalesforceError =>
  new SalesforceError('SERVER_UNAVAILABLE', 'Server temporarily unavailable. Please try again later.', { status: 503 });

const requestLimitExceeded = (): SalesforceError =>
  new SalesforceError('REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.', { status: 403 });

/** Inflates (gzip/deflate) and limits the body received on arrival, once the request has been let in. */
const readRawBody = fromReceivedBody(express.raw({ type: () => true, limit: MAX_BODY }));

export function restApiRouter(emulator: Emulator): Router {
  const router = express.Router();
  router.use((req, res) => {
    try {
      handle(emulator, req, res);
    } catch (error) {
      send(emulator, res, unexpected(error));
    }
  });
  return router;
}

function handle(emulator: Emulator, req: Request, res: Response): void {
  // req.url is relative to the /services/data mount and still percent-encoded. Dot segments are not resolved: a
  // path is taken as sent.
  const queryAt = req.url.indexOf('?');
  const pathname = queryAt >= 0 ? req.url.slice(0, queryAt) : req.url;
  const query = new URLSearchParams(queryAt >= 0 ? req.url.slice(queryAt + 1) : '');
  const raw = pathname.split('/').slice(1);
  if (raw.length && raw[raw.length - 1] === '') raw.pop();

  if (raw.length === 0) return versions(req, res);

  const apiVersion = parseVersionSegment(raw[0]!);
  if (apiVersion === undefined) return send(emulator, res, errorResponse(resourceNotFound()));

  const segments = decodeSegments(raw.slice(1));
  const path = pathname.slice(raw[0]!.length + 1);
  if (!segments) return send(emulator, res, errorResponse(resourceNotFound()));

  const fault = emulator.faults.takeRequestFault(req.method, path);
  if (fault === 'serviceUnavailable') return send(emulator, res, errorResponse(serviceUnavailable()));

  const session = authenticate(emulator, req);
  if (!session || fault === 'sessionExpired') return send(emulator, res, errorResponse(invalidSession()));

  if (fault === 'requestLimit' || emulator.usage.isExhausted()) {
    return send(emulator, res, errorResponse(requestLimitExceeded()));
  }
  emulator.usage.count();
  res.locals['counted'] = true;

  // REST API "supports the gzip and deflate compression algorithms" for request bodies.
  const encoding = (req.get('content-encoding') ?? 'identity').trim().toLowerCase();
  if (!SUPPORTED_BODY_ENCODINGS.has(encoding)) {
    return send(emulator, res, errorResponse(bodyReadError({ type: 'encoding.unsupported' })));
  }

  readRawBody(req, res, (readError?: unknown) => {
    try {
      if (readError !== undefined) return send(emulator, res, errorResponse(bodyReadError(readError)));
      let body: unknown;
      try {
        body = WRITE_METHODS.has(req.method) ? parseJsonBody(rawBody(req)) : undefined;
      } catch (error) {
        if (error instanceof SalesforceError) return send(emulator, res, errorResponse(error));
        throw error;
      }
      const apiRequest: ApiRequest = {
        method: req.method,
        segments,
        path,
        query,
        headers: lowerCaseHeaders(req),
        body,
        apiVersion
      };
      const pretty = req.get('x-prettyprint') === '1';
      const context = restContext(emulator, session.userId, baseUrlOf(emulator, req));
      send(emulator, res, dispatch(apiRequest, context), pretty);
    } catch (error) {
      send(emulator, res, unexpected(error));
    }
  });
}

/** Why a body could not be read: too large, an encoding the emulator can't inflate, or data that won't inflate. */
function bodyReadError(error: unknown): SalesforceError {
  const { type, code } = error as { type?: unknown; code?: unknown };
  if (type === 'entity.too.large') {
    return new SalesforceError('REQUEST_ENTITY_TOO_LARGE', 'The request body exceeds the 50 MB limit.', {
      status: 413
    });
  }
  if (type === 'encoding.unsupported') {
    return new SalesforceError(
      'UNSUPPORTED_MEDIA_TYPE',
      'The request body is compressed with an encoding that is not supported; use gzip or deflate.',
      { status: 415 }
    );
  }
  if (typeof code === 'string' && /^Z_|^ERR_/.test(code)) {
    return new SalesforceError('JSON_PARSER_ERROR', 'The request body could not be decompressed.');
  }
  return new SalesforceError('JSON_PARSER_ERROR', 'The request body could not be read.');
}

/** An emulator bug: logged to stderr, answered as Salesforce answers its own internal errors. */
function unexpected(error: unknown): ApiResponse {
  const errorId = `${Math.floor(Math.random() * 1e9)}-${Math.floor(Math.random() * 1e5)}`;
  console.error(`[org-emulator] internal error ${errorId}:`, error);
  return errorResponse(
    new SalesforceError(
      'UNKNOWN_EXCEPTION',
      `An unexpected error occurred. Please include this ErrorId if you contact support: ${errorId}`,
      { status: 500 }
    )
  );
}

export function restContext(emulator: Emulator, userId: string, baseUrl: string): RestContext {
  return {
    org: emulator.org,
    baseUrl,
    userId,
    cursors: emulator.cursors,
    faults: emulator.faults,
    usage: emulator.usage,
    settings: () => emulator.settings(),
    clock: emulator.clock
  };
}

/** `GET /services/data`: no session needed, not counted, no limit header. */
function versions(req: Request, res: Response): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    const error = methodNotAllowed(req.method, ['HEAD', 'GET']);
    res
      .status(error.status)
      .set('Content-Type', JSON_CONTENT_TYPE)
      .send(Buffer.from(JSON.stringify(error.toRestBody())));
    return;
  }
  res
    .status(200)
    .set('Content-Type', JSON_CONTENT_TYPE)
    .send(Buffer.from(JSON.stringify(versionList())));
}

/** `Authorization: Bearer <token>` (or `OAuth <token>`, which CometD clients send). */
function authenticate(emulator: Emulator, req: Request): { userId: string } | undefined {
  const match = /^(?:Bearer|OAuth)\s+(\S+)\s*$/i.exec(req.get('authorization') ?? '');
  if (!match) return undefined;
  const access = emulator.tokens.validAccessToken(match[1]!);
  return access ? { userId: access.userId } : undefined;
}

function decodeSegments(raw: string[]): string[] | undefined {
  try {
    const segments = raw.map((s) => decodeURIComponent(s));
    return segments.some((s) => s === '') ? undefined : segments;
  } catch {
    return undefined;
  }
}

function rawBody(req: Request): string {
  return Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
}

function lowerCaseHeaders(req: Request): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function send(emulator: Emulator, res: Response, response: ApiResponse, pretty = false): void {
  if (res.headersSent) return;
  res.status(response.status);
  res.set('Sforce-Limit-Info', emulator.usage.header());
  if (response.status === 204 || response.body === undefined) {
    res.end();
    return;
  }
  const text = pretty ? JSON.stringify(response.body, null, 2) : JSON.stringify(response.body);
  res.set('Content-Type', JSON_CONTENT_TYPE).send(Buffer.from(text));
}
