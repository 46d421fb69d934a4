// A seeded generator of malformed requests for the robustness test: random methods, paths, API versions, ids,
// JSON bodies of wrong shapes, huge values, SOQL/SOSL fragments, OAuth parameters and odd headers. The same seed
// always gives the same requests, so a failure can be replayed.
import { seededRandom } from '../src/http/random.ts';

export interface MalformedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** What part of the emulator answers it, which decides what a well-formed answer looks like. */
  surface: 'rest' | 'versions' | 'oauth-token' | 'oauth-authorize' | 'oauth-revoke' | 'identity' | 'elsewhere';
}

export interface GeneratorContext {
  accessToken: string;
  organizationId: string;
  userId: string;
  /** Ids of live records, so that some requests reach deep into the handlers. */
  accountId: string;
  leadId: string;
  contactId: string;
}

type Random = () => number;

const METHODS = ['GET', 'POST', 'PATCH', 'PUT', 'DELETE', 'HEAD', 'OPTIONS', 'PROPFIND', 'MERGE'];
const VERSIONS = [
  'v62.0',
  'v62.0',
  'v45.0',
  'v20.0',
  'v67.0',
  'v19.0',
  'v68.0',
  'v62',
  '62.0',
  'v62.0.0',
  'vX.Y',
  'v%00',
  'v-1.0',
  'V62.0',
  'v062.0',
  'v1e3.0',
  'v9999999999999999999.0'
];
const OBJECTS = ['Account', 'Lead', 'Contact', 'Task', 'Event', 'ContentNote', 'User', 'Organization', 'Nope__c'];
const TRICKY = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '..',
  '.',
  '%2F',
  '%00',
  '%E0%A4%A',
  '%',
  '%C3%A4',
  '%F0%9F%98%80',
  '\u00e9',
  'a b',
  "'",
  '"',
  '\\',
  '{}',
  '[]',
  'null',
  'undefined',
  '-1',
  '1e999',
  ''
];
const FIELDS = [
  'Name',
  'LastName',
  'Company',
  'Phone',
  'Email',
  'Id',
  'IsDeleted',
  'CreatedDate',
  'OwnerId',
  'AccountId',
  'WhoId',
  'WhatId',
  'Ext_Id__c',
  'Legacy_Key__c',
  'NumberOfEmployees',
  'AnnualRevenue',
  'Description',
  'Status',
  'TaskSubtype',
  'ActivityDate',
  'StartDateTime',
  'DurationInMinutes',
  'Content',
  'Nope__c',
  '__proto__',
  'constructor',
  'attributes'
];
const SOQL_BASES = [
  'SELECT Id, Name FROM Account',
  "SELECT Id FROM Lead WHERE Phone IN ('4155550100', '(415) 555-0100') ORDER BY LastName DESC NULLS LAST LIMIT 5",
  "SELECT Id, Account.Name, (SELECT Subject FROM Tasks) FROM Contact WHERE Email LIKE 'a%' OFFSET 1",
  'SELECT COUNT() FROM Lead WHERE CreatedDate = LAST_N_DAYS:30',
  "SELECT Id FROM Lead WHERE Id IN (SELECT WhoId FROM Task WHERE Status = 'Completed')",
  "SELECT Id FROM Account WHERE (Name = 'a' OR Name = 'b') AND NumberOfEmployees > 10"
];
const SOQL_NOISE = [
  "'",
  '"',
  '(',
  ')',
  ' AND ',
  ' OR ',
  ' NOT ',
  ' IN ',
  ' LIKE ',
  '%',
  '\\',
  ':x',
  '//',
  '/*',
  ' TODAY',
  ' LAST_N_DAYS:',
  ' 2024-13-45',
  ' 2024-01-01T25:00:00Z',
  ' 1e999',
  ' NULL',
  ' ,',
  ' FROM ',
  ' WHERE ',
  ' ORDER BY ',
  ' LIMIT -1',
  ' OFFSET 99999',
  ' GROUP BY Name',
  ' HAVING COUNT(Id) > 1',
  ' TYPEOF What WHEN Account THEN Name END',
  ' USING SCOPE everything',
  ' FOR UPDATE',
  '\u0000'
];
const SOSL_BASES = [
  'FIND {4155550100} IN PHONE FIELDS RETURNING Contact(Id, Phone), Lead(Id, MobilePhone)',
  'FIND {Acme*} IN NAME FIELDS RETURNING Account(Name WHERE Name != null ORDER BY Name LIMIT 5) LIMIT 10',
  'FIND {"jo o\'brien" AND NOT smith} RETURNING Contact',
  'FIND {a?c} IN EMAIL FIELDS RETURNING Lead(Email), Contact(Email)'
];
const SOSL_NOISE = ['{', '}', '"', '(', ')', '\\', '*', '?', ' AND ', ' OR ', ' RETURNING ', ' IN ', ' FIELDS', ','];
const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=utf-16',
  'application/json; charset=bogus',
  'text/plain',
  'application/xml',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=xyz'
];

