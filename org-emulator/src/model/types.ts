// The contract between the emulator's parts: the schema (what objects and fields exist), the record store (what
// is in the org) and the query engines (SOQL/SOSL). The data model implements Schema and RecordSource; the query
// engines only read through these interfaces; the HTTP layer talks to the Org facade (./org.ts).

/** Field types as describe reports them (the WSDL FieldType enumeration). */
export type FieldType =
  | 'id'
  | 'string'
  | 'textarea'
  | 'picklist'
  | 'multipicklist'
  | 'combobox'
  | 'reference'
  | 'boolean'
  | 'int'
  | 'double'
  | 'currency'
  | 'percent'
  | 'date'
  | 'datetime'
  | 'time'
  | 'email'
  | 'phone'
  | 'url'
  | 'base64'
  | 'address'
  | 'location'
  | 'encryptedstring'
  | 'anyType';

export interface PicklistEntry {
  value: string;
  label: string;
  active: boolean;
  defaultValue: boolean;
}

export interface FieldDef {
  /** API name in its canonical case, with the namespace prefix applied for package fields. */
  name: string;
  label: string;
  type: FieldType;
  /** Characters for text types; 0 otherwise. */
  length: number;
  precision: number;
  scale: number;
  digits: number;
  nillable: boolean;
  createable: boolean;
  updateable: boolean;
  defaultedOnCreate: boolean;
  defaultValue: string | number | boolean | null;
  unique: boolean;
  caseSensitive: boolean;
  externalId: boolean;
  idLookup: boolean;
  nameField: boolean;
  calculated: boolean;
  custom: boolean;
  filterable: boolean;
  sortable: boolean;
  groupable: boolean;
  /** Long and rich text areas can't be filtered or sorted. */
  htmlFormatted: boolean;
  picklistValues: PicklistEntry[];
  restrictedPicklist: boolean;
  /** Target object names of a reference field (several for polymorphic Who/What/Owner). */
  referenceTo: string[];
  /** `Account`, `Owner`, `Who`, `Lead__r` …; null for non-reference fields. */
  relationshipName: string | null;
  polymorphicForeignKey: boolean;
  inlineHelpText: string | null;
  /** Included by SOSL `IN PHONE FIELDS` / `IN EMAIL FIELDS` / `IN NAME FIELDS` searches. */
  searchGroup: 'name' | 'email' | 'phone' | 'text' | null;
  soapType: string;

  // Optional describe facts (added by the data model; absent means the WSDL default: false / null).
  /** Auto-number fields (CaseNumber, custom AutoNumber): generated, never writable. */
  autoNumber?: boolean;
  /** Formula source of a calculated field, as describe shows it. */
  calculatedFormula?: string | null;
  /** The compound field this one is part of (`Address` for Street, `Name` for FirstName). */
  compoundFieldName?: string | null;
  /** `personname`, `plaintextarea`, `richtextarea`, `imageurl`, `externallookup`, … */
  extraTypeInfo?: string | null;
  /** Child relationship name on the referenced object(s) (`Contacts` for Contact.AccountId). */
  childRelationshipName?: string | null;
  /** Deleting the parent deletes this child (master-detail and a few standard lookups). */
  cascadeDelete?: boolean;
  /** The parent can't be deleted while this child exists. */
  restrictedDelete?: boolean;
  /** 0 or 1 for master-detail fields; null otherwise. */
  relationshipOrder?: number | null;
  writeRequiresMasterRead?: boolean;
  /** Who/What/Owner style references whose Name is reachable through the `Name` object. */
  namePointing?: boolean;
  /** Picklist controlled by another field. */
  controllerName?: string | null;
  dependentPicklist?: boolean;
  /** Encrypted text (describe type encryptedstring). */
  encrypted?: boolean;
  mask?: string | null;
  maskType?: string | null;
  displayLocationInDecimal?: boolean;
  /** A default that is a formula the emulator does not evaluate (describe's defaultValueFormula). */
  defaultValueFormula?: string | null;
  /** Emulator only, not a describe key: an auto number's display format (`EE-{00000000}`) and first number. */
  displayFormat?: string;
  startingNumber?: number;
}

