// One emulated org's data: the OrgData facade the HTTP layer calls. A save runs the platform's order of
// execution: read the body (unknown fields, read-only fields, JSON types), defaults and derived values, required
// fields, field values and references, object rules, validation rules, unique values, then the write and its side
// effects. Every DML call is atomic (an internal savepoint), and savepoint()/rollback() span several calls.
import { randomBytes } from 'node:crypto';
import { notFound, SalesforceError } from '../errors.ts';
import { IdFactory, isIdShaped, keyPrefixOf, to18 } from '../ids.ts';
import { buildOrgSchema, type SchemaOptions } from '../schema/index.ts';
import type { CustomMetadataRecord } from '../schema/index.ts';
import type { OrgSchema } from '../schema/schema.ts';
import { ID_SHARING_OBJECTS } from '../schema/standard/index.ts';
import { seedOrg, type SeedResult } from '../seed/index.ts';
import { AutoNumbers } from './auto-number.ts';
import { coerceValue, type StoredValue } from './coerce.ts';
import { formatDateTime } from './dates.ts';
import {
  entityIsDeleted,
  entityNotWritable,
  externalIdFieldNotFound,
  invalidType,
  malformedId,
  MultipleChoicesError,
  noSuchColumnOnEntity,
  notWritable
} from './dml-errors.ts';
import { checkRequired, checkUnique, checkValues } from './field-checks.ts';
import { convertLead, type LeadConvertRequest, type LeadConvertResult } from './lead-convert.ts';
import { readInput, type Changes } from './input.ts';
import type { DmlOptions, OrgData, UpsertOutcome, ValidationRule } from './org-api.ts';
import { indexKey, isIndexed, RecordStore } from './record-store.ts';
import { rulesFor, type DataAccess, type ObjectRules, type SaveContext } from './rules/index.ts';
import type {
  FieldDef,
  FieldValues,
  QueryContext,
  RecordSource,
  SObjectDef,
  StoredRecord,
  ValueLookup
} from './types.ts';
import { ValidationRules } from './validation-rules.ts';

export interface OrgClock {
  /** Epoch milliseconds. */
  now(): number;
}

export interface CreateOrgOptions extends SchemaOptions {
  /** Two alphanumerics in every id (`001<xx>0…`); random by default so two orgs' ids differ. */
  instance?: string;
  clock?: OrgClock;
}

const ALPHANUMERIC = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

function randomInstance(): string {
  const bytes = randomBytes(2);
  return `${ALPHANUMERIC[bytes[0]! % 62]}${ALPHANUMERIC[bytes[1]! % 62]}`;
}

export function createOrg(options: CreateOrgOptions = {}): Org {
  return new Org(options);
}

export class Org implements OrgData {
  readonly schema: OrgSchema;
  readonly source: RecordSource;
  readonly instance: string;
  private readonly clock: OrgClock;
  private readonly store: RecordStore;
  private readonly rules: Map<string, ObjectRules[]>;
  private readonly autoNumbers = new AutoNumbers();
  private readonly validation: ValidationRules;
  private readonly customMetadata: CustomMetadataRecord[];
  private ids: IdFactory;
  private seededState: SeedResult | undefined;
  private orgId = '';
  private adminId = '';
  /** Records being deleted right now (cascades can reach the same record twice). */
  private readonly deleting = new Set<string>();
  private readonly data: DataAccess;

  constructor(options: CreateOrgOptions = {}) {
    const bundle = buildOrgSchema(options);
    this.schema = bundle.schema;
    this.customMetadata = bundle.customMetadataRecords;
    this.instance = options.instance ?? randomInstance();
    this.ids = new IdFactory(this.instance);
    this.clock = options.clock ?? { now: () => Date.now() };
    const sharing = new Set(Object.keys(ID_SHARING_OBJECTS).map((n) => n.toLowerCase()));
    this.store = new RecordStore(this.schema, (type) => !sharing.has(type.toLowerCase()));
    this.rules = rulesFor(this.schema);
    this.validation = new ValidationRules(this.schema);
    this.data = this.dataAccess();
    this.source = {
      records: (objectName, opts) => this.liveRecords(objectName, opts?.includeDeleted ?? false),
      byId: (id, opts) => this.recordById(id, opts?.includeDeleted ?? false),
      canLookUp: (objectName, field) => field.name === 'Id' || this.store.canLookUp(objectName, field),
      lookup: (objectName, lookups, opts) => this.lookupRecords(objectName, lookups, opts?.includeDeleted ?? false),
      byPhoneDigits: (objectName, digits) =>
        this.store.byPhoneDigits(objectName, digits).filter((r) => r.values['IsDeleted'] !== true)
    };
    this.populate();
  }