const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
/** A size from small to far past any limit, for nesting and repetition. */
const n = (random: Random): number => pick(random, [3, 12, 500, 5000, 30_000]);
const chance = (random: Random, p: number): boolean => random() < p;
const int = (random: Random, max: number): number => Math.floor(random() * max);

/** `count` requests, deterministic for a given seed. */
export function generateMalformedRequests(seed: number, count: number, ctx: GeneratorContext): MalformedRequest[] {
  const random = seededRandom(seed);
  const makers: Array<(r: Random, c: GeneratorContext) => MalformedRequest> = [
    sobjectRequest,
    sobjectRequest,
    sobjectRequest,
    externalIdRequest,
    queryRequest,
    queryRequest,
    searchRequest,
    collectionsRequest,
    collectionsRequest,
    compositeRequest,
    compositeRequest,
    randomPathRequest,
    tokenRequest,
    tokenRequest,
    authorizeRequest,
    revokeRequest,
    identityRequest
  ];
  return Array.from({ length: count }, () => pick(random, makers)(random, ctx));
}

// ---- REST ------------------------------------------------------------------------------------------------------

function restHeaders(random: Random, ctx: GeneratorContext): Record<string, string> {
  const headers: Record<string, string> = {};
  const auth = int(random, 20);
  if (auth < 15) headers['authorization'] = `Bearer ${ctx.accessToken}`;
  else if (auth === 15) headers['authorization'] = `OAuth ${ctx.accessToken}`;
  else if (auth === 16) headers['authorization'] = `Bearer ${ctx.accessToken}x`;
  else if (auth === 17) headers['authorization'] = 'Basic Zm9vOmJhcg==';
  else if (auth === 18) headers['authorization'] = 'Bearer';
  if (chance(random, 0.15)) headers['sforce-query-options'] = pick(random, ['batchSize=1', 'batchSize=abc', 'x', '']);
  if (chance(random, 0.1)) headers['x-prettyprint'] = pick(random, ['1', '0', 'yes']);
  if (chance(random, 0.1)) headers['sforce-duplicate-rule-header'] = pick(random, ['allowSave=true', '=', ';;']);
  if (chance(random, 0.08)) headers['content-encoding'] = pick(random, ['gzip', 'deflate', 'br', 'compress', 'x']);
  return headers;
}

function withBody(random: Random, request: MalformedRequest, body: string | undefined): MalformedRequest {
  if (body === undefined) return request;
  const contentType = chance(random, 0.8) ? 'application/json' : pick(random, CONTENT_TYPES);
  return { ...request, body, headers: { ...request.headers, 'content-type': contentType } };
}

/** Mostly a served version, so that most requests reach the resources; sometimes anything. */
function version(random: Random): string {
  const roll = random();
  if (roll < 0.75) return 'v62.0';
  if (roll < 0.85) return pick(random, ['v45.0', 'v20.0', 'v67.0', 'v36.0', 'v41.0']);
  return pick(random, VERSIONS);
}

