// sObject Collections (`composite/sobjects`): create, update, upsert by external id, retrieve and delete up to 200
// records in one call. Results come back in request order with per-record errors keyed `statusCode`. With
// allOrNone every record is still tried (so each failure reports its own error), then everything is rolled back
// and the records that had succeeded report ALL_OR_NONE_OPERATION_ROLLED_BACK.
import { SalesforceError } from '../../errors.ts';
import { isIdShaped, keyPrefixOf, to18 } from '../../ids.ts';
import type { SObjectDef } from '../../model/types.ts';
import { asSalesforceError, dmlOptions, recordUrl, saveFailure, saveSuccess, sobjectOr404 } from './dml.ts';
import type { SaveResult } from './dml.ts';
import { jsonParserError, requireObjectBody } from './json-body.ts';
import { externalIdFieldNotFound } from './responses.ts';
import type { ApiRequest, ApiResponse, RestContext } from './types.ts';

const MAX_RECORDS = 200;
const MAX_RETRIEVE_IDS = 2000;

const tooManyRecords = (): SalesforceError =>
  new SalesforceError('EXCEEDED_ID_LIMIT', 'record limit reached. cannot submit more than 200 records into this call');

const rolledBack = (): SalesforceError =>
  new SalesforceError(
    'ALL_OR_NONE_OPERATION_ROLLED_BACK',
    'Record rolled back because not all records were valid and the request was using AllOrNone header'
  );

const rowLocked = (): SalesforceError =>
  new SalesforceError('UNABLE_TO_LOCK_ROW', 'unable to obtain exclusive access to this record');

interface CollectionBody {
  allOrNone: boolean;
  records: Array<Record<string, unknown>>;
}

function collectionBody(req: ApiRequest): CollectionBody {
  const object = requireObjectBody(req.body, 'SObjectCollectionRequest');
  const requested = object['allOrNone'] ?? false;
  if (typeof requested !== 'boolean')
    throw jsonParserError(`Cannot deserialize value of type boolean from ${JSON.stringify(requested)} (allOrNone)`);
  // "If the Composite request has allOrNone set to true, then the all-or-none behavior also applies to each of
  // the sObject Collections subrequests, overriding the value of allOrNone in the subrequests."
  const allOrNone = requested || req.forceAllOrNone === true;
  const records = object['records'] ?? [];
  if (!Array.isArray(records)) throw jsonParserError('Cannot deserialize records: expected an array of sObjects');
  if (records.length > MAX_RECORDS) throw tooManyRecords();
  records.forEach((r, i) => {
    if (typeof r !== 'object' || r === null || Array.isArray(r)) {
      throw jsonParserError(`Cannot deserialize records[${i}]: expected an sObject`);
    }
  });
  return { allOrNone, records: records as Array<Record<string, unknown>> };
}

/** `attributes.type` names the record's sObject; every collection record must carry it. */
function recordType(ctx: RestContext, record: Record<string, unknown>): SObjectDef {
  const attributes = record['attributes'];
  const type =
    typeof attributes === 'object' && attributes !== null ? (attributes as Record<string, unknown>)['type'] : undefined;
  if (typeof type !== 'string' || type === '') {
    throw new SalesforceError('INVALID_TYPE', 'Must send a concrete entity type.');
  }
  const def = ctx.org.schema.object(type);
  if (!def) {
    throw new SalesforceError(
      'INVALID_TYPE',
      `sObject type '${type}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`
    );
  }
  return def;
}

/** Field values of a collection record: everything but `attributes` and (when asked) the id. */
function fieldValues(record: Record<string, unknown>, without: string[] = []): Record<string, unknown> {
  const drop = new Set(['attributes', ...without.map((f) => f.toLowerCase())]);
  return Object.fromEntries(Object.entries(record).filter(([k]) => !drop.has(k.toLowerCase())));
}