  get organizationId(): string {
    return this.orgId;
  }

  get adminUserId(): string {
    return this.adminId;
  }

  get timeZone(): string {
    const org = this.orgId ? this.store.get('Organization', this.orgId) : undefined;
    const tz = org?.values['TimeZoneSidKey'];
    return typeof tz === 'string' ? tz : 'America/Los_Angeles';
  }

  /** What the seed created (users, sample records), for tests and the HTTP layer. */
  get seed(): SeedResult | undefined {
    return this.seededState;
  }

  // ---- DML ------------------------------------------------------------------------------------------------

  create(type: string, values: Record<string, unknown>, options: DmlOptions): string {
    const def = this.objectFor(type);
    if (!def.createable) throw entityNotWritable(def, 'inserted');
    if (Object.keys(values).some((k) => k.toLowerCase() === 'id')) {
      throw new SalesforceError('INVALID_FIELD', 'The Id field should not be specified in the sobject data.');
    }
    return this.atomically(() => {
      const changes = readInput(this.schema, this.store, def, values, 'insert');
      return this.insert(def, changes, options.userId, false);
    });
  }

  update(type: string, id: string, values: Record<string, unknown>, options: DmlOptions): void {
    const def = this.objectFor(type);
    if (!def.updateable) throw entityNotWritable(def, 'updated');
    const existing = this.existing(def, id);
    const bodyId = Object.entries(values).find(([k]) => k.toLowerCase() === 'id')?.[1];
    if (bodyId !== undefined && (typeof bodyId !== 'string' || to18(bodyId) !== existing.id)) throw notWritable(['Id']);
    this.atomically(() => {
      const changes = readInput(this.schema, this.store, def, values, 'update');
      this.modify(def, existing, changes, options.userId, false);
    });
  }

  upsert(
    type: string,
    externalIdField: string,
    externalIdValue: string,
    values: Record<string, unknown>,
    options: DmlOptions
  ): UpsertOutcome {
    const def = this.objectFor(type);
    const f = this.schema.field(def.name, externalIdField);
    if (!f || !(f.externalId || f.idLookup)) throw externalIdFieldNotFound(externalIdField);
    const matches = externalIdValue === '' ? [] : this.findByField(def.name, f.name, externalIdValue);
    const body = withoutMatchingKey(f, externalIdValue, values);
    if (matches.length > 1)
      throw new MultipleChoicesError(
        f.name,
        externalIdValue,
        matches.map((r) => r.id)
      );
    const match = matches[0];
    if (match) {
      this.update(def.name, match.id, body, options);
      return { id: match.id, created: false };
    }
    if (f.name === 'Id') {
      if (externalIdValue !== '') throw notFound();
      return { id: this.create(def.name, body, options), created: true };
    }
    if (!f.createable) throw notWritable([f.name]);
    return { id: this.create(def.name, { ...body, [f.name]: externalIdValue }, options), created: true };
  }

  delete(type: string, id: string, options: DmlOptions): void {
    const def = this.objectFor(type);
    if (!def.deletable) throw entityNotWritable(def, 'deleted');
    const existing = this.existing(def, id);
    this.atomically(() => this.remove(def, existing, options.userId));
  }

  /** Lead Convert (not a REST resource; reached through the control surface and tests). */
  convertLead(request: LeadConvertRequest, options: DmlOptions): LeadConvertResult {
    return this.atomically(() => convertLead(this.data, request, options.userId, this.clock.now()));
  }

  retrieve(type: string, id: string, fields?: string[]): FieldValues {
    const def = this.objectFor(type);
    const record = this.existing(def, id);
    if (!fields) return { ...record.values };
    const out: FieldValues = {};
    for (const name of fields) {
      const f = this.schema.field(def.name, name);
      if (!f) throw noSuchColumnOnEntity(name, def.name);
      out[f.name] = record.values[f.name] ?? null;
    }
    return out;
  }