function idLike(random: Random, ctx: GeneratorContext): string {
  const real = pick(random, [ctx.accountId, ctx.leadId, ctx.contactId]);
  switch (int(random, 12)) {
    case 0:
      return real;
    case 1:
      return real.slice(0, 15);
    case 2:
      return real.toLowerCase();
    case 3:
      return real.slice(0, 15) + 'ZZZ';
    case 4:
      return real.slice(0, 14);
    case 5:
      return '001000000000000AAA';
    case 6:
      return 'zzz000000000000AAA';
    case 7:
      return real + 'A';
    case 8:
      return pick(random, TRICKY);
    case 9:
      return '0'.repeat(18);
    case 10:
      return randomText(random, 1 + int(random, 40));
    default:
      return encodeURIComponent(randomText(random, 5));
  }
}

function sobjectRequest(random: Random, ctx: GeneratorContext): MalformedRequest {
  const type = chance(random, 0.9) ? pick(random, OBJECTS) : pick(random, TRICKY);
  const shapes = [
    `/sobjects`,
    `/sobjects/${type}`,
    `/sobjects/${type}/describe`,
    `/sobjects/${type}/${idLike(random, ctx)}`,
    `/sobjects/${type}/${idLike(random, ctx)}?fields=${encodeURIComponent(fieldList(random))}`,
    `/sobjects/${type}/Id`,
    `/sobjects/${type}/describe/${pick(random, TRICKY)}`,
    `/sobjects/${type}/${idLike(random, ctx)}`,
    `/sobjects/${type}`
  ];
  const method = chance(random, 0.7) ? pick(random, ['GET', 'POST', 'PATCH', 'DELETE']) : pick(random, METHODS);
  const request: MalformedRequest = {
    method,
    path: `/services/data/${version(random)}${pick(random, shapes)}`,
    headers: restHeaders(random, ctx),
    surface: 'rest'
  };
  return withBody(random, request, method === 'GET' && chance(random, 0.7) ? undefined : recordBody(random, ctx));
}

function externalIdRequest(random: Random, ctx: GeneratorContext): MalformedRequest {
  const type = pick(random, ['Lead', 'Contact', 'Task', 'Account', 'Nope__c']);
  const field = pick(random, ['Ext_Id__c', 'Legacy_Key__c', 'Id', 'LastName', 'Call_Key__c', 'Nope__c', '__proto__']);
  const value = pick(random, [
    'EXT-1',
    '',
    encodeURIComponent(randomText(random, 30)),
    'k'.repeat(500 + int(random, 5000)),
    idLike(random, ctx),
    'a.inc',
    '%'
  ]);
  const method = pick(random, ['GET', 'PATCH', 'PATCH', 'DELETE', 'POST', 'PUT']);
  const query = chance(random, 0.3) ? `?updateOnly=${pick(random, ['true', 'false', 'yes'])}` : '';
  const request: MalformedRequest = {
    method,
    path: `/services/data/${version(random)}/sobjects/${type}/${field}/${value}${query}`,
    headers: restHeaders(random, ctx),
    surface: 'rest'
  };
  return withBody(random, request, method === 'GET' ? undefined : recordBody(random, ctx));
}

function queryRequest(random: Random, ctx: GeneratorContext): MalformedRequest {
  const resource = pick(random, ['query', 'queryAll', 'query', 'query/', `query/${randomLocator(random)}`]);
  const q = mutate(random, pick(random, SOQL_BASES), SOQL_NOISE);
  const param = chance(random, 0.9) ? `?q=${encodeURIComponent(q)}` : pick(random, ['', '?q', '?q=%', '?x=1']);
  return {
    method: chance(random, 0.85) ? 'GET' : pick(random, METHODS),
    path: `/services/data/${version(random)}/${resource}${param}`,
    headers: restHeaders(random, ctx),
    surface: 'rest'
  };
}

function randomLocator(random: Random): string {
  return pick(random, [
    '01g000000000000AAA-2000',
    `01g${randomText(random, 15)}-${int(random, 99999)}`,
    '..%2F..%2Fetc-2000',
    '-',
    '01gZZ0000000000AAA--1',
    `x-${'9'.repeat(30)}`
  ]);
}