/** Runs one write per record under the collection rules (row-lock faults, allOrNone rollback). */
function runWrites(
  req: ApiRequest,
  ctx: RestContext,
  allOrNone: boolean,
  count: number,
  write: (index: number) => SaveResult
): SaveResult[] {
  const locked = ctx.faults.lockedRecords(req.method, req.path, count);
  const savepoint = allOrNone ? ctx.org.savepoint() : undefined;
  const results: SaveResult[] = [];
  for (let i = 0; i < count; i++) {
    if (locked.has(i)) {
      results.push(saveFailure(rowLocked()));
      continue;
    }
    try {
      results.push(write(i));
    } catch (error) {
      results.push(saveFailure(asSalesforceError(error)));
    }
  }
  if (savepoint !== undefined) {
    if (results.some((r) => !r.success)) {
      ctx.org.rollback(savepoint);
      return results.map((r) => (r.success ? saveFailure(rolledBack()) : r));
    }
    ctx.org.release(savepoint);
  }
  return results;
}

/** `POST composite/sobjects` */
export function createCollection(req: ApiRequest, ctx: RestContext): ApiResponse {
  const { allOrNone, records } = collectionBody(req);
  const options = dmlOptions(req, ctx);
  const results = runWrites(req, ctx, allOrNone, records.length, (i) => {
    const record = records[i]!;
    const def = recordType(ctx, record);
    const values = fieldValues(record);
    if (Object.keys(values).some((k) => k.toLowerCase() === 'id')) {
      throw new SalesforceError('INVALID_FIELD', 'cannot specify Id in an insert call', { fields: [] });
    }
    return saveSuccess(ctx.org.create(def.name, values, options));
  });
  return { status: 200, body: results };
}

/** `PATCH composite/sobjects` */
export function updateCollection(req: ApiRequest, ctx: RestContext): ApiResponse {
  const { allOrNone, records } = collectionBody(req);
  const options = dmlOptions(req, ctx);
  const results = runWrites(req, ctx, allOrNone, records.length, (i) => {
    const record = records[i]!;
    const def = recordType(ctx, record);
    const idKey = Object.keys(record).find((k) => k.toLowerCase() === 'id');
    const id = idKey ? record[idKey] : undefined;
    if (typeof id !== 'string' || id === '') {
      throw new SalesforceError('MISSING_ARGUMENT', 'Id not specified in an update call', { fields: [] });
    }
    ctx.org.update(def.name, id, fieldValues(record, ['Id']), options);
    return saveSuccess(to18(id) ?? id);
  });
  return { status: 200, body: results };
}

/** `PATCH composite/sobjects/{T}/{ExternalIdField}` (API 46.0+) */
export function upsertCollection(req: ApiRequest, ctx: RestContext, typeName: string, fieldName: string): ApiResponse {
  const def = sobjectOr404(ctx, typeName);
  const field = ctx.org.schema.field(def.name, fieldName);
  if (!field || !(field.externalId || field.idLookup)) throw externalIdFieldNotFound(fieldName);
  const { allOrNone, records } = collectionBody(req);
  const options = dmlOptions(req, ctx);
  const valueOf = (record: Record<string, unknown>): unknown => {
    const key = Object.keys(record).find((k) => k.toLowerCase() === field.name.toLowerCase());
    return key === undefined ? undefined : record[key];
  };
  // The same external id twice in one call is refused for both records, as Salesforce does.
  const seen = new Map<string, number>();
  for (const record of records) {
    const v = valueOf(record);
    if (typeof v === 'string' || typeof v === 'number') seen.set(String(v), (seen.get(String(v)) ?? 0) + 1);
  }
  const results = runWrites(req, ctx, allOrNone, records.length, (i) => {
    const record = records[i]!;
    const recordDef = recordType(ctx, record);
    if (recordDef.name !== def.name) {
      throw new SalesforceError(
        'INVALID_TYPE',
        `Record type ${recordDef.name} does not match the upsert type ${def.name}`
      );
    }
    const raw = valueOf(record);
    if (raw === undefined || raw === null || raw === '') {
      throw new SalesforceError('MISSING_ARGUMENT', `${field.name} not specified`, { fields: [] });
    }
    const value = String(raw);
    if ((seen.get(value) ?? 0) > 1) {
      throw new SalesforceError('DUPLICATE_VALUE', `Duplicate external id specified: ${value}`, { fields: [] });
    }
    try {
      const outcome = ctx.org.upsert(def.name, field.name, value, fieldValues(record, [field.name]), options);
      return saveSuccess(outcome.id, outcome.created);
    } catch (error) {
      if (asSalesforceError(error).errorCode !== 'MULTIPLE_CHOICES') throw error;
      const ids = ctx.org.findByField(def.name, field.name, value).map((r) => r.id);
      throw new SalesforceError(
        'DUPLICATE_EXTERNAL_ID',
        `${field.name}: more than one record found for external id field: [${ids.join(', ')}]`,
        { fields: [] }
      );
    }
  });
  return { status: 200, body: results };
}

