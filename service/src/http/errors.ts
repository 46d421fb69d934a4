// One error shape for every failure the API reports:
//   { "error": { "code": "<stable code>", "message": "<sentence>", "errors": [{ "path", "message" }] } }
// Expected failures are ApiErrors thrown by handlers; express's own (body parsing, routing) are translated here;
// anything else is a bug, answered as a bare internal_error while the details go to the log only.
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { FieldError } from '../validation/issues.ts';
import type { Logger } from '../logging/logger.ts';

export const ERROR_CODES = {
  bad_request: 400,
  invalid_body: 400,
  invalid_parameter: 400,
  invalid_query: 400,
  malformed_json: 400,
  invalid_state: 400,
  oauth_denied: 400,
  oauth_failed: 400,
  unauthorized: 401,
  invalid_signature: 401,
  stale_timestamp: 401,
  invalid_connect_token: 403,
  not_found: 404,
  method_not_allowed: 405,
  payload_too_large: 413,
  too_many_items: 413,
  unsupported_media_type: 415,
  internal_error: 500,
  salesforce_unreachable: 502,
  not_ready: 503
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface ErrorBody {
  error: { code: ErrorCode; message: string; errors: FieldError[] };
}

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly errors: FieldError[];
  readonly headers: Record<string, string>;

  constructor(
    code: ErrorCode,
    message: string,
    options: { errors?: FieldError[]; headers?: Record<string, string> } = {}
  ) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = ERROR_CODES[code];
    this.errors = options.errors ?? [];
    this.headers = options.headers ?? {};
  }

  toBody(): ErrorBody {
    return { error: { code: this.code, message: this.message, errors: this.errors } };
  }
}

/** Errors raised by body-parser / raw-body (they carry `type` and a 4xx `status`). */
function fromExpressError(error: { type?: unknown; status?: unknown; limit?: unknown }): ApiError | undefined {
  switch (error.type) {
    case 'entity.too.large':
      return new ApiError('payload_too_large', `the request body must be at most ${String(error.limit)} bytes (1 MB)`);
    case 'entity.parse.failed':
      return new ApiError('malformed_json', 'the request body is not valid JSON');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new ApiError('unsupported_media_type', 'the request body must be UTF-8 JSON without content encoding');
    case 'request.aborted':
    case 'request.size.invalid':
      return new ApiError('bad_request', 'the request body was incomplete');
  }
  if (typeof error.status === 'number' && error.status >= 400 && error.status < 500) {
    return new ApiError('bad_request', 'the request could not be read');
  }
  return undefined;
}

export function notFoundHandler(): RequestHandler {
  return (req, _res, next) => {
    next(new ApiError('not_found', `no route matches ${req.method} ${req.path.slice(0, 200)}`));
  };
}

export function methodNotAllowed(allowed: string[]): RequestHandler {
  const allow = [...allowed, ...(allowed.includes('GET') ? ['HEAD'] : [])].join(', ');
  return (req, _res, next) => {
    next(
      new ApiError('method_not_allowed', `${req.method} is not allowed here; use ${allow}`, {
        headers: { Allow: allow }
      })
    );
  };
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const apiError =
      error instanceof ApiError
        ? error
        : ((typeof error === 'object' && error !== null ? fromExpressError(error) : undefined) ??
          new ApiError('internal_error', 'something went wrong on our side; the error has been logged'));
    if (apiError.code === 'internal_error') {
      ((res.locals.log as Logger | undefined) ?? logger).error({ err: error }, 'unhandled error');
    }
    // A request whose body was not read (refused before parsing) must not leave bytes on a kept-alive socket.
    if (!req.complete) res.setHeader('Connection', 'close');
    res.status(apiError.status).set(apiError.headers).json(apiError.toBody());
  };
}
