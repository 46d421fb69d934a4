// What a Salesforce failure means for the worker. jsforce reports REST errors as errors carrying `errorCode` (and
// `data`); collections report each record's failure as { statusCode, message, fields } (reference §2.2). Codes are
// mapped, never message text.
import type { ActivityError } from '../store/repositories/activities.ts';

/** The tenant has no Salesforce connection (never connected, or disconnected). */
export class SalesforceNotConnectedError extends Error {
  readonly tenantId: string;
  constructor(tenantId: string) {
    super('the tenant has no Salesforce connection: connect an org first');
    this.name = 'SalesforceNotConnectedError';
    this.tenantId = tenantId;
  }
}

/** The connection's refresh token no longer works; nothing can be written until an admin reconnects. */
export class SalesforceConnectionBrokenError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'SalesforceConnectionBrokenError';
    this.code = code;
  }
}

/** The tenant's share of the daily API allowance is spent until `resumeAt`. */
export class ApiBudgetExhaustedError extends Error {
  readonly resumeAt: number;
  readonly reason: 'budget' | 'request_limit';
  constructor(resumeAt: number, reason: 'budget' | 'request_limit', message: string) {
    super(message);
    this.name = 'ApiBudgetExhaustedError';
    this.resumeAt = resumeAt;
    this.reason = reason;
  }
}

/** A 401 whose refresh did not produce a usable session (network, lock wait, a token rejected again): retry later. */
export class SessionRefreshError extends Error {
  readonly errorCode = 'SESSION_REFRESH_FAILED';
  constructor(cause: unknown) {
    super(`the Salesforce session could not be refreshed: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'SessionRefreshError';
  }
}

export type FailureKind = 'transient' | 'session' | 'request_limit' | 'permanent';

// Salesforce asks to try these again later; nothing about the record is wrong.
const TRANSIENT_CODES = new Set([
  'UNABLE_TO_LOCK_ROW',
  'SESSION_REFRESH_FAILED',
  'SERVER_UNAVAILABLE',
  'QUERY_TIMEOUT',
  'REQUEST_RUNNING_TOO_LONG',
  'UNKNOWN_EXCEPTION',
  'ERROR_HTTP_500',
  'ERROR_HTTP_502',
  'ERROR_HTTP_503',
  'ERROR_HTTP_504',
  'ERROR_HTTP_429'
]);
// Node's network failures (fetch wraps them: TypeError with a `cause` carrying the code).
const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CLOSED'
]);

export function errorCodeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { errorCode?: unknown }).errorCode ?? (error as { statusCode?: unknown }).statusCode;
  return typeof code === 'string' ? code : undefined;
}

function networkCodeOf(error: unknown): string | undefined {
  for (let current: unknown = error, depth = 0; current && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** A request that never got an answer (refused, reset, timed out, unresolvable host). */
function isNetworkFailure(error: unknown): boolean {
  if (networkCodeOf(error) !== undefined) return true;
  return errorCodeOf(error) === undefined && error instanceof TypeError && /fetch failed|network/i.test(error.message);
}

/** Classifies a failed call or a failed record by its code. */
export function classifyFailure(error: unknown): FailureKind {
  const code = errorCodeOf(error);
  if (code === 'REQUEST_LIMIT_EXCEEDED') return 'request_limit';
  if (code === 'INVALID_SESSION_ID') return 'session';
  if (code !== undefined && TRANSIENT_CODES.has(code)) return 'transient';
  if (isNetworkFailure(error)) return 'transient';
  return 'permanent';
}

/** True for a failure that is neither Salesforce's answer nor the network's: ours, and only for the log. */
export function isUnexpectedFailure(error: unknown): boolean {
  return errorCodeOf(error) === undefined && !isNetworkFailure(error);
}

/**
 * The error as stored on the activity and shown by GET /v1/activities/{id}: Salesforce's code, message, fields. A
 * failure of ours (a bug, an answer we could not read) is shown as UNKNOWN_ERROR without its text: the tenant sees
 * no internals, the service log has the details.
 */
export function toActivityError(error: unknown): ActivityError {
  if (isUnexpectedFailure(error)) {
    return {
      code: 'UNKNOWN_ERROR',
      message: 'the call to Salesforce failed unexpectedly; the service log has the details'
    };
  }
  const code = errorCodeOf(error) ?? networkCodeOf(error) ?? 'UNKNOWN_ERROR';
  const rawMessage =
    typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string'
      ? (error as { message: string }).message
      : String(error);
  const fields = (error as { fields?: unknown } | null)?.fields;
  return {
    code,
    message: rawMessage.slice(0, 1000),
    ...(Array.isArray(fields) && fields.length > 0 ? { fields: fields.map(String) } : {})
  };
}
