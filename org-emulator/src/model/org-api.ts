// The data model's facade: everything the HTTP layer may do to an org's data. Every method either succeeds or
// throws a SalesforceError carrying Salesforce's errorCode, message and fields for that failure.
import type { FieldValues, QueryContext, RecordSource, Schema, StoredRecord } from './types.ts';

export interface DmlOptions {
  /** The running user: becomes CreatedById/LastModifiedById and the default OwnerId. */
  userId: string;
  /** `Sforce-Duplicate-Rule-Header: allowSave=true` lets a save through duplicate *alert* rules. */
  allowDuplicateSave?: boolean;
}

/**
 * A validation rule that tests can install. `condition` is a SOQL WHERE expression over the record's own fields
 * (e.g. `Phone = null AND LeadSource = 'Web'`); when it matches the record as it would be saved, the save fails
 * with FIELD_CUSTOM_VALIDATION_EXCEPTION and `errorMessage` (on `errorField` when given).
 */
export interface ValidationRule {
  name: string;
  object: string;
  condition: string;
  errorMessage: string;
  errorField?: string;
  active?: boolean;
}

export interface UpsertOutcome {
  id: string;
  created: boolean;
}

export interface OrgData {
  readonly schema: Schema;
  /** Read access for SOQL/SOSL, always reflecting the latest writes. */
  readonly source: RecordSource;
  readonly organizationId: string;
  readonly timeZone: string;
  /** The seeded System Administrator (admin@switchboard.test). */
  readonly adminUserId: string;

  create(type: string, values: Record<string, unknown>, options: DmlOptions): string;
  update(type: string, id: string, values: Record<string, unknown>, options: DmlOptions): void;
  /** Upsert by an External ID (or idLookup) field: 0 matches → create, 1 → update, 2+ → MULTIPLE_CHOICES (300). */
  upsert(
    type: string,
    externalIdField: string,
    externalIdValue: string,
    values: Record<string, unknown>,
    options: DmlOptions
  ): UpsertOutcome;
  delete(type: string, id: string, options: DmlOptions): void;
  /** One record's values, all fields or the named ones (in the given order). */
  retrieve(type: string, id: string, fields?: string[]): FieldValues;
  /** Records of `type` whose `field` equals `value` (external-id lookups; 15/18-char id matching for Id). */
  findByField(type: string, field: string, value: string): StoredRecord[];

  /** Marks a point that rollback() can return the whole org to (sObject Collections / Composite allOrNone). */
  savepoint(): number;
  rollback(savepoint: number): void;
  release(savepoint: number): void;

  installValidationRule(rule: ValidationRule): void;
  removeValidationRule(name: string): boolean;
  validationRules(): ValidationRule[];

  /** A context for the query engines bound to this org. */
  queryContext(userId: string, apiVersion: string, includeDeleted: boolean): QueryContext;

  /** Every record of every object (deleted ones excluded), keyed by object name: the `/__org/export` body. */
  exportRecords(): Record<string, FieldValues[]>;
  /** Replaces all data with the given records (the `--data` file format, which is the export format). */
  importRecords(records: Record<string, FieldValues[]>): void;
  /** Back to the seeded state. */
  reset(): void;
}
