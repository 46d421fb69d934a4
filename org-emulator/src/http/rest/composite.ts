// Composite (`POST composite`): up to 25 subrequests in one API call, run in order, later ones able to use earlier
// results through `@{referenceId.path}` references in their url and body.
// - allOrNone true: the first failure rolls everything back; the failing subrequest keeps its error and every
//   other one answers 400 PROCESSING_HALTED.
// - allOrNone false: successes stand; a subrequest whose reference can't be resolved (its source failed or has no
//   such value) is not executed and answers 400 PROCESSING_HALTED.
import { SalesforceError } from '../../errors.ts';
import { parseVersionSegment } from '../api-versions.ts';
import { dispatch } from './dispatch.ts';
import { jsonParserError, requireObjectBody } from './json-body.ts';
import { errorResponse } from './responses.ts';
import type { ApiRequest, ApiResponse, RestContext } from './types.ts';

const MAX_SUBREQUESTS = 25;
/** At most 5 subrequests may be sObject Collections or query operations. */
const MAX_QUERY_OR_COLLECTION = 5;
const SUBREQUEST_METHODS = new Set(['GET', 'POST', 'PATCH', 'PUT', 'DELETE', 'HEAD']);
const REFERENCE = /@\{([A-Za-z0-9_]+)((?:\.[A-Za-z0-9_]+|\[\d+\])*)\}/g;

interface Subrequest {
  method: string;
  url: string;
  referenceId: string;
  body: unknown;
  httpHeaders: Record<string, string>;
}

interface SubrequestResult {
  body: unknown;
  httpHeaders: Record<string, string>;
  httpStatusCode: number;
  referenceId: string;
}

const halted = (): SalesforceError =>
  new SalesforceError(
    'PROCESSING_HALTED',
    'The transaction was rolled back since another operation in the same transaction failed.'
  );

export function compositeResource(req: ApiRequest, ctx: RestContext): ApiResponse {
  const { allOrNone, subrequests } = parseCompositeBody(req.body);
  const savepoint = allOrNone ? ctx.org.savepoint() : undefined;
  const results: SubrequestResult[] = [];
  const outputs = new Map<string, { ok: boolean; body: unknown }>();
  let failedAt = -1;

  for (const [index, sub] of subrequests.entries()) {
    if (allOrNone && failedAt >= 0) {
      results.push(asResult(sub.referenceId, errorResponse(halted())));
      continue;
    }
    const response = runSubrequest(req, ctx, sub, outputs, allOrNone);
    results.push(asResult(sub.referenceId, response));
    // Under allOrNone a collection subrequest that failed a record fails the whole request (its own answer
    // stays the 200 with per-record errors).
    const ok = response.status < 400 && !(allOrNone && hasFailedRecord(response.body));
    outputs.set(sub.referenceId, { ok, body: response.body });
    if (!ok && failedAt < 0) failedAt = index;
  }

  if (savepoint !== undefined) {
    if (failedAt >= 0) {
      ctx.org.rollback(savepoint);
      const haltedResult = (r: SubrequestResult): SubrequestResult => asResult(r.referenceId, errorResponse(halted()));
      return {
        status: 200,
        body: { compositeResponse: results.map((r, i) => (i === failedAt ? r : haltedResult(r))) }
      };
    }
    ctx.org.release(savepoint);
  }
  return { status: 200, body: { compositeResponse: results } };
}

/** A collection result (an array of SaveResults) with a record that did not save. */
function hasFailedRecord(body: unknown): boolean {
  return (
    Array.isArray(body) &&
    body.some((r) => typeof r === 'object' && r !== null && (r as { success?: unknown }).success === false)
  );
}

function runSubrequest(
  parent: ApiRequest,
  ctx: RestContext,
  sub: Subrequest,
  outputs: Map<string, { ok: boolean; body: unknown }>,
  allOrNone: boolean
): ApiResponse {
  let url: string;
  let body: unknown;
  try {
    url = substitute(sub.url, outputs);
    body = substituteDeep(sub.body, outputs);
  } catch (error) {
    if (error instanceof SalesforceError) return errorResponse(error);
    throw error;
  }
  const target = parseSubrequestUrl(url);
  if (!target)
    return errorResponse(new SalesforceError('NOT_FOUND', 'The requested resource does not exist', { status: 404 }));
  const headers: Record<string, string | undefined> = { ...parent.headers };
  for (const [k, v] of Object.entries(sub.httpHeaders)) headers[k.toLowerCase()] = v;
  return dispatch(
    {
      method: sub.method,
      segments: target.segments,
      path: target.path,
      query: target.query,
      headers,
      body,
      apiVersion: target.apiVersion,
      forceAllOrNone: allOrNone
    },
    ctx,
    { subrequest: true }
  );
}

function asResult(referenceId: string, response: ApiResponse): SubrequestResult {
  return {
    body: response.body ?? null,
    httpHeaders: response.status === 201 && response.location ? { Location: response.location } : {},
    httpStatusCode: response.status,
    referenceId
  };
}

