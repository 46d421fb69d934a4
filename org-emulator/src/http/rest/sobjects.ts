// sObject resources: describe, basic info, create, and one record by Id (GET ?fields=, PATCH, DELETE).
import { isIdShaped, to18 } from '../../ids.ts';
import { describeGlobal, describeSObject } from '../../schema/describe.ts';
import { dmlOptions, failIfRowLocked, recordUrl, saveSuccess, sobjectOr404 } from './dml.ts';
import { hasIdField, idInBodyError, recordValues, requireObjectBody } from './json-body.ts';
import { externalIdFieldNotFound, resourceNotFound } from './responses.ts';
import type { ApiRequest, ApiResponse, RestContext } from './types.ts';
import { versionString } from './types.ts';

export function describeGlobalResource(req: ApiRequest, ctx: RestContext): ApiResponse {
  return { status: 200, body: describeGlobal(ctx.org.schema, versionString(req.apiVersion)) };
}

/** `GET sobjects/{T}`: the object's global-describe entry plus recently viewed items (none in the emulator). */
export function sobjectBasicInfo(req: ApiRequest, ctx: RestContext, typeName: string): ApiResponse {
  const def = sobjectOr404(ctx, typeName);
  const global = describeGlobal(ctx.org.schema, versionString(req.apiVersion)) as { sobjects: Array<{ name: string }> };
  const objectDescribe = global.sobjects.find((s) => s.name === def.name);
  if (!objectDescribe) throw resourceNotFound();
  return { status: 200, body: { objectDescribe, recentItems: [] } };
}

export function describeSObjectResource(req: ApiRequest, ctx: RestContext, typeName: string): ApiResponse {
  const def = sobjectOr404(ctx, typeName);
  return { status: 200, body: describeSObject(ctx.org.schema, def.name, versionString(req.apiVersion)) };
}

/** `POST sobjects/{T}` → 201 `{id, success, errors}`. An Id in the body is refused, as Salesforce does. */
export function createRecord(req: ApiRequest, ctx: RestContext, typeName: string): ApiResponse {
  const def = sobjectOr404(ctx, typeName);
  const values = recordValues(requireObjectBody(req.body, def.name));
  if (hasIdField(values)) throw idInBodyError();
  failIfRowLocked(req, ctx);
  const id = ctx.org.create(def.name, values, dmlOptions(req, ctx));
  return { status: 201, body: saveSuccess(id), location: recordUrl(req.apiVersion, def.name, id) };
}

export function getRecord(req: ApiRequest, ctx: RestContext, typeName: string, idSegment: string): ApiResponse {
  const def = sobjectOr404(ctx, typeName);
  const id = idOr404(idSegment);
  const fieldsParam = req.query.get('fields');
  const fields = fieldsParam
    ? fieldsParam
        .split(',')
        .map((f) => f.trim())
        .filter(Boolean)
    : undefined;
  const values = ctx.org.retrieve(def.name, id, fields && fields.length ? fields : undefined);
  const recordId = typeof values['Id'] === 'string' ? values['Id'] : (to18(id) ?? id);
  return {
    status: 200,
    body: { attributes: { type: def.name, url: recordUrl(req.apiVersion, def.name, recordId) }, ...values }
  };
}

/** `PATCH sobjects/{T}/{id}` → 204. */
export function updateRecord(req: ApiRequest, ctx: RestContext, typeName: string, idSegment: string): ApiResponse {
  const def = sobjectOr404(ctx, typeName);
  const id = idOr404(idSegment);
  const values = recordValues(requireObjectBody(req.body, def.name));
  if (hasIdField(values)) throw idInBodyError();
  failIfRowLocked(req, ctx);
  ctx.org.update(def.name, id, values, dmlOptions(req, ctx));
  return { status: 204 };
}

/** `DELETE sobjects/{T}/{id}` → 204. */
export function deleteRecord(req: ApiRequest, ctx: RestContext, typeName: string, idSegment: string): ApiResponse {
  const def = sobjectOr404(ctx, typeName);
  const id = idOr404(idSegment);
  failIfRowLocked(req, ctx);
  ctx.org.delete(def.name, id, dmlOptions(req, ctx));
  return { status: 204 };
}

/** A segment where an Id belongs but that is not id-shaped: Salesforce reads it as an external-id field name. */
function idOr404(segment: string): string {
  if (!isIdShaped(segment)) throw externalIdFieldNotFound(segment);
  return segment;
}