function searchRequest(random: Random, ctx: GeneratorContext): MalformedRequest {
  if (chance(random, 0.3)) {
    const method = pick(random, ['GET', 'POST']);
    const request: MalformedRequest = {
      method,
      path: `/services/data/${version(random)}/parameterizedSearch${
        method === 'GET'
          ? `?q=${encodeURIComponent(randomText(random, 8))}&sobject=${pick(random, [...OBJECTS, ...TRICKY])}&${pick(random, ['Lead.fields=Id,Nope', 'Lead.limit=-5', 'in=SOMETHING', 'overallLimit=abc', 'defaultLimit=1e9'])}`
          : ''
      }`,
      headers: restHeaders(random, ctx),
      surface: 'rest'
    };
    return withBody(
      random,
      request,
      method === 'POST'
        ? pick(random, [
            JSON.stringify({
              q: randomJson(random, 2),
              sobjects: randomJson(random, 3),
              fields: randomJson(random, 2)
            }),
            JSON.stringify({ q: 'Acme', in: 'NOWHERE', sobjects: [{ name: 'Lead', limit: -1, where: "Name = '" }] }),
            JSON.stringify({ q: 'Acme', overallLimit: 'x', defaultLimit: { a: 1 } }),
            JSON.stringify({ q: `${'('.repeat(n(random))}ab${')'.repeat(n(random))}`, sobjects: [{ name: 'Lead' }] }),
            JSON.stringify({ q: Array.from({ length: n(random) }, (_, i) => `t${i}`).join(' OR ') }),
            randomJson(random, 4)
          ])
        : undefined
    );
  }
  const sosl = mutate(random, pick(random, SOSL_BASES), SOSL_NOISE);
  return {
    method: chance(random, 0.9) ? 'GET' : pick(random, METHODS),
    path: `/services/data/${version(random)}/search?q=${encodeURIComponent(sosl)}`,
    headers: restHeaders(random, ctx),
    surface: 'rest'
  };
}

function collectionsRequest(random: Random, ctx: GeneratorContext): MalformedRequest {
  const shapes: Array<[string, string]> = [
    ['POST', '/composite/sobjects'],
    ['PATCH', '/composite/sobjects'],
    ['DELETE', `/composite/sobjects?ids=${idList(random, ctx)}&allOrNone=${pick(random, ['true', 'x'])}`],
    ['PATCH', `/composite/sobjects/${pick(random, OBJECTS)}/${pick(random, ['Ext_Id__c', 'Id', 'Name', 'Nope'])}`],
    ['GET', `/composite/sobjects/${pick(random, OBJECTS)}?ids=${idList(random, ctx)}&fields=${fieldList(random)}`],
    ['POST', `/composite/sobjects/${pick(random, [...OBJECTS, ...TRICKY])}`]
  ];
  const [method, path] = pick(random, shapes);
  const request: MalformedRequest = {
    method: chance(random, 0.9) ? method : pick(random, METHODS),
    path: `/services/data/${version(random)}${path}`,
    headers: restHeaders(random, ctx),
    surface: 'rest'
  };
  const records = Array.from({ length: int(random, 6) }, () => collectionRecord(random, ctx));
  const body = pick(random, [
    JSON.stringify({ allOrNone: pick(random, [true, false, 'true', 1, null]), records }),
    JSON.stringify({ records: randomJson(random, 3) }),
    JSON.stringify({ ids: randomJson(random, 2), fields: randomJson(random, 2) }),
    JSON.stringify({ ids: [ctx.accountId, idLike(random, ctx)], fields: [pick(random, FIELDS)] }),
    JSON.stringify({
      records: Array.from({ length: 201 + int(random, 50) }, () => ({ attributes: { type: 'Lead' } }))
    }),
    randomJson(random, 4)
  ]);
  return withBody(random, request, method === 'GET' || method === 'DELETE' ? undefined : body);
}

