// The DML failures Salesforce reports, with its error codes and message wording (reference §2.2). Messages whose
// exact text could not be confirmed against a real org say so where they are built.
import { SalesforceError } from '../errors.ts';
import type { FieldDef, SObjectDef } from './types.ts';

export const requiredFieldsMissing = (fields: string[]): SalesforceError =>
  new SalesforceError('REQUIRED_FIELD_MISSING', `Required fields are missing: [${fields.join(', ')}]`, { fields });

export const noSuchColumn = (field: string, objectName: string): SalesforceError =>
  new SalesforceError('INVALID_FIELD', `No such column '${field}' on sobject of type ${objectName}`, {
    fields: [field]
  });

export const invalidType = (name: string): SalesforceError =>
  new SalesforceError(
    'INVALID_TYPE',
    `sObject type '${name}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`
  );

export const notWritable = (fields: string[]): SalesforceError =>
  new SalesforceError(
    'INVALID_FIELD_FOR_INSERT_UPDATE',
    `Unable to create/update fields: ${fields.join(', ')}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
    { fields }
  );

/** DML on an object the API can't write (custom metadata types, Organization …). */
export const entityNotWritable = (object: SObjectDef, verb: 'inserted' | 'updated' | 'deleted'): SalesforceError =>
  new SalesforceError('CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY', `entity type cannot be ${verb}: ${object.label}`);

export const stringTooLong = (f: FieldDef, value: string): SalesforceError =>
  new SalesforceError('STRING_TOO_LONG', `${f.label}: data value too large: ${value} (max length=${f.length})`, {
    fields: [f.name]
  });

export const badRestrictedPicklist = (f: FieldDef, value: string): SalesforceError =>
  new SalesforceError(
    'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
    `${f.label}: bad value for restricted picklist field: ${value}`,
    {
      fields: [f.name]
    }
  );

export const invalidEmail = (f: FieldDef, value: string): SalesforceError =>
  new SalesforceError('INVALID_EMAIL_ADDRESS', `${f.label}: invalid email address: ${value}`, { fields: [f.name] });

export const numberOutOfRange = (f: FieldDef, value: number): SalesforceError =>
  new SalesforceError(
    'NUMBER_OUTSIDE_VALID_RANGE',
    `${f.label}: value outside of valid range on numeric field: ${value}`,
    {
      fields: [f.name]
    }
  );

/** A value that isn't an id at all (`abc`, a 14-character id, a wrong checksum). */
export const malformedId = (f: FieldDef, value: string): SalesforceError =>
  new SalesforceError('MALFORMED_ID', `${f.label}: id value of incorrect type: ${value}`, { fields: [f.name] });

/** A well-formed id of an object the field can't point at (a Lead id in Contact.AccountId). */
export const idOfWrongType = (f: FieldDef, value: string): SalesforceError =>
  new SalesforceError('FIELD_INTEGRITY_EXCEPTION', `${f.label}: id value of incorrect type: ${value}`, {
    fields: [f.name]
  });

/** A well-formed id of the right object that points at no live record. */
export const invalidCrossReference = (f: FieldDef): SalesforceError =>
  new SalesforceError('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', { fields: [f.name] });

export const duplicateValue = (f: FieldDef, existingId: string): SalesforceError =>
  new SalesforceError(
    'DUPLICATE_VALUE',
    `duplicate value found: ${f.name} duplicates value on record with id: ${existingId}`,
    {
      fields: []
    }
  );

export const convertedLead = (fields: string[] = []): SalesforceError =>
  new SalesforceError('CANNOT_UPDATE_CONVERTED_LEAD', 'cannot reference converted lead', { fields });

export const entityIsDeleted = (): SalesforceError =>
  new SalesforceError('ENTITY_IS_DELETED', 'entity is deleted', { status: 404, fields: [] });

export const fieldIntegrity = (message: string, fields: string[]): SalesforceError =>
  new SalesforceError('FIELD_INTEGRITY_EXCEPTION', message, { fields });

/** Jackson's wording for a JSON value that doesn't fit the field's type. */
export const jsonParserError = (message: string): SalesforceError => new SalesforceError('JSON_PARSER_ERROR', message);

export const customValidation = (message: string, field?: string): SalesforceError =>
  new SalesforceError('FIELD_CUSTOM_VALIDATION_EXCEPTION', message, { fields: field ? [field] : [] });

/** Upsert matched several records: the REST layer answers 300 with the matching records. */
export class MultipleChoicesError extends SalesforceError {
  readonly ids: string[];

  constructor(field: string, value: string, ids: string[]) {
    super('MULTIPLE_CHOICES', `More than one record found for external id field ${field} with value ${value}.`, {
      status: 300
    });
    this.ids = ids;
  }
}

export const externalIdFieldNotFound = (field: string): SalesforceError =>
  new SalesforceError('NOT_FOUND', `Provided external ID field does not exist or is not accessible: ${field}`, {
    status: 404
  });

export const noSuchColumnOnEntity = (field: string, objectName: string): SalesforceError =>
  new SalesforceError(
    'INVALID_FIELD',
    `No such column '${field}' on entity '${objectName}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`
  );