  findByField(type: string, field: string, value: string): StoredRecord[] {
    const def = this.objectFor(type);
    const f = this.schema.field(def.name, field);
    if (!f) throw externalIdFieldNotFound(field);
    if (f.name === 'Id') {
      const id = isIdShaped(value) ? to18(value) : undefined;
      const record = id ? this.store.get(def.name, id) : undefined;
      return record && record.values['IsDeleted'] !== true ? [record] : [];
    }
    const candidates = isIndexed(f)
      ? this.store.lookup(def.name, f, this.comparable(f, value)).map((id) => this.store.get(def.name, id)!)
      : [...this.store.records(def.name)].filter(
          (r) => r.values[f.name] != null && indexKey(f, String(r.values[f.name])) === indexKey(f, value)
        );
    return candidates.filter((r) => r.values['IsDeleted'] !== true);
  }

  /** The stored form of a URL value (a number field's external id "42" is stored as 42). */
  private comparable(f: FieldDef, value: string): string | number | boolean {
    try {
      const v = coerceValue(f, value, () => '[line:1, column:1]');
      return v === null ? value : v;
    } catch {
      return value;
    }
  }

  // ---- savepoints and validation rules ----------------------------------------------------------------------

  savepoint(): number {
    return this.store.savepoint();
  }

  rollback(savepoint: number): void {
    this.store.rollback(savepoint);
  }

  release(savepoint: number): void {
    this.store.release(savepoint);
  }

  installValidationRule(rule: ValidationRule): void {
    this.validation.install(rule);
  }

  removeValidationRule(name: string): boolean {
    return this.validation.remove(name);
  }

  validationRules(): ValidationRule[] {
    return this.validation.list();
  }

  queryContext(userId: string, apiVersion: string, includeDeleted: boolean): QueryContext {
    return {
      schema: this.schema,
      data: this.source,
      userId,
      timeZone: this.timeZone,
      now: new Date(this.clock.now()),
      apiVersion,
      includeDeleted
    };
  }

  // ---- export, import, reset --------------------------------------------------------------------------------

  exportRecords(): Record<string, FieldValues[]> {
    const out: Record<string, FieldValues[]> = {};
    for (const def of this.schema.objects()) {
      if (def.customMetadata) continue; // metadata, reloaded from force-app
      const rows = [...this.store.records(def.name)]
        .filter((r) => r.values['IsDeleted'] !== true)
        .map((r) => ({ ...r.values }));
      if (rows.length) out[def.name] = rows;
    }
    return out;
  }

  importRecords(records: Record<string, FieldValues[]>): void {
    const parsed = this.parseImport(records);
    this.store.clear();
    this.autoNumbers.clear();
    this.ids = new IdFactory(this.instance);
    this.loadCustomMetadata();
    const now = this.clock.now();
    for (const { def, rows } of parsed) {
      for (const values of rows) {
        const id = String(values['Id']);
        this.ids.observe(id);
        for (const f of def.fields) {
          const v = values[f.name];
          if (f.autoNumber && typeof v === 'string') this.autoNumbers.observe(def.name, f, v);
        }
        this.store.put({ type: def.name, id, values, indexedAt: now });
      }
    }
    const org = [...this.store.records('Organization')][0];
    this.orgId = org?.id ?? this.orgId;
    const admin = [...this.store.records('User')].find(
      (u) => String(u.values['Username']).toLowerCase() === 'admin@switchboard.test'
    );
    this.adminId = admin?.id ?? [...this.store.records('User')][0]?.id ?? this.adminId;
    this.seededState = undefined;
  }

  /** Checks a data file before anything is replaced: known objects and fields, and ids of the right object. */
  private parseImport(records: Record<string, FieldValues[]>): Array<{ def: SObjectDef; rows: FieldValues[] }> {
    if (typeof records !== 'object' || records === null || Array.isArray(records)) {
      throw new Error('data must be an object of records keyed by object name');
    }
    return Object.entries(records).map(([objectName, rows]) => {
      const def = this.schema.object(objectName);
      if (!def) throw new Error(`data: unknown object ${objectName}`);
      if (!Array.isArray(rows)) throw new Error(`data: ${objectName} must be a list of records`);
      return {
        def,
        rows: rows.map((row, i) => {
          if (typeof row !== 'object' || row === null) throw new Error(`data: ${objectName}[${i}] is not a record`);
          const values = this.blankValues(def);
          for (const [key, value] of Object.entries(row)) {
            const f = this.schema.field(def.name, key);
            if (!f) throw new Error(`data: ${objectName}[${i}] has unknown field ${key}`);
            if (value !== null && !['string', 'number', 'boolean'].includes(typeof value)) {
              throw new Error(`data: ${objectName}[${i}].${key} must be a string, number, boolean or null`);
            }
            values[f.name] = value as StoredValue;
          }
          const id = values['Id'];
          if (typeof id !== 'string' || !isIdShaped(id) || id.length !== 18) {
            throw new Error(`data: ${objectName}[${i}] needs an 18-character Id`);
          }
          return values;
        })
      };
    });
  }