function collectionRecord(random: Random, ctx: GeneratorContext): unknown {
  const record = embeddable(recordBody(random, ctx));
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return record;
  const attributes = pick(random, [
    { type: pick(random, OBJECTS) },
    { type: pick(random, TRICKY) },
    { type: 42 },
    'Lead',
    null,
    undefined
  ]);
  return {
    ...(attributes === undefined ? {} : { attributes }),
    ...(chance(random, 0.3) ? { id: idLike(random, ctx) } : {}),
    ...(record as object)
  };
}

function compositeRequest(random: Random, ctx: GeneratorContext): MalformedRequest {
  const count = chance(random, 0.05) ? 26 + int(random, 5) : 1 + int(random, 6);
  const subrequests = Array.from({ length: count }, (_, i) => {
    const sub: Record<string, unknown> = {
      method: chance(random, 0.93) ? pick(random, ['GET', 'POST', 'PATCH', 'DELETE']) : pick(random, [...METHODS, 7]),
      url: pick(random, [
        `/services/data/v62.0/sobjects/${pick(random, OBJECTS)}`,
        `/services/data/v62.0/sobjects/Account/@{ref${int(random, 4)}.id}`,
        `/services/data/v62.0/query?q=${encodeURIComponent(mutate(random, pick(random, SOQL_BASES), SOQL_NOISE))}`,
        `/services/data/v62.0/query?q=${encodeURIComponent(`SELECT Id FROM Lead WHERE ${'NOT '.repeat(n(random))}Name = 'x'`)}`,
        `/services/data/v62.0/query?q=${encodeURIComponent(`SELECT Id FROM Lead WHERE ${'('.repeat(n(random))}Name = 'x'${')'.repeat(n(random))}`)}`,
        `/services/data/${version(random)}/sobjects/Lead/@{ref0.records[${int(random, 3)}].Id}`,
        '/services/data/v62.0/composite/sobjects',
        '/services/data/v62.0/composite',
        '/services/data/v62.0/search?q=FIND+{x}',
        '/services/data/v62.0/limits',
        '/elsewhere',
        `/services/data/v62.0/@{${pick(random, TRICKY)}}`,
        randomText(random, 20)
      ]),
      referenceId: chance(random, 0.93) ? `ref${i}` : pick(random, ['dup', 'a b', '', 42, '__proto__'])
    };
    if (chance(random, 0.6)) sub['body'] = embeddable(recordBody(random, ctx));
    if (chance(random, 0.2)) sub['body'] = { records: [{ attributes: { type: 'Lead' }, LastName: '@{ref0.id}' }] };
    if (chance(random, 0.15)) sub['httpHeaders'] = pick(random, [{ 'Sforce-Query-Options': 'batchSize=x' }, 'x', []]);
    return sub;
  });
  const body = pick(random, [
    JSON.stringify({ allOrNone: pick(random, [true, false, 'no']), compositeRequest: subrequests }),
    JSON.stringify({ compositeRequest: subrequests, collateSubrequests: pick(random, [true, 'x']) }),
    JSON.stringify({ compositeRequest: randomJson(random, 3) }),
    randomJson(random, 3)
  ]);
  return withBody(
    random,
    {
      method: chance(random, 0.9) ? 'POST' : pick(random, METHODS),
      path: `/services/data/${version(random)}/composite`,
      headers: restHeaders(random, ctx),
      surface: 'rest'
    },
    body
  );
}

function randomPathRequest(random: Random, ctx: GeneratorContext): MalformedRequest {
  const segments = Array.from({ length: int(random, 6) }, () =>
    pick(random, [...TRICKY, ...OBJECTS, 'sobjects', 'query', 'composite', 'limits', 'tree', 'batch', 'graph'])
  );
  const where = int(random, 4);
  const path =
    where === 0
      ? `/services/data${chance(random, 0.5) ? '/' : ''}`
      : where === 1
        ? `/services/data/${version(random)}/${segments.join('/')}`
        : where === 2
          ? `/services/${segments.join('/')}`
          : `/${segments.join('/')}`;
  const surface: MalformedRequest['surface'] =
    where === 0 ? 'versions' : where === 1 ? 'rest' : path.startsWith('/services/oauth2') ? 'oauth-token' : 'elsewhere';
  const request: MalformedRequest = {
    method: pick(random, METHODS),
    path,
    headers: restHeaders(random, ctx),
    surface
  };
  return withBody(random, request, chance(random, 0.3) ? randomJson(random, 3) : undefined);
}