/** `/services/data/v62.0/sobjects/Account?x=1` → version, decoded segments, path and query. */
function parseSubrequestUrl(
  url: string
): { apiVersion: number; segments: string[]; path: string; query: URLSearchParams } | undefined {
  const queryAt = url.indexOf('?');
  const pathPart = queryAt >= 0 ? url.slice(0, queryAt) : url;
  const match = /^\/services\/data\/(v[^/]+)(\/.*)?$/.exec(pathPart);
  if (!match) return undefined;
  const apiVersion = parseVersionSegment(match[1]!);
  if (apiVersion === undefined) return undefined;
  const path = match[2] ?? '';
  const raw = path.split('/').slice(1);
  if (raw.length && raw[raw.length - 1] === '') raw.pop();
  try {
    const segments = raw.map((s) => decodeURIComponent(s));
    if (segments.some((s) => s === '')) return undefined;
    return { apiVersion, segments, path, query: new URLSearchParams(queryAt >= 0 ? url.slice(queryAt + 1) : '') };
  } catch {
    return undefined;
  }
}

function substitute(text: string, outputs: Map<string, { ok: boolean; body: unknown }>): string {
  return text.replace(REFERENCE, (whole, ref: string, path: string) => {
    const expression = whole.slice(2, -1);
    const source = outputs.get(ref);
    const value = source?.ok ? walk(source.body, path) : undefined;
    if (value === undefined || value === null || typeof value === 'object') {
      throw new SalesforceError(
        'PROCESSING_HALTED',
        `Invalid reference specified. No value for ${expression} found in ${ref}.`
      );
    }
    return String(value);
  });
}

function substituteDeep(value: unknown, outputs: Map<string, { ok: boolean; body: unknown }>): unknown {
  if (typeof value === 'string') return substitute(value, outputs);
  if (Array.isArray(value)) return value.map((v) => substituteDeep(v, outputs));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substituteDeep(v, outputs)]));
  }
  return value;
}

/** `.records[0].Id` over a result body. */
function walk(body: unknown, path: string): unknown {
  let current: unknown = body;
  for (const step of path.match(/\.[A-Za-z0-9_]+|\[\d+\]/g) ?? []) {
    if (current === null || typeof current !== 'object') return undefined;
    const key = step.startsWith('[') ? Number(step.slice(1, -1)) : step.slice(1);
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

function parseCompositeBody(body: unknown): { allOrNone: boolean; subrequests: Subrequest[] } {
  const object = requireObjectBody(body, 'CompositeRequest');
  const allOrNone = object['allOrNone'] ?? false;
  if (typeof allOrNone !== 'boolean') throw jsonParserError('Cannot deserialize allOrNone: expected a boolean');
  const collate = object['collateSubrequests'];
  if (collate !== undefined && typeof collate !== 'boolean') {
    throw jsonParserError('Cannot deserialize collateSubrequests: expected a boolean');
  }
  const list = object['compositeRequest'];
  if (!Array.isArray(list) || list.length === 0) {
    throw new SalesforceError('INVALID_INPUT', 'compositeRequest must be a non-empty array of subrequests');
  }
  if (list.length > MAX_SUBREQUESTS) {
    throw new SalesforceError(
      'LIMIT_EXCEEDED',
      `Composite requests can have at most ${MAX_SUBREQUESTS} subrequests; this one has ${list.length}`
    );
  }
  const seen = new Set<string>();
  let queryOrCollection = 0;
  const subrequests = list.map((raw, i): Subrequest => {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      throw jsonParserError(`Cannot deserialize compositeRequest[${i}]: expected an object`);
    }
    const { method, url, referenceId, body: subBody, httpHeaders } = raw as Record<string, unknown>;
    if (typeof method !== 'string' || !SUBREQUEST_METHODS.has(method.toUpperCase())) {
      throw new SalesforceError(
        'INVALID_INPUT',
        `compositeRequest[${i}].method must be GET, POST, PATCH, PUT, DELETE or HEAD`
      );
    }
    if (typeof url !== 'string' || !url.startsWith('/services/data/')) {
      throw new SalesforceError('INVALID_INPUT', `compositeRequest[${i}].url must start with /services/data/vXX.X/`);
    }
    if (typeof referenceId !== 'string' || !/^[A-Za-z0-9_]+$/.test(referenceId)) {
      throw new SalesforceError(
        'INVALID_INPUT',
        `compositeRequest[${i}].referenceId must contain only letters, digits and underscores`
      );
    }
    if (seen.has(referenceId)) {
      throw new SalesforceError('INVALID_INPUT', `Duplicate referenceId provided in the request: ${referenceId}`);
    }
    seen.add(referenceId);
    if (
      httpHeaders !== undefined &&
      (typeof httpHeaders !== 'object' || httpHeaders === null || Array.isArray(httpHeaders))
    ) {
      throw jsonParserError(`Cannot deserialize compositeRequest[${i}].httpHeaders: expected an object`);
    }
    const target = parseSubrequestUrl(url.replace(REFERENCE, 'ref'));
    const first = target?.segments[0];
    if (first === 'query' || first === 'queryAll' || (first === 'composite' && target?.segments[1] === 'sobjects')) {
      queryOrCollection++;
    }
    return {
      method: method.toUpperCase(),
      url,
      referenceId,
      body: subBody,
      httpHeaders: Object.fromEntries(
        Object.entries((httpHeaders ?? {}) as Record<string, unknown>).filter(([, v]) => typeof v === 'string')
      ) as Record<string, string>
    };
  });
  if (queryOrCollection > MAX_QUERY_OR_COLLECTION) {
    throw new SalesforceError(
      'LIMIT_EXCEEDED',
      `Composite requests can have at most ${MAX_QUERY_OR_COLLECTION} query or sObject Collections subrequests`
    );
  }
  return { allOrNone, subrequests };
}
