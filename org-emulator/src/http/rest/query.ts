// `query` and `queryAll` (SOQL) with server-side paging: the first batch in the answer, the rest behind
// `nextRecordsUrl` locators served under both /query/ and /queryAll/.
import { SalesforceError } from '../../errors.ts';
import { runSoql } from '../../query/index.ts';
import { batchSizeFrom } from '../query-cursors.ts';
import type { ApiRequest, ApiResponse, RestContext } from './types.ts';
import { versionString } from './types.ts';

export function queryResource(req: ApiRequest, ctx: RestContext, includeDeleted: boolean): ApiResponse {
  const soql = req.query.get('q');
  if (soql === null || soql.trim() === '') {
    throw new SalesforceError('MALFORMED_QUERY', 'A query string has to be specified');
  }
  const queryContext = ctx.org.queryContext(ctx.userId, versionString(req.apiVersion), includeDeleted);
  const result = runSoql(soql, queryContext);
  const page = ctx.cursors.firstPage(result, {
    userId: ctx.userId,
    batchSize: batchSizeFrom(req.headers['sforce-query-options']),
    apiVersion: versionString(req.apiVersion)
  });
  return { status: 200, body: page };
}

export function queryMoreResource(req: ApiRequest, ctx: RestContext, locator: string): ApiResponse {
  const page = ctx.cursors.nextPage(locator, { userId: ctx.userId, apiVersion: versionString(req.apiVersion) });
  return { status: 200, body: page };
}