// ---- OAuth and identity ---------------------------------------------------------------------------------------

function formBody(random: Random, params: Array<[string, string]>): string {
  const parts = params.map(([k, v]) => `${k}=${chance(random, 0.1) ? v : encodeURIComponent(v)}`);
  if (chance(random, 0.1)) parts.push(`${pick(random, ['grant_type', 'code', 'client_id'])}=again`);
  if (chance(random, 0.05)) parts.push('%ZZ=%ZZ', '&&&', '=');
  return parts.join('&');
}

function tokenRequest(random: Random, ctx: GeneratorContext): MalformedRequest {
  const params: Array<[string, string]> = [];
  const grant = pick(random, [
    'authorization_code',
    'refresh_token',
    'password',
    'client_credentials',
    'urn:ietf:params:oauth:grant-type:jwt-bearer',
    'implicit',
    '',
    randomText(random, 10)
  ]);
  params.push(['grant_type', grant]);
  if (chance(random, 0.9)) {
    params.push([
      'client_id',
      chance(random, 0.7) ? 'switchboard-local' : pick(random, ['nope', '', randomText(random, 5)])
    ]);
  }
  if (chance(random, 0.7)) {
    params.push([
      'client_secret',
      chance(random, 0.6) ? 'switchboard-local-secret' : pick(random, ['wrong', '', 'x'.repeat(5000)])
    ]);
  }
  if (chance(random, 0.5)) params.push(['code', pick(random, ['aPrx', '', randomText(random, 40), ctx.accessToken])]);
  if (chance(random, 0.4)) params.push(['code_verifier', randomText(random, int(random, 200))]);
  if (chance(random, 0.4))
    params.push([
      'redirect_uri',
      pick(random, ['http://127.0.0.1:3000/oauth/salesforce/callback', 'not a url', 'javascript:alert(1)'])
    ]);
  if (chance(random, 0.5))
    params.push(['refresh_token', pick(random, ['5Aep861', '', ctx.accessToken, randomText(random, 30)])]);
  if (chance(random, 0.4))
    params.push(['username', pick(random, ['admin@switchboard.test', '', 'ADMIN@SWITCHBOARD.TEST'])]);
  if (chance(random, 0.4)) params.push(['password', pick(random, ['wrong', '', 'switchboard'.repeat(100)])]);
  if (chance(random, 0.2)) params.push(['format', pick(random, ['json', 'xml', 'urlencoded', 'yaml'])]);
  const headers: Record<string, string> = {
    'content-type': chance(random, 0.8) ? 'application/x-www-form-urlencoded' : pick(random, CONTENT_TYPES)
  };
  if (chance(random, 0.2)) {
    headers['authorization'] = pick(random, [
      'Basic !!!',
      'Basic ' + Buffer.from('switchboard-local:%E0%A4%A').toString('base64'),
      'Basic ' + Buffer.from('no-colon').toString('base64'),
      'Basic ' + Buffer.from(':').toString('base64'),
      `Bearer ${ctx.accessToken}`
    ]);
  }
  const method = chance(random, 0.85) ? 'POST' : pick(random, METHODS);
  return {
    method,
    path: '/services/oauth2/token',
    headers,
    body: chance(random, 0.9) ? formBody(random, params) : randomJson(random, 3),
    surface: 'oauth-token'
  };
}

