// `search` (SOSL) and `parameterizedSearch` (GET query parameters or a POST body). The search index lags behind
// writes by the configured number of seconds, as a real org's does.
import { runParameterizedSearch, runSosl } from '../../query/index.ts';
import type { ParameterizedSearchRequest } from '../../query/index.ts';
import { requireObjectBody } from './json-body.ts';
import type { ApiRequest, ApiResponse, RestContext } from './types.ts';
import { versionString } from './types.ts';

/** Before API 36.0 a search answered a bare array of records. */
const SEARCH_RECORDS_WRAPPER_VERSION = 36;

function searchOptions(ctx: RestContext): { searchLagMs: number; nowMs: number } {
  return { searchLagMs: ctx.settings().searchLagSeconds * 1000, nowMs: ctx.clock.now() };
}

export function searchResource(req: ApiRequest, ctx: RestContext): ApiResponse {
  const sosl = req.query.get('q') ?? '';
  const queryContext = ctx.org.queryContext(ctx.userId, versionString(req.apiVersion), false);
  const result = runSosl(sosl, queryContext, searchOptions(ctx));
  return {
    status: 200,
    body: req.apiVersion >= SEARCH_RECORDS_WRAPPER_VERSION ? result : result.searchRecords
  };
}

export function parameterizedSearchResource(req: ApiRequest, ctx: RestContext): ApiResponse {
  const request: ParameterizedSearchRequest =
    req.method === 'POST'
      ? { kind: 'body', body: requireObjectBody(req.body, 'ParameterizedSearchRequest') }
      : { kind: 'query', params: req.query };
  const queryContext = ctx.org.queryContext(ctx.userId, versionString(req.apiVersion), false);
  return { status: 200, body: runParameterizedSearch(request, queryContext, searchOptions(ctx)) };
}