export interface ChildRelationshipDef {
  childSObject: string;
  field: string;
  relationshipName: string | null;
  cascadeDelete: boolean;
  restrictedDelete: boolean;
}

export interface SObjectDef {
  name: string;
  label: string;
  labelPlural: string;
  keyPrefix: string;
  custom: boolean;
  customSetting: boolean;
  createable: boolean;
  updateable: boolean;
  deletable: boolean;
  queryable: boolean;
  searchable: boolean;
  retrieveable: boolean;
  /** Fields in describe order. */
  fields: FieldDef[];
  childRelationships: ChildRelationshipDef[];

  // Optional describe facts (added by the data model; absent means false).
  activateable?: boolean;
  feedEnabled?: boolean;
  layoutable?: boolean;
  mergeable?: boolean;
  mruEnabled?: boolean;
  replicateable?: boolean;
  triggerable?: boolean;
  undeletable?: boolean;
  deepCloneable?: boolean;
  /** Custom metadata type (`__mdt`): records come from force-app and are read-only through the API. */
  customMetadata?: boolean;
  /** Custom objects with activities enabled are valid Task/Event WhatId targets. */
  enableActivities?: boolean;
}

/** Case-insensitive lookups over the org's objects, as Salesforce resolves API names. */
export interface Schema {
  readonly namespace: string | null;
  object(name: string): SObjectDef | undefined;
  objectByKeyPrefix(keyPrefix: string): SObjectDef | undefined;
  field(objectName: string, fieldName: string): FieldDef | undefined;
  /** Child relationship of a parent object by relationship name (e.g. Account.Contacts). */
  childRelationship(parentObject: string, relationshipName: string): ChildRelationshipDef | undefined;
  objects(): SObjectDef[];
}

/**
 * A stored record. Field values are canonical JSON values keyed by the field's canonical API name:
 * text/picklist/id/reference → string; multipicklist → 'a;b'; int/double/currency/percent → number;
 * boolean → boolean; date → 'YYYY-MM-DD'; datetime → 'YYYY-MM-DDTHH:mm:ss.SSS+0000'; time → 'HH:mm:ss.SSSZ';
 * empty → null. `Id` and the system fields are always present.
 */
export type FieldValues = Record<string, string | number | boolean | null>;

export interface StoredRecord {
  readonly type: string;
  readonly id: string;
  readonly values: FieldValues;
  /** Epoch ms when the record became visible to search (SOSL honours the index-lag setting with it). */
  readonly indexedAt: number;
}

/**
 * `field` holds one of `keys`: text keys folded to upper case (as SOQL compares text), ids in 18-character form.
 * A list of them means any one may hold (an OR).
 */
export interface ValueLookup {
  field: FieldDef;
  keys: readonly string[];
}

/** Read access for the query engines. Records are live (not deleted) unless includeDeleted is asked for. */
export interface RecordSource {
  records(objectName: string, options?: { includeDeleted?: boolean }): Iterable<StoredRecord>;
  byId(id: string, options?: { includeDeleted?: boolean }): StoredRecord | undefined;
  /**
   * Optional indexes. Each answers with a superset of the records a scan would keep for the condition (the
   * caller still applies it), in scan order; undefined when it can't help (no index on that field).
   */
  /** Whether `lookup` can serve conditions on this field. */
  canLookUp?(objectName: string, field: FieldDef): boolean;
  lookup?(
    objectName: string,
    lookups: readonly ValueLookup[],
    options?: { includeDeleted?: boolean }
  ): StoredRecord[] | undefined;
  /** Records with a phone field whose digits are one of `digits` (SOSL IN PHONE FIELDS). */
  byPhoneDigits?(objectName: string, digits: ReadonlySet<string>): StoredRecord[] | undefined;
}

/** What the query engines need to know about the call they serve. */
export interface QueryContext {
  schema: Schema;
  data: RecordSource;
  /** The running user (for USER_MODE and `OwnerId = :me` style defaults). */
  userId: string;
  /** Org time zone (IANA), used by date literals such as TODAY and LAST_N_DAYS:n. */
  timeZone: string;
  now: Date;
  apiVersion: string;
  includeDeleted: boolean;
}

/** The REST shape of a record in a query or search result. */
export type ResultRecord = {
  attributes: { type: string; url: string };
  [field: string]: unknown;
};