function authorizeRequest(random: Random, _ctx: GeneratorContext): MalformedRequest {
  const params: Array<[string, string]> = [];
  if (chance(random, 0.8)) params.push(['response_type', pick(random, ['code', 'token', '', 'code id_token'])]);
  if (chance(random, 0.85)) params.push(['client_id', pick(random, ['switchboard-local', 'nope', ''])]);
  if (chance(random, 0.8)) {
    params.push([
      'redirect_uri',
      pick(random, ['http://127.0.0.1:3000/oauth/salesforce/callback', 'http://evil.example/cb', 'not a url', ''])
    ]);
  }
  if (chance(random, 0.5)) params.push(['scope', pick(random, ['api refresh_token', 'full', 'everything', '', '+++'])]);
  if (chance(random, 0.5)) params.push(['state', randomText(random, int(random, 300))]);
  if (chance(random, 0.4))
    params.push(['code_challenge', pick(random, ['', 'short', 'a'.repeat(43), randomText(random, 60)])]);
  if (chance(random, 0.3)) params.push(['code_challenge_method', pick(random, ['S256', 'plain', 'md5', ''])]);
  if (chance(random, 0.2)) params.push(['prompt', pick(random, ['login consent', 'none', 'x'])]);
  const query = formBody(random, params);
  const method = pick(random, ['GET', 'GET', 'POST', 'PUT']);
  return {
    method,
    path: `/services/oauth2/authorize${method === 'GET' ? `?${query}` : ''}`,
    headers: method === 'GET' ? {} : { 'content-type': 'application/x-www-form-urlencoded' },
    ...(method === 'GET' ? {} : { body: query }),
    surface: 'oauth-authorize'
  };
}

