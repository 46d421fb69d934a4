// parameterizedSearch: a search described by parameters instead of SOSL (REST API "Parameterized Search"),
// either as GET query parameters — `q`, `sobject` (repeatable), `<Object>.fields`, `<Object>.where`,
// `<Object>.limit`, `fields`, `in`, `defaultLimit`, `overallLimit`, `offset` — or as a POST JSON body — `q`, `in`,
// `fields`, `sobjects: [{ name, fields, where, limit }]`, `defaultLimit`, `overallLimit`, `offset`. Parameters
// for features the emulator does not model (data categories, divisions, networks, snippets …) are refused.
import type { QueryContext, ResultRecord, Schema } from '../../model/types.ts';
import { compileCondition } from '../soql/run-soql.ts';
import type { SearchPlan, SearchTarget } from './plan.ts';
import { MAX_SEARCH_ROWS, compileTarget, runPlan } from './plan.ts';
import { malformedSearch, parseSearchQuery, tooShort } from './search-query.ts';
import type { SearchGroup } from './matcher.ts';
import { SEARCH_GROUPS } from './matcher.ts';

export interface ParameterizedSearchObject {
  name: string;
  fields?: string[];
  where?: string;
  limit?: number;
}

/** The POST body of /parameterizedSearch (the subset the emulator models). */
export interface ParameterizedSearchBody {
  q: string;
  in?: string;
  fields?: string[];
  sobjects?: ParameterizedSearchObject[];
  defaultLimit?: number;
  overallLimit?: number;
  offset?: number;
}

/** A parameterizedSearch call: the GET query parameters or the POST JSON body, as received. */
export type ParameterizedSearchRequest =
  | { kind: 'query'; params: URLSearchParams | Record<string, string | string[] | undefined> }
  | { kind: 'body'; body: unknown };

export function runParameterizedSearch(
  request: ParameterizedSearchRequest,
  ctx: QueryContext,
  options: { searchLagMs: number; nowMs: number }
): { searchRecords: ResultRecord[] } {
  const body = request.kind === 'query' ? fromQueryParameters(request.params) : fromJsonBody(request.body);
  return runPlan(planOf(body, ctx.schema), ctx, options);
}

function planOf(body: ParameterizedSearchBody, schema: Schema): SearchPlan {
  const query = parseSearchQuery(body.q);
  const group = (body.in ?? 'ALL').toUpperCase() as SearchGroup;
  if (!SEARCH_GROUPS.includes(group)) throw malformedSearch(`Invalid value for parameter 'in': ${body.in}`);
  const sobjects = body.sobjects ?? [];
  if (body.offset !== undefined && sobjects.length !== 1) {
    throw malformedSearch("The 'offset' parameter requires exactly one sobject");
  }
  const targets =
    sobjects.length === 0
      ? schema
          .objects()
          .filter((object) => object.searchable && object.queryable)
          .map((object) => target(schema, { name: object.name }, body))
      : sobjects.map((sobject) => target(schema, sobject, body));
  const names = new Set<string>();
  for (const { object } of targets) {
    if (names.has(object.name)) throw malformedSearch(`duplicate sobject ${object.name}`);
    names.add(object.name);
  }
  return { query, group, targets, limit: Math.min(body.overallLimit ?? MAX_SEARCH_ROWS, MAX_SEARCH_ROWS) };
}

const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*$/;

function target(schema: Schema, sobject: ParameterizedSearchObject, body: ParameterizedSearchBody): SearchTarget {
  const fields = (sobject.fields ?? body.fields ?? ['Id']).map((field) => field.trim());
  const badField = fields.find((field) => !FIELD_NAME.test(field));
  if (badField !== undefined) throw malformedSearch(`Invalid field name in ${sobject.name}.fields: '${badField}'`);
  if (sobject.where !== undefined) compileCondition(schema, sobject.name, sobject.where);
  const limit = sobject.limit ?? body.defaultLimit;
  const statement =
    `SELECT ${fields.join(', ')} FROM ${sobject.name}` +
    (sobject.where !== undefined ? ` WHERE ${sobject.where}` : '') +
    (limit !== undefined ? ` LIMIT ${Math.min(limit, MAX_SEARCH_ROWS)}` : '') +
    (body.offset !== undefined ? ` OFFSET ${body.offset}` : '');
  const compiled = compileTarget(schema, statement, [{ text: statement, from: 0, anchor: 0 }]);
  if (!compiled.object.searchable) throw malformedSearch(`entity type ${compiled.object.name} does not support search`);
  return compiled;
}

const GLOBAL_PARAMETERS = new Set(['q', 'sobject', 'fields', 'in', 'defaultLimit', 'overallLimit', 'offset']);
const OBJECT_PARAMETERS = ['fields', 'where', 'limit'] as const;