  reset(): void {
    this.validation.clear();
    this.populate();
  }

  private populate(): void {
    this.store.clear();
    this.autoNumbers.clear();
    this.ids = new IdFactory(this.instance);
    this.loadCustomMetadata();
    this.seededState = seedOrg(this.data, { now: this.clock.now() });
    this.orgId = this.seededState.organizationId;
    this.adminId = this.seededState.adminUserId;
  }

  private loadCustomMetadata(): void {
    for (const record of this.customMetadata) this.insertInternal(record.type, record.values);
  }

  // ---- the save pipeline -------------------------------------------------------------------------------------

  private atomically<T>(work: () => T): T {
    const sp = this.store.savepoint();
    try {
      const result = work();
      this.store.release(sp);
      return result;
    } catch (error) {
      this.store.rollback(sp);
      this.store.release(sp);
      throw error;
    }
  }

  private objectFor(type: string): SObjectDef {
    const def = this.schema.object(type);
    if (!def) throw invalidType(type);
    return def;
  }

  /** The live record an id names, or Salesforce's error for a bad, foreign, missing or deleted id. */
  private existing(def: SObjectDef, id: string): StoredRecord {
    const idField = this.schema.field(def.name, 'Id')!;
    const id18 = typeof id === 'string' && isIdShaped(id) ? to18(id)! : undefined;
    if (!id18 || keyPrefixOf(id18) !== def.keyPrefix) throw malformedId(idField, String(id));
    const record = this.store.get(def.name, id18);
    if (!record) throw notFound();
    if (record.values['IsDeleted'] === true) throw entityIsDeleted();
    return record;
  }

  private blankValues(def: SObjectDef): FieldValues {
    const values: FieldValues = {};
    for (const f of def.fields) values[f.name] = f.type === 'boolean' ? false : null;
    return values;
  }

  private objectRules(def: SObjectDef): ObjectRules[] {
    return this.rules.get(def.name.toLowerCase()) ?? [];
  }

  private insert(def: SObjectDef, changes: Changes, userId: string, system: boolean, fixedId?: string): string {
    const now = this.clock.now();
    const id = fixedId ?? this.ids.next(def.keyPrefix);
    const values = this.blankValues(def);
    for (const f of def.fields) {
      if (!f.defaultedOnCreate) continue;
      const picklistDefault = f.picklistValues.find((p) => p.defaultValue)?.value;
      if (picklistDefault !== undefined) values[f.name] = picklistDefault;
      else if (f.defaultValue !== null) values[f.name] = f.defaultValue;
    }
    for (const [name, value] of changes) {
      const f = this.schema.field(def.name, name);
      // Null for a field with a default means "use the default" on create.
      if (value === null && f?.defaultedOnCreate && values[name] !== null) continue;
      values[name] = value;
    }
    const stamp = formatDateTime(now);
    values['Id'] = id;
    if ('IsDeleted' in values) values['IsDeleted'] = false;
    for (const f of ['CreatedDate', 'LastModifiedDate', 'SystemModstamp']) if (f in values) values[f] = stamp;
    for (const f of ['CreatedById', 'LastModifiedById']) if (f in values) values[f] = userId;
    if ('OwnerId' in values && values['OwnerId'] == null) values['OwnerId'] = userId;
    for (const f of def.fields) {
      if (f.autoNumber && values[f.name] == null) values[f.name] = this.autoNumbers.take(def.name, f, new Date(now));
    }
    const changed = new Set(changes.keys());
    const ctx: SaveContext = {
      data: this.data,
      def,
      op: 'insert',
      id,
      before: undefined,
      values,
      changed,
      userId,
      now,
      system
    };
    this.save(ctx);
    return id;
  }

