// The REST resource tree under /services/data/vXX.X: which handler answers which path and method, and since which
// API version the resource exists. Unknown paths are 404 NOT_FOUND; known paths with the wrong method are 405.
import {
  createCollection,
  deleteCollection,
  retrieveCollection,
  updateCollection,
  upsertCollection
} from './collections.ts';
import { compositeResource } from './composite.ts';
import { deleteByExternalId, getByExternalId, upsertByExternalId } from './external-id.ts';
import { limitsResource } from './limits.ts';
import { queryMoreResource, queryResource } from './query.ts';
import { parameterizedSearchResource, searchResource } from './search.ts';
import {
  createRecord,
  deleteRecord,
  describeGlobalResource,
  describeSObjectResource,
  getRecord,
  sobjectBasicInfo,
  updateRecord
} from './sobjects.ts';
import { identityUrl } from '../../oauth/identity.ts';
import { errorResponse, resourceNotFound } from './responses.ts';
import type { ApiRequest, ApiResponse, Handler, RestContext } from './types.ts';
import { servicesPath } from './types.ts';

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface Route {
  /** The first API version that has this resource. */
  since: number;
  methods: Partial<Record<Method, Handler>>;
  /** Resources a Composite subrequest may call (sObject, query and collection resources). */
  compositeAllowed: boolean;
}

/** Top-level resources, as `GET /services/data/vXX.X/` lists them. */
const TOP_LEVEL: Array<{ name: string; since: number }> = [
  { name: 'sobjects', since: 20 },
  { name: 'query', since: 20 },
  { name: 'queryAll', since: 29 },
  { name: 'search', since: 20 },
  { name: 'parameterizedSearch', since: 36 },
  { name: 'composite', since: 38 },
  { name: 'limits', since: 29 }
];

const route = (since: number, methods: Route['methods'], compositeAllowed = false): Route => ({
  since,
  methods,
  compositeAllowed
});

export function resolveRoute(segments: string[]): Route | undefined {
  const [first, second, third, fourth, ...rest] = segments;
  if (first === undefined) return route(20, { GET: resourcesList });
  switch (first) {
    case 'sobjects':
      return sobjectRoute(segments.slice(1));
    case 'query':
    case 'queryAll': {
      const includeDeleted = first === 'queryAll';
      const since = includeDeleted ? 29 : 20;
      if (second === undefined)
        return route(since, { GET: (req, ctx) => queryResource(req, ctx, includeDeleted) }, true);
      if (third === undefined) return route(since, { GET: (req, ctx) => queryMoreResource(req, ctx, second) }, true);
      return undefined;
    }
    case 'search':
      return second === undefined ? route(20, { GET: searchResource }) : undefined;
    case 'parameterizedSearch':
      return second === undefined
        ? route(36, { GET: parameterizedSearchResource, POST: parameterizedSearchResource })
        : undefined;
    case 'limits':
      return second === undefined ? route(29, { GET: limitsResource }) : undefined;
    case 'composite':
      if (second === undefined) return route(38, { GET: compositeList, POST: compositeResource });
      if (second !== 'sobjects' || rest.length > 0) return undefined;
      if (third === undefined) {
        return route(42, { POST: createCollection, PATCH: updateCollection, DELETE: deleteCollection }, true);
      }
      if (fourth === undefined) {
        const retrieve: Handler = (req, ctx) => retrieveCollection(req, ctx, third);
        return route(42, { GET: retrieve, POST: retrieve }, true);
      }
      return route(46, { PATCH: (req, ctx) => upsertCollection(req, ctx, third, fourth) }, true);
    default:
      return undefined;
  }
}

function sobjectRoute(segments: string[]): Route | undefined {
  const [type, second, third, ...rest] = segments;
  if (type === undefined) return route(20, { GET: describeGlobalResource });
  if (second === undefined) {
    return route(
      20,
      { GET: (req, ctx) => sobjectBasicInfo(req, ctx, type), POST: (req, ctx) => createRecord(req, ctx, type) },
      true
    );
  }
  if (third === undefined) {
    if (second === 'describe') return route(20, { GET: (req, ctx) => describeSObjectResource(req, ctx, type) }, true);
    const methods: Route['methods'] = {
      GET: (req, ctx) => getRecord(req, ctx, type, second),
      PATCH: (req, ctx) => updateRecord(req, ctx, type, second),
      DELETE: (req, ctx) => deleteRecord(req, ctx, type, second)
    };
    // API 37.0+: POST sobjects/{T}/Id creates (Id as the external id, with a null value).
    if (second === 'Id')
      methods.POST = (req, ctx) =>
        req.apiVersion >= 37 ? createRecord(req, ctx, type) : errorResponse(resourceNotFound());
    return route(20, methods, true);
  }
  if (rest.length > 0 || second === 'describe') return undefined;
  return route(
    20,
    {
      GET: (req, ctx) => getByExternalId(req, ctx, type, second, third),
      PATCH: (req, ctx) => upsertByExternalId(req, ctx, type, second, third),
      DELETE: (req, ctx) => deleteByExternalId(req, ctx, type, second, third)
    },
    true
  );
}

function resourcesList(req: ApiRequest, ctx: RestContext): ApiResponse {
  const base = servicesPath(req.apiVersion);
  const body: Record<string, string> = {};
  for (const r of TOP_LEVEL) if (req.apiVersion >= r.since) body[r.name] = `${base}/${r.name}`;
  // jsforce's conn.identity() reads the identity URL from here when it has none yet.
  body['identity'] = identityUrl(ctx.baseUrl, ctx.org.organizationId, ctx.userId);
  return { status: 200, body };
}

/** `GET composite`: the composite resources the emulator serves (tree, batch and graph are not among them). */
function compositeList(req: ApiRequest, _ctx: RestContext): ApiResponse {
  const base = servicesPath(req.apiVersion);
  return { status: 200, body: req.apiVersion >= 42 ? { sobjects: `${base}/composite/sobjects` } : {} };
}