function fromQueryParameters(
  query: URLSearchParams | Record<string, string | string[] | undefined>
): ParameterizedSearchBody {
  const all = new Map<string, string[]>();
  const entries: Array<[string, string]> =
    query instanceof URLSearchParams
      ? [...query.entries()]
      : Object.entries(query).flatMap(([key, value]) =>
          value === undefined
            ? []
            : (Array.isArray(value) ? value : [value]).map((item): [string, string] => [key, item])
        );
  for (const [key, value] of entries) all.set(key, [...(all.get(key) ?? []), value]);
  const single = (key: string): string | undefined => {
    const values = all.get(key);
    if (values !== undefined && values.length > 1) throw malformedSearch(`Parameter '${key}' takes a single value`);
    return values?.[0];
  };
  const sobjectNames = all.get('sobject') ?? [];
  const sobjects = sobjectNames.map((name): ParameterizedSearchObject => {
    const fields = single(`${name}.fields`);
    const where = single(`${name}.where`);
    const limit = single(`${name}.limit`);
    return {
      name,
      ...(fields !== undefined ? { fields: fields.split(',') } : {}),
      ...(where !== undefined ? { where } : {}),
      ...(limit !== undefined ? { limit: count(`${name}.limit`, limit) } : {})
    };
  });
  for (const key of all.keys()) {
    const perObject = sobjectNames.some((name) => OBJECT_PARAMETERS.some((suffix) => key === `${name}.${suffix}`));
    if (!GLOBAL_PARAMETERS.has(key) && !perObject) throw unsupportedParameter(key);
  }
  const q = single('q');
  if (q === undefined) throw tooShort('');
  const fields = single('fields');
  const within = single('in');
  const defaultLimit = single('defaultLimit');
  const overallLimit = single('overallLimit');
  const offset = single('offset');
  return {
    q,
    ...(within !== undefined ? { in: within } : {}),
    ...(fields !== undefined ? { fields: fields.split(',') } : {}),
    sobjects,
    ...(defaultLimit !== undefined ? { defaultLimit: count('defaultLimit', defaultLimit) } : {}),
    ...(overallLimit !== undefined ? { overallLimit: count('overallLimit', overallLimit) } : {}),
    ...(offset !== undefined ? { offset: count('offset', offset) } : {})
  };
}

function count(name: string, value: unknown): number {
  const number = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isInteger(number) || number < 0) {
    throw malformedSearch(`Parameter '${name}' must be a non-negative integer: ${String(value)}`);
  }
  return number;
}

function unsupportedParameter(name: string) {
  return malformedSearch(`The parameter '${name}' is not supported by the org emulator`);
}

const BODY_KEYS = new Set(['q', 'in', 'fields', 'sobjects', 'defaultLimit', 'overallLimit', 'offset']);
const OBJECT_KEYS = new Set(['name', 'fields', 'where', 'limit']);

function fromJsonBody(body: unknown): ParameterizedSearchBody {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw malformedSearch('The request body must be a JSON object');
  }
  const input = body as Record<string, unknown>;
  for (const key of Object.keys(input)) if (!BODY_KEYS.has(key)) throw unsupportedParameter(key);
  if (input['q'] === undefined) throw tooShort('');
  const result: ParameterizedSearchBody = { q: text('q', input['q']) };
  if (input['in'] !== undefined) result.in = text('in', input['in']);
  if (input['fields'] !== undefined) result.fields = textList('fields', input['fields']);
  if (input['defaultLimit'] !== undefined) result.defaultLimit = count('defaultLimit', input['defaultLimit']);
  if (input['overallLimit'] !== undefined) result.overallLimit = count('overallLimit', input['overallLimit']);
  if (input['offset'] !== undefined) result.offset = count('offset', input['offset']);
  if (input['sobjects'] !== undefined) {
    const list = input['sobjects'];
    if (!Array.isArray(list)) throw malformedSearch("'sobjects' must be an array");
    result.sobjects = list.map((item, index) => sobjectOf(item, index));
  }
  return result;
}

function sobjectOf(item: unknown, index: number): ParameterizedSearchObject {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) {
    throw malformedSearch(`sobjects[${index}] must be an object`);
  }
  const input = item as Record<string, unknown>;
  for (const key of Object.keys(input))
    if (!OBJECT_KEYS.has(key)) throw unsupportedParameter(`sobjects[${index}].${key}`);
  const sobject: ParameterizedSearchObject = { name: text(`sobjects[${index}].name`, input['name']) };
  if (input['fields'] !== undefined) sobject.fields = textList(`sobjects[${index}].fields`, input['fields']);
  if (input['where'] !== undefined) sobject.where = text(`sobjects[${index}].where`, input['where']);
  if (input['limit'] !== undefined) sobject.limit = count(`sobjects[${index}].limit`, input['limit']);
  return sobject;
}

function text(name: string, value: unknown): string {
  if (typeof value !== 'string') throw malformedSearch(`'${name}' must be a string`);
  return value;
}

function textList(name: string, value: unknown): string[] {
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
    throw malformedSearch(`'${name}' must be an array of strings`);
  }
  return value as string[];
}