  private modify(def: SObjectDef, existing: StoredRecord, changes: Changes, userId: string, system: boolean): void {
    const now = this.clock.now();
    const values: FieldValues = { ...existing.values };
    for (const [name, value] of changes) {
      const f = this.schema.field(def.name, name);
      values[name] = value === null && f?.type === 'boolean' ? false : value;
    }
    const stamp = formatDateTime(now);
    if ('LastModifiedDate' in values) values['LastModifiedDate'] = stamp;
    if ('SystemModstamp' in values) values['SystemModstamp'] = stamp;
    if ('LastModifiedById' in values) values['LastModifiedById'] = userId;
    const ctx: SaveContext = {
      data: this.data,
      def,
      op: 'update',
      id: existing.id,
      before: existing.values,
      values,
      changed: new Set(changes.keys()),
      userId,
      now,
      system
    };
    this.save(ctx);
  }

  private save(ctx: SaveContext): void {
    const { def, values } = ctx;
    const rules = this.objectRules(def);
    for (const r of rules) r.derive?.(ctx);
    if (def.custom && values['Name'] === null && this.schema.field(def.name, 'Name')?.defaultedOnCreate) {
      // A custom record saved without a Name is named by its Id.
      values['Name'] = ctx.id;
    }
    if (!ctx.system) {
      checkRequired(def, values, ctx.op, ctx.changed);
      checkValues(this.schema, this.store, def, values, ctx.changed);
      for (const r of rules) r.validate?.(ctx);
      this.validation.check(
        def,
        { type: def.name, id: ctx.id, values, indexedAt: ctx.now },
        this.queryContext(ctx.userId, '62.0', false)
      );
      checkUnique(this.store, def, ctx.id, values, ctx.changed);
    }
    this.store.put({ type: def.name, id: ctx.id, values, indexedAt: ctx.now });
    for (const r of rules) r.afterSave?.(ctx);
  }

  private remove(def: SObjectDef, record: StoredRecord, userId: string): void {
    if (this.deleting.has(`${def.name}:${record.id}`)) return;
    this.deleting.add(`${def.name}:${record.id}`);
    try {
      const now = this.clock.now();
      for (const r of this.objectRules(def)) r.beforeDelete?.({ data: this.data, def, record, userId, now });
      this.deleteChildren(def, record, userId);
      const current = this.store.get(def.name, record.id) ?? record;
      const stamp = formatDateTime(now);
      const values: FieldValues = { ...current.values, IsDeleted: true };
      if ('SystemModstamp' in values) values['SystemModstamp'] = stamp;
      if ('LastModifiedDate' in values) values['LastModifiedDate'] = stamp;
      if ('LastModifiedById' in values) values['LastModifiedById'] = userId;
      this.store.put({ ...current, values });
    } finally {
      this.deleting.delete(`${def.name}:${record.id}`);
    }
  }

  /** Cascade-deletes children, refuses when a restricting child exists, and clears other lookups to the record. */
  private deleteChildren(def: SObjectDef, record: StoredRecord, userId: string): void {
    for (const rel of def.childRelationships) {
      const childDef = this.schema.object(rel.childSObject);
      if (!childDef) continue;
      const children = this.store
        .referencing(childDef.name, rel.field, record.id)
        .map((id) => this.store.get(childDef.name, id)!)
        .filter((c) => c.values['IsDeleted'] !== true);
      if (!children.length) continue;
      if (rel.restrictedDelete) {
        throw new SalesforceError(
          'DELETE_FAILED',
          `Your attempt to delete ${String(record.values['Name'] ?? record.id)} could not be completed because it is associated with the following ${childDef.labelPlural.toLowerCase()}.: ${children
            .map((c) => String(c.values['Name'] ?? c.id))
            .join(', ')}`
        );
      }
      for (const child of children) {
        const live = this.store.get(childDef.name, child.id);
        if (!live || live.values['IsDeleted'] === true) continue;
        if (rel.cascadeDelete) this.remove(childDef, live, userId);
        else this.store.put({ ...live, values: { ...live.values, [rel.field]: null } });
      }
    }
  }

  // ---- internal writes (seed, rules) -----------------------------------------------------------------------