/** `DELETE composite/sobjects?ids=…[&allOrNone=true]` */
export function deleteCollection(req: ApiRequest, ctx: RestContext): ApiResponse {
  const ids = splitList(req.query.get('ids'));
  if (ids.length === 0) throw new SalesforceError('MISSING_ARGUMENT', 'ids parameter is required');
  if (ids.length > MAX_RECORDS) throw tooManyRecords();
  const allOrNone = req.query.get('allOrNone') === 'true' || req.forceAllOrNone === true;
  const options = dmlOptions(req, ctx);
  const results = runWrites(req, ctx, allOrNone, ids.length, (i) => {
    const id = ids[i]!;
    if (!isIdShaped(id)) throw new SalesforceError('MALFORMED_ID', `malformed id ${id}`, { fields: [] });
    const def = ctx.org.schema.objectByKeyPrefix(keyPrefixOf(id));
    if (!def) throw new SalesforceError('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', { fields: [] });
    ctx.org.delete(def.name, id, options);
    return saveSuccess(to18(id)!);
  });
  return { status: 200, body: results };
}

/** `GET composite/sobjects/{T}?ids=…&fields=…` and `POST composite/sobjects/{T}` `{ids, fields}` */
export function retrieveCollection(req: ApiRequest, ctx: RestContext, typeName: string): ApiResponse {
  const def = sobjectOr404(ctx, typeName);
  let ids: string[];
  let fields: string[];
  if (req.method === 'POST') {
    const body = requireObjectBody(req.body, 'SObjectCollectionRetrieveRequest');
    ids = stringList(body['ids'], 'ids');
    fields = stringList(body['fields'], 'fields');
  } else {
    ids = splitList(req.query.get('ids'));
    fields = splitList(req.query.get('fields'));
  }
  if (ids.length === 0) throw new SalesforceError('MISSING_ARGUMENT', 'ids parameter is required');
  if (fields.length === 0) throw new SalesforceError('MISSING_ARGUMENT', 'fields parameter is required');
  if (ids.length > MAX_RETRIEVE_IDS) {
    throw new SalesforceError(
      'EXCEEDED_ID_LIMIT',
      'record limit reached. cannot submit more than 2000 records into this call'
    );
  }
  for (const f of fields) {
    if (!ctx.org.schema.field(def.name, f)) {
      throw new SalesforceError(
        'INVALID_FIELD',
        `No such column '${f}' on entity '${def.name}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`
      );
    }
  }
  const records = ids.map((id) => {
    if (!isIdShaped(id) || keyPrefixOf(id) !== def.keyPrefix) return null;
    try {
      const values = ctx.org.retrieve(def.name, id, fields);
      return { attributes: { type: def.name, url: recordUrl(req.apiVersion, def.name, to18(id)!) }, ...values };
    } catch (error) {
      asSalesforceError(error);
      return null;
    }
  });
  return { status: 200, body: records };
}

function splitList(value: string | null): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function stringList(value: unknown, name: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
    throw jsonParserError(`Cannot deserialize ${name}: expected an array of strings`);
  }
  return value as string[];
}