function revokeRequest(random: Random, ctx: GeneratorContext): MalformedRequest {
  const token = pick(random, ['', 'nonsense', '%ZZ', randomText(random, 50), `${ctx.accessToken}x`]);
  const method = pick(random, ['GET', 'POST', 'DELETE']);
  return {
    method,
    path: `/services/oauth2/revoke${method === 'GET' ? `?token=${token}` : ''}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    ...(method === 'GET' ? {} : { body: `token=${token}` }),
    surface: 'oauth-revoke'
  };
}

function identityRequest(random: Random, ctx: GeneratorContext): MalformedRequest {
  const org = pick(random, [ctx.organizationId, ctx.organizationId.slice(0, 15), 'x', '%E0%A4%A', '__proto__']);
  const user = pick(random, [ctx.userId, ctx.accountId, 'y', '005000000000000AAA', '']);
  const token = pick(random, [ctx.accessToken, 'bogus', '', '%ZZ']);
  const path = pick(random, [
    `/id/${org}/${user}?format=${pick(random, ['json', 'xml', 'x'])}&oauth_token=${token}`,
    `/id/${org}/${user}`,
    `/id/${org}`,
    `/services/oauth2/userinfo?oauth_token=${token}`,
    '/services/oauth2/userinfo'
  ]);
  const headers: Record<string, string> = chance(random, 0.5) ? { authorization: `Bearer ${token}` } : {};
  return { method: pick(random, ['GET', 'GET', 'POST', 'DELETE']), path, headers, surface: 'identity' };
}

// ---- values ----------------------------------------------------------------------------------------------------

function recordBody(random: Random, ctx: GeneratorContext): string {
  switch (int(random, 14)) {
    case 0:
      return randomJson(random, 4);
    case 1:
      return '{"Name": ';
    case 2:
      return '['.repeat(20_000 + int(random, 80_000));
    case 3:
      return `${'['.repeat(5000)}${']'.repeat(5000)}`;
    case 4:
      return JSON.stringify({ Name: 'x'.repeat(100_000 + int(random, 400_000)) });
    case 5:
      return `{"LastName": "a", "Company": "b", "NumberOfEmployees": ${pick(random, ['1e999', '-1e999', '1.5', '99999999999999999999', '-0'])}}`;
    case 6:
      return '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"x": 1}}, "LastName": "p", "Company": "q"}';
    case 7:
      return `{"Name": "\\ud800", "Description": "\\u0000${'\\u0007'.repeat(3)}"}`;
    case 8:
      return JSON.stringify(nested(500 + int(random, 2000)));
    default: {
      const record: Record<string, unknown> = {};
      for (let i = 0; i < 1 + int(random, 5); i++) record[pick(random, FIELDS)] = fieldValue(random, ctx);
      return JSON.stringify(record);
    }
  }
}

/** A body as a value to put inside another body (text that is not JSON stays text). */
function embeddable(body: string): unknown {
  if (body.length > 2000) return body.slice(0, 1000);
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return body.slice(0, 1000);
  }
}

function nested(depth: number): unknown {
  let value: unknown = 'deep';
  for (let i = 0; i < depth; i++) value = { Name: value };
  return value;
}

function fieldValue(random: Random, ctx: GeneratorContext): unknown {
  switch (int(random, 14)) {
    case 0:
      return null;
    case 1:
      return true;
    case 2:
      return pick(random, [0, -1, 1.5, 1e308, -1e308, 2 ** 53 + 1]);
    case 3:
      return randomText(random, int(random, 50));
    case 4:
      return 'x'.repeat(256 + int(random, 40_000));
    case 5:
      return idLike(random, ctx);
    case 6:
      return pick(random, ['2024-02-30', '2024-01-01T10:00:00Z', 'yesterday', '2024-01-01T10:00:00.000+9999', '']);
    case 7:
      return [1, 'a', null];
    case 8:
      return { Ext_Id__c: randomText(random, 5) };
    case 9:
      return { attributes: { type: 'Account' }, Name: 'x' };
    case 10:
      return 'a;b;c';
    default:
      return randomText(random, 12);
  }
}

/** Any JSON value, possibly of a shape no resource expects. */
function randomJson(random: Random, depth: number): string {
  return JSON.stringify(randomValue(random, depth));
}

function randomValue(random: Random, depth: number): unknown {
  const kind = depth <= 0 ? int(random, 5) : int(random, 7);
  switch (kind) {
    case 0:
      return null;
    case 1:
      return chance(random, 0.5);
    case 2:
      return pick(random, [0, -7, 3.25, 1e21, Number.MAX_SAFE_INTEGER]);
    case 3:
      return randomText(random, int(random, 20));
    case 4:
      return pick(random, TRICKY);
    case 5:
      return Array.from({ length: int(random, 4) }, () => randomValue(random, depth - 1));
    default: {
      const out: Record<string, unknown> = {};
      for (let i = 0; i < int(random, 4); i++) {
        out[pick(random, [...FIELDS, 'records', 'compositeRequest', 'allOrNone', 'ids', 'fields', 'q'])] = randomValue(
          random,
          depth - 1
        );
      }
      return out;
    }
  }
}

const TEXT_ALPHABET = 'abcXYZ019 _-.,;:\'"\\/{}[]()*?!&|^~+=%$#@<>\u00e9\u00df\u4e2d\u{1F600}\u0000\u0007\n\t';

function randomText(random: Random, length: number): string {
  const chars = [...TEXT_ALPHABET];
  let out = '';
  for (let i = 0; i < length; i++) out += pick(random, chars);
  return out;
}

function fieldList(random: Random): string {
  return Array.from({ length: int(random, 4) }, () => pick(random, [...FIELDS, ''])).join(',');
}

function idList(random: Random, ctx: GeneratorContext): string {
  return Array.from({ length: int(random, 5) }, () => encodeURIComponent(idLike(random, ctx))).join(',');
}

/** Cuts, inserts and repeats pieces of a statement. */
function mutate(random: Random, text: string, noise: readonly string[]): string {
  let out = text;
  for (let i = 0; i < 1 + int(random, 4); i++) {
    const at = int(random, out.length + 1);
    switch (int(random, 4)) {
      case 0:
        out = out.slice(0, at) + pick(random, noise) + out.slice(at);
        break;
      case 1:
        out = out.slice(0, at) + out.slice(at + 1 + int(random, 10));
        break;
      case 2:
        out = out.slice(0, at) + out.slice(Math.max(0, at - 15), at) + out.slice(at);
        break;
      default:
        out = out.slice(0, at) + randomText(random, 1 + int(random, 5)) + out.slice(at);
    }
  }
  // A cut may split a surrogate pair; a lone half can't be percent-encoded into a URL.
  return out.replace(/[\uD800-\uDFFF]/gu, '\uFFFD');
}