  private insertInternal(type: string, values: FieldValues, userId?: string, id?: string): string {
    const def = this.objectFor(type);
    const changes: Changes = new Map();
    for (const [k, v] of Object.entries(values)) {
      const f = this.schema.field(def.name, k);
      if (!f) throw new Error(`${def.name} has no field ${k}`);
      changes.set(f.name, f.type === 'reference' && typeof v === 'string' ? (to18(v) ?? v) : v);
    }
    return this.insert(def, changes, userId ?? this.adminId, true, id);
  }

  private dataAccess(): DataAccess {
    return {
      schema: this.schema,
      timeZone: () => this.timeZone,
      live: (id) => {
        if (!id || !isIdShaped(id)) return undefined;
        const r = this.store.getById(to18(id)!);
        return r && r.values['IsDeleted'] !== true ? r : undefined;
      },
      liveOf: (type, id) => {
        const r = this.store.get(type, id);
        return r && r.values['IsDeleted'] !== true ? r : undefined;
      },
      children: (type, field, id) =>
        this.store
          .referencing(type, field, id)
          .map((childId) => this.store.get(type, childId)!)
          .filter((r) => r.values['IsDeleted'] !== true),
      find: (type, predicate) =>
        [...this.store.records(type)].filter((r) => r.values['IsDeleted'] !== true && predicate(r.values)),
      insertSystem: (type, values, userId, id) => this.insertInternal(type, values, userId, id),
      updateSystem: (type, id, changes, userId) => {
        const def = this.objectFor(type);
        const existing = this.store.get(def.name, id);
        if (!existing) throw new Error(`${type} ${id} does not exist`);
        const map: Changes = new Map();
        for (const [k, v] of Object.entries(changes)) {
          const f = this.schema.field(def.name, k);
          if (!f) throw new Error(`${def.name} has no field ${k}`);
          map.set(f.name, v);
        }
        this.modify(def, existing, map, userId, true);
      },
      deleteSystem: (type, id, userId) => {
        const def = this.objectFor(type);
        const existing = this.store.get(def.name, id);
        if (existing && existing.values['IsDeleted'] !== true) this.remove(def, existing, userId);
      },
      nextId: (keyPrefix) => this.ids.next(keyPrefix)
    };
  }

  // ---- reads -------------------------------------------------------------------------------------------------

  private *liveRecords(objectName: string, includeDeleted: boolean): Iterable<StoredRecord> {
    for (const r of this.store.records(objectName)) {
      if (includeDeleted || r.values['IsDeleted'] !== true) yield r;
    }
  }

  /** Records that may satisfy any of the lookups, from the indexes; undefined when a field has none. */
  private lookupRecords(
    objectName: string,
    lookups: readonly ValueLookup[],
    includeDeleted: boolean
  ): StoredRecord[] | undefined {
    const def = this.schema.object(objectName);
    if (!def) return undefined;
    const ids = new Set<string>();
    for (const { field, keys } of lookups) {
      if (field.name === 'Id') {
        for (const key of keys) if (this.store.get(def.name, key)) ids.add(key);
      } else if (this.store.canLookUp(def.name, field)) {
        for (const record of this.store.lookupMany(def.name, field, keys)) ids.add(record.id);
      } else {
        return undefined;
      }
    }
    return this.store.inStoreOrder(def.name, ids).filter((r) => includeDeleted || r.values['IsDeleted'] !== true);
  }

  private recordById(id: string, includeDeleted: boolean): StoredRecord | undefined {
    if (!isIdShaped(id)) return undefined;
    const r = this.store.getById(to18(id)!);
    if (!r) return undefined;
    return includeDeleted || r.values['IsDeleted'] !== true ? r : undefined;
  }
}

/**
 * The external-id field may appear in the body only with the URL's value (older API versions refused it
 * outright; the wording of the mismatch error is unverified).
 */
function withoutMatchingKey(f: FieldDef, value: string, values: Record<string, unknown>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) {
    if (k.toLowerCase() !== f.name.toLowerCase()) {
      body[k] = v;
      continue;
    }
    const same = v !== null && v !== undefined && indexKey(f, String(v)) === indexKey(f, value);
    if (!same) {
      throw new SalesforceError(
        'INVALID_FIELD',
        `${f.name}: the value in the request body (${String(v)}) doesn't match the external ID in the URL (${value})`,
        { fields: [f.name] }
      );
    }
  }
  return body;
}
